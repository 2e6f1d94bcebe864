import { expect, test } from '@playwright/test';
import { IkescopePage } from './pages/ikescope-page.ts';

test("time deltas: each router's clock in its own gutter and in the inspector, from the seed's timestamps", async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  const mm4 = app.arrow('MM4');
  const step = await mm4.getAttribute('data-step');
  // MM3 and MM4 are 24 ms apart on either router's clock, though R2's clock reads 132 ms behind R3's.
  await expect(page.locator(`[data-testid="ladder.delta.initiator"][data-step="${step}"]`)).toHaveText(/^\+24 ms/);
  await expect(page.locator(`[data-testid="ladder.delta.responder"][data-step="${step}"]`)).toHaveText(/^\+24 ms/);
  // The first message has nothing before it.
  await expect(page.locator(`[data-testid^="ladder.delta."][data-step="${await app.arrow('MM1').getAttribute('data-step')}"]`)).toHaveCount(0);

  await app.selectArrow('MM4');
  const inspector = page.getByRole('article', { name: 'Message MM4' });
  await expect(inspector.getByTestId('inspector.timing')).toHaveText("+24 ms after MM3 (R2's clock) · +24 ms after MM3 (R3's clock)");
  await expect(inspector).toContainText('R2 08:33:43.273, R3 08:33:43.405');
  expect(app.consoleErrors).toEqual([]);
});

test('resends: the first MM1 to an unreachable peer lists when it was sent again', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await page.getByRole('combobox', { name: 'Example' }).selectOption('peer-unreachable');
  await app.analysed();
  await page.getByRole('button', { name: 'Jump to start' }).click();
  await page.getByRole('button', { name: 'Next message' }).click();
  await expect.poll(() => app.selectedMessage()).toBe('MM1');
  await expect(page.getByTestId('inspector.timing')).toHaveText(/^resent 5× at \+10\.0 s, \+20\.0 s, \+30\.0 s, \+40\.0 s, \+50\.0 s \(.+'s clock\)$/);
  await page.getByRole('button', { name: 'Next message' }).click();
  await expect(page.getByTestId('inspector.timing')).toHaveText(/^\+10\.0 s after MM1 \(.+'s clock\) · \+10\.0 s after its first sending/);
  expect(app.consoleErrors).toEqual([]);
});

test('a log without timestamps shows no time deltas at all', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await app.openFixture('fixtures/corpus/06-nat-t-mm-qm-initiator-behind-nat-iosxe.log');
  await app.analysed();
  await app.selectArrow('MM4');
  await expect(page.locator('[data-testid^="ladder.delta."]')).toHaveCount(0);
  await expect(page.getByTestId('inspector.timing')).toHaveCount(0);
});
