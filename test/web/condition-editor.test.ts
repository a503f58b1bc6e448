/**
 * The condition editor of a draft, in Chromium against the real service: every condition
 * edited in full (event from the catalog, times, window, property filters; a trait with an
 * operator of its type and values; a total), added, grouped with AND / OR, nested, moved
 * between groups and deleted; each change recounts the size and the ✓ lines follow; a change
 * that cannot be counted is refused in words and the draft stays as it was. Then a draft built
 * in words, edited by hand and refined in words keeps both.
 */
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AudienceDefinition } from '../../src/definition/schema.js';
import { screenshot } from './support/artifacts.js';
import { type WidgetService } from './support/widget-service.js';
import { useWidgetPage } from './support/widget-page.js';
import { GOLD_REPEAT_BUYERS } from './support/audiences.js';

const widget = useWidgetPage({
  prepare: async (svc) => {
    await svc.repositories.audiences.save('default', { id: 'a2', name: 'Have a city', description: 'x', prompt: 'x', definition: { version: 1, root: { type: 'group', op: 'and', conditions: [{ type: 'trait', trait: 'city', op: 'exists' }] }, exclude: [] }, createdAt: '2026-10-29T10:00:00.000Z' });
    await svc.repositories.audiences.save('default', { id: 'a1', name: 'Gold buyers', description: 'x', prompt: 'x', definition: GOLD_REPEAT_BUYERS, createdAt: '2026-10-30T10:00:00.000Z' });
  },
});
let svc: WidgetService;
let page: Page;
beforeAll(() => {
  ({ svc, page } = widget());
});

const draft = () => page.locator('.aw-draft:not([hidden])');
const editor = () => draft().locator('.aw-editor');
const rows = () => editor().locator('.aw-node:not(.aw-node-group)');
const openRow = () => editor().locator('.aw-node-open, form.aw-line-edit').first();
const lineTexts = () => draft().getByRole('list', { name: 'Conditions' }).locator('.aw-line-text').allTextContents();

async function sizeShown(): Promise<number> {
  return Number(((await draft().locator('.aw-size-number').textContent()) ?? '').replace(/[^\d]/g, ''));
}

async function computed(definition: AudienceDefinition): Promise<{ size: number; explanation: string[] }> {
  const res = await fetch(`${svc.url}/v1/compute`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ definition }) });
  expect(res.status).toBe(200);
  return res.json() as Promise<{ size: number; explanation: string[] }>;
}

/** Waits for the recount after a change, then checks the page shows the expected definition's size and lines. */
async function expectShows(definition: AudienceDefinition): Promise<void> {
  const want = await computed(definition);
  await page.waitForFunction((lines) => {
    const shown = [...document.querySelectorAll('.aw-draft:not([hidden]) .aw-lines .aw-line-text')].map((e) => e.textContent);
    return JSON.stringify(shown) === JSON.stringify(lines);
  }, want.explanation, { timeout: 15_000 });
  expect(await sizeShown()).toBe(want.size);
}

async function field(scope: Locator, label: string): Promise<Locator> {
  const f = scope.getByLabel(label, { exact: true });
  await f.first().waitFor();
  return f.first();
}

describe('the condition editor', () => {
  let def: AudienceDefinition = structuredClone(GOLD_REPEAT_BUYERS);

  it('opens on a draft with the conditions as a group', async () => {
    await page.locator('.aw-saved-list').getByRole('button', { name: 'Gold buyers' }).click();
    await page.getByRole('button', { name: 'Edit as a draft' }).click();
    await draft().getByRole('button', { name: 'Edit conditions' }).click();
    await editor().waitFor();
    await expect(rows().count()).resolves.toBe(2);
    await expect(editor().getByLabel('Top level: match').inputValue()).resolves.toBe('and');
  });

  it('edits an event condition in full: event picked from the catalog, times, window and a property filter', async () => {
    await rows().first().getByRole('button', { name: /^Edit / }).click();
    const form = openRow();
    const event = await field(form, 'Event (type to search)');
    // The catalog's events are offered while typing.
    await expect(page.locator(`datalist#${await event.getAttribute('list')} option[value="Order Completed"]`).count()).resolves.toBe(1);
    await (await field(form, 'Times')).selectOption('gte');
    await (await field(form, 'Number of times')).fill('3');
    await (await field(form, 'Amount')).fill('180');
    await form.getByRole('button', { name: 'Add a property filter' }).click();
    await (await field(form, 'Property')).selectOption('total');
    await (await field(form, 'Operator')).selectOption('gte');
    await (await field(form, 'Value')).fill('50');
    await screenshot(page, 'editor-01-event-fields');
    await form.getByRole('button', { name: 'Update size' }).click();
    def = structuredClone(def);
    def.root.conditions[0] = { type: 'event', events: ['Order Completed'], filters: [{ property: 'total', op: 'gte', value: 50 }], window: { kind: 'last', amount: 180, unit: 'days' }, count: { op: 'gte', value: 3 } };
    await expectShows(def);
  });

  it('edits a trait with operators of its type and values from the most frequent ones', async () => {
    await rows().nth(1).getByRole('button', { name: /^Edit / }).click();
    const form = openRow();
    const trait = await field(form, 'Trait (type to search)');
    await trait.fill('country');
    const op = await field(form, 'Operator');
    const ops = await op.locator('option').allTextContents();
    expect(ops).toContain('is one of');
    expect(ops).not.toContain('is more than');
    await op.selectOption('in');
    const values = await field(form, 'Values (comma-separated)');
    const list = await values.getAttribute('list');
    await expect(page.locator(`datalist#${list} option`).first().getAttribute('label')).resolves.toMatch(/^[A-Z]{2} · [\d,]+$/);
    await values.fill('JP, DE');
    await form.getByRole('button', { name: 'Update size' }).click();
    def = structuredClone(def);
    def.root.conditions[1] = { type: 'trait', trait: 'country', op: 'in', value: ['JP', 'DE'] };
    await expectShows(def);
  });

  it('adds a total, puts it in a group of its own, adds to that group and makes it OR', async () => {
    await editor().getByRole('button', { name: 'Add a condition to top level' }).click();
    const form = openRow();
    await (await field(form, 'Condition')).selectOption('aggregate');
    await (await field(form, 'Event (type to search)')).fill('Order Completed');
    await (await field(form, 'Value')).fill('500');
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    const total: AudienceDefinition['root']['conditions'][number] = { type: 'aggregate', events: ['Order Completed'], filters: [], fn: 'sum', property: 'total', op: 'gt', value: 500 };
    def = { ...def, root: { ...def.root, conditions: [...def.root.conditions, total] } };
    await expectShows(def);

    await rows().nth(2).getByRole('button', { name: /^Group / }).click();
    await editor().getByRole('group', { name: 'Group 1: any of these' }).waitFor();
    await editor().getByRole('button', { name: 'Add a condition to group 1' }).click();
    const add = openRow();
    await (await field(add, 'Condition')).selectOption('recency');
    await (await field(add, 'Event (type to search)')).fill('Order Completed');
    await (await field(add, 'Amount')).fill('14');
    await add.getByRole('button', { name: 'Add', exact: true }).click();
    def = { ...def, root: { ...def.root, conditions: [def.root.conditions[0]!, def.root.conditions[1]!, { type: 'group', op: 'or', conditions: [total, { type: 'recency', events: ['Order Completed'], filters: [], op: 'within', amount: 14, unit: 'days' }] }] } };
    await expectShows(def);
    await screenshot(page, 'editor-02-nested-group');
  });

  it('moves a condition into the group and switches the top level to OR', async () => {
    const countryRow = rows().filter({ hasText: 'country is one of JP, DE' });
    await countryRow.getByLabel('Move to group').selectOption({ label: 'Group 1' });
    await countryRow.getByRole('button', { name: 'Move', exact: true }).click();
    const [event, , group] = def.root.conditions as [AudienceDefinition['root']['conditions'][number], unknown, { type: 'group'; op: 'or'; conditions: AudienceDefinition['root']['conditions'] }];
    def = { ...def, root: { ...def.root, conditions: [event, { ...group, conditions: [...group.conditions, { type: 'trait', trait: 'country', op: 'in', value: ['JP', 'DE'] }] }] } };
    await expectShows(def);

    await editor().getByLabel('Top level: match').selectOption('or');
    def = { ...def, root: { ...def.root, op: 'or' } };
    await expectShows(def);
  });

  it('deletes a condition, and refuses a change it cannot count with words, keeping the draft as it was', async () => {
    const recency = rows().filter({ hasText: 'within 14 days' });
    await recency.getByRole('button', { name: /^Delete / }).click();
    const group = def.root.conditions[1] as { type: 'group'; op: 'or'; conditions: AudienceDefinition['root']['conditions'] };
    def = { ...def, root: { ...def.root, conditions: [def.root.conditions[0]!, { ...group, conditions: [group.conditions[0]!, group.conditions[2]!] }] } };
    await expectShows(def);
    const before = await lineTexts();
    const size = await sizeShown();

    await rows().filter({ hasText: 'country' }).getByRole('button', { name: /^Edit / }).click();
    const form = openRow();
    const trait = await field(form, 'Trait (type to search)');
    await trait.fill('email');
    await (await field(form, 'Operator')).selectOption('contains');
    await (await field(form, 'Value')).fill('gmail');
    await form.getByRole('button', { name: 'Update size' }).click();
    await expect(editor().getByRole('alert').first().textContent()).resolves.toMatch(/personal data/i);
    await screenshot(page, 'editor-03-refused');
    expect(await lineTexts()).toEqual(before);
    expect(await sizeShown()).toBe(size);
  });

  it('saves the hand-edited audience as it is shown', async () => {
    await editor().locator('form.aw-line-edit').getByRole('button', { name: 'Cancel' }).click();
    await draft().getByRole('button', { name: 'Save changes' }).click();
    await page.locator('.aw-saved-view:not([hidden]) .aw-size-number').waitFor();
    const stored = await svc.repositories.audiences.get('default', 'a1');
    expect(stored?.definition.root).toEqual(def.root);
    await expect(page.locator('.aw-saved-view .aw-saved-description').textContent()).resolves.toBe((await computed(def)).explanation.join('; '));
  });
});

describe('a draft built in words, edited by hand, then refined in words', () => {
  it('keeps the hand edit and the words', async () => {
    await page.getByRole('button', { name: 'New thread' }).click();
    await page.getByLabel('Describe the audience you want').fill('Customers who bought at least twice in the last 60 days');
    await page.getByRole('button', { name: 'Build' }).click();
    for (let round = 0; round < 6; round++) {
      await page.locator('.aw-question:not([hidden]), .aw-draft:not([hidden]), .aw-error:not([hidden])').first().waitFor({ timeout: 30_000 });
      if (await draft().isVisible()) break;
      const keep = page.getByRole('button', { name: 'No, just this time' });
      await ((await keep.count()) ? keep : page.locator('.aw-question:not([hidden]) .aw-option').first()).click();
      await page.waitForFunction(() => document.querySelector('.aw-composer')?.getAttribute('aria-busy') !== 'true');
    }
    await draft().getByRole('button', { name: 'Edit conditions' }).click();
    await editor().getByRole('button', { name: 'Add a condition to top level' }).click();
    const form = openRow();
    await (await field(form, 'Condition')).selectOption('trait');
    await (await field(form, 'Trait (type to search)')).fill('age');
    await (await field(form, 'Operator')).selectOption('gt');
    await (await field(form, 'Value')).fill('30');
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    await draft().locator('.aw-line-text', { hasText: 'age' }).waitFor();

    await draft().getByLabel('Change it in words').fill('only customers in Germany');
    await draft().getByRole('button', { name: 'Change' }).click();
    await page.waitForFunction(() => document.querySelector('.aw-composer')?.getAttribute('aria-busy') !== 'true' && document.querySelector('.aw-draft:not([hidden])'), null, { timeout: 30_000 });
    await page.waitForFunction(() => [...document.querySelectorAll('.aw-draft:not([hidden]) .aw-line-text')].some((e) => /DE|Germany/.test(e.textContent ?? '')), null, { timeout: 30_000 });
    const lines = (await lineTexts()).join(' | ');
    expect(lines).toMatch(/age is more than 30/);
    expect(lines).toMatch(/country is DE/);
    expect(lines).toMatch(/Order Completed/);
    await screenshot(page, 'editor-04-hand-edit-then-words');
  }, 120_000);
});

describe('a line with nothing to change in place', () => {
  it('opens the condition editor from its Edit', async () => {
    await page.locator('.aw-saved-list').getByRole('button', { name: 'Have a city' }).click();
    await page.getByRole('button', { name: 'Edit as a draft' }).click();
    await draft().getByRole('list', { name: 'Conditions' }).getByRole('button', { name: 'Edit' }).click();
    await editor().waitFor();
    await expect(rows().first().textContent()).resolves.toContain('city is set');
  });
});
