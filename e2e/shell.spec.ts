import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { IkescopePage } from './pages/ikescope-page.ts';
import { regions } from '../src/ui/app/regions.ts';

test('the first visit shows the seed example without console errors', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await expect(page.getByRole('heading', { level: 1, name: 'ikescope' })).toBeVisible();
  // The log editor loads lazily: wait for its text, then check both routers' debug lines are there.
  const log = app.logPane();
  // The first message is selected: its debug lines are in view.
  await expect(log.locator('.cm-content')).toContainText('Global (N) NEW SA');
  await app.scrollLogTo('IOS IPSec and IKE debugs - IKEv1 Main Mode Troubleshooting');
  // The editor only draws what is in view: scroll to the debug lines and they are there.
  await app.scrollLogTo('Old State = IKE_READY  New State = IKE_R_MM1');
  await app.scrollLogTo('Old State = IKE_READY  New State = IKE_I_MM1');
  await expect(app.configPane('R2')).toContainText('crypto isakmp policy 10');
  await expect(app.configPane('R2')).toContainText('tunnel destination 2001: DB8::3');
  await expect(app.configPane('R3')).toContainText('tunnel destination 2001: DB8::2');
  expect(app.consoleErrors).toEqual([]);
});

test('every region is present and reachable by keyboard', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  for (const region of regions) {
    await expect(app.region(region.title)).toBeVisible();
  }
  const nav = page.getByRole('navigation', { name: 'Regions' });
  for (const region of regions) {
    await nav.getByRole('link', { name: region.title, exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator(`#${region.id}`)).toBeFocused();
  }
  // On a fresh page, the first Tab reaches the first skip link.
  await app.open();
  await page.keyboard.press('Tab');
  await expect(nav.getByRole('link').first()).toBeFocused();
});

test('no request leaves the page origin', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await expect(app.logPane().locator('.cm-content')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(app.foreignRequests).toEqual([]);
});

test('the page passes an axe accessibility check', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await expect(app.logPane().locator('.cm-content')).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});
