// The page's large-log budget, measured in real Chromium against the production build:
// the generated log of `npm run bench` (100 MB by default, PAGE_BENCH_MB to change) opened in the page; prints when the progress
// bar appears, when the first negotiation is drawn, when the analysis is done, and every main-thread frame
// blocked for more than 50 ms (long animation frames), with the scripts in it.
// Usage: npx vite build && npm run bench:page (PAGE_BENCH_DIST=dir serves another build than dist/)
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { ensureLog } from '../bench/log-file.ts';
import { launchOptions, waitForServer } from './chromium.mjs';

const megabytes = Number(process.env.PAGE_BENCH_MB ?? 100);
const port = Number(process.env.PAGE_BENCH_PORT ?? 4176);
/** Another build to serve than dist/ (to compare two builds in one window). */
const outDir = process.env.PAGE_BENCH_DIST;

/** A main-thread task of more than 50 ms (Long Tasks API), its start and length. */
interface LongTask {
  start: number;
  duration: number;
}

interface Frame {
  start: number;
  duration: number;
  blocking: number;
  scripts: string;
}

/** In-page times (performance.now()) of the file input's change and of what the page shows after it. */
interface Marks {
  change?: number;
  progress?: number;
  first?: number;
  done?: number;
}

const path = await ensureLog(megabytes);
const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort', ...(outDir ? ['--outDir', outDir] : [])], { stdio: 'ignore', detached: true });
await waitForServer(`http://localhost:${port}/`);
const browser = await chromium.launch(launchOptions);
try {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    const frames: Frame[] = [];
    (window as unknown as { frames_: Frame[] }).frames_ = frames;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { startTime: number; duration: number; blockingDuration: number; scripts: { invoker: string; duration: number }[] }[]) {
        if (entry.blockingDuration > 0) {
          frames.push({
            start: entry.startTime,
            duration: Math.round(entry.duration),
            blocking: Math.round(entry.blockingDuration),
            scripts: entry.scripts.map((s) => `${s.invoker} ${Math.round(s.duration)} ms`).join(', '),
          });
        }
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
    const tasks: LongTask[] = [];
    (window as unknown as { tasks_: LongTask[] }).tasks_ = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
    // the page's own clock from the moment the file is chosen: Playwright's handing over of a 100 MB file to the
    // page and its polling stay out of these figures
    const marks: Marks = {};
    (window as unknown as { marks_: Marks }).marks_ = marks;
    document.addEventListener('change', (e) => {
      if ((e.target as HTMLInputElement | null)?.type === 'file') marks.change = performance.now();
    }, true);
    new MutationObserver(() => {
      if (marks.change === undefined) return;
      const bar = document.querySelector('progress') !== null;
      if (marks.progress === undefined && bar) marks.progress = performance.now();
      if (marks.progress === undefined) return;
      if (marks.first === undefined && document.querySelector('ul[aria-label="Negotiations found"] button') !== null && document.querySelector('[data-testid^="ladder.arrow."]') !== null) marks.first = performance.now();
      if (marks.done === undefined && !bar) marks.done = performance.now();
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
  await page.goto(`http://localhost:${port}/`);
  await page.locator('[data-testid^="ladder.arrow."]').first().waitFor();
  await page.evaluate(() => ((window as unknown as { frames_: Frame[] }).frames_.length = 0));
  // the main thread's own time (Chromium's TaskDuration, ScriptDuration) while the log loads: the worker's is not in it
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const mainThread = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const value = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
    return { task: value('TaskDuration'), script: value('ScriptDuration') };
  };
  const before = await mainThread();
  const started = Date.now();
  await page.getByTestId('load.file').setInputFiles(path);
  // waits on the page's own marks, read once a frame: a role query polled by Playwright walks the whole page
  // on its main thread, which is what is measured
  const mark = async (name: keyof Marks) => {
    await page.waitForFunction((n) => (window as unknown as { marks_: Marks }).marks_[n] !== undefined, name, { polling: 'raf', timeout: 600_000 });
    return Date.now() - started;
  };
  const progress = await mark('progress');
  const firstNegotiation = await mark('first');
  const done = await mark('done');
  const after = await mainThread();
  const marks = await page.evaluate(() => (window as unknown as { marks_: Marks }).marks_);
  // the long tasks from the file chosen to the bar gone (those of the page's first draw are before)
  const tasks = (await page.evaluate(() => (window as unknown as { tasks_: LongTask[] }).tasks_)).filter(
    (t) => marks.change !== undefined && t.start + t.duration >= marks.change && (marks.done === undefined || t.start <= marks.done),
  );
  // the frames of the same window: one of the page's opening can be reported after the list was emptied
  const frames = (await page.evaluate(() => (window as unknown as { frames_: Frame[] }).frames_)).filter(
    (f) => marks.change !== undefined && f.start + f.duration >= marks.change && (marks.done === undefined || f.start <= marks.done),
  );
  const since = (t: number | undefined) => (t === undefined || marks.change === undefined ? '?' : String(Math.round(t - marks.change)));
  console.log(`${megabytes} MB log opened in the page (production build, Chromium); the page's clock from the file chosen, then Playwright's from setInputFiles`);
  console.log(`  progress bar shown     ${since(marks.progress)} ms (${progress} ms)`);
  console.log(`  first negotiation      ${since(marks.first)} ms (${firstNegotiation} ms)   (budget 1000 ms)`);
  console.log(`  analysis complete      ${since(marks.done)} ms (${done} ms)   (budget 3000 ms)`);
  console.log(`  frames blocked > 50 ms ${frames.length}; longest ${frames.reduce((most, f) => Math.max(most, f.duration), 0)} ms   (budget: no task over 100 ms)`);
  console.log(`  tasks over 50 ms       ${tasks.length}; longest ${Math.round(tasks.reduce((most, t) => Math.max(most, t.duration), 0))} ms; over 100 ms ${tasks.filter((t) => t.duration > 100).length}   (budget: no task over 100 ms)`);
  console.log(`  main thread busy       ${Math.round(after.task - before.task)} ms, of which script ${Math.round(after.script - before.script)} ms (from setInputFiles to the bar gone)`);
  for (const task of tasks) console.log(`    task at ${since(task.start)} ms: ${Math.round(task.duration)} ms`);
  for (const frame of frames.slice(0, 10)) console.log(`    frame at ${since(frame.start)} ms: ${frame.duration} ms (blocking ${frame.blocking} ms): ${frame.scripts}`);
} finally {
  await browser.close();
  process.kill(-server.pid!);
}
