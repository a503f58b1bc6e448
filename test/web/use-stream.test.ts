/**
 * React's `useStream` (@langchain/langgraph-sdk/react, React 19) against the service, in Debian's
 * Chromium: a small chat page bundled here with esbuild asks, is answered by a button and by
 * typing, drafts, refines, survives a reload and applies, with `stream.messages` holding the
 * whole conversation.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { Router } from 'express';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfflineInterpreter } from '../../src/interpreter/offline/index.js';
import { audienceBuilderAssistant } from '../../src/server/assistants/audience-builder.js';
import { openShop, SHOP_NOW, type OpenShop } from '../graph/shop-workspace.js';
import { startTestService, type TestService } from '../server/support/test-service.js';
import { screenshot } from './support/artifacts.js';
import { launchChromium } from './support/chromium.js';

let shop: OpenShop;
let svc: TestService;
let browser: Browser;

const PAGE = '<!doctype html><meta charset="utf-8"><title>useStream</title><style>li.human{color:#036}li.ai{white-space:pre-wrap}</style><div id="root"></div><script type="module" src="/use-stream/app.js"></script>';

beforeAll(async () => {
  const out = mkdtempSync(join(tmpdir(), 'use-stream-'));
  await build({ entryPoints: [join(import.meta.dirname, 'use-stream/app.ts')], bundle: true, format: 'esm', platform: 'browser', outfile: join(out, 'app.js'), define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'silent' });
  const bundle = readFileSync(join(out, 'app.js'));
  const page = Router();
  page.get('/use-stream/', (_req, res) => void res.type('html').send(PAGE));
  page.get('/use-stream/app.js', (_req, res) => void res.type('text/javascript').send(bundle));
  page.get('/favicon.ico', (_req, res) => void res.status(204).end());
  shop = await openShop();
  svc = await startTestService({
    assistants: (repositories) => [audienceBuilderAssistant({ interpreter: createOfflineInterpreter(), audiences: repositories.audiences, glossary: repositories.glossary })],
    workspaces: { get: async (tenant) => (tenant === 'default' ? shop : undefined) },
    // A first turn on a busy machine can block the loop past the fast tests' lock lifetime.
    settings: { lockTtlMs: 10_000 },
    deps: { referenceTime: () => SHOP_NOW, publicRoutes: [page] },
  });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await svc?.stop();
  await shop?.dispose();
});

const said = (page: Page, type: 'human' | 'ai') => page.locator(`#messages li.${type}`).allTextContents();

async function type(page: Page, words: string): Promise<void> {
  await page.fill('#say', words);
  await page.click('#send');
}

async function idleWith(page: Page, aiMessages: number): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('#messages li.ai').length >= n && document.querySelector('#status')?.textContent === 'idle', aiMessages, { timeout: 60_000 });
}

describe('useStream in Chromium', () => {
  it('asks, takes answers by button and by typing, drafts, refines, survives a reload and applies', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => void (m.type() === 'error' && problems.push(m.text())));
    await page.goto(`${svc.url}/use-stream/`);
    await page.waitForSelector('#say', { timeout: 10_000 }).catch(() => undefined);
    expect(problems).toEqual([]);
    await type(page, 'High-spending customers');
    await idleWith(page, 1);
    expect(await said(page, 'human')).toEqual(['High-spending customers']);
    expect((await said(page, 'ai'))[0]).toMatch(/high-spending/i);
    const option = (await page.locator('#interrupt .option').allTextContents())[0]!;
    expect((await said(page, 'ai'))[0]).toContain(`- ${option}`);

    await page.locator('#interrupt .option').first().click();
    await idleWith(page, 2);
    expect((await said(page, 'human')).at(-1)).toBe(option);
    expect((await said(page, 'ai')).at(-1)).toMatch(/glossary/);

    await type(page, 'No, just this time');
    await idleWith(page, 3);
    const draft = (await said(page, 'ai')).at(-1)!;
    expect(draft).toMatch(/^Here is the audience:\n✓ /);
    await screenshot(page, 'use-stream-draft');

    await type(page, 'only customers in Germany');
    await idleWith(page, 4);
    expect((await said(page, 'ai')).at(-1)).toMatch(/Germany|DE/);

    const before = { human: await said(page, 'human'), ai: await said(page, 'ai') };
    await page.reload();
    await idleWith(page, before.ai.length);
    expect({ human: await said(page, 'human'), ai: await said(page, 'ai') }).toEqual(before);
    expect(Number(await page.textContent('#history'))).toBeGreaterThan(0);

    await page.click('#apply');
    await idleWith(page, before.ai.length + 1);
    expect((await said(page, 'human')).at(-1)).toBe('Apply as "From useStream"');
    expect((await said(page, 'ai')).at(-1)).toBe('Saved "From useStream".');
    await screenshot(page, 'use-stream-saved');
    await page.close();
  }, 180_000);
});
