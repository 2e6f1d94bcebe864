import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { IkescopePage } from './pages/ikescope-page.ts';

const corpus = (name: string) => readFileSync(`fixtures/corpus/${name}`);

test('clicking MM1 highlights its log lines and the isakmp policy lines of both configs', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await app.arrow('MM1').click();
  const selected = app.logPane().locator('.cm-ike-selected');
  await expect(selected.first()).toBeVisible();
  await expect(selected.filter({ hasText: 'Old State = IKE_READY' }).first()).toBeVisible();
  for (const router of ['R2', 'R3']) {
    const related = app.configPane(router).locator('[data-related="true"]');
    await expect(related.filter({ hasText: 'crypto isakmp policy 10' })).toHaveCount(1);
    await expect(related.filter({ hasText: 'authentication pre-share' })).toHaveCount(1);
  }
  await expect(page.getByRole('article', { name: 'Message MM1' })).toContainText('DES');
});

test('next and previous steps move both routers\' state badges', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await page.keyboard.press('Home');
  const initiator = page.getByTestId('state.initiator');
  const responder = page.getByTestId('state.responder');
  const seen = { initiator: new Set<string>(), responder: new Set<string>() };
  for (let i = 0; i < 200 && (await page.getByTestId('step.next').isEnabled()); i++) {
    await page.getByTestId('step.next').click();
    seen.initiator.add((await initiator.textContent()) ?? '');
    seen.responder.add((await responder.textContent()) ?? '');
  }
  expect(seen.initiator).toContain('IKE_I_MM1');
  expect(seen.initiator).toContain('IKE_P1_COMPLETE');
  expect(seen.responder).toContain('IKE_R_MM1');
  expect(seen.responder).toContain('IKE_R_MM5');
  // Stepping back retraces the same states in reverse, and stepping forward again returns to where it was.
  const badges = async () => [await initiator.textContent(), await responder.textContent()].join(' / ');
  const forward = await badges();
  const backwards: string[] = [];
  for (let i = 0; i < 10; i++) {
    await page.getByTestId('step.prev').click();
    backwards.push(await badges());
  }
  expect(new Set(backwards).size).toBeGreaterThan(1);
  expect(backwards).not.toContain(undefined);
  for (let i = 0; i < 10; i++) await page.getByTestId('step.next').click();
  expect(await badges()).toBe(forward);
  await page.keyboard.press('Home');
  await expect(initiator).toHaveText(/not started/);
  await page.keyboard.press('End');
  await expect(initiator).toHaveText('IKE_QM_PHASE2_COMPLETE');
});

test('opening a corpus log draws its ladder', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await page.getByTestId('load.file').setInputFiles({
    name: '01-mm-qm-success-initiator-iosxe-cryptomap.log',
    mimeType: 'text/plain',
    buffer: corpus('01-mm-qm-success-initiator-iosxe-cryptomap.log'),
  });
  await expect(app.logPane().locator('.cm-content')).toContainText('Hub-RTR');
  expect(await app.walkMessages()).toEqual(['MM1', 'MM2', 'MM3', 'MM4', 'MM5', 'MM6', 'QM1', 'QM2', 'QM3']);
});

test('pasting text analyses it', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await page.getByRole('button', { name: 'Paste…' }).click();
  await page.getByRole('textbox', { name: /Paste debug output/ }).fill(corpus('02-no-psk-configured-initiator-iosxe.log').toString('utf8'));
  await page.getByRole('button', { name: 'Analyse' }).click();
  await expect(app.logPane()).toContainText('No pre-shared key');
  await expect(page.getByTestId('ladder.arrow.MM2')).toHaveCount(0);
});

test('dropping two routers\' logs merges them into one negotiation', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  const seed = readFileSync('fixtures/seed/ios-ikev1-main-mode-debugs.txt', 'utf8');
  const split = seed.indexOf('IOS router - initiator');
  await app.dropFiles([
    { name: 'R3.log', text: seed.slice(0, split) },
    { name: 'R2.log', text: seed.slice(split) },
  ]);
  await expect(page.getByRole('tab', { name: 'R2.log' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Negotiations found' }).getByRole('listitem')).toHaveCount(1);
  expect(await app.walkMessages()).toEqual(['MM1', 'MM2', 'MM3', 'MM4', 'MM5', 'MM6', 'QM1', 'QM2', 'QM3']);
  await expect(page.getByTestId('ladder.lifeline.initiator')).toContainText('2001:DB8::2');
});

test('log text is shown as text, never run as markup', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs++;
    void dialog.dismiss();
  });
  const hostile = '*Sep 21 08:33:43.377: ISAKMP: (0): <img src=x onerror=alert(1)> received packet\n<script>alert(2)</script>\n';
  await page.getByTestId('load.file').setInputFiles({ name: 'hostile.log', mimeType: 'text/plain', buffer: Buffer.from(hostile) });
  await expect(app.logPane().locator('.cm-content')).toContainText('<img src=x onerror=alert(1)>');
  await expect(app.logPane().locator('.cm-content')).toContainText('<script>alert(2)</script>');
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(dialogs).toBe(0);
});

test('keyboard alone loads the example, steps and selects a message', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  // Load the example: Tab to the example picker, choose with the arrow key.
  await app.tabUntil('#example-picker');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await expect(app.arrow('MM1')).toBeVisible();
  // Step: leave the picker, then Home and the arrow keys drive playback.
  await app.tabUntil('[data-testid="step.next"]');
  await page.keyboard.press('Home');
  await expect(page.getByTestId('state.initiator')).toHaveText(/not started/);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('state.initiator')).toHaveText('IKE_I_MM1');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('article', { name: 'Message MM2' })).toBeVisible();
  // Select a message: Tab to an arrow on the ladder and press Enter.
  await app.tabUntil('[data-testid="ladder.arrow.MM1"]');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('article', { name: 'Message MM1' })).toBeVisible();
});

test('the URL keeps the selected step and reopens it', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await page.keyboard.press('End');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('article', { name: 'Message QM1' })).toBeVisible();
  await expect(page).toHaveURL(/#w=example\.seed&n=0&s=\d+/);
  const url = page.url();
  await page.goto('about:blank');
  await page.goto(url);
  await expect(page.getByRole('article', { name: 'Message QM1' })).toBeVisible();
});

test('a step the model does not allow is flagged in the log and in the state view', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  const seed = readFileSync('fixtures/seed/ios-ikev1-main-mode-debugs.txt', 'utf8');
  const edited = seed.replace('Old State = IKE_I_MM3  New State = IKE_I_MM4', 'Old State = IKE_I_MM3  New State = IKE_I_MM6');
  await page.getByTestId('load.file').setInputFiles({ name: 'edited-seed.txt', mimeType: 'text/plain', buffer: Buffer.from(edited) });
  await app.analysed();
  await app.scrollLogTo('New State = IKE_I_MM6');
  const flagged = app.logPane().locator('.cm-ike-disallowed').filter({ hasText: 'Old State = IKE_I_MM3  New State = IKE_I_MM6' });
  await expect(flagged).toHaveCount(1);
  await expect(flagged).toHaveAttribute('title', /does not allow IKE_I_MM3 → IKE_I_MM6/);
  // Step to just after it: the initiator's badge says why, in the model's words.
  await page.keyboard.press('Home');
  for (let i = 0; i < 60 && !(await page.getByTestId('state.initiator').textContent())?.includes('IKE_I_MM6'); i++) {
    await page.keyboard.press('ArrowRight');
  }
  await expect(page.getByRole('alert').filter({ hasText: 'IKE_I_MM6 does not follow IKE_I_MM3 on IKE_MESG_FROM_PEER, IKE_MM_EXCH. On that input the model goes to IKE_I_MM4' })).toBeVisible();
});

test('choosing an attribute of a message highlights the config lines it comes from', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await page.keyboard.press('End');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('article', { name: 'Message QM1' })).toBeVisible();
  await page.getByRole('button', { name: 'esp-aes esp-sha-hmac' }).click();
  for (const router of ['R2', 'R3']) {
    const related = app.configPane(router).locator('[data-related="true"]');
    await expect(related.filter({ hasText: 'crypto ipsec transform-set TRA esp-aes esp-sha-hmac' })).toHaveCount(1);
    await expect(related.filter({ hasText: 'crypto isakmp policy' })).toHaveCount(0);
  }
  // The encapsulation comes from the tunnel, not the transform set's `mode transport`.
  await page.getByRole('button', { name: 'tunnel', exact: true }).click();
  await expect(app.configPane('R2').locator('[data-related="true"]').filter({ hasText: 'tunnel mode ipsec ipv6' })).toHaveCount(1);
});

test('a simulation preset can be picked as an example, with both routers\' output and configs', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await page.locator('#example-picker').selectOption('psk-mismatch');
  await expect(page.getByRole('tab', { name: /simulated/ }).first()).toBeVisible();
  await expect(page.getByTestId('finding.PSK_MISMATCH')).toBeVisible();
  await expect(page.getByRole('figure', { name: /configuration/ })).toHaveCount(2);
});
