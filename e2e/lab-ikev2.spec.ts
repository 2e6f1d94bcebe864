import { expect, test, type Page } from '@playwright/test';
import { IkescopePage } from './pages/ikescope-page.ts';

const arrows = (page: Page) => page.locator('[data-testid^="ladder.arrow."]');

test('ikev2-seed: two IKEv2 routers up, the ladder by exchange, both state machines at READY, the configs following the message', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await app.runLab('ikev2-seed');
  await expect(page.getByTestId('lab.outcome')).toHaveText(/IKEv2, IKE SA complete, child SA complete/);
  expect(await arrows(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))).toEqual([
    'ladder.arrow.IKE_SA_INIT',
    'ladder.arrow.IKE_SA_INIT.response',
    'ladder.arrow.IKE_AUTH',
    'ladder.arrow.IKE_AUTH.response',
  ]);
  await expect(page.locator('[data-testid^="finding."]')).toHaveCount(0);
  await page.getByRole('button', { name: 'Jump to end' }).click();
  expect(await app.states()).toEqual(['READY', 'READY']);
  // IKE_AUTH depends on the profile, its keyring and key, on both routers.
  await app.selectArrow('IKE_AUTH');
  for (const router of ['R1', 'R2']) {
    await expect(app.configPane(router).locator('[data-related="true"]', { hasText: 'keyring local KEYS' })).toHaveCount(1);
    await expect(app.configPane(router).locator('[data-related="true"]', { hasText: 'set ikev2-profile PROF-1' })).toHaveCount(1);
  }
  // IKE_SA_INIT on the proposal, not on the keyring.
  await app.selectArrow('IKE_SA_INIT');
  await expect(app.configPane('R2').locator('[data-related="true"]', { hasText: 'encryption aes-cbc-256' })).toHaveCount(1);
  await expect(app.configPane('R2').locator('[data-related="true"]', { hasText: 'keyring local KEYS' })).toHaveCount(0);
  expect(app.consoleErrors).toEqual([]);
  expect(app.foreignRequests).toEqual([]);
});

test("stepping an IKEv2 negotiation by hand moves each router's SM state, forward and back", async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await app.runLab('ikev2-seed');
  await page.getByRole('button', { name: 'Jump to start' }).click();
  const seen = await app.statesWhileStepping(8, 'next');
  // The initiator leaves IDLE's successors one by one; the responder starts when IKE_SA_INIT reaches it.
  expect(new Set(seen.map(([i]) => i)).size).toBeGreaterThanOrEqual(3);
  expect(seen.map(([, r]) => r)).toContain('R_INIT');
  // back step by step through the same states
  expect((await app.statesWhileStepping(8, 'prev')).reverse()).toEqual(seen);
});

test('each IKEv2 preset shows the finding it is about', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await app.runLab('ikev2-seed');
  for (const [preset, code] of [
    ['ikev2-psk-mismatch', 'PSK_MISMATCH'],
    ['ikev2-proposal-mismatch', 'P1_POLICY_MISMATCH'],
    ['ikev2-ts-mismatch', 'P2_PROXY_MISMATCH'],
    ['ikev2-peer-unreachable', 'PEER_UNREACHABLE'],
    ['ikev2-identity-mismatch', 'IDENTITY_MISMATCH'],
  ] as const) {
    // choosing a preset runs it
    await page.getByTestId('lab.preset').selectOption(preset);
    await expect(page.getByTestId(`finding.${code}`), preset).toBeVisible();
  }
});

test("what-if: one router's proposal encryption changed, the ladder stops at IKE_SA_INIT with NO_PROPOSAL_CHOSEN and points at the edited line", async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await app.runLab('ikev2-seed');
  await expect(app.arrow('IKE_AUTH')).toHaveCount(1);
  await app.editLabLine('responder', 'encryption aes-cbc-256', 'encryption aes-cbc-128');
  await expect(page.getByTestId('finding.P1_POLICY_MISMATCH')).toBeVisible();
  await expect(page.getByTestId('lab.outcome')).toHaveText(/IKE SA failed/);
  await expect(app.arrow('IKE_AUTH')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^IKE_SA_INIT\.response, responder R2 to initiator R1/ })).toHaveAttribute('aria-label', /NOTIFY\(NO_PROPOSAL_CHOSEN\), at 10:00:00\.008, failed here/);
  await page.getByTestId('finding.P1_POLICY_MISMATCH').click();
  await expect(app.configPane('R2').locator('[data-related="true"]', { hasText: 'encryption aes-cbc-128' })).toHaveCount(1);
});

test('a quiz on an IKEv2 negotiation can be completed by keyboard alone', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await app.runLab('ikev2-psk-mismatch');
  await app.tabUntil('[data-testid="quiz.start"]');
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^Question 1 of \d+$/)).toBeVisible();
  await expect(arrows(page)).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 3 })).toHaveText('Which message comes next, and R1 (initiator) sends it?');
  const prompts: string[] = [];
  for (let asked = 0; asked < 60 && !(await page.getByTestId('quiz.score').isVisible()); asked++) {
    prompts.push(await page.getByRole('heading', { level: 3 }).innerText());
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: /^(Right\.|Not quite)/ })).toBeVisible();
    await page.keyboard.press('Enter');
  }
  await expect(page.getByTestId('quiz.score')).toHaveText(/^Score: \d+ \/ \d+$/);
  await expect(page.getByTestId('quiz.score')).toBeFocused();
  // The last question asks which config line is at fault: a key line.
  expect(prompts.at(-1)).toBe('The negotiation failed. Which configuration line is at fault?');
  await expect(page.getByTestId('finding.PSK_MISMATCH')).toBeVisible();
});

test('losing an IKEv2 message once: the switch offers IKEv2 messages, IKE_AUTH is lost and resent, and the tunnel still comes up', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await app.runLab('ikev2-seed');
  const choice = page.getByRole('combobox', { name: 'Message to lose' });
  await expect(choice.locator('option')).toHaveText(['IKE_SA_INIT (initiator)', 'IKE_SA_INIT.response (responder)', 'IKE_AUTH (initiator)', 'IKE_AUTH.response (responder)']);
  await page.getByLabel('Lose a message once:').check();
  await expect(page.getByTestId('lab.outcome')).toHaveText(/IKEv2, IKE SA complete, child SA complete/);
  await expect(app.arrow('IKE_AUTH')).toHaveCount(2);
  await expect(page.getByRole('button', { name: /^IKE_AUTH, .*retransmission, attempt 2/ })).toHaveCount(1);
});
