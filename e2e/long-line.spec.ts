import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { IkescopePage } from './pages/ikescope-page.ts';
import { watchLongTasks } from './pages/long-tasks.ts';

/**
 * Hand-written input, not a real log: a crafted paste with a 5 MB word where a packet line names its peer and a
 * 5 MB line of prose, between two real-shaped packet lines. No router prints this; it stands for a binary or
 * mangled paste, which must not freeze the page or name a lifeline.
 */
const packet = 'ISAKMP: (1002):sending packet to 10.0.0.2 my_port 500 peer_port 500 (I) MM_KEY_EXCH';
const crafted = [
  packet,
  `ISAKMP: (1002):sending packet to ${'A'.repeat(5_000_000)} my_port 500 peer_port 500 (I) MM_NO_STATE`,
  'x'.repeat(5_000_000),
  packet,
].join('\n');

test('a log with multi-megabyte lines loads with no main-thread task over 100 ms, and a 5 MB word names no peer', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const path = testInfo.outputPath('long-lines.log');
  writeFileSync(path, crafted);
  const longTasks = await watchLongTasks(page);
  const app = new IkescopePage(page);
  await app.open();
  await longTasks.reset();

  await page.getByTestId('load.file').setInputFiles(path);
  const list = page.getByRole('list', { name: 'Negotiations found' });
  await expect(list).toContainText('10.0.0.2', { timeout: 30_000 });
  await expect(page.getByRole('progressbar')).toHaveCount(0, { timeout: 30_000 });
  // Each long line is drawn in part, with a note of how much is not drawn; all four lines are there.
  const notes = app.logPane().locator('.cm-ike-undrawn');
  await expect(notes.first()).toContainText(/4,99\d,\d{3} more characters/);
  await app.logPane().locator('.cm-scroller').evaluate((element) => element.scrollTo(0, element.scrollHeight));
  await expect(notes.last()).toContainText(/4,998,000 more characters/);
  await expect(app.logPane().locator('.cm-lineNumbers .cm-gutterElement', { hasText: /^4$/ })).toHaveCount(1);

  expect(await longTasks.longest()).toBeLessThanOrEqual(100);
  expect((await list.textContent())?.length ?? 0).toBeLessThan(500);
  expect(app.consoleErrors).toEqual([]);
});
