import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { IkescopePage } from './pages/ikescope-page.ts';

test('psk-mismatch: the ladder stops at MM5, resent and never answered, with the PSK_MISMATCH finding', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await app.runLab('psk-mismatch');
  await expect(page.getByTestId('lab.outcome')).toHaveText(/phase 1 failed, phase 2 incomplete/);
  await expect(app.arrow('MM1')).toHaveAttribute('aria-label', /^MM1, initiator HQ to responder BRANCH/);
  // MM5 leaves six times: the first sending and five retransmissions, after which HQ gives up.
  await expect(page.getByRole('button', { name: /^MM5, initiator HQ to responder BRANCH/ })).toHaveCount(6);
  await expect(page.getByRole('button', { name: /^MM5, .*retransmission, attempt 6/ })).toHaveCount(1);
  await expect(page.locator('[data-testid^="ladder.arrow.QM"]')).toHaveCount(0);
  // Never answered: BRANCH cannot read MM5 and only resends its MM4; no MM6 is drawn.
  await expect(app.arrow('MM6')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^MM4, responder BRANCH to initiator HQ, .*retransmission/ }).first()).toBeVisible();
  await expect(page.getByTestId('finding.PSK_MISMATCH')).toBeVisible();
  // The log pane holds both routers' simulated output, each a tab of its own.
  await expect(page.getByRole('tab', { name: 'HQ (simulated).log' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'BRANCH (simulated).log' })).toBeVisible();
  expect(app.consoleErrors).toEqual([]);
  expect(app.foreignRequests).toEqual([]);
});

test('what-if: editing a policy line re-runs the simulation and the outcome changes', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await app.runLab('psk-mismatch');
  await expect(app.arrow('MM3')).toHaveCount(1);
  await app.editLabLine('responder', 'encryption aes 256', 'encryption aes 128');
  // No policy in common now: BRANCH refuses MM1, Main Mode never reaches MM3.
  await expect(page.getByTestId('finding.P1_POLICY_MISMATCH')).toBeVisible();
  await expect(app.arrow('MM3')).toHaveCount(0);
  // The finding points at the line just edited.
  await page.getByTestId('finding.P1_POLICY_MISMATCH').click();
  await expect(app.configPane('BRANCH').locator('[data-related="true"]', { hasText: 'encryption aes 128' })).toHaveCount(1);
  await expect(page.getByTestId('finding.PSK_MISMATCH')).toHaveCount(0);
  // The config pane shows the edited line, and MM1's related lines include it.
  await expect(app.configPane('BRANCH')).toContainText('encryption aes 128');
  await app.arrow('MM1').first().click();
  await expect(app.configPane('BRANCH').locator('[data-related="true"]', { hasText: 'encryption aes 128' })).toHaveCount(1);

  // Choosing the preset again starts afresh; the same key on both routers then makes it succeed, to Quick Mode.
  await page.getByTestId('lab.preset').selectOption('nat-t');
  await page.getByTestId('lab.preset').selectOption('psk-mismatch');
  await expect(app.labEditor('responder')).toContainText('encryption aes 256');
  await app.editLabLine('responder', 'key cisco321', 'key cisco123');
  await expect(page.getByTestId('lab.outcome')).toHaveText(/phase 1 complete, phase 2 complete/);
  await expect(app.arrow('QM3')).toHaveCount(1);
});

test('stepping by hand forward and back moves both state badges, and the configs follow the message', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await app.runLab('seed');
  await page.getByRole('button', { name: 'Jump to start' }).click();
  const forward = await app.statesWhileStepping(12, 'next');
  expect(new Set(forward.map(([initiator]) => initiator)).size).toBeGreaterThan(2);
  expect(new Set(forward.map(([, responder]) => responder)).size).toBeGreaterThan(2);
  const back = await app.statesWhileStepping(12, 'prev');
  expect(back.reverse()).toEqual(forward);
  // MM1 selected: the policy lines it depends on are highlighted in both routers' configs.
  await app.arrow('MM1').click();
  for (const router of ['R2', 'R3']) {
    await expect(app.configPane(router).locator('[data-related="true"]', { hasText: 'crypto isakmp policy 10' })).toHaveCount(1);
  }
});

test("each router's debug output downloads as a text file", async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await app.runLab('nat-t');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: "Download BRANCH's debug output" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('BRANCH-simulated-debug.txt');
  const path = await file.path();
  const { readFile } = await import('node:fs/promises');
  const text = await readFile(path, 'utf8');
  expect(text.split('\n')[0]).toBe('BRANCH#debug crypto isakmp');
  expect(text).toContain('NAT');
  expect(app.foreignRequests).toEqual([]);
});

test('a shared link reopens the same exercise at the same step, keys masked unless included', async ({ page, context }) => {
  const app = new IkescopePage(page);
  await app.open();
  await app.runLab('transform-mismatch');
  await page.getByRole('checkbox', { name: 'Peer unreachable' }).check();
  await page.getByRole('checkbox', { name: 'Peer unreachable' }).uncheck();
  await page.getByRole('checkbox', { name: 'NAT between them' }).check();
  await expect(page.getByTestId('lab.outcome')).toHaveText(/phase 1 complete, phase 2 failed/);
  await page.getByRole('button', { name: 'Next message' }).click();
  await page.getByRole('button', { name: 'Next message' }).click();
  const step = await page.getByText(/^step \d+ of \d+$/).innerText();
  const arrows = await page.locator('[data-testid^="ladder.arrow."]').count();

  await page.getByRole('checkbox', { name: 'include keys' }).check();
  await expect(page.getByRole('alert').filter({ hasText: 'pre-shared keys in clear text' })).toBeVisible();
  await page.getByRole('checkbox', { name: 'include keys' }).uncheck();
  await page.getByTestId('lab.share').click();
  const url = await page.getByTestId('lab.link').inputValue();
  expect(url).toMatch(/#lab=[\w-]+&n=0&s=\d+$/);

  const other = await context.newPage();
  const reopened = new IkescopePage(other);
  await reopened.open(url.slice(url.indexOf('#')));
  await expect(other.getByRole('button', { name: 'Lab', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(other.getByTestId('lab.preset')).toHaveValue('transform-mismatch');
  await expect(other.getByRole('checkbox', { name: 'NAT between them' })).toBeChecked();
  await expect(reopened.labEditor('initiator')).toContainText('crypto isakmp key ***** address 203.0.113.2');
  await expect(reopened.labEditor('responder')).toContainText('crypto isakmp key ***** address 198.51.100.1');
  await expect(other.getByText(/^step \d+ of \d+$/)).toHaveText(step);
  await expect(other.locator('[data-testid^="ladder.arrow."]')).toHaveCount(arrows);
  await expect(other.getByTestId('lab.outcome')).toHaveText(/phase 1 complete, phase 2 failed/);
  // Stepping on keeps the exercise in the address bar, so a reload reopens it too.
  await other.getByTestId('step.next').click();
  expect(new URL(other.url()).hash).toMatch(/^#lab=/);
  // Changed, the exercise is no longer the one the link describes: the address bar lets go of it.
  await other.getByTestId('lab.preset').selectOption('seed');
  await expect.poll(() => new URL(other.url()).hash).not.toMatch(/lab=/);
  expect(reopened.consoleErrors).toEqual([]);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the lab and a quiz answered pass axe in ${colorScheme} mode`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    const app = new IkescopePage(page);
    await app.open();
    await app.runLab('seed');
    const violations = async () => {
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
      return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    };
    expect(await violations()).toEqual([]);
    await page.getByTestId('quiz.start').click();
    await page.getByRole('group', { name: /Which message comes next/ }).getByRole('button', { name: 'MM2', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Not quite' })).toBeVisible();
    expect(await violations()).toEqual([]);
  });
}

test('fault switches: a lost message is drawn lost and resent, an unreachable peer never answers', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await app.runLab('nat-t');
  await page.getByRole('checkbox', { name: 'NAT between them' }).uncheck();
  await page.getByRole('checkbox', { name: 'Lose a message once:' }).check();
  await page.getByRole('combobox', { name: 'Message to lose' }).selectOption('MM4');
  await expect(page.getByRole('button', { name: /^MM4, responder BRANCH to initiator HQ, .*lost/ })).toHaveCount(1);
  await expect(page.getByTestId('lab.outcome')).toHaveText(/phase 1 complete, phase 2 complete/);
  await expect(app.arrow('QM3')).toHaveCount(1);
  await page.getByRole('checkbox', { name: 'Lose a message once:' }).uncheck();
  await page.getByRole('checkbox', { name: 'Peer unreachable' }).check();
  await expect(page.getByTestId('lab.outcome')).toHaveText(/phase 1 failed/);
  await expect(app.arrow('MM2')).toHaveCount(0);
  await expect(page.getByTestId('finding.PEER_UNREACHABLE')).toBeVisible();
});

test('an edit can be undone, and the outcome comes back', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await app.runLab('seed');
  await expect(page.getByTestId('lab.outcome')).toHaveText(/phase 1 complete, phase 2 complete/);
  await app.editLabLine('initiator', 'key cisco', 'key cisc0');
  await expect(page.getByTestId('lab.outcome')).toHaveText(/phase 1 failed/);
  await expect(page.getByTestId('finding.PSK_MISMATCH')).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(app.labEditor('initiator')).toContainText('crypto isakmp key cisco address');
  await expect(page.getByTestId('lab.outcome')).toHaveText(/phase 1 complete, phase 2 complete/);
  await expect(app.arrow('QM3')).toHaveCount(1);
});

test('a config line the model cannot read is marked in the editor, with the values it accepts', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await app.runLab('psk-mismatch');
  const editor = app.labEditor('responder');
  await expect(editor.locator('.cm-config-lint')).toHaveCount(0);
  await app.editLabLine('responder', 'hash sha256', 'hash sha999');
  const marked = editor.locator('.cm-config-lint');
  await expect(marked).toHaveCount(1);
  await expect(marked).toContainText('hash sha999');
  await expect(marked).toContainText(`unknown hash value "sha999": accepts md5, sha, sha256, sha384, sha512; kept as a line not understood, it sets no hash (sha, IOS's default, unless another line sets one)`);
  // Undone, the mark goes.
  for (let i = 0; i < 3 && (await editor.locator('.cm-config-lint').count()) > 0; i++) await page.keyboard.press('Control+z');
  await expect(editor.locator('.cm-config-lint')).toHaveCount(0);
  await expect(editor).toContainText('hash sha256');
});

test('a line set aside on purpose is noted in grey, not marked as a line to mend', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await app.runLab('psk-mismatch');
  const editor = app.labEditor('responder');
  await app.editLabLine('responder', 'hash sha256', 'description to the branch');
  const noted = editor.locator('.cm-config-lint-aside');
  await expect(noted).toHaveCount(1);
  await expect(noted).toContainText("IOS's, not read: it sets a description, which decides nothing the check or the simulation models");
  await expect(noted).toHaveCSS('text-decoration-style', 'dotted');
  await expect(editor.locator('.cm-config-lint')).toHaveCount(0);
});
