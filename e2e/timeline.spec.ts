import { expect, test } from '@playwright/test';
import { labSetupOf, runLab } from '../src/core/sim/lab.ts';
import { LadderOrder, messagesOf } from './pages/ladder-order.ts';

/** `pair` repeated: the resends of a refused or unanswered exchange. */
const times = (count: number, pair: readonly string[]) => Array.from({ length: count }, () => pair).flat();

test('the lab\'s p1-policy-mismatch draws and plays each NOTIFY right after the MM1 it refuses', async ({ page }) => {
  const ladder = new LadderOrder(page);
  await ladder.app.open();
  await ladder.app.runLab('p1-policy-mismatch');
  await expect(page.getByTestId('ladder.arrow.NOTIFY')).toHaveCount(6);
  expect(await ladder.arrowsTopToBottom()).toEqual(['MM1', 'NOTIFY', ...times(5, ['MM1*', 'NOTIFY'])]);

  const forward = await ladder.stepForward();
  expect(messagesOf(forward)).toEqual(['MM1', 'NOTIFY', 'MM1', 'NOTIFY', 'MM1', 'NOTIFY', 'MM1', 'NOTIFY', 'MM1', 'NOTIFY', 'MM1', 'NOTIFY']);
  // BRANCH is in IKE_R_MM1 (it has the offer) by the time each NOTIFY is selected, and gone again after.
  const atNotify = forward.filter((step, i) => step.message === 'NOTIFY' && forward[i - 1]?.message !== 'NOTIFY');
  expect(atNotify.map((step) => step.responder)).toEqual(times(6, ['IKE_R_MM1']));
  expect(forward.at(-1)).toMatchObject({ initiator: 'IKE_DEST_SA', responder: 'IKE_DEST_SA' });
  // Back to the start retraces the very same steps.
  expect((await ladder.stepBack()).reverse()).toEqual(forward);
  expect(ladder.app.consoleErrors).toEqual([]);
});

test('both routers\' psk-mismatch logs dropped together: each MM4 resend after the MM5 it answers', async ({ page }) => {
  const run = runLab(labSetupOf('psk-mismatch')!);
  if (!run.ok) throw new Error(run.error);
  const ladder = new LadderOrder(page);
  await ladder.app.open();
  await ladder.app.dropFiles([
    { name: 'HQ.log', text: run.debug.initiator },
    { name: 'BRANCH.log', text: run.debug.responder },
  ]);
  await expect(page.getByRole('tab', { name: 'BRANCH.log' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Negotiations found' }).getByRole('listitem')).toHaveCount(1);
  await expect(page.getByTestId('ladder.arrow.MM4')).toHaveCount(6);
  expect(await ladder.arrowsTopToBottom()).toEqual(['MM1', 'MM2', 'MM3', 'MM4', 'MM5', ...times(5, ['MM4*', 'MM5*'])]);
  // Both logs show every copy arriving: none is drawn lost.
  await expect(page.getByRole('button', { name: /, lost/ })).toHaveCount(0);

  const forward = await ladder.stepForward();
  expect(messagesOf(forward)).toEqual(['MM1', 'MM2', 'MM3', 'MM4', 'MM5', ...times(5, ['MM4', 'MM5'])]);
  expect(forward.at(-1)).toMatchObject({ initiator: 'IKE_DEST_SA', responder: 'IKE_DEST_SA' });
  expect((await ladder.stepBack()).reverse()).toEqual(forward);
  expect(ladder.app.consoleErrors).toEqual([]);
});
