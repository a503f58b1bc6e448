/**
 * Saved audiences on the page, in Chromium against the real service: open one (conditions with
 * their own sizes, size, reach, samples, when it was counted), count it again, edit it as a
 * draft and save it in place, duplicate it, download its members as CSV and JSONL, copy its
 * SQL, and delete it only after saying yes. Screenshots go to test-artifacts/web.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AudienceDefinition } from '../../src/definition/schema.js';
import { screenshot } from './support/artifacts.js';
import { type WidgetService } from './support/widget-service.js';
import { useWidgetPage } from './support/widget-page.js';
import { GOLD_REPEAT_BUYERS } from './support/audiences.js';

const widget = useWidgetPage({
  prepare: async (svc) => {
    await svc.repositories.audiences.save('default', {
      id: 'aud-gold', name: 'Gold repeat buyers', description: 'Gold members with two orders in 90 days', prompt: 'gold members who ordered twice',
      definition: GOLD_REPEAT_BUYERS, createdAt: '2026-10-30T10:00:00.000Z',
    });
  },
  open: async (browser, svc) => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, acceptDownloads: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: svc.url });
    return context.newPage();
  },
});
let svc: WidgetService;
let page: Page;
beforeAll(() => {
  ({ svc, page } = widget());
});

const opened = () => page.locator('.aw-saved-view:not([hidden])');
const savedList = () => page.locator('.aw-saved-list');
const sizeOf = async (scope: ReturnType<Page['locator']>) => Number(((await scope.locator('.aw-size-number').textContent()) ?? '').replace(/[^\d]/g, ''));

async function computed(definition: AudienceDefinition): Promise<{ size: number; conditionSizes: { size: number }[] }> {
  const res = await fetch(`${svc.url}/v1/compute`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ definition }) });
  return res.json() as Promise<{ size: number; conditionSizes: { size: number }[] }>;
}

describe('saved audiences on the page', () => {
  it('opens a saved audience with its conditions and their own sizes, size, reach, samples and when it was counted', async () => {
    await savedList().getByRole('button', { name: 'Gold repeat buyers' }).click();
    await opened().locator('.aw-size-number').waitFor();
    const expected = await computed(GOLD_REPEAT_BUYERS);
    expect(await sizeOf(opened())).toBe(expected.size);
    await expect(opened().getByRole('heading', { level: 2 }).textContent()).resolves.toBe('Gold repeat buyers');
    const lines = opened().getByRole('list', { name: 'Conditions' }).getByRole('listitem');
    await expect(lines.count()).resolves.toBe(2);
    await expect(lines.first().textContent()).resolves.toContain('Order Completed');
    await expect(lines.first().locator('.aw-line-size').textContent()).resolves.toBe(`${expected.conditionSizes[0]!.size.toLocaleString('en-US')} on its own`);
    await expect(opened().locator('.aw-counted').textContent()).resolves.toMatch(/^Counted .+, with the data as of /);
    await expect(opened().getByRole('figure', { name: 'Reachable by channel' }).isVisible()).resolves.toBe(true);
    await expect(opened().locator('.aw-table tbody tr').count()).resolves.toBeGreaterThan(0);
    await screenshot(page, 'saved-01-opened');
  });

  it('counts it again on request, keeping each count: its size over time and who entered and left', async () => {
    await expect(opened().getByRole('heading', { name: 'Size over time' }).isVisible()).resolves.toBe(true);
    await expect(opened().locator('.aw-history-box').textContent()).resolves.toContain('No counts kept yet');
    for (const kept of [1, 2]) {
      const counted = page.waitForResponse((r) => r.url().endsWith('/v1/compute') && r.status() === 200);
      await opened().getByRole('button', { name: 'Count again' }).click();
      await counted;
      await opened().locator('.aw-history-list li').nth(kept - 1).waitFor();
      await expect(opened().locator('.aw-history-list li').count()).resolves.toBe(kept);
    }
    await expect(opened().getByRole('button', { name: 'Count again' }).isEnabled()).resolves.toBe(true);
    const size = await sizeOf(opened());
    const items = opened().locator('.aw-history-list li');
    await expect(items.first().textContent()).resolves.toContain(`${size.toLocaleString('en-US')} · +0 entered, −0 left`);
    await expect(items.last().textContent()).resolves.not.toContain('entered');
    await expect(opened().getByRole('img', { name: /^Size over time: / }).locator('circle').count()).resolves.toBe(2);
    await screenshot(page, 'saved-02-size-over-time');
  });

  it('downloads the members as CSV and as JSONL, every member once', async () => {
    const size = await sizeOf(opened());
    const [csv] = await Promise.all([page.waitForEvent('download'), opened().getByRole('button', { name: 'Download CSV' }).click()]);
    expect(csv.suggestedFilename()).toBe('gold-repeat-buyers.csv');
    const csvLines = readFileSync((await csv.path())!, 'utf8').trim().split('\n');
    expect(csvLines[0]).toBe('user_id');
    expect(csvLines.length - 1).toBe(size);
    const [jsonl] = await Promise.all([page.waitForEvent('download'), opened().getByRole('button', { name: 'Download JSONL' }).click()]);
    expect(jsonl.suggestedFilename()).toBe('gold-repeat-buyers.jsonl');
    const rows = readFileSync((await jsonl.path())!, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { userId: string });
    expect(rows.map((r) => r.userId)).toEqual(csvLines.slice(1));
    await expect(opened().getByRole('status').textContent()).resolves.toMatch(/^Downloaded the members as JSONL/);
  });

  it('copies its SQL, with the values as parameters beside it', async () => {
    await opened().getByRole('button', { name: 'Copy SQL' }).click();
    await opened().locator('.aw-sql-box:not([hidden])').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^\s*(WITH|SELECT)/i);
    expect(copied).not.toContain('gold');
    await expect(opened().locator('.aw-sql').textContent()).resolves.toContain('"gold"');
    await expect(opened().getByRole('status').textContent()).resolves.toContain('The SQL is copied');
    await screenshot(page, 'saved-02-sql');
  });

  it('duplicates it under a new name and opens the copy', async () => {
    await opened().getByRole('button', { name: 'Duplicate' }).click();
    await opened().getByRole('heading', { name: 'Gold repeat buyers (copy)' }).waitFor();
    const all = await svc.repositories.audiences.list('default');
    const copy = all.find((a) => a.name === 'Gold repeat buyers (copy)');
    expect(copy?.definition).toEqual(GOLD_REPEAT_BUYERS);
    expect(copy?.id).not.toBe('aud-gold');
    await expect(savedList().getByRole('button', { name: 'Gold repeat buyers (copy)' }).isVisible()).resolves.toBe(true);
  });

  it('edits the copy as a draft, recounting on each change, and saves it in place', async () => {
    await opened().getByRole('button', { name: 'Edit as a draft' }).click();
    const draft = page.getByRole('region', { name: 'Editing “Gold repeat buyers (copy)”' });
    await draft.waitFor();
    await expect(draft.locator('.aw-refine').isVisible()).resolves.toBe(false);
    const line = draft.getByRole('list', { name: 'Conditions' }).getByRole('listitem').first();
    await line.getByRole('button', { name: 'Edit' }).click();
    await line.getByLabel('Order Completed: number of times').fill('1');
    await line.getByRole('button', { name: 'Update size' }).click();
    await draft.getByRole('list', { name: 'Conditions' }).getByRole('listitem').filter({ hasText: 'Performed Order Completed at least once' }).waitFor();
    const edited: AudienceDefinition = structuredClone(GOLD_REPEAT_BUYERS);
    (edited.root.conditions[0] as { count: { value: number } }).count.value = 1;
    expect(await sizeOf(draft)).toBe((await computed(edited)).size);
    await draft.getByLabel('Name').fill('Gold buyers');
    await screenshot(page, 'saved-03-editing');
    await draft.getByRole('button', { name: 'Save changes' }).click();
    await opened().getByRole('heading', { name: 'Gold buyers' }).waitFor();
    const stored = (await svc.repositories.audiences.list('default')).find((a) => a.name === 'Gold buyers');
    expect(stored?.definition.root.conditions[0]).toMatchObject({ count: { value: 1 } });
    expect(await sizeOf(opened())).toBe((await computed(edited)).size);
  });

  it('deletes only after the user says yes; "Keep it" keeps it', async () => {
    await opened().getByRole('button', { name: 'Delete…' }).click();
    const ask = opened().getByRole('group', { name: 'Delete this audience?' });
    await expect(ask.textContent()).resolves.toContain('Delete “Gold buyers” for good?');
    await screenshot(page, 'saved-04-delete-asked');
    await ask.getByRole('button', { name: 'Keep it' }).click();
    await expect(ask.isVisible()).resolves.toBe(false);
    expect((await svc.repositories.audiences.list('default')).some((a) => a.name === 'Gold buyers')).toBe(true);

    await opened().getByRole('button', { name: 'Delete…' }).click();
    await ask.getByRole('button', { name: 'Delete', exact: true }).click();
    await savedList().getByRole('button', { name: 'Gold buyers' }).waitFor({ state: 'detached' });
    await expect(opened().count()).resolves.toBe(0);
    expect((await svc.repositories.audiences.list('default')).map((a) => a.name)).toEqual(['Gold repeat buyers']);
    await screenshot(page, 'saved-05-deleted');
  });
});
