import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { IkescopePage } from './pages/ikescope-page.ts';

const log10 = 'fixtures/corpus/10-p1-keylength-mismatch-and-p2-transform-mismatch-transcribed.log';
const config10 = 'fixtures/corpus/10-p1-keylength-mismatch-and-p2-transform-mismatch-transcribed.config.txt';

test('choosing a finding selects its message, marks the failure and highlights evidence and config lines', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await page.getByTestId('load.file').setInputFiles([log10, config10]);
  await app.analysed();
  // Corpus 10 holds two negotiations: R1's with R2's Quick Mode checks, then R2 refusing a phase 1 proposal.
  const list = page.getByRole('list', { name: 'Negotiations found' });
  await expect(list.getByRole('button')).toHaveCount(2);
  await list.getByRole('button').nth(1).click();
  const finding = page.getByTestId('finding.P1_POLICY_MISMATCH');
  await expect(finding).toBeVisible();
  await expect(page.getByTestId('finding.P2_TRANSFORM_MISMATCH')).toHaveCount(0);
  // Most severe first: the error comes before any warning or info.
  await expect(page.getByRole('list', { name: 'Findings, most severe first' }).getByRole('button').first()).toContainText(/\berror\b/);

  await finding.click();
  await expect(page.getByRole('article', { name: 'Message MM1' })).toBeVisible();
  await expect(page.locator('[data-testid^="ladder.arrow."][data-failed="true"]').first()).toBeVisible();
  await expect(app.logPane().locator('.cm-ike-selected').filter({ hasText: 'does not match policy' }).first()).toBeVisible();
  // One file holds both routers' configs: titled by their hostnames.
  const config = page.getByRole('figure', { name: 'R1 and R2 configuration' });
  await expect(config.locator('[data-related="true"]').filter({ hasText: 'crypto isakmp policy' }).first()).toBeVisible();
});

test('the seed\'s own weak policy is a warning, not a failure', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await expect(page.getByTestId('finding.WEAK_CRYPTO')).toContainText(/\bwarning\b/);
  await expect(page.locator('[data-failed="true"]')).toHaveCount(0);
  await page.getByTestId('finding.WEAK_CRYPTO').click();
  await expect(page.getByTestId('finding.WEAK_CRYPTO')).toContainText('group 14');
  await expect(app.logPane().locator('.cm-ike-selected').first()).toBeVisible();
});

test('finding texts name the router and whose log or config a line is in', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await app.runLab('psk-mismatch');
  const finding = page.getByTestId('finding.PSK_MISMATCH');
  await expect(finding).toContainText("BRANCH's log, line 36");
  await expect(finding).toContainText('(HQ, line 7; BRANCH, line 7)');
  await expect(finding).not.toContainText(/\b\d+:\d+\b/);
});

test('a refusal pasted alone is told of the router that printed it, on its lane, and no role is named', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  // Corpus 10's refusal lines without the packet line before them: no line shows a role or a mode.
  const refusal = readFileSync(log10, 'utf8')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('ISAKMP-ERROR: (0):'))
    .slice(0, 4)
    .join('\n');
  await page.getByTestId('load.file').setInputFiles({ name: 'refusal.log', mimeType: 'text/plain', buffer: Buffer.from(refusal) });
  // no message line: the ladder draws no arrow, the finding comes when the analysis is done
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  const finding = page.getByTestId('finding.P1_POLICY_MISMATCH');
  await expect(page.getByRole('list', { name: 'Negotiations found' })).toContainText('25.2.2.2 → 15.1.1.1');
  await expect(finding).toContainText('MM1/AM1 on 25.2.2.2');
  await expect(finding).not.toContainText('(initiator)');
  await expect(finding).not.toContainText('(responder)');
  await expect(finding).toContainText('25.2.2.2 refused every phase 1 proposal');
  await expect(finding).toContainText('Phase 1 stops at its first message (MM1/AM1).');
});
