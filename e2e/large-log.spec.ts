import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { expect, test } from '@playwright/test';
import { generateLog } from '../bench/generate.ts';
import { IkescopePage } from './pages/ikescope-page.ts';
import { watchLongTasks } from './pages/long-tasks.ts';

/** Writes a generated log of many interleaved negotiations (the benchmark's generator) to a file. */
async function writeGeneratedLog(path: string, bytes: number) {
  const out = createWriteStream(path);
  generateLog(bytes, (text) => out.write(text));
  out.end();
  await once(out, 'finish');
}

test('a 20 MB log loads with a progress bar and no main-thread task over 100 ms', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const path = testInfo.outputPath('generated-20mb.log');
  await writeGeneratedLog(path, 20 * 1024 * 1024);
  const longTasks = await watchLongTasks(page);
  const app = new IkescopePage(page);
  await app.open();
  await longTasks.reset();

  // A path, not a buffer: the browser reads the file itself, as when a user opens it.
  await page.getByTestId('load.file').setInputFiles(path);
  await expect(page.getByRole('progressbar')).toBeVisible();
  // The start of the log is drawn while the rest is still being read.
  await expect(page.locator('[data-testid^="ladder.arrow."]').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('progressbar')).toHaveCount(0, { timeout: 120_000 });
  await expect(page.getByRole('list', { name: 'Negotiations found' })).toBeVisible();
  expect(await longTasks.longest()).toBeLessThanOrEqual(100);
  // Every line is kept: the worker that read the file hands its text over, and its last line is in the editor.
  const lastLine = readFileSync(path, 'utf8').trimEnd().split('\n').at(-1)!;
  // focused, not clicked (a click on a line selects its negotiation, which scrolls the editor to it)
  const showsLastLine = () =>
    expect(async () => {
      await app.logPane().locator('.cm-content').focus();
      await page.keyboard.press('Control+End');
      await expect(app.logPane().locator('.cm-line', { hasText: lastLine })).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
  await showsLastLine();

  // Choosing another negotiation fetches it from the worker and redraws the ladder.
  const list = page.getByRole('list', { name: 'Negotiations found' });
  await list.getByRole('button').nth(2).click();
  await expect(list.getByRole('button').nth(2)).toHaveAttribute('aria-current', 'true');
  await expect(page.locator('[data-testid^="ladder.arrow."]').first()).toBeVisible();

  // The case is kept: after a reload the worker reads the stored file again, the log pane included.
  await page.reload();
  await expect(list).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('progressbar')).toHaveCount(0, { timeout: 120_000 });
  await showsLastLine();
});
