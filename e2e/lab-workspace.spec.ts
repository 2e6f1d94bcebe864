import { expect, test } from '@playwright/test';
import { IkescopePage } from './pages/ikescope-page.ts';

test('a kept lab setup that is not one the lab can run is read like a bad share link: the seed opens instead', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await app.runLab('pfs-mismatch');
  await expect(page.getByTestId('lab.outcome')).toHaveText(/phase 1 complete/);
  // Storage written by another version, or by hand: a fault the lab has no such thing as.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('ikescope');
        request.onsuccess = () => {
          const tx = request.result.transaction('state', 'readwrite');
          tx.objectStore('state').put({ preset: null, initiator: 'hostname A', responder: 'hostname B', mode: 'main', faults: { lose: 5 } }, 'lab');
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(new Error('write failed'));
        };
        request.onerror = () => reject(new Error('open failed'));
      }),
  );
  await page.reload();
  await expect(page.getByTestId('lab.preset')).toHaveValue('seed');
  await app.analysed();
  await expect(page.getByTestId('lab.outcome')).toHaveText(/phase 1 complete, phase 2 complete/);
  await expect(page.getByRole('alert').filter({ hasText: 'failed' })).toHaveCount(0);
  expect(app.consoleErrors).toEqual([]);
});

test('going from the lab back to the analysis shows the case without analysing it again', async ({ page }) => {
  await page.addInitScript(() => {
    const Original = window.Worker;
    const started: string[] = [];
    (window as unknown as { startedWorkers: string[] }).startedWorkers = started;
    window.Worker = class extends Original {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        started.push(String(url));
      }
    };
  });
  const app = new IkescopePage(page);
  await app.open();
  await app.openFixture('fixtures/corpus/01-mm-qm-success-initiator-iosxe-cryptomap.log');
  await app.analysed();
  await app.selectArrow('MM3');
  const analyses = () => page.evaluate(() => (window as unknown as { startedWorkers: string[] }).startedWorkers.filter((u) => u.includes('analysis-worker')).length);
  await app.runLab('nat-t');
  const before = await analyses();
  await app.switchTo('Log analysis');
  await app.analysed();
  await expect.poll(() => app.selectedMessage()).toBe('MM3');
  await expect(app.logPane().locator('.cm-content')).toHaveAttribute('aria-label', 'Log 01-mm-qm-success-initiator-iosxe-cryptomap.log');
  expect(await analyses()).toBe(before);
  // And back to the lab: its run is still there, not simulated and analysed again.
  await app.switchTo('Lab');
  await app.analysed();
  await expect(page.getByTestId('lab.preset')).toHaveValue('nat-t');
  expect(await analyses()).toBe(before);
});
