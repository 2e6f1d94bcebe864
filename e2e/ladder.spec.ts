import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { IkescopePage } from './pages/ikescope-page.ts';
import { labSetupOf, runLab } from '../src/core/sim/lab.ts';

/** The seed's exchange, top to bottom, with the side that sends each message. */
const SEED: [name: string, from: 'initiator' | 'responder'][] = [
  ['MM1', 'initiator'],
  ['MM2', 'responder'],
  ['MM3', 'initiator'],
  ['MM4', 'responder'],
  ['MM5', 'initiator'],
  ['MM6', 'responder'],
  ['QM1', 'initiator'],
  ['QM2', 'responder'],
  ['QM3', 'initiator'],
];
const ROUTER = { initiator: 'R2', responder: 'R3' };
const other = (side: 'initiator' | 'responder') => (side === 'initiator' ? 'responder' : 'initiator');

const arrow = (page: Page, name: string) => page.getByTestId(`ladder.arrow.${name}`);
const ladder = (page: Page) => page.getByTestId('ladder');

async function centreY(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not drawn');
  return box.y + box.height / 2;
}

/**
 * R2's own debug lines from the seed (its Main Mode, then its Quick Mode repeated under new message IDs): one
 * router's log of a tunnel that re-keyed phase 2 thousands of times, as long as `messages` asks.
 */
function longInitiatorLog(messages: number): string {
  const lines = readFileSync('fixtures/seed/ios-ikev1-main-mode-debugs.txt', 'utf8').split(/\r?\n/);
  const start = lines.findIndex((line) => line.includes('IOS router - initiator'));
  const debug: string[] = [];
  let inRecord = false;
  for (const line of lines.slice(start)) {
    if (/^\*?Sep 21 /.test(line)) {
      debug.push(line);
      inRecord = true;
    } else if (inRecord && /^\s+\S/.test(line) && !line.includes('•')) {
      debug.push(line);
    } else {
      inRecord = false;
    }
  }
  const quickMode = debug.findIndex((line) => line.includes('beginning Quick Mode exchange'));
  const mainMode = debug.slice(0, quickMode).join('\n');
  const qm = debug.slice(quickMode).join('\n');
  const out = [mainMode];
  for (let i = 0; i < Math.ceil((messages - 6) / 3); i++) out.push(qm.replaceAll('1371333358', String(1371333358 + i)));
  return out.join('\n') + '\n';
}

test.describe('ladder of the seed', () => {
  test.beforeEach(async ({ page }) => {
    await new IkescopePage(page).open();
    await expect(arrow(page, 'QM3')).toBeVisible();
  });

  test('MM1..MM6 then QM1..QM3, top to bottom, each from its sender to the other lane', async ({ page }) => {
    const initiator = page.getByTestId('ladder.lifeline.initiator');
    const responder = page.getByTestId('ladder.lifeline.responder');
    await expect(initiator).toContainText('R2');
    await expect(initiator).toContainText('2001:DB8::2');
    await expect(responder).toContainText('R3');
    const initiatorX = (await initiator.boundingBox())!.x;
    expect((await responder.boundingBox())!.x).toBeGreaterThan(initiatorX);

    let previousY = -Infinity;
    for (const [name, from] of SEED) {
      const a = arrow(page, name);
      await expect(a).toHaveCount(1);
      await expect(a).toHaveAttribute('data-from', from);
      await expect(a).toHaveAttribute(
        'aria-label',
        new RegExp(`^${name}, ${from} ${ROUTER[from]} to ${other(from)} ${ROUTER[other(from)]}`),
      );
      const y = await centreY(a);
      expect(y, `${name} below the message before it`).toBeGreaterThan(previousY);
      previousY = y;
    }
    await expect(arrow(page, 'MM1')).toHaveAttribute('aria-label', /, SA, at 08:33:43/);
  });

  test('clicking, Enter and Space select a message', async ({ page }) => {
    await arrow(page, 'MM1').click();
    await expect(arrow(page, 'MM1')).toHaveAttribute('aria-pressed', 'true');
    await arrow(page, 'MM2').focus();
    await page.keyboard.press('Enter');
    await expect(arrow(page, 'MM2')).toHaveAttribute('aria-pressed', 'true');
    await expect(arrow(page, 'MM1')).toHaveAttribute('aria-pressed', 'false');
    await page.keyboard.press('Tab');
    await expect(arrow(page, 'MM3')).toBeFocused();
    await page.keyboard.press('Space');
    await expect(arrow(page, 'MM3')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('button', { name: /^MM3, initiator R2 to responder R3/ })).toBeVisible();
  });

  test('steps after the cursor are drawn faint, the current one marked, as playback moves', async ({ page }) => {
    await page.keyboard.press('Home');
    await expect(arrow(page, 'MM1')).toHaveAttribute('data-status', 'future');
    for (let i = 0; i < 12 && (await arrow(page, 'MM2').getAttribute('data-status')) !== 'current'; i++) {
      await page.getByTestId('step.next').click();
    }
    await expect(arrow(page, 'MM2')).toHaveAttribute('data-status', 'current');
    await expect(arrow(page, 'MM1')).toHaveAttribute('data-status', 'past');
    await expect(arrow(page, 'QM3')).toHaveAttribute('data-status', 'future');
    await page.keyboard.press('End');
    await expect(arrow(page, 'MM2')).toHaveAttribute('data-status', 'past');
  });

  test('the wheel pans, the buttons zoom, and "Reset zoom" puts it back', async ({ page }) => {
    await page.keyboard.press('Home');
    const mm1 = await centreY(arrow(page, 'MM1'));
    const gap = (await centreY(arrow(page, 'MM2'))) - mm1;
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect
      .poll(async () => (await centreY(arrow(page, 'MM2'))) - (await centreY(arrow(page, 'MM1'))))
      .toBeGreaterThan(gap * 1.2);
    await page.getByRole('button', { name: 'Reset zoom' }).click();
    await expect.poll(() => centreY(arrow(page, 'MM1'))).toBeCloseTo(mm1, 0);

    const box = (await ladder(page).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 100);
    await expect.poll(() => centreY(arrow(page, 'MM2'))).toBeLessThan(mm1 + gap - 50);
    await page.getByRole('button', { name: 'Reset zoom' }).click();
    await expect.poll(() => centreY(arrow(page, 'MM1'))).toBeCloseTo(mm1, 0);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the ladder passes axe in ${colorScheme} mode`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.keyboard.press('Home');
      await page.getByTestId('step.next').click();
      await arrow(page, 'MM2').click();
      const results = await new AxeBuilder({ page }).include('#ladder').withTags(['wcag2a', 'wcag2aa']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
    });
  }
});

test('the current message travels from sender to receiver, and stands still when motion is reduced', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await page.keyboard.press('Home');
  for (let i = 0; i < 6 && (await arrow(page, 'MM1').getAttribute('data-status')) !== 'current'; i++) {
    await page.getByTestId('step.next').click();
  }
  const travel = arrow(page, 'MM1').locator('.ladder-travel');
  await expect(travel).toHaveCount(1);
  await expect(arrow(page, 'MM2').locator('.ladder-travel')).toHaveCount(0);
  expect(await travel.evaluate((element) => getComputedStyle(element).animationName)).toBe('ladder-travel');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await travel.evaluate((element) => getComputedStyle(element).animationName)).toBe('none');
});

test('a peer that never answers: with the initiator log alone, MM1 is resent and unanswered, not lost', async ({ page }) => {
  const setup = labSetupOf('peer-unreachable');
  const run = setup && runLab(setup);
  if (!run?.ok) throw new Error('the peer-unreachable preset did not run');
  const app = new IkescopePage(page);
  await app.open();
  await page.getByTestId('load.file').setInputFiles({
    name: 'initiator.log',
    mimeType: 'text/plain',
    buffer: Buffer.from(run.debug.initiator),
  });
  await expect(arrow(page, 'MM1')).toHaveCount(6);
  await expect(arrow(page, 'MM2')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^MM1, initiator .*, retransmission, attempt 6, unanswered/ })).toHaveCount(1);
  await expect(arrow(page, 'MM1').last()).toContainText('MM1 ×6 (unanswered)');
  await expect(arrow(page, 'MM1').first()).toContainText('(unanswered)');
  await expect(page.getByText('(lost)')).toHaveCount(0);
});

test('a state change the model does not allow is marked on its badge and on the message it followed', async ({ page }) => {
  const seed = readFileSync('fixtures/seed/ios-ikev1-main-mode-debugs.txt', 'utf8');
  const edited = seed.replace('Old State = IKE_I_MM3  New State = IKE_I_MM4', 'Old State = IKE_I_MM3  New State = IKE_I_MM6');
  const app = new IkescopePage(page);
  await app.open();
  await page.getByTestId('load.file').setInputFiles({ name: 'edited-seed.txt', mimeType: 'text/plain', buffer: Buffer.from(edited) });
  await expect(arrow(page, 'MM4')).toHaveAttribute('aria-label', /not allowed by the state model/);
  await expect(arrow(page, 'MM4').locator('title')).toHaveText(/not allowed by the model/);
  await expect(arrow(page, 'MM3')).not.toHaveAttribute('aria-label', /not allowed/);
  const flagged = page.getByTestId('ladder.badge.initiator').filter({ hasText: 'IKE_I_MM6' }).locator('title');
  await expect(flagged).toHaveText('IKE_I_MM3 → IKE_I_MM6 is not allowed by the state model');
});

/** What the frame-rate probe uses in the page (this file is type-checked without the DOM library). */
interface BrowserGlobals {
  ladderFrames: number[];
  ladderLongTasks: number[];
  ladderStop: boolean;
  requestAnimationFrame: (callback: (now: number) => void) => number;
  PerformanceObserver: new (callback: (list: { getEntries(): { duration: number }[] }) => void) => {
    observe(options: { type: string }): void;
  };
}

test('10,000 messages: only the rows in view are drawn, and panning keeps 60 frames per second', async ({ page }) => {
  test.setTimeout(180_000);
  const app = new IkescopePage(page);
  await app.open();
  await page.getByTestId('load.file').setInputFiles({
    name: 'R2-rekeys.log',
    mimeType: 'text/plain',
    buffer: Buffer.from(longInitiatorLog(10_000)),
  });
  await expect(page.getByText(/· 1\d{4} messages/)).toBeVisible({ timeout: 90_000 });
  const status = (await page.getByText(/· 1\d{4} messages/).textContent()) ?? '';
  const total = Number(status.split(' messages')[0]?.split('· ').pop());
  expect(total).toBeGreaterThanOrEqual(10_000);
  const drawn = () => page.locator('[data-testid^="ladder.arrow."]').count();
  expect(await drawn()).toBeLessThan(40);

  // Measure the pan, not the loading: wait until the page has had a second without a long task.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const w = globalThis as unknown as BrowserGlobals;
        let quietSince = performance.now();
        new w.PerformanceObserver(() => (quietSince = performance.now())).observe({ type: 'longtask' });
        const check = () => (performance.now() - quietSince > 1000 ? resolve() : w.requestAnimationFrame(check));
        w.requestAnimationFrame(check);
      }),
  );

  const box = (await ladder(page).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.evaluate(() => {
    const w = globalThis as unknown as BrowserGlobals;
    w.ladderFrames = [];
    w.ladderLongTasks = [];
    w.ladderStop = false;
    new w.PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.ladderLongTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
    let last = performance.now();
    const tick = (now: number) => {
      w.ladderFrames.push(now - last);
      last = now;
      if (!w.ladderStop) w.requestAnimationFrame(tick);
    };
    w.requestAnimationFrame(tick);
  });
  for (let i = 0; i < 200; i++) await page.mouse.wheel(0, 150);
  await page.mouse.down();
  for (let i = 0; i < 60; i++) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - (i % 20) * 12);
  await page.mouse.up();
  const { frames, longTasks } = await page.evaluate(() => {
    const w = globalThis as unknown as BrowserGlobals;
    w.ladderStop = true;
    return { frames: w.ladderFrames.slice(2).sort((a, b) => a - b), longTasks: w.ladderLongTasks };
  });
  const median = frames[Math.floor(frames.length / 2)]!;
  const slow = frames.filter((f) => f > 34).length / frames.length;
  console.log(`ladder pan, ${total} messages: ${frames.length} frames, median ${median.toFixed(1)} ms, over 34 ms ${(slow * 100).toFixed(1)}%, long tasks ${JSON.stringify(longTasks)}`);
  // 60 fps: the typical frame takes one display refresh, and few take more than two. Long tasks are logged,
  // not asserted: on a loaded 2-core runner the scheduler alone produces some, with or without the ladder.
  expect(median).toBeLessThanOrEqual(17.5);
  expect(slow).toBeLessThan(0.05);
  expect(await drawn()).toBeLessThan(40);
  // It panned: the first message is no longer drawn.
  await expect(arrow(page, 'MM1')).toHaveCount(0);

  // Stepping to the end brings the last message into view.
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  await page.keyboard.press('End');
  await expect(page.locator('[data-testid^="ladder.arrow."][data-status="current"], [data-testid^="ladder.arrow."][data-status="past"]').last()).toBeInViewport();
});
