import { expect, test } from '@playwright/test';
import { IkescopePage } from './pages/ikescope-page.ts';

const caseLog = 'fixtures/corpus/01-mm-qm-success-initiator-iosxe-cryptomap.log';
const caseText = 'Hub-RTR';
const caseEditor = 'Log 01-mm-qm-success-initiator-iosxe-cryptomap.log';

test('a loaded case survives a trip to the lab and a reload, at the message it was on', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await app.openFixture(caseLog);
  await app.analysed();
  await expect(app.logPane().locator('.cm-content')).toContainText(caseText);
  await app.selectArrow('MM3');
  const link = new URL(page.url()).hash;
  expect(link).toMatch(/^#w=case\.[0-9a-f]{12}&n=0&s=\d+$/);

  await app.runLab('nat-t');
  await expect(page.getByRole('tab', { name: /simulated/ }).first()).toBeVisible();
  await app.switchTo('Log analysis');
  await app.analysed();
  await expect(app.logPane().locator('.cm-content')).toHaveAttribute('aria-label', caseEditor);
  await expect.poll(() => app.selectedMessage()).toBe('MM3');
  expect(new URL(page.url()).hash).toBe(link);

  await page.reload();
  await app.analysed();
  await expect(app.logPane().locator('.cm-content')).toHaveAttribute('aria-label', caseEditor);
  await expect.poll(() => app.selectedMessage()).toBe('MM3');
  // The stored case is listed, and can be reopened from the list.
  await expect(page.getByRole('combobox', { name: 'Kept here' })).toContainText('01-mm-qm-success-initiator-iosxe-cryptomap.log');
  expect(app.consoleErrors).toEqual([]);
});

test('the lab is a workspace of its own: a reload in the lab reopens its setup', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await app.runLab('pfs-mismatch');
  await expect(page.getByTestId('lab.outcome')).toHaveText(/phase 1 complete/);
  expect(new URL(page.url()).hash).toMatch(/^#w=lab&/);
  await page.reload();
  await expect(page.getByTestId('lab.preset')).toHaveValue('pfs-mismatch');
  await app.analysed();
  await expect(page.getByTestId('finding.P2_PFS_MISMATCH')).toBeVisible();
  // Back in the analysis: the example, as nothing else was loaded, and not the lab's run.
  await app.switchTo('Log analysis');
  await app.analysed();
  await expect(app.configPane('R2')).toBeVisible();
});

test('a link to a case this browser does not hold says so, and shows no other log', async ({ page }) => {
  const app = new IkescopePage(page);
  await page.goto('/#w=case.0123456789ab&n=0&s=16');
  await expect(page.getByTestId('workspace.missing')).toContainText('not kept in this browser');
  await expect(page.locator('[data-testid^="ladder.arrow."]')).toHaveCount(0);
  await expect(page.getByRole('region', { name: /^Log/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Open the example' }).click();
  await app.analysed();
  expect(new URL(page.url()).hash).toMatch(/^#w=example\.seed&/);
  expect(app.consoleErrors).toEqual([]);
});

test('clearing the kept cases forgets them: the old link then says so', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await app.openFixture(caseLog);
  await app.analysed();
  await expect(page.getByRole('combobox', { name: 'Kept here' })).toContainText('01-mm-qm');
  await page.getByRole('button', { name: 'Clear kept cases' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'keeps no case now' })).toBeVisible();
  // What is on screen stays until something else is loaded.
  await expect(app.logPane().locator('.cm-content')).toContainText(caseText);
  await page.reload();
  await expect(page.getByTestId('workspace.missing')).toBeVisible();
});

test('without IndexedDB the page works as before and says cases are not kept', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined }));
  const app = new IkescopePage(page);
  await app.open();
  await app.openFixture(caseLog);
  await app.analysed();
  await expect(app.logPane().locator('.cm-content')).toContainText(caseText);
  await expect(page.getByTestId('workspace.storage')).toContainText('not kept in this browser');
  expect(app.consoleErrors).toEqual([]);
});
