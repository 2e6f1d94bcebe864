// Lighthouse (v12) against the production build served by `vite preview`: prints performance and accessibility.
// Usage: npm run lighthouse   (builds first if dist/ is missing)
// Desktop form factor by default (ikescope is a desktop tool for engineers at a workstation);
// LIGHTHOUSE_MOBILE=1 runs Lighthouse's default mobile emulation with its 4x CPU throttling instead.
import { existsSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { launchArgs, systemChromium as chromePath, waitForServer } from './chromium.mjs';

const mobile = process.env.LIGHTHOUSE_MOBILE === '1';

const port = 4174;
const url = `http://localhost:${port}/`;

if (!existsSync('dist/index.html')) spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], {
  stdio: 'ignore',
  detached: true,
});
const stopServer = () => {
  try {
    process.kill(-server.pid);
  } catch {
    /* already gone */
  }
};

let chrome;
try {
  await waitForServer(url);
  chrome = await chromeLauncher.launch({
    ...(chromePath ? { chromePath } : {}),
    chromeFlags: ['--headless=new', ...launchArgs],
  });
  const result = await lighthouse(url, {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices'],
  }, mobile ? undefined : desktopConfig);
  console.log(`form factor: ${mobile ? 'mobile (emulated, 4x CPU throttling)' : 'desktop'}`);
  const categories = result.lhr.categories;
  for (const [key, category] of Object.entries(categories)) {
    console.log(`${key.padEnd(16)} ${category.score?.toFixed(2) ?? 'n/a'}`);
  }
  const audits = result.lhr.audits;
  for (const id of [
    'first-contentful-paint',
    'largest-contentful-paint',
    'total-blocking-time',
    'cumulative-layout-shift',
  ]) {
    console.log(`  ${id.padEnd(26)} ${audits[id]?.displayValue ?? ''}`);
  }
  const failed = Object.values(audits).filter(
    (a) => a.score === 0 && categories.accessibility.auditRefs.some((r) => r.id === a.id),
  );
  for (const audit of failed) {
    console.log(`  accessibility: ${audit.id}: ${audit.title}`);
    for (const item of audit.details?.items?.slice(0, 5) ?? []) console.log(`    ${item.node?.snippet ?? ''}`);
  }
} finally {
  await chrome?.kill();
  stopServer();
}
