import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { IkescopePage } from './pages/ikescope-page.ts';

const answer = (page: Page) => page.getByRole('region', { name: 'About this input' });
const noNegotiation = 'No negotiation to draw in this input';

async function paste(page: Page, text: string) {
  await page.getByRole('button', { name: 'Paste…' }).click();
  await page.getByRole('textbox', { name: /Paste debug output/ }).fill(text);
  await page.getByRole('button', { name: 'Analyse' }).click();
}

test('prose gets a page-level answer saying what to paste, and no pane is left blank', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await paste(page, 'Hi all,\nmy tunnel to the branch is down since this morning.\nAny idea what to check?\n');
  await expect(answer(page)).toHaveAttribute('data-kind', 'not-ike');
  await expect(answer(page)).toContainText('No IKE or IPsec debug output was recognized in 3 lines');
  await expect(answer(page)).toContainText('debug crypto isakmp');
  await expect(answer(page)).toContainText('debug crypto ipsec');
  await expect(answer(page)).toContainText('debug crypto ikev2');
  await expect(answer(page).locator('code', { hasText: 'show crypto ikev2 sa' })).toHaveCount(1);
  for (const region of ['Ladder', 'State', 'Findings']) await expect(app.region(region)).toContainText(noNegotiation);
  // Every line is still there to read.
  await expect(app.logPane().locator('.cm-content')).toContainText('Any idea what to check?');
  expect(app.consoleErrors).toEqual([]);
});

test('a binary file is said to be one', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
  await page.getByTestId('load.file').setInputFiles({ name: 'capture.pcap', mimeType: 'application/octet-stream', buffer: bytes });
  await expect(answer(page)).toHaveAttribute('data-kind', 'binary');
  await expect(answer(page)).toContainText('not text');
  await expect(app.region('Ladder')).toContainText(noNegotiation);
  expect(app.consoleErrors).toEqual([]);
});

test('IKEv2 lines that show no IKE SA are said to be IKEv2, rather than left blank', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  // the first line of corpus 25 alone: a hub's policy lookup, no packet and no SPI (the whole excerpt tells of an
  // IKE_AUTH being verified, and makes a negotiation)
  const corpus25 = readFileSync('fixtures/corpus/25-flexvpn-hub-psk-lookup-by-fqdn-ike-identity-responder-iosxe.log', 'utf8');
  const lookup = corpus25.split('\n').find((l) => l.includes("Searching policy based on peer's identity"))!;
  await page.getByTestId('load.file').setInputFiles({ name: 'lookup.log', mimeType: 'text/plain', buffer: Buffer.from(`${lookup}\n`) });
  await expect(answer(page)).toHaveAttribute('data-kind', 'ikev2');
  await expect(answer(page)).toContainText('IKEv2 debug output');
  await expect(answer(page)).toContainText('no IKE SA to draw');
  await expect(app.region('Findings')).toContainText(noNegotiation);
});

test('an empty paste cannot be analysed, and the dialog says why', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await page.getByRole('button', { name: 'Paste…' }).click();
  const analyse = page.getByRole('button', { name: 'Analyse' });
  await expect(analyse).toBeDisabled();
  await expect(analyse).toHaveAccessibleDescription(/Nothing pasted yet/);
  await page.getByRole('textbox', { name: /Paste debug output/ }).fill('  \n\t\n');
  await expect(analyse).toBeDisabled();
  await page.getByRole('textbox', { name: /Paste debug output/ }).fill(readFileSync('fixtures/corpus/02-no-psk-configured-initiator-iosxe.log', 'utf8'));
  await expect(analyse).toBeEnabled();
  await analyse.click();
  await expect(app.logPane()).toContainText('No pre-shared key');
  // A log with a negotiation gets no such answer.
  await expect(answer(page)).toHaveCount(0);
});

test('one error line pasted alone is an event with its meaning, not a negotiation', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  // corpus 21: one %CRYPTO-4-IKMP_BAD_MESSAGE line, which its author reads as a key mismatch
  await page.getByTestId('load.file').setInputFiles('fixtures/corpus/21-psk-mismatch-ikmp-bad-message-single-line.log');
  await expect(answer(page)).toHaveAttribute('data-kind', 'no-negotiation');
  const events = page.getByRole('list', { name: 'Lines outside any negotiation' });
  await expect(events).toContainText('%CRYPTO-4-IKMP_BAD_MESSAGE (peer 192.1.20.2), line 7');
  await expect(events).toContainText('usually the pre-shared keys differ');
  // no finding is made of it: the findings region has no negotiation to speak of
  await expect(app.region('Findings')).toContainText(noNegotiation);
  await expect(page.getByTestId('finding.PSK_MISMATCH')).toHaveCount(0);
  await expect(app.logPane()).toContainText('failed its sanity check');
  expect(app.consoleErrors).toEqual([]);
});

test('IPsec asking for SAs, with no IKE line after it, is said as that request, not as no IKE output', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  // the operator's commands, a ping and IPsec's sa_request, the paste cut there
  await page.getByTestId('load.file').setInputFiles('fixtures/partial/sa-request-ping-author-notes-zh-tw-l2l-series.log');
  await expect(answer(page)).toHaveAttribute('data-kind', 'no-negotiation');
  const events = page.getByRole('list', { name: 'Lines outside any negotiation' });
  await expect(events).toContainText('IPSEC(sa_request) (peer 202.100.1.2), line 11');
  await expect(events).toContainText('IPsec asks for SAs to 202.100.1.2: proxies 1.1.1.1/255.255.255.255/0/0 ↔ 2.2.2.2/255.255.255.255/0/0.');
  await expect(events).toContainText('No IKE line follows in the paste');
  await expect(app.region('Ladder')).toContainText(noNegotiation);
  expect(app.consoleErrors).toEqual([]);
});
