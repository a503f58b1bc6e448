/**
 * Leaving saved audiences out of a draft, in Chromium against the real service: each exclusion
 * with how many people it removes, up to five; a sixth is refused in words and the draft stays
 * as it was; a saved audience with exclusions of its own cannot be one; removing one counts again.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AudienceDefinition } from '../../src/definition/schema.js';
import { screenshot } from './support/artifacts.js';
import { type WidgetService } from './support/widget-service.js';
import { useWidgetPage } from './support/widget-page.js';

const BUYERS: AudienceDefinition = {
  version: 1,
  root: { type: 'group', op: 'and', conditions: [{ type: 'event', events: ['Order Completed'], filters: [], count: { op: 'gte', value: 1 } }] },
  exclude: [],
};
const COUNTRIES = ['JP', 'DE', 'US', 'FR', 'BR', 'AU'];
const inCountry = (c: string): AudienceDefinition => ({ version: 1, root: { type: 'group', op: 'and', conditions: [{ type: 'trait', trait: 'country', op: 'eq', value: c }] }, exclude: [] });

const widget = useWidgetPage({
  prepare: async (svc) => {
    const save = (id: string, name: string, definition: AudienceDefinition, at: string) =>
      svc.repositories.audiences.save('default', { id, name, description: name, prompt: name, definition, createdAt: at });
    await save('buyers', 'Buyers', BUYERS, '2026-10-01T00:00:00.000Z');
    for (const [i, c] of COUNTRIES.entries()) await save(`c-${c}`, `In ${c}`, inCountry(c), `2026-10-0${i + 2}T00:00:00.000Z`);
    await save('nested', 'Buyers outside JP', { ...BUYERS, exclude: [{ name: 'In JP', root: inCountry('JP').root }] }, '2026-10-09T00:00:00.000Z');
  },
});
let svc: WidgetService;
let page: Page;
beforeAll(() => {
  ({ svc, page } = widget());
});

const draft = () => page.locator('.aw-draft:not([hidden])');
const leaveOut = () => draft().getByRole('group', { name: 'Leave out' });
const sizeShown = async () => Number(((await draft().locator('.aw-size-number').textContent()) ?? '').replace(/[^\d]/g, ''));

async function sizeOf(definition: AudienceDefinition): Promise<number> {
  const res = await fetch(`${svc.url}/v1/compute`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ definition }) });
  return ((await res.json()) as { size: number }).size;
}

const excluding = (countries: string[]): AudienceDefinition => ({ ...BUYERS, exclude: countries.map((c) => ({ name: `In ${c}`, root: inCountry(c).root })) });

async function exclude(name: string): Promise<void> {
  await leaveOut().getByLabel('Saved audience or list').selectOption({ label: `Saved audience: ${name}` });
  await leaveOut().getByRole('button', { name: 'Exclude' }).click();
}

describe('exclusions', () => {
  it('leaves a saved audience out, saying how many people it removes', async () => {
    await page.locator('.aw-saved-list').getByRole('button', { name: 'Buyers', exact: true }).click();
    await page.getByRole('button', { name: 'Edit as a draft' }).click();
    await draft().getByRole('button', { name: 'Edit conditions' }).click();
    // The audience being edited is not offered.
    await expect(leaveOut().getByLabel('Saved audience or list').locator('option').allTextContents()).resolves.not.toContain('Saved audience: Buyers');
    await exclude('In JP');
    const row = leaveOut().getByRole('listitem').filter({ hasText: 'Not in “In JP”' });
    const removes = (await sizeOf(BUYERS)) - (await sizeOf(excluding(['JP'])));
    await row.locator('.aw-removes', { hasText: `removes ${removes.toLocaleString('en-US')} people` }).waitFor();
    expect(await sizeShown()).toBe(await sizeOf(excluding(['JP'])));
    await expect(draft().getByRole('list', { name: 'Conditions' }).textContent()).resolves.toContain('In JP');
  });

  it('refuses a saved audience with exclusions of its own, in words', async () => {
    await exclude('Buyers outside JP');
    await expect(leaveOut().getByRole('alert').textContent()).resolves.toContain('leaves out others of its own');
  });

  it('takes up to five, refuses a sixth with a message and keeps the draft as it was', async () => {
    for (const c of ['DE', 'US', 'FR', 'BR']) {
      await exclude(`In ${c}`);
      await leaveOut().getByRole('listitem').filter({ hasText: `Not in “In ${c}”` }).waitFor();
    }
    const five = excluding(['JP', 'DE', 'US', 'FR', 'BR']);
    await page.waitForFunction(() => !document.querySelector('.aw-draft:not([hidden]) .aw-removes')?.textContent?.includes('counting'));
    expect(await sizeShown()).toBe(await sizeOf(five));
    const lines = await draft().getByRole('list', { name: 'Conditions' }).textContent();

    await exclude('In AU');
    await expect(leaveOut().getByRole('alert').textContent()).resolves.toBe('An audience can leave out at most 5 others. Remove one before adding “In AU”; the draft is unchanged.');
    await expect(leaveOut().getByRole('listitem').count()).resolves.toBe(5);
    expect(await sizeShown()).toBe(await sizeOf(five));
    await expect(draft().getByRole('list', { name: 'Conditions' }).textContent()).resolves.toBe(lines);
    await screenshot(page, 'exclusions-01-limit');
  });

  it('counts again when one is removed, and saves what is shown', async () => {
    await leaveOut().getByRole('button', { name: 'Stop leaving out In US' }).click();
    await leaveOut().getByRole('listitem').filter({ hasText: 'In US' }).waitFor({ state: 'detached' });
    const four = excluding(['JP', 'DE', 'FR', 'BR']);
    await page.waitForFunction(() => document.querySelectorAll('.aw-draft:not([hidden]) .aw-exclusions li').length === 4);
    expect(await sizeShown()).toBe(await sizeOf(four));
    await draft().getByRole('button', { name: 'Save changes' }).click();
    await page.locator('.aw-saved-view:not([hidden]) .aw-size-number').waitFor();
    expect((await svc.repositories.audiences.get('default', 'buyers'))?.definition.exclude).toEqual(four.exclude);
  });
});
