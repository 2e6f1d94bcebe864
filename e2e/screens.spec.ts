import { expect, test } from '@playwright/test';
import { IkescopePage } from './pages/ikescope-page.ts';
import { regions } from '../src/ui/app/regions.ts';

const schemes = ['light', 'dark'] as const;

for (const colorScheme of schemes) {
  test.describe(`a phone, 390×844, ${colorScheme}`, () => {
    test.use({ viewport: { width: 390, height: 844 }, colorScheme, hasTouch: true });

    test('the regions stack without overlapping, each readable, and nothing scrolls sideways', async ({ page }) => {
      const app = new IkescopePage(page);
      await app.open();
      expect(await app.sidewaysOverflow()).toBe(0);
      const boxes = await app.regionBoxes();
      for (const region of regions) {
        // Tall enough to read a line or two, not collapsed to its border.
        expect(boxes.get(region.id)?.height, region.id).toBeGreaterThan(60);
      }
      const stacked = [...boxes.values()].sort((a, b) => a.y - b.y);
      for (let i = 1; i < stacked.length; i++) {
        expect(stacked[i]!.y, 'each region starts below the one before').toBeGreaterThanOrEqual(stacked[i - 1]!.y + stacked[i - 1]!.height - 1);
      }
      // The ladder's step controls are not covered by another region.
      const next = page.getByTestId('step.next');
      await next.scrollIntoViewIfNeeded();
      await next.click({ trial: true });
    });

    test('the Findings link brings the findings into view, the finding readable', async ({ page }) => {
      const app = new IkescopePage(page);
      await app.open();
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await page.getByRole('navigation', { name: 'Regions' }).getByRole('link', { name: 'Findings', exact: true }).click();
      await expect(app.region('Findings')).toBeFocused();
      await expect(app.region('Findings')).toBeInViewport();
      const finding = page.getByTestId('finding.WEAK_CRYPTO');
      await expect(finding).toBeInViewport({ ratio: 1 });
      await expect(finding).toContainText('Fix:');
    });

    test('selecting a message leaves the ladder where it is on the screen: the log scrolls in its own pane', async ({ page }) => {
      const app = new IkescopePage(page);
      await app.open();
      await expect(app.logPane().locator('.cm-content')).toContainText('Global (N) NEW SA');
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      const logScroll = () => app.logPane().locator('.cm-scroller').evaluate((element) => element.scrollTop);
      const logBefore = await logScroll();
      await app.arrow('MM3').scrollIntoViewIfNeeded();
      // Where the arrow is on the screen: the State region above it may grow, and the page keeps the arrow put.
      const before = (await app.arrow('MM3').boundingBox())?.y;
      await app.arrow('MM3').click();
      await expect.poll(() => app.selectedMessage()).toBe('MM3');
      await expect.poll(logScroll).not.toBe(logBefore);
      await page.waitForTimeout(300);
      // Within a few pixels: the selected arrow is drawn with a frame around it.
      expect(Math.abs((await app.arrow('MM3').boundingBox())!.y - before!)).toBeLessThan(4);
    });
  });

  test.describe(`a laptop, 1280×720, ${colorScheme}`, () => {
    test.use({ viewport: { width: 1280, height: 720 }, colorScheme });

    test('the ladder shows a useful stretch and its controls fit on one line', async ({ page }) => {
      const app = new IkescopePage(page);
      await app.open();
      expect(await app.sidewaysOverflow()).toBe(0);
      const toolbar = app.region('Ladder').getByRole('toolbar', { name: 'Playback' });
      expect((await toolbar.boundingBox())?.height).toBeLessThan(40);
      for (const name of ['MM1', 'MM2', 'MM3']) await expect(app.arrow(name)).toBeInViewport({ ratio: 1 });
    });
  });
}

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
]) {
  test(`at ${viewport.width}×${viewport.height} every region fits in the window beside the others`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const app = new IkescopePage(page);
    await app.open();
    expect(await app.sidewaysOverflow()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBe(viewport.height);
    for (const region of regions) await expect(app.region(region.title)).toBeInViewport({ ratio: 1 });
    for (const name of ['MM1', 'MM2', 'MM3']) await expect(app.arrow(name)).toBeInViewport({ ratio: 1 });
  });
}
