import { expect, test, type Page } from '@playwright/test';
import { IkescopePage } from './pages/ikescope-page.ts';

/** The header README.md asks a host to send: no inline script or style, workers from this origin only, Trusted Types. */
export const strictPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "worker-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types ikescope-worker',
].join('; ');

/** Serves every page of the app with the strict header, as a host would, and records what the browser refuses. */
async function underStrictPolicy(page: Page): Promise<void> {
  await page.route('**/*', async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers(), 'content-security-policy': strictPolicy };
    await route.fulfill({ response, headers });
  });
  await page.addInitScript(() => {
    const refused: string[] = [];
    (window as unknown as { refused: string[] }).refused = refused;
    document.addEventListener('securitypolicyviolation', (event) => refused.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`));
  });
}

const refusals = (page: Page) => page.evaluate(() => (window as unknown as { refused: string[] }).refused);

test('under a strict Content-Security-Policy with Trusted Types the analysis, the log editor and the lab work', async ({ page }) => {
  await underStrictPolicy(page);
  const app = new IkescopePage(page);
  await app.open();
  await expect(page.locator('[data-testid^="ladder.arrow."]').first()).toBeVisible();
  // CodeMirror's own styles apply: its gutter is laid out beside the text, not above it.
  const gutter = app.logPane().locator('.cm-gutters');
  await expect(gutter).toBeVisible();
  expect(await gutter.evaluate((element) => getComputedStyle(element).display)).toBe('flex');
  await app.runLab('seed');
  await expect(page.getByTestId('lab.outcome')).toHaveText(/phase 1 complete, phase 2 complete/);
  expect(await refusals(page)).toEqual([]);
  expect(app.consoleErrors).toEqual([]);
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});
