/**
 * Chromium and the real service for a file of browser tests, with one page on the widget:
 * `prepare` fills the service before the page loads, `open` makes the page (a viewport, a
 * context that takes downloads…), `watch` listens to it. A test fails on any uncaught error in
 * the page; the browser and the service are closed after the file.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchChromium } from './chromium.js';
import { startWidgetService, type WidgetService } from './widget-service.js';

export interface WidgetPageOptions {
  prepare?: (svc: WidgetService) => Promise<void>;
  open?: (browser: Browser, svc: WidgetService) => Promise<Page>;
  watch?: (page: Page) => void;
}

export function useWidgetPage(opts: WidgetPageOptions = {}): () => { svc: WidgetService; page: Page } {
  let browser: Browser | undefined;
  let svc: WidgetService | undefined;
  let page: Page | undefined;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    [browser, svc] = await Promise.all([launchChromium(), startWidgetService()]);
    await opts.prepare?.(svc);
    page = await (opts.open ? opts.open(browser, svc) : browser.newPage({ viewport: { width: 1200, height: 900 } }));
    page.on('pageerror', (err) => pageErrors.push(err.message));
    opts.watch?.(page);
    await page.goto(`${svc.url}/`, { waitUntil: 'load' });
  }, 120_000);

  afterEach(() => {
    expect(pageErrors, 'uncaught errors in the page').toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await svc?.stop();
  });

  return () => {
    if (!svc || !page) throw new Error('the page is opened before the tests run');
    return { svc, page };
  };
}
