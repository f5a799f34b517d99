// Debian's chromium driven by playwright-core. Never downloads a browser.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.STUDYDECK_CHROMIUM ?? '/usr/bin/chromium';

export function assertChromium() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium is needed for the real-editor tests and was not found at ${CHROMIUM}.\nInstall it with:  sudo apt-get install -y chromium\n(or set STUDYDECK_CHROMIUM to a Chromium binary). Do not use "npx playwright install".`);
  }
}

export async function launchBrowser() {
  assertChromium();
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'studydeck-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
