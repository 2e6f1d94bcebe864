// Before the e2e tests: make sure a Chromium exists, and say how to get one if not.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { systemChromium as system } from './chromium.mjs';
let bundled = '';
try {
  bundled = chromium.executablePath();
} catch {
  bundled = '';
}
if (!system && !(bundled && existsSync(bundled))) {
  console.error(`ikescope e2e: no Chromium found.
  The end-to-end tests drive a real browser. Install one of:
    - Debian/Ubuntu:  sudo apt-get install -y chromium      (used from /usr/bin/chromium)
    - anywhere else:  npx playwright install chromium
  then run 'npm test' again.`);
  process.exit(1);
}
console.log(`ikescope e2e: using ${system ?? bundled}`);
