import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { generateLog } from '../bench/generate.ts';
import { IkescopePage } from './pages/ikescope-page.ts';

/**
 * A headend's log: the benchmark's generated negotiations (a tenth of them to unreachable peers, the last
 * ones cut off by the end of the capture) followed by two real logs of one router's tunnels to one peer
 * (corpus 01, complete, and 02, failing for want of a pre-shared key): many negotiations, a few failures.
 */
function writeHeadendLog(path: string): void {
  let text = '';
  generateLog(400_000, (chunk) => (text += chunk));
  for (const name of ['01-mm-qm-success-initiator-iosxe-cryptomap.log', '02-no-psk-configured-initiator-iosxe.log']) {
    text += readFileSync(new URL(`../fixtures/corpus/${name}`, import.meta.url), 'utf8');
  }
  writeFileSync(path, text);
}

const list = (page: Page) => page.getByRole('list', { name: 'Negotiations found' });
const count = (page: Page) => page.getByTestId('negotiations.count');
const openSummary = (page: Page) => page.getByRole('button', { name: /^Summary/ }).click();

/** Opens the page on the headend log, waits for the whole analysis, and gives the list's total. */
async function openHeadend(page: Page, testInfo: TestInfo): Promise<{ app: IkescopePage; total: number }> {
  const path = testInfo.outputPath('headend.log');
  writeHeadendLog(path);
  const app = new IkescopePage(page);
  await app.open();
  await page.getByTestId('load.file').setInputFiles(path);
  await expect(page.getByRole('progressbar')).toHaveCount(0, { timeout: 30_000 });
  await expect(count(page)).toHaveText(/^\d+$/);
  return { app, total: Number(await count(page).textContent()) };
}

test('a headend log: the summary counts agree with the list, and each choice filters it', async ({ page }, testInfo) => {
  const { app, total } = await openHeadend(page, testInfo);
  expect(total).toBeGreaterThan(40);

  // The summary: how many failed, by outcome; choosing "failed" lists exactly those.
  await openSummary(page);
  const summary = page.getByTestId('negotiations.summary');
  await expect(summary).toContainText(`${total} negotiations`);
  const failed = Number((await summary.textContent())?.match(/^(\d+) negotiations, (\d+) failed/)?.[2]);
  expect(failed).toBeGreaterThan(1);
  expect(failed).toBeLessThan(total / 4);
  await expect(page.getByTestId('summary.outcome.failed')).toContainText(String(failed));
  await page.getByTestId('summary.outcome.failed').click();
  await expect(count(page)).toHaveText(`${failed} of ${total}`);
  await expect(list(page).getByRole('button')).toHaveCount(failed);
  await expect(page.getByLabel('Outcome', { exact: true })).toHaveValue('failed');

  // A failing peer: only its negotiations, both of them, one of which failed.
  await openSummary(page);
  const peer = page.getByTestId('summary.peer').first();
  await expect(peer).toContainText('203.0.113.1: 1 of 2 failed');
  await peer.click();
  await expect(count(page)).toHaveText(`2 of ${total}`);
  const rows = list(page).getByRole('button');
  await expect(rows).toHaveCount(2);
  for (const row of await rows.all()) await expect(row).toContainText('203.0.113.1');

  // A finding code: only the negotiations that have it; each one opened shows that finding.
  await openSummary(page);
  await page.getByTestId('summary.code.PEER_UNREACHABLE').click();
  await expect(page.getByLabel('Finding', { exact: true })).toHaveValue('PEER_UNREACHABLE');
  const shown = Number((await count(page).textContent())?.match(/^(\d+) of/)?.[1]);
  expect(shown).toBeGreaterThan(0);
  for (let i = 0; i < shown; i++) {
    await list(page).getByRole('button').nth(i).click();
    await expect(page.getByTestId('finding.PEER_UNREACHABLE')).toBeVisible();
  }

  // The filter is in the link: a reload opens on the same filtered list.
  expect(page.url()).toContain('c=PEER_UNREACHABLE');
  await page.reload();
  await expect(page.getByRole('progressbar')).toHaveCount(0, { timeout: 30_000 });
  await expect(count(page)).toHaveText(`${shown} of ${total}`);
  await expect(page.getByLabel('Finding', { exact: true })).toHaveValue('PEER_UNREACHABLE');
  expect(app.consoleErrors).toEqual([]);
});

test('the filters are operable by keyboard, and the list follows the arrow keys', async ({ page }, testInfo) => {
  const { app, total } = await openHeadend(page, testInfo);

  // type part of an address: only the peers it names
  await page.getByLabel('Peer or address').focus();
  await page.keyboard.type('203.0.113');
  await expect(count(page)).toHaveText(`2 of ${total}`);
  // the sort and the outcome by keyboard: failures first puts the failing one on top
  await page.getByLabel('Sort', { exact: true }).focus();
  await page.getByLabel('Sort', { exact: true }).selectOption('failures');
  await expect(list(page).getByRole('button').first()).toContainText('1 error');
  await list(page).getByRole('button').first().focus();
  await page.keyboard.press('Enter');
  await expect(list(page).getByRole('button').first()).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(list(page).getByRole('button').nth(1)).toHaveAttribute('aria-current', 'true');
  await expect(list(page).getByRole('button').nth(1)).toBeFocused();
  await page.getByRole('button', { name: 'Clear the filters' }).click();
  await expect(count(page)).toHaveText(String(total));
  expect(app.consoleErrors).toEqual([]);
});
