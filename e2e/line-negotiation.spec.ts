import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { IkescopePage } from './pages/ikescope-page.ts';

const file = (name: string) => ({ name, text: readFileSync(`fixtures/corpus/${name}`, 'utf8') });

test("clicking a line of another negotiation's log opens that negotiation at the line's message", async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  // Two unrelated cases dropped together: a Main Mode initiator and a Quick Mode responder, two negotiations.
  await app.dropFiles([file('01-mm-qm-success-initiator-iosxe-cryptomap.log'), file('07-qm-responder-iosxe-cryptomap-pppoe.log')]);
  await app.analysed();
  const list = page.getByRole('list', { name: 'Negotiations found' }).getByRole('button');
  await expect(list).toHaveCount(2);
  // Corpus 07 holds no phase 1 line: its Quick Mode proves phase 1 completed, in a mode no line shows.
  await expect(list.filter({ hasText: 'spoke1' })).toContainText('MM complete');
  await expect(list.filter({ hasText: 'ce2' })).toContainText('P1 complete (implied)');
  // Corpus 01's negotiation (spoke1 to the hub) is shown.
  await list.filter({ hasText: 'spoke1' }).click();
  await expect(app.arrow('MM1')).toHaveCount(1);

  await page.getByRole('tab', { name: /^07-/ }).click();
  const qm3 = '00:19:54.951: ISAKMP-PAK: (1001):received packet from 203.0.113.100';
  await app.scrollLogTo(qm3);
  await app.logPane().locator('.cm-line', { hasText: qm3 }).click();
  // The Quick Mode responder's negotiation opens, at QM3, the message that line received.
  await expect(app.arrow('MM1')).toHaveCount(0);
  await expect.poll(() => app.selectedMessage()).toBe('QM3');
  await expect(app.arrow('QM3')).toHaveAttribute('aria-pressed', 'true');
  const current = page.getByRole('list', { name: 'Negotiations found' }).locator('button[aria-current="true"]');
  await expect(current).toContainText('203.0.113.100 → ce2');
  expect(app.consoleErrors).toEqual([]);
});

test('a Quick Mode pasted without its phase 1 shows phase 1 as implied complete, not as not started', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await app.dropFiles([file('07-qm-responder-iosxe-cryptomap-pppoe.log')]);
  await app.analysed();
  await page.getByTestId('step.next').click();
  await page.keyboard.press('Home');
  // Before the responder's first Quick Mode state, what the log proves: its phase 1 completed.
  await expect(page.getByTestId('state.responder')).toHaveText('phase 1 complete (implied)');
  expect(app.consoleErrors).toEqual([]);
});
