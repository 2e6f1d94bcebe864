// Refreshes docs/screenshot.png from the production build: npm run build && node scripts/screenshot.mjs
import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';

const port = 4175;
const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], {
  stdio: 'ignore',
  detached: true,
});
try {
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
  for (let attempt = 0; ; attempt++) {
    try {
      await page.goto(`http://localhost:${port}/`);
      break;
    } catch (error) {
      if (attempt > 50) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  await page.locator('.cm-content').waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'docs/screenshot.png' });
  await browser.close();
} finally {
  process.kill(-server.pid);
}
