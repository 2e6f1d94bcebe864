import { expect, test } from '@playwright/test';
import { IkescopePage } from './pages/ikescope-page.ts';

test('the legend shows a lost and an unanswered message as the ladder draws each', async ({ page }) => {
  const app = new IkescopePage(page);
  // One router's log of a peer that never answers: the ladder draws MM1 unanswered, with an open head.
  await app.open();
  await page.getByRole('combobox', { name: 'Example' }).selectOption('peer-unreachable');
  await app.analysed();
  const drawn = page.locator('[data-testid="ladder.arrow.MM1"] [data-unanswered]').first();
  await expect(drawn).toHaveAttribute('fill', 'none');

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts and legend' });
  const unanswered = help.getByRole('img', { name: 'Open head, (unanswered)' });
  await expect(unanswered.locator('[data-unanswered]')).toHaveAttribute('fill', 'none');
  await expect(help).toContainText("only the sender's log tells of it");
  const lost = help.getByRole('img', { name: '✕ lost' });
  await expect(lost.locator('path.stroke-red-700')).toHaveCount(1);
  await expect(help).toContainText("the receiver's log is there and shows it never arrived");
  await expect(help.getByRole('img', { name: '+24 ms' })).toBeVisible();
});

test("the ladder's lost cross is the legend's: both routers' logs of a lost MM4", async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await page.getByRole('button', { name: 'Lab', exact: true }).click();
  await page.getByRole('checkbox', { name: /Lose a message once/ }).check();
  await page.getByRole('combobox', { name: 'Message to lose' }).selectOption('MM4');
  await page.getByTestId('lab.run').click();
  await app.analysed();
  await expect(page.getByRole('button', { name: /^MM4, responder .*lost/ })).toHaveCount(1);
  await expect(page.getByRole('button', { name: /^MM4, responder .*lost/ }).locator('path.stroke-red-700')).toHaveCount(1);
});
