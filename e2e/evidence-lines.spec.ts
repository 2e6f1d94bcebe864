import { expect, test } from '@playwright/test';
import { IkescopePage } from './pages/ikescope-page.ts';

test("a finding's evidence notes say whose log each line is in", async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await app.openFixture('fixtures/corpus/06-nat-t-mm-qm-initiator-behind-nat-iosxe.log');
  await app.analysed();
  const finding = page.getByTestId('finding.SA_DELETED_BY_PEER');
  const initiator = (await page.getByTestId('ladder.lifeline.initiator').locator('text').first().textContent()) ?? '';
  expect(initiator.length).toBeGreaterThan(0);
  await expect(finding).toContainText(`${initiator}'s log, line 12: Harmless`);
  await expect(finding).not.toContainText(/(^|\s)Line \d+:/);
});
