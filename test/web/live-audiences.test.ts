/**
 * Live audiences in the widget, in Chromium against the real service (offline interpreter,
 * in-memory stores, the shop workspace): a prompt about the visit gives a live draft with its
 * note, applied for 7 days it tops the live list; moving it down changes the order the service
 * matches visitors in, a switch turns audiences off, and a failed change is said like any other
 * error. A screenshot of each step is in test-artifacts/web.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MatchResult } from '../../src/live/types.js';
import type { LiveAudienceView } from '../../src/server/routes/live.js';
import { screenshot } from './support/artifacts.js';
import { launchChromium } from './support/chromium.js';
import { startWidgetService, type WidgetService } from './support/widget-service.js';

const LIVE_PROMPT = 'Mobile visitors from the spring campaign';
const SPRING_VISIT = { device: 'mobile', url: 'https://shop.example/products/cat-tree?utm_campaign=spring-sale' };

let browser: Browser;
let svc: WidgetService;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  [browser, svc] = await Promise.all([launchChromium(), startWidgetService()]);
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  page.on('pageerror', (err) => pageErrors.push(err.message));
}, 120_000);

afterEach(() => {
  expect(pageErrors, 'uncaught errors in the page').toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await svc?.stop();
});

const draft = () => page.getByRole('region', { name: 'Live audience', exact: true });
const liveList = () => page.getByRole('region', { name: 'Live audiences', exact: true });
const liveNames = () => liveList().locator('.aw-live-item .aw-saved-name').allTextContents();
const errorNotice = () => page.locator('.aw-error:not([hidden])');

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${svc.url}${path}`, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  expect(res.status, `${method} ${path}`).toBeLessThan(300);
  return res.json() as Promise<T>;
}

const listed = async () => (await api<{ audiences: LiveAudienceView[] }>('GET', '/v1/live-audiences')).audiences;
const match = (id: string) => api<MatchResult>('POST', '/v1/match', { visitor: { id, context: SPRING_VISIT } });
const focusedLabel = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');

describe('live audiences in the widget', () => {
  let springId = '';

  it('lists the workspace default live audiences in order, built-in, with their conditions, duration and switch', async () => {
    await page.goto(`${svc.url}/`, { waitUntil: 'load' });
    await liveList().locator('.aw-live-item').first().waitFor({ timeout: 15_000 });
    const defaults = await listed();
    expect(await liveNames()).toEqual(defaults.map((a) => a.name));
    const everyone = liveList().locator('.aw-live-item', { hasText: 'Everyone' });
    await expect(everyone.getByRole('switch').isChecked()).resolves.toBe(false);
    await expect(liveList().locator('.aw-builtin').count()).resolves.toBe(defaults.length);
    await expect(liveList().locator('.aw-live-item').first().textContent()).resolves.toContain('Stays in: this session');
    await expect(liveList().getByRole('button', { name: `Move ${defaults[0]!.name} up` }).isDisabled()).resolves.toBe(true);
    await screenshot(page, 'live-01-default-list');
  });

  it('drafts a description of the visit as a live audience, with the note and without in-place edits', async () => {
    await page.getByLabel('Describe the audience you want').fill(LIVE_PROMPT);
    await page.getByRole('button', { name: 'Build' }).click();
    await draft().waitFor({ timeout: 30_000 });
    const profiles = (await svc.shop.catalog).profiles;
    await expect(draft().locator('.aw-live-note').textContent()).resolves.toBe(
      `Live audience: evaluated when a visitor arrives; up to ${profiles.toLocaleString('en-US')} known profiles could match.`,
    );
    await expect(draft().locator('.aw-size').textContent()).resolves.toMatch(/^Up to [\d,]+ known profiles could match/);
    const lines = await draft().getByRole('list', { name: 'Conditions' }).getByRole('listitem').allTextContents();
    expect(lines.join(' | ')).toMatch(/mobile/i);
    expect(lines.join(' | ')).toMatch(/spring/i);
    await expect(draft().getByRole('button', { name: 'Edit' }).count()).resolves.toBe(0);
    await expect(draft().getByRole('group', { name: 'Keep a visitor in it for' }).isVisible()).resolves.toBe(true);
    await screenshot(page, 'live-02-live-draft');
  });

  it('refuses an amount out of range next to the field, then applies for 7 days and puts it at the top', async () => {
    await draft().getByLabel('Name', { exact: true }).fill('Spring mobile');
    await draft().getByLabel('Duration').selectOption('days');
    const amount = draft().getByLabel('Number of days');
    await expect(amount.inputValue()).resolves.toBe('7');
    await amount.fill('0');
    await draft().getByRole('button', { name: 'Apply' }).click();
    await expect(draft().locator('.aw-duration .aw-field-problem').textContent()).resolves.toBe('Enter a whole number of days from 1 to 365.');
    await expect(amount.getAttribute('aria-invalid')).resolves.toBe('true');
    await screenshot(page, 'live-03-duration-problem');
    await amount.fill('7');
    await screenshot(page, 'live-04-seven-days');
    await draft().getByRole('button', { name: 'Apply' }).click();

    const notice = page.getByRole('region', { name: 'Saved', exact: true });
    await notice.waitFor({ timeout: 30_000 });
    await expect(notice.textContent()).resolves.toContain('Saved as the live audience “Spring mobile”');
    await liveList().locator('.aw-live-item.aw-new', { hasText: 'Spring mobile' }).waitFor({ timeout: 10_000 });
    expect((await liveNames())[0]).toBe('Spring mobile');
    await expect(liveList().locator('.aw-live-item').first().textContent()).resolves.toContain('Stays in: 7 days');
    const top = (await listed())[0]!;
    expect(top).toMatchObject({ name: 'Spring mobile', position: 1, enabled: true, builtIn: false, duration: { unit: 'days', amount: 7 } });
    springId = top.id;
    await expect(page.getByRole('region', { name: 'Saved live audience', exact: true }).isVisible()).resolves.toBe(true);
    expect(await match('visitor-a')).toMatchObject({ audience: { id: springId, position: 1 } });
    await screenshot(page, 'live-05-applied-at-top');
  });

  it('moves it down: the order changes in the list, in the service and in what a visitor matches', async () => {
    const before = await listed();
    await liveList().getByRole('button', { name: 'Move Spring mobile down' }).click();
    await expect.poll(() => liveNames(), { timeout: 10_000 }).toEqual([before[1]!.name, 'Spring mobile', ...before.slice(2).map((a) => a.name)]);
    expect((await listed()).map((a) => a.id)).toEqual([before[1]!.id, springId, ...before.slice(2).map((a) => a.id)]);
    await expect(focusedLabel()).resolves.toBe('Move Spring mobile down');
    // A new mobile visitor now meets the built-in "Mobile visitors" first.
    expect(await match('visitor-b')).toMatchObject({ audience: { id: 'default-mobile', position: 1 } });
    await expect(liveList().locator('.aw-live-item').nth(1).locator('.aw-live-position').textContent()).resolves.toBe('2');
    await screenshot(page, 'live-06-moved-down');
  });

  it('turns audiences off with their switch: a disabled one keeps its place and never matches', async () => {
    await liveList().getByRole('switch', { name: 'Mobile visitors enabled' }).click();
    await expect.poll(async () => (await listed()).find((a) => a.id === 'default-mobile')?.enabled, { timeout: 10_000 }).toBe(false);
    expect(await match('visitor-c')).toMatchObject({ audience: { id: springId, position: 2 } });

    await liveList().getByRole('switch', { name: 'Spring mobile enabled' }).click();
    await expect.poll(async () => (await listed()).find((a) => a.id === springId)?.enabled, { timeout: 10_000 }).toBe(false);
    await expect.poll(() => liveList().locator('.aw-live-item', { hasText: 'Spring mobile' }).getAttribute('class'), { timeout: 10_000 }).toContain('aw-off');
    await expect(liveList().getByRole('switch', { name: 'Spring mobile enabled' }).isChecked()).resolves.toBe(false);
    const fresh = await match('visitor-d');
    expect(fresh.audience?.id).not.toBe(springId);
    expect(fresh.audience?.id).not.toBe('default-mobile');
    expect((await listed()).map((a) => a.id).indexOf(springId)).toBe(1);
    await screenshot(page, 'live-07-switched-off');
  });

  it('says a failed reorder in plain words with Retry, keeps the order, and retrying moves it', async () => {
    const before = await liveNames();
    await page.route('**/v1/live-audiences/order', (route) =>
      route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'store_unavailable', message: 'Redis is not answering.', retryable: true } }) }),
    );
    await liveList().getByRole('button', { name: 'Move Spring mobile up' }).click();
    await errorNotice().waitFor({ timeout: 10_000 });
    await expect(errorNotice().getAttribute('data-code')).resolves.toBe('store_unavailable');
    await expect(errorNotice().locator('.aw-error-title').textContent()).resolves.toBe('The live audiences could not be changed');
    await expect(errorNotice().textContent()).resolves.toContain('Redis is not answering.');
    expect(await liveNames()).toEqual(before);
    await screenshot(page, 'live-08-reorder-error');
    await page.unroute('**/v1/live-audiences/order');
    await errorNotice().getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => liveNames(), { timeout: 10_000 }).toEqual(['Spring mobile', ...before.filter((n) => n !== 'Spring mobile')]);
    await expect(errorNotice().count()).resolves.toBe(0);
  });

  it('fits a phone-sized screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await liveList().scrollIntoViewIfNeeded();
    await screenshot(page, 'live-09-phone');
    await page.setViewportSize({ width: 1200, height: 900 });
  });
});
