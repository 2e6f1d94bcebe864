// Where Chromium is and how to start it, for the e2e tests and every script that drives a browser.
// Debian's chromium when the machine has it (no browser download is possible there); Playwright's own elsewhere.
import { existsSync } from 'node:fs';

/** The system Chromium, or undefined to use Playwright's own browser. */
export const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));

/** Flags that work as root in a container with no network but localhost. */
export const launchArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** Playwright launch options: the system browser when there is one, with the flags above. */
export const launchOptions = systemChromium ? { executablePath: systemChromium, args: launchArgs } : { args: launchArgs };

/** Resolves once `url` answers (a server just started), or throws after about 20 s. */
export async function waitForServer(url) {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer`);
}
