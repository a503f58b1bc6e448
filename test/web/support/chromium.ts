/**
 * Debian's Chromium driven by playwright-core, headless, with a fresh profile per launch
 * (playwright gives each launch its own temporary user-data-dir). Fails with what to install
 * when the browser is missing.
 */
import { accessSync, constants } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(): Promise<Browser> {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
  } catch {
    throw new Error(`Chromium was not found at ${CHROMIUM_PATH}: the browser tests need it. Install it with \`apt-get update && apt-get install -y chromium\`.`);
  }
  try {
    return await chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS, headless: true, timeout: 30_000 });
  } catch (err) {
    throw new Error(`Chromium at ${CHROMIUM_PATH} did not start: ${(err as Error).message}`);
  }
}
