// Debian's Chromium driven by playwright-core (never a downloaded browser),
// with the flags that keep it off the network (this machine has none) and
// trusting the test server's self-signed certificate. Playwright gives each
// launch a fresh temporary profile of its own.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const ARTIFACTS = process.env.MAITRED_BROWSER_ARTIFACTS || join(tmpdir(), 'maitred-browser-artifacts');

export async function launchBrowser() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    browser,
    newPage: async (options = {}) => {
      const context = await browser.newContext({ ignoreHTTPSErrors: true, ...options });
      return context.newPage();
    },
    async close() {
      await browser.close();
    },
  };
}
