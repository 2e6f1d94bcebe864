import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator } from '@playwright/test';
import { IkescopePage } from './pages/ikescope-page.ts';

const widths = [
  { width: 390, height: 844 },
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
];

/** The stroke colour an element is drawn with. */
const strokeOf = (locator: Locator) => locator.evaluate((element) => getComputedStyle(element).stroke);

for (const colorScheme of ['light', 'dark'] as const) {
  for (const viewport of widths) {
    test(`axe finds nothing at ${viewport.width}×${viewport.height}, ${colorScheme}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize(viewport);
      const app = new IkescopePage(page);
      await app.open();
      await expect(app.logPane().locator('.cm-content')).toBeVisible();
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
    });
  }

  test(`keyboard focus never looks like the selection, ${colorScheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    const app = new IkescopePage(page);
    await app.open();
    // MM1 is selected; Tab onto it: its focus ring shows, in another colour than the selection's frame.
    await app.tabUntil('[data-testid="ladder.arrow.MM1"]');
    const mm1 = app.arrow('MM1');
    const ring = mm1.locator('[data-focus-ring]');
    await expect(ring).toBeVisible();
    const frame = mm1.locator('rect').first();
    expect(await strokeOf(ring)).not.toBe(await strokeOf(frame));
    // Focus on an arrow that is not selected: the ring, and no selection frame.
    await page.keyboard.press('Tab');
    const mm2 = app.arrow('MM2');
    await expect(mm2).toBeFocused();
    await expect(mm2).toHaveAttribute('aria-pressed', 'false');
    await expect(mm2.locator('[data-focus-ring]')).toBeVisible();
    await expect(mm1.locator('[data-focus-ring]')).toHaveCount(0);
    // A click selects without the keyboard's ring.
    await app.arrow('MM3').click();
    await expect(app.arrow('MM3').locator('[data-focus-ring]')).toHaveCount(0);
    expect(await strokeOf(mm2.locator('rect').first())).toBe('rgba(0, 0, 0, 0)');
  });

  test(`the log editor shows a focus ring, ${colorScheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    const app = new IkescopePage(page);
    await app.open();
    const editor = app.logPane().locator('.cm-editor');
    await expect(editor).toHaveCSS('outline-style', 'none');
    await app.tabUntil('.cm-content');
    await expect(editor).toHaveCSS('outline-style', 'solid');
    await expect(editor).toHaveCSS('outline-width', '2px');
  });
}
