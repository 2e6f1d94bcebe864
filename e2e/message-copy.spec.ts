import { expect, test } from '@playwright/test';
import { IkescopePage } from './pages/ikescope-page.ts';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const clipboard = (page: import('@playwright/test').Page) => page.evaluate(() => navigator.clipboard.readText());

test("Copy lines copies both routers' lines of MM5 and its config lines, the key masked unless asked for", async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await app.selectArrow('MM5');
  const inspector = page.getByRole('article', { name: 'Message MM5' });
  await inspector.getByRole('button', { name: 'Copy lines' }).click();
  await expect(inspector.getByRole('status')).toHaveText(/^Copied \d+ lines, keys masked\.$/);
  const masked = await clipboard(page);
  expect(masked.split('\n')[0]).toBe('MM5: R2 → R3');
  expect(masked).toContain("--- R2's log (");
  expect(masked).toContain("--- R3's log (");
  expect(masked).toMatch(/sending packet to .* MM_KEY_EXCH/);
  expect(masked).toContain('crypto isakmp key ***** address ipv6 ::/0');
  expect(masked).not.toContain('key cisco');

  await inspector.getByRole('checkbox', { name: 'with keys' }).check();
  await inspector.getByRole('button', { name: 'Copy lines' }).click();
  await expect(inspector.getByRole('status')).toHaveText(/keys included\.$/);
  expect(await clipboard(page)).toContain('crypto isakmp key cisco address ipv6 ::/0');
  expect(app.consoleErrors).toEqual([]);
});

test("a message's link opens its workspace at that message; in a browser without the case it says so", async ({ page, browser }) => {
  const app = new IkescopePage(page);
  await app.open();
  await app.openFixture('fixtures/corpus/01-mm-qm-success-initiator-iosxe-cryptomap.log');
  await app.analysed();
  await app.selectArrow('MM3');
  await page.getByRole('article', { name: 'Message MM3' }).getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('article', { name: 'Message MM3' }).getByRole('status')).toHaveText('Copied a link to this message.');
  const link = await clipboard(page);
  expect(link).toMatch(/#w=case\.[0-9a-f]+&n=0&s=\d+$/);

  // Another tab of this browser holds the case: the link opens it at MM3.
  const other = await page.context().newPage();
  const reopened = new IkescopePage(other);
  await other.goto(link);
  await reopened.analysed();
  await expect.poll(() => reopened.selectedMessage()).toBe('MM3');
  await expect(reopened.arrow('MM3')).toHaveAttribute('aria-pressed', 'true');

  // A browser that never saw the case says so rather than show another log.
  const stranger = await browser.newContext();
  const elsewhere = await stranger.newPage();
  await elsewhere.goto(link);
  await expect(elsewhere.getByTestId('workspace.missing')).toContainText('not kept in this browser');
  await expect(elsewhere.locator('[data-testid^="ladder.arrow."]')).toHaveCount(0);
  await stranger.close();
});
