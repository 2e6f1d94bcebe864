import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { IkescopePage } from './pages/ikescope-page.ts';

const seedLog = readFileSync('fixtures/seed/ios-ikev1-main-mode-debugs.txt', 'utf8');
const r2 = readFileSync('fixtures/configs/seed-R2.config.txt', 'utf8');

test('an attribute an unsaid default decides highlights the implicit default line, not its policy', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await app.arrow('MM1').click();
  await page.getByRole('button', { name: 'DES-CBC' }).click();
  for (const router of ['R2', 'R3']) {
    const related = app.configPane(router).locator('[data-related="true"]');
    await expect(related).toHaveCount(1);
    await expect(related).toHaveText(/^\s*encryption des\s*\(default\)$/);
  }
  // The first router's deciding line is scrolled into view (stacked, the two panes share one scroller).
  await expect(app.configPane('R2').locator('[data-related="true"]')).toBeInViewport();
  // A value the config says is decided by its own line.
  await page.getByRole('button', { name: 'pre-share' }).click();
  for (const router of ['R2', 'R3']) {
    const related = app.configPane(router).locator('[data-related="true"]');
    await expect(related).toHaveCount(1);
    await expect(related).toContainText('authentication pre-share');
  }
});

test('a config opened with a log is titled by its hostname, its heading stays in view, words are not split', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const app = new IkescopePage(page);
  await app.open();
  await app.dropFiles([
    { name: 'case-1234.log', text: seedLog },
    { name: 'running-config-2024-05-01.txt', text: `hostname HQ\n!\n${r2}` },
  ]);
  await app.analysed();
  const pane = app.configPane('HQ');
  await expect(pane).toBeVisible();
  await expect(pane.locator('figcaption')).toContainText('running-config-2024-05-01.txt');
  // Scrolled to its end, the router's heading is still on screen.
  await app.region('Configuration').getByRole('group').evaluate((element) => element.scrollTo(0, element.scrollHeight));
  await expect(pane.locator('figcaption')).toBeInViewport();
  // No line breaks inside a word: every wrapped line of the config starts at a word's beginning.
  const splitWords = await pane.locator('li > span:last-child').evaluateAll((spans) =>
    spans.flatMap((span) => {
      const range = document.createRange();
      const node = span.firstChild;
      if (!node || node.nodeType !== Node.TEXT_NODE) return [];
      const text = node.textContent ?? '';
      const splits: string[] = [];
      let lastTop: number | null = null;
      for (let i = 0; i < text.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const top = range.getBoundingClientRect().top;
        if (lastTop !== null && top > lastTop + 2 && /\S/.test(text[i - 1] ?? '') && /\S/.test(text[i] ?? '')) splits.push(text);
        lastTop = top;
      }
      return splits;
    }),
  );
  expect(splitWords).toEqual([]);
});
