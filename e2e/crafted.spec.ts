import { deflateSync, strToU8 } from 'fflate';
import { expect, test } from '@playwright/test';
import { IkescopePage } from './pages/ikescope-page.ts';
import { labSetupOf } from '../src/core/sim/lab.ts';

/** A link as anyone can craft one: any JSON, deflated and base64url-encoded as the page's own links are. */
function craftedLink(shared: unknown): string {
  let binary = '';
  for (const byte of deflateSync(strToU8(JSON.stringify(shared)))) binary += String.fromCharCode(byte);
  return `#lab=${btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replaceAll('=', '')}`;
}

const seed = labSetupOf('seed')!;

for (const lose of [5, {}, [null], [{ from: 'initiator', message: '__proto__' }]]) {
  test(`a link whose faults lose ${JSON.stringify(lose)} gets a notice and the default exercise`, async ({ page }) => {
    const app = new IkescopePage(page);
    await page.goto(`/${craftedLink({ v: 1, setup: { ...seed, preset: null, faults: { lose } } })}`);
    await expect(page.getByRole('alert')).toContainText(/link/i);
    await expect(page.getByTestId('lab.preset')).toHaveValue('seed');
    await app.analysed();
    await expect(page.getByTestId('lab.outcome')).toHaveText(/phase 1 complete, phase 2 complete/);
  });
}

test('typing an unknown hash under a policy leaves the page and the edit in place', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await app.runLab('seed');
  const line = app.labEditor('initiator').locator('.cm-line', { hasText: 'crypto isakmp policy 10' }).first();
  await line.click();
  await page.keyboard.press('End');
  await page.keyboard.type('\n hash constructor');
  // The lab re-runs a moment after the last key press: give it that moment and the analysis after it.
  await page.waitForTimeout(1500);
  await app.analysed();
  await expect(page.getByTestId('lab.outcome')).toHaveText(/^(Simulated|Cannot simulate)/);
  await expect(app.labEditor('initiator')).toContainText('hash constructor');
  await expect(page.getByRole('region', { name: /^Ladder/ })).toBeVisible();
  expect(app.consoleErrors).toEqual([]);
});

test('a view that fails is replaced by a message and a way back; the other views stay', async ({ page }) => {
  // The log editor asks for the colour scheme when it starts: make that one question fail.
  await page.addInitScript(() => {
    const ask = window.matchMedia.bind(window);
    window.matchMedia = (query: string) => {
      if (query === '(prefers-color-scheme: dark)') throw new Error('the colour scheme is unknown');
      return ask(query);
    };
  });
  const app = new IkescopePage(page);
  await app.open();
  const log = app.logPane();
  await expect(log.getByRole('alert')).toHaveText(/Log could not be shown: the colour scheme is unknown/);
  await expect(log.getByRole('button', { name: 'Try again' })).toBeVisible();
  // Everything else is drawn as usual, and works.
  await expect(app.arrow('MM1')).toBeVisible();
  await app.arrow('MM3').focus();
  await page.keyboard.press('Enter');
  await expect(app.arrow('MM3')).toHaveAttribute('aria-pressed', 'true');
  expect(await app.selectedMessage()).toBe('MM3');
  await expect(page.getByRole('alert')).toHaveCount(1);
});
