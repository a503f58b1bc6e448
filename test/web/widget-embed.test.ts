/**
 * The widget's files as the service serves them, and the widget embedded in another site's page
 * with one script tag (a host page on another origin, allowed by CORS), inline and as a corner
 * panel, in a real browser.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAssetsDir, listModules } from '../../src/web/assets-dir.js';
import { screenshot } from './support/artifacts.js';
import { launchChromium } from './support/chromium.js';
import { startWidgetService, type WidgetService } from './support/widget-service.js';

let browser: Browser;
let svc: WidgetService;
let host: Server;
let hostUrl = '';

/** A shop's own page, with the widget's one tag in it. */
function hostPage(tag: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Acme marketing</title>
<style>body { font-family: Georgia, serif; background: #fffbea; margin: 0; } h1 { color: #7a3e00; padding: 16px; } button { color: red; }</style>
</head><body><h1>Acme marketing dashboard</h1><div id="slot"></div>${tag}</body></html>`;
}

beforeAll(async () => {
  host = createServer((req, res) => {
    const inline = `<script src="${svc.url}/embed.js" data-target="#slot" data-title="Acme audiences" async></script>`;
    const floating = `<script src="${svc.url}/embed.js" async></script>`;
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(hostPage(req.url === '/floating' ? floating : inline));
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', () => resolve()));
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
  [browser, svc] = await Promise.all([launchChromium(), startWidgetService({ corsOrigins: [hostUrl] })]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await svc?.stop();
  host?.close();
});

describe('the widget files', () => {
  it('serves the page with a strict content policy and every widget module preloaded', async () => {
    const res = await fetch(`${svc.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    const modules = listModules(findAssetsDir());
    expect(modules.length).toBeGreaterThan(10);
    for (const path of modules) expect(html).toContain(`<link rel="modulepreload" href="/${path}">`);
  });

  it('serves the widget, its stylesheet, its modules and the embed loader to any origin', async () => {
    for (const [path, type] of [['/widget.js', 'javascript'], ['/widget.css', 'text/css'], ['/embed.js', 'javascript'], ['/widget/ui/draft.js', 'javascript']]) {
      const res = await fetch(`${svc.url}${path}`, { headers: { Origin: 'https://elsewhere.example' } });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toContain(type);
      expect(res.headers.get('access-control-allow-origin'), path).toBe('*');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });

  it('serves nothing outside the widget folder, and unknown files are the usual 404 envelope', async () => {
    const traversal = await fetch(`${svc.url}/widget/..%2f..%2frouter.ts`);
    expect(traversal.status).toBe(404);
    const missing = await fetch(`${svc.url}/widget/nope.js`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});

describe('the widget embedded in another site', () => {
  it('draws itself inline in the element the tag names, styled apart from the host page, and builds an audience', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${hostUrl}/`, { waitUntil: 'load' });
    const widget = page.locator('#slot .aw');
    await widget.getByRole('heading', { name: 'Acme audiences' }).waitFor({ timeout: 10_000 });
    // The host's `button { color: red }` does not reach into the widget.
    const color = await widget.getByRole('button', { name: 'Build' }).evaluate((el) => getComputedStyle(el).color);
    expect(color).toBe('rgb(255, 255, 255)');

    await widget.getByLabel('Describe the audience you want').fill("Customers who haven't purchased in the last 30 days");
    await widget.getByRole('button', { name: 'Build' }).click();
    const draft = widget.getByRole('region', { name: 'Draft audience', exact: true });
    await draft.waitFor({ timeout: 30_000 });
    await expect(draft.locator('.aw-size-number').textContent()).resolves.toMatch(/^\d[\d,]*$/);
    // The host page's address is left alone; the thread is kept in storage.
    expect(page.url()).toBe(`${hostUrl}/`);
    await screenshot(page, '20-embedded-inline');

    await page.reload({ waitUntil: 'load' });
    await page.locator('#slot .aw').getByRole('region', { name: 'Draft audience', exact: true }).waitFor({ timeout: 15_000 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens from a corner button as a panel when no element is named, and closes with Escape', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    await page.goto(`${hostUrl}/floating`, { waitUntil: 'load' });
    const launcher = page.getByRole('button', { name: 'Build an audience' });
    await launcher.waitFor({ timeout: 10_000 });
    await expect(launcher.getAttribute('aria-expanded')).resolves.toBe('false');
    await launcher.click();
    await page.getByLabel('Describe the audience you want').waitFor({ timeout: 10_000 });
    await expect(launcher.getAttribute('aria-expanded')).resolves.toBe('true');
    await screenshot(page, '21-embedded-panel');
    await page.getByLabel('Describe the audience you want').press('Escape');
    await expect(page.getByLabel('Describe the audience you want').isVisible()).resolves.toBe(false);
    await expect(launcher.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).resolves.toBe(true);
    await page.close();
  });
});
