import type { Page } from '@playwright/test';

type Watched = { longTasks: number[] };

/**
 * Records the duration of every main-thread task over 50 ms (the browser's long tasks) from the page's start.
 * Call before opening the page; `reset` forgets what opening it cost, `longest` is the longest since.
 */
export async function watchLongTasks(page: Page) {
  await page.addInitScript(() => {
    const seen: number[] = [];
    (window as unknown as Watched).longTasks = seen;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) seen.push(Math.round(entry.duration));
    }).observe({ type: 'longtask', buffered: true });
  });
  return {
    reset: () => page.evaluate(() => void ((window as unknown as Watched).longTasks.length = 0)),
    longest: () => page.evaluate(() => (window as unknown as Watched).longTasks.reduce((a, b) => Math.max(a, b), 0)),
  };
}
