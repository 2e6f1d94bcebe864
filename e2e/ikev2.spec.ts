import { expect, test } from '@playwright/test';
import { IkescopePage } from './pages/ikescope-page.ts';

test('an IKEv2 log draws its IKE SA: one arrow per request and response, the inspector says what each carries', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await page.getByTestId('load.file').setInputFiles('fixtures/corpus/11-ikev2-iosxe-ipv6-vti-auth-no-proposal-chosen-initiator.log');
  await expect(page.getByTestId('ladder.arrow.IKE_AUTH.response')).toBeVisible();
  const list = app.region('Negotiations');
  await expect(list).toContainText('(IKEv2)');
  for (const name of ['IKE_SA_INIT', 'IKE_SA_INIT.response', 'IKE_AUTH', 'IKE_AUTH.response']) await expect(page.getByTestId(`ladder.arrow.${name}`)).toHaveCount(1);
  await expect(page.getByTestId('ladder.arrow.INFORMATIONAL')).toHaveCount(2);
  // the request goes down the ladder before its response
  const y = async (name: string) => (await page.getByTestId(`ladder.arrow.${name}`).boundingBox())!.y;
  expect(await y('IKE_SA_INIT')).toBeLessThan(await y('IKE_SA_INIT.response'));
  expect(await y('IKE_SA_INIT.response')).toBeLessThan(await y('IKE_AUTH'));
  await page.getByTestId('ladder.arrow.IKE_AUTH.response').click();
  const inspector = page.getByRole('article', { name: /^Message / });
  await expect(inspector).toContainText('IKE_AUTH response');
  await expect(inspector).toContainText('NO_PROPOSAL_CHOSEN');
  // the refused child SA after an authenticated IKE SA is a phase 2 finding
  await expect(page.getByTestId('finding.P2_TRANSFORM_MISMATCH')).toBeVisible();
  // the log pane says the line in plain words
  await app.scrollLogTo('IKEV2 SA created');
  await expect(app.logPane()).toContainText('The IKE SA is authenticated and stored');
  expect(app.consoleErrors).toEqual([]);
});

test('the IKEv2 example merges both ASAs\' logs into one IKE SA', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await page.getByRole('combobox', { name: 'Example' }).selectOption('ikev2-asa');
  await expect(page.getByTestId('ladder.arrow.IKE_AUTH.response')).toBeVisible();
  await expect(app.region('Negotiations')).toContainText('1.1.1.2 → 1.1.1.1');
  expect(await app.walkMessages()).toEqual(['IKE_SA_INIT', 'IKE_SA_INIT.response', 'IKE_AUTH', 'IKE_AUTH.response']);
  expect(app.consoleErrors).toEqual([]);
});

test('an IKEv2 peer that never answers: the resends, the finding, and only the states its packets imply', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await page.getByTestId('load.file').setInputFiles('fixtures/corpus/24-ike-sa-init-no-response-retransmit-initial-exchange-failed-initiator-iosxe16.log');
  await expect(page.getByTestId('finding.PEER_UNREACHABLE')).toBeVisible();
  await expect(page.getByTestId('finding.PEER_UNREACHABLE')).toContainText('4 times (3 resends) and never got an answer');
  await expect(page.getByTestId('ladder.arrow.IKE_SA_INIT.response')).toHaveCount(0);
  // corpus 24 prints no SM Trace line: its router's states are those its packets imply, said to be implied
  await expect(page.getByTestId('state.initiator')).toHaveText('I_BLD_INIT (implied)');
  await expect(page.getByTestId('state.responder')).toHaveText('not logged');
  await page.getByTestId('ladder.arrow.IKE_SA_INIT').first().click();
  await expect(page.getByRole('article', { name: /^Message / })).toContainText('resent 3×, the log printing no time for it');
  // once the request has left, the state its packet implies, said to be implied
  await page.getByTestId('step.next').click();
  await expect(page.getByTestId('state.initiator')).toHaveText('I_WAIT_INIT (implied)');
  expect(app.consoleErrors).toEqual([]);
});

test('show crypto ikev2 sa detailed alone lists its IKE SAs in the negotiations list, up by what the output says', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await page.getByTestId('load.file').setInputFiles('fixtures/ikev2/show/show-ikev2-sa-detailed-three-responder-genie.log');
  const list = app.region('Negotiations');
  await expect(list).toContainText('107.90.29.85 → 10.146.0.154 (IKEv2)');
  await expect(list).toContainText('65.27.58.179 → 10.146.0.154 (IKEv2)');
  await expect(list.getByText('IKE SA complete (implied)')).toHaveCount(3);
  // no message is logged: no arrow, and the state is not told
  await expect(page.getByTestId('ladder.arrow.IKE_SA_INIT')).toHaveCount(0);
  await expect(page.getByTestId('state.responder')).toHaveText('IKE SA complete (implied)');
  // the log pane says each line in plain words
  await app.scrollLogTo('Initiator of SA : No');
  await expect(app.logPane()).toContainText('The peer initiated the IKE SA: this router responded.');
  expect(app.consoleErrors).toEqual([]);
});
