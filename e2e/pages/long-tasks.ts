import type { Page } from '@playwright/test';

type Watched = { longTasks: { start: number; duration: number }[]; longTasksSince: number };

/**
 * Records every main-thread task over 50 ms (the browser's long tasks) from the page's start.
 * Call before opening the page; `reset` forgets what opening it cost, `longest` is the longest task begun since.
 * By their start, not by when they are reported: the browser reports a task a moment after it ends, so one of
 * the page's opening could be reported after the reset.
 */
export async function watchLongTasks(page: Page) {
  await page.addInitScript(() => {
    const seen: Watched['longTasks'] = [];
    const watched = window as unknown as Watched;
    watched.longTasks = seen;
    watched.longTasksSince = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) seen.push({ start: entry.startTime, duration: Math.round(entry.duration) });
    }).observe({ type: 'longtask', buffered: true });
  });
  return {
    reset: () => page.evaluate(() => void ((window as unknown as Watched).longTasksSince = performance.now())),
    longest: () =>
      page.evaluate(() => {
        const { longTasks, longTasksSince } = window as unknown as Watched;
        return longTasks.filter((t) => t.start >= longTasksSince).reduce((most, t) => Math.max(most, t.duration), 0);
      }),
  };
}
