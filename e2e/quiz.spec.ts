import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { IkescopePage } from './pages/ikescope-page.ts';

const arrows = (page: Page) => page.locator('[data-testid^="ladder.arrow."]');
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

/** Answers the remaining questions with Enter alone (the first choice, then "Next"); returns the prompts. */
async function answerAllByKeyboard(page: Page, first = 1): Promise<string[]> {
  const prompts: string[] = [];
  for (let asked = 0; asked < 60; asked++) {
    if (await page.getByTestId('quiz.score').isVisible()) break;
    prompts.push(await page.getByRole('heading', { level: 3 }).innerText());
    await expect(page.getByText(/^Question \d+ of \d+$/)).toHaveText(`Question ${first + asked} of ${await questionCount(page)}`);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: /^(Right\.|Not quite)/ })).toBeVisible();
    expect(await focusedText(page)).toMatch(/^(Next question|See the score)$/);
    await page.keyboard.press('Enter');
  }
  return prompts;
}

async function questionCount(page: Page): Promise<number> {
  const text = await page.getByText(/^Question \d+ of \d+$/).innerText();
  return Number(text.split(' of ')[1]);
}

test('a quiz on the seed can be completed by keyboard alone, with the score shown', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await app.tabUntil('[data-testid="quiz.start"]');
  await page.keyboard.press('Enter');
  // Before MM1 nothing of the exchange is drawn: not faint, absent. The findings and annotations are hidden.
  await expect(page.getByText('Question 1 of')).toBeVisible();
  await expect(arrows(page)).toHaveCount(0);
  await expect(app.region('Findings')).toContainText('Hidden during the quiz');
  // The negotiations list would show the outcome: hidden too.
  await expect(app.region('Negotiations')).toContainText('Hidden during the quiz');
  await expect(page.locator('[data-testid^="finding."]')).toHaveCount(0);
  await expect(page.locator('.cm-ike-annotation')).toHaveCount(0);
  const total = await questionCount(page);
  const prompts = await answerAllByKeyboard(page);
  expect(prompts).toHaveLength(total);
  expect(prompts[0]).toBe('Which message comes next, and R2 (initiator) sends it?');
  await expect(page.getByTestId('quiz.score')).toHaveText(new RegExp(`^Score: \\d+ / ${total}$`));
  await expect(page.getByTestId('quiz.score')).toBeFocused();
  // At the end the whole negotiation is back, and every view with it.
  await expect(app.arrow('QM3')).toHaveCount(1);
  for (const region of ['Findings', 'Negotiations']) await expect(app.region(region)).not.toContainText('Hidden during the quiz');
  await expect(page.getByTestId('finding.WEAK_CRYPTO')).toBeVisible();
  await expect(page.locator('.cm-ike-annotation').first()).toBeVisible();
  await expect(page.getByTestId('step.next')).toBeVisible();
  // The review: every question with the answer given and its explanation.
  const review = page.getByRole('list', { name: 'Your answers' }).getByRole('listitem');
  await expect(review).toHaveCount(total);
  await expect(review.first()).toContainText(prompts[0]!);
  await expect(review.first()).toContainText('Main Mode 1');
  expect(app.consoleErrors).toEqual([]);
});

test('the review shows a wrong answer beside the right one', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await page.getByTestId('quiz.start').click();
  // MM2 is wrong: the first message is MM1.
  await page.getByRole('group', { name: /Which message comes next/ }).getByRole('button', { name: 'MM2', exact: true }).click();
  await page.getByRole('button', { name: 'Next question' }).click();
  await answerAllByKeyboard(page, 2);
  const first = page.getByRole('list', { name: 'Your answers' }).getByRole('listitem').first();
  await expect(first).toContainText('Your answer: MM2; the answer: MM1');
});

test('the arrow keys move between the choices, round the ends, and leave the playback alone', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await page.getByTestId('quiz.start').click();
  const choices = page.getByRole('group', { name: /Which message comes next/ }).getByRole('button');
  const labels = await choices.allInnerTexts();
  await expect(choices.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(choices.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(choices.nth(2)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(choices.nth(labels.length - 1)).toBeFocused();
  // Nothing was revealed by the arrows: still no arrow on the ladder, still the first question.
  await expect(arrows(page)).toHaveCount(0);
  await expect(page.getByText(/^Question 1 of/)).toBeVisible();
});

test('started in the lab at 1440×900, the question and its choices are in view', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const app = new IkescopePage(page);
  await app.open();
  await app.runLab('psk-mismatch');
  await page.getByTestId('quiz.start').click();
  await expect(page.getByRole('heading', { level: 3 })).toBeInViewport({ ratio: 1 });
  for (const choice of await page.getByRole('group', { name: /Which message comes next/ }).getByRole('button').all()) {
    await expect(choice).toBeInViewport({ ratio: 1 });
  }
});

test('each answer gets feedback at once, reveals only its own step, and counts in the score', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await page.getByTestId('quiz.start').click();
  const group = page.getByRole('group', { name: /Which message comes next/ });
  // The right answer to the first question is MM1.
  await group.getByRole('button', { name: 'MM1', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Right.' })).toContainText('Main Mode 1');
  await expect(arrows(page)).toHaveCount(1);
  await expect(app.arrow('MM1')).toHaveCount(1);
  await page.getByRole('button', { name: 'Next question' }).click();

  // Then a wrong answer: the feedback names the right one, and nothing past it is drawn.
  const prompt = await page.getByRole('heading', { level: 3 }).innerText();
  const choices = page.getByRole('group', { name: prompt }).getByRole('button');
  const labels = await choices.allInnerTexts();
  expect(labels.length).toBeGreaterThanOrEqual(2);
  const before = await arrows(page).count();
  // A wrong answer on purpose.
  await choices.filter({ hasNotText: /^IKE_R_MM1$/ }).first().click();
  await expect(page.getByRole('status').filter({ hasText: 'Not quite' })).toContainText('Not quite: the answer is IKE_R_MM1.');
  expect(await arrows(page).count()).toBe(before);
  await page.getByRole('button', { name: 'End quiz' }).click();
  await expect(page.getByTestId('quiz.start')).toBeVisible();
  await expect(app.arrow('QM3')).toHaveCount(1);
});

test('a quiz on a simulated negotiation: the log shows only what has been printed so far', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await app.runLab('psk-mismatch');
  await page.getByTestId('quiz.start').click();
  await expect(arrows(page)).toHaveCount(0);
  const total = await questionCount(page);
  // HQ's log is cut where it stands before MM1 leaves: its state change is there, the packet is not yet.
  await expect(app.logPane().locator('.cm-content')).toContainText('New State = IKE_I_MM1');
  await expect(app.logPane().locator('.cm-content')).not.toContainText('sending packet');
  await page.getByRole('group').getByRole('button', { name: 'MM1', exact: true }).click();
  await expect(app.logPane().locator('.cm-content')).toContainText('sending packet to 203.0.113.2');
  const results = await new AxeBuilder({ page }).include('#message').withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  await page.getByRole('button', { name: 'Next question' }).click();
  const prompts = await answerAllByKeyboard(page, 2);
  expect(prompts).toHaveLength(total - 1);
  // A failed negotiation ends with the config line at fault.
  expect(prompts[prompts.length - 1]).toBe('The negotiation failed. Which configuration line is at fault?');
  await expect(page.getByTestId('quiz.score')).toHaveText(new RegExp(`^Score: [1-9]\\d* / ${total}$`));
});
