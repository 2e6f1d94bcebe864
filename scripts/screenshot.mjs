// Refreshes docs/screenshot.png from the production build: npm run build && node scripts/screenshot.mjs
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { launchOptions, waitForServer } from './chromium.mjs';

const port = 4175;
const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], {
  stdio: 'ignore',
  detached: true,
});
try {
  await waitForServer(`http://localhost:${port}/`);
  const browser = await chromium.launch(launchOptions);
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
  await page.goto(`http://localhost:${port}/`);
  await page.locator('.cm-content').waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'docs/screenshot.png' });
  await browser.close();
} finally {
  process.kill(-server.pid);
}
