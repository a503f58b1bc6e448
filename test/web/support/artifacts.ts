/** Screenshots and measurements of the browser tests, kept under test-artifacts/web (gitignored). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export const ARTIFACTS_DIR = join(import.meta.dirname, '../../../test-artifacts/web');

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

export function writeArtifact(name: string, data: unknown): void {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  writeFileSync(join(ARTIFACTS_DIR, name), `${JSON.stringify(data, null, 2)}\n`);
}
