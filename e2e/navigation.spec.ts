import { expect, test } from '@playwright/test';
import { IkescopePage } from './pages/ikescope-page.ts';

const caseLog = 'fixtures/corpus/01-mm-qm-success-initiator-iosxe-cryptomap.log';

test('clicking a log line selects its message, and so does landing on a search hit', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await app.openFixture(caseLog);
  await app.analysed();
  const mm3 = 'sending packet to 203.0.113.1 my_port 500 peer_port 500 (I) MM_SA_SETUP';
  await app.scrollLogTo(mm3);
  await app.logPane().locator('.cm-line', { hasText: mm3 }).click();
  await expect.poll(() => app.selectedMessage()).toBe('MM3');
  await expect(app.arrow('MM3')).toHaveAttribute('aria-pressed', 'true');

  // Ctrl-F in the log, the first hit: MM5 leaves with the MM_KEY_EXCH state.
  await app.logPane().locator('.cm-content').focus();
  await page.keyboard.press('Control+f');
  await expect(page.getByRole('textbox', { name: 'Find' })).toBeFocused();
  await page.keyboard.type('peer_port 500 (I) MM_KEY_EXCH');
  await page.keyboard.press('Enter');
  await expect.poll(() => app.selectedMessage()).toBe('MM5');
  expect(app.consoleErrors).toEqual([]);
});

test('? opens the keyboard shortcuts and the legend, Escape closes them', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts and legend' });
  await expect(help).toBeVisible();
  await expect(help.getByRole('row', { name: /next or previous message/ })).toBeVisible();
  await expect(help.getByRole('img', { name: 'Dashed arrow, ×N' })).toBeVisible();
  await expect(help).toContainText('a resend of the message above it');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  // The header's button opens it too.
  await page.getByRole('button', { name: 'Keys and legend' }).click();
  await expect(help).toBeVisible();
});

test('a failed negotiation opens at its failing message, not at MM1', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await page.getByRole('combobox', { name: 'Example' }).selectOption('psk-mismatch');
  await app.analysed();
  await expect(page.getByTestId('finding.PSK_MISMATCH')).toBeVisible();
  const failed = page.locator('[data-testid^="ladder.arrow."][data-failed="true"]');
  await expect(failed.first()).toHaveAttribute('aria-pressed', 'true');
  expect(await app.selectedMessage()).toBe('MM5');
});

test('one Ctrl + wheel notch zooms the ladder a small step', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  const zoom = page.getByText(/^\d+% · \d+ messages/);
  await expect(zoom).toHaveText(/^100%/);
  const box = (await page.getByTestId('ladder').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -100);
  await page.keyboard.up('Control');
  await expect(zoom).not.toHaveText(/^100%/);
  const percent = Number.parseInt((await zoom.innerText()).replace(/%.*/s, ''), 10);
  expect(percent).toBeGreaterThan(100);
  expect(percent).toBeLessThan(125);
});
