/**
 * The chat widget in a real browser (Debian's Chromium, headless) against the real service: the
 * audience builder graph with the offline interpreter, in-memory stores and the shop workspace.
 * One page goes through the whole flow, step by step, with a screenshot of each step in
 * test-artifacts/web.
 */
import type { Browser, Locator, Page, Response as PageResponse } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AudienceDefinition } from '../../src/definition/schema.js';
import { screenshot, writeArtifact } from './support/artifacts.js';
import { launchChromium } from './support/chromium.js';
import { startWidgetService, type WidgetService } from './support/widget-service.js';

const VAGUE_PROMPT = 'High-spending loyal customers who bought in the last 90 days';

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

const question = () => page.locator('.aw-question:not([hidden])');
const draft = () => page.getByRole('region', { name: 'Draft audience', exact: true });
const errorNotice = () => page.locator('.aw-error:not([hidden])');
const conditionLines = () => draft().getByRole('list', { name: 'Conditions' }).getByRole('listitem');

/** Waits for the current turn to end (the composer leaves its busy state). */
async function settled(): Promise<void> {
  await page.waitForFunction(() => document.querySelector('.aw-composer')?.getAttribute('aria-busy') !== 'true', null, { timeout: 30_000 });
}

async function sizeShown(): Promise<number> {
  const text = await draft().locator('.aw-size-number').textContent();
  return Number((text ?? '').replace(/[^\d]/g, ''));
}

/** Answers questions (never keeping a meaning in the glossary, so later tests ask again) until the draft shows. */
async function answerUntilDraft(choose: (options: Locator) => Locator = (o) => o.first()): Promise<string[]> {
  const asked: string[] = [];
  for (let round = 0; round < 6; round++) {
    await page.locator('.aw-question:not([hidden]), .aw-draft:not([hidden]), .aw-error:not([hidden])').first().waitFor({ timeout: 30_000 });
    if (await draft().isVisible()) return asked;
    if (await errorNotice().isVisible()) throw new Error(`the widget showed an error: ${await errorNotice().textContent()}`);
    const text = (await question().getByRole('heading').textContent()) ?? '';
    asked.push(text);
    const options = question().locator('.aw-option');
    const keep = question().getByRole('button', { name: 'No, just this time' });
    await ((await keep.count()) ? keep : choose(options)).click();
    await settled();
  }
  throw new Error(`no draft after six questions: ${asked.join(' | ')}`);
}

async function threadState(threadId: string): Promise<{ values: { currentDraft?: { definition: AudienceDefinition } } }> {
  const res = await fetch(`${svc.url}/threads/${threadId}/state`);
  return res.json() as Promise<{ values: { currentDraft?: { definition: AudienceDefinition } } }>;
}

async function computeSize(definition: AudienceDefinition): Promise<number> {
  const res = await fetch(`${svc.url}/v1/compute`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ definition }) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { size: number }).size;
}

const threadInUrl = () => new URL(page.url()).searchParams.get('thread');

describe('the chat widget in a browser', () => {
  let firstThread = '';
  let editedDefinition: AudienceDefinition | undefined;
  let editedSize = 0;

  it('loads the page small, with the description box, its counter and four examples', async () => {
    const sizes: Promise<number>[] = [];
    const measure = (res: PageResponse) => {
      if (res.url().startsWith(svc.url) && res.request().method() === 'GET') sizes.push(res.body().then((b) => b.length, () => 0));
    };
    page.on('response', measure);
    const started = Date.now();
    await page.goto(`${svc.url}/`, { waitUntil: 'load' });
    await page.getByRole('heading', { name: 'Saved audiences' }).waitFor();
    const loadMs = Date.now() - started;
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return { domContentLoadedMs: Math.round(nav.domContentLoadedEventEnd), loadMs: Math.round(nav.loadEventEnd) };
    });
    page.off('response', measure);
    const bytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
    // A second load: what a returning marketer waits for (the browser revalidates with ETags).
    await page.reload({ waitUntil: 'load' });
    const warm = await page.evaluate(() => Math.round((performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd));
    writeArtifact('page-load.json', { first: { ...timing, untilSavedListMs: loadMs }, reloadLoadMs: warm, requests: sizes.length, bytes });
    // Load times go to the artifact; the size is what the page controls.
    expect(bytes).toBeLessThan(120_000);

    const box = page.getByLabel('Describe the audience you want');
    // Over 300 is refused with the count (honesty.test.ts), never cut by the browser.
    await expect(box.getAttribute('maxlength')).resolves.toBeNull();
    await box.fill('Buyers');
    await expect(page.locator('.aw-counter').textContent()).resolves.toBe('6 / 300 · at least 20');
    await box.fill(VAGUE_PROMPT);
    await expect(page.locator('.aw-counter').textContent()).resolves.toBe(`${VAGUE_PROMPT.length} / 300`);
    await expect(page.locator('.aw-examples').getByRole('button').count()).resolves.toBe(4);
    await box.fill('');
    await screenshot(page, '01-empty-page');
  });

  it('shows progress with the lookups as they happen, then a clarifying question with its options as buttons', async () => {
    // Every state the progress bar goes through, recorded in the page as it changes.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      const bar = document.querySelector('[role=progressbar]')!;
      const stage = document.getElementById(bar.getAttribute('aria-labelledby')!)!;
      new MutationObserver(() => seen.push(`${bar.getAttribute('aria-valuenow')} ${stage.textContent}`)).observe(bar, { attributes: true, attributeFilter: ['aria-valuenow'] });
    });
    await page.locator('.aw-examples').getByRole('button', { name: VAGUE_PROMPT }).click();
    await expect(page.getByLabel('Describe the audience you want').inputValue()).resolves.toBe(VAGUE_PROMPT);
    await page.getByRole('button', { name: 'Build' }).click();
    await question().waitFor({ timeout: 30_000 });
    await settled();
    const heading = question().getByRole('heading');
    await expect(heading.textContent()).resolves.toMatch(/high-spending/i);
    await expect(question().locator('.aw-option').count()).resolves.toBeGreaterThanOrEqual(2);
    await expect(question().getByRole('textbox', { name: 'Or answer in your own words' }).isVisible()).resolves.toBe(true);
    const lookups = page.getByRole('log', { name: 'Lookups' });
    await expect(lookups.textContent()).resolves.toContain('Found event Order Completed');
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    expect(seen.some((s) => /^([1-9]\d?) Looking up/.test(s)), seen.join(' | ')).toBe(true);
    expect(seen.at(-1)).toMatch(/^100 /);
    // Focus moves to the question, so keyboard and screen-reader users land on it.
    await expect(page.evaluate(() => document.activeElement?.className)).resolves.toContain('aw-question-text');
    firstThread = threadInUrl() ?? '';
    expect(firstThread).not.toBe('');
    await screenshot(page, '02-question');
  });

  it('takes an option click as the answer and shows the draft: ✓ lines, size, reachability per channel and sample members', async () => {
    await question().locator('.aw-option').first().click();
    const asked = await answerUntilDraft((options) => options.nth(1));
    expect(asked.some((q) => /loyal/i.test(q))).toBe(true);
    const lines = await conditionLines().allTextContents();
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(line.startsWith('✓')).toBe(true);
    const size = await sizeShown();
    const definition = (await threadState(firstThread)).values.currentDraft!.definition;
    expect(size).toBe(await computeSize(definition));
    await expect(draft().getByRole('figure', { name: 'Reachable by channel' }).getByRole('listitem').count()).resolves.toBe(4);
    const table = draft().getByRole('table');
    await expect(table.locator('thead th').first().textContent()).resolves.toBe('User ID');
    await expect(table.locator('tbody tr').count()).resolves.toBe(Math.min(size, 5));
    await screenshot(page, '03-draft');
  });

  it('edits the number of a condition in place and shows the recomputed size', async () => {
    const before = await sizeShown();
    const line = conditionLines().filter({ hasText: /Performed Order Completed at least \d+ times/ }).first();
    await line.getByRole('button', { name: 'Edit' }).click();
    const times = line.getByLabel('Order Completed: number of times');
    await expect(times.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await times.fill('2');
    await screenshot(page, '04-editing-a-condition');
    await line.getByRole('button', { name: 'Update size' }).click();
    await conditionLines().filter({ hasText: 'Performed Order Completed at least 2 times' }).waitFor({ timeout: 15_000 });
    const after = await sizeShown();
    expect(after).not.toBe(before);
    await expect(draft().locator('.aw-badge').textContent()).resolves.toBe('edited');

    const original = (await threadState(firstThread)).values.currentDraft!.definition;
    const conditions = original.root.conditions.map((c) => (c.type === 'event' && c.count.op === 'gte' && c.count.value > 2 ? { ...c, count: { ...c.count, value: 2 } } : c));
    editedDefinition = { ...original, root: { ...original.root, conditions } };
    expect(after).toBe(await computeSize(editedDefinition));
    editedSize = after;
    await screenshot(page, '05-edited-size');
  });

  it('says in plain words why an edit cannot be counted, on the line itself', async () => {
    const line = conditionLines().filter({ hasText: /in the last 90 days/ }).first();
    await line.getByRole('button', { name: 'Edit' }).click();
    await line.getByLabel(/in the last$/).first().fill('900');
    await line.getByRole('button', { name: 'Update size' }).click();
    const problem = line.locator('.aw-field-problem');
    await expect.poll(() => problem.textContent(), { timeout: 10_000 }).toMatch(/further back than your plan allows.*365 days/);
    await screenshot(page, '06-edit-problem');
    await line.getByRole('button', { name: 'Cancel' }).click();
    await expect(conditionLines().filter({ hasText: /in the last 90 days/ }).count()).resolves.toBeGreaterThan(0);
  });

  it('applies the draft with a name and description, saves the edited definition and lists the audience', async () => {
    await draft().getByLabel('Name', { exact: true }).fill('Big loyal spenders');
    await draft().getByLabel('Description (optional)').fill('For the VIP night');
    await draft().getByRole('button', { name: 'Apply' }).click();
    const notice = page.getByRole('region', { name: 'Saved', exact: true });
    await notice.waitFor({ timeout: 30_000 });
    await expect(notice.textContent()).resolves.toContain('Saved as “Big loyal spenders”');
    const saved = page.getByRole('region', { name: 'Saved audiences', exact: true });
    await saved.getByText('Big loyal spenders').waitFor();
    await expect(saved.textContent()).resolves.toContain('For the VIP night');

    const res = await fetch(`${svc.url}/v1/audiences`);
    const { audiences } = (await res.json()) as { audiences: { name: string; description: string; definition: AudienceDefinition }[] };
    const stored = audiences.find((a) => a.name === 'Big loyal spenders');
    expect(stored?.description).toBe('For the VIP night');
    expect(stored?.definition).toEqual(editedDefinition);
    // The saved thread shows the audience as stored (with the edit), not the agent's first draft.
    const savedView = page.getByRole('region', { name: 'Saved audience', exact: true });
    await expect.poll(() => savedView.textContent(), { timeout: 10_000 }).toContain('at least 2 times');
    expect(Number(((await savedView.locator('.aw-size-number').textContent()) ?? '').replace(/[^\d]/g, ''))).toBe(editedSize);
    await screenshot(page, '07-applied-and-listed');
  });

  it('resumes the current thread after a reload, with its pending question, and goes on from there', async () => {
    await page.getByRole('button', { name: 'New thread' }).click();
    expect(threadInUrl()).toBeNull();
    await expect(page.locator('.aw-examples').isVisible()).resolves.toBe(true);
    const box = page.getByLabel('Describe the audience you want');
    await box.fill('Loyal customers in Japan');
    await box.press('Enter');
    await question().waitFor({ timeout: 30_000 });
    await settled();
    const thread = threadInUrl();
    const asked = await question().getByRole('heading').textContent();
    expect(thread).not.toBe(firstThread);

    await page.reload({ waitUntil: 'load' });
    await question().waitFor({ timeout: 15_000 });
    expect(threadInUrl()).toBe(thread);
    await expect(question().getByRole('heading').textContent()).resolves.toBe(asked);
    await expect(page.getByRole('list', { name: 'Conversation' }).textContent()).resolves.toContain('Loyal customers in Japan');
    await screenshot(page, '08-reloaded-pending-question');

    // Kept in localStorage too: the bare address comes back to the same thread.
    await page.goto(`${svc.url}/`, { waitUntil: 'load' });
    await question().waitFor({ timeout: 15_000 });
    expect(threadInUrl()).toBe(thread);

    // "Let me type a number" is not an answer: it moves to the free-text box.
    await question().getByRole('button', { name: 'Let me type a number' }).click();
    const free = question().getByRole('textbox', { name: 'Or answer in your own words' });
    await expect(free.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await free.fill('At least 3 orders');
    await free.press('Enter');
    await settled();
    await answerUntilDraft();
    const lines = await conditionLines().allTextContents();
    expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/JP/), expect.stringMatching(/at least 3 times/)]));
  });

  it('lists earlier threads and opens one', async () => {
    await page.getByRole('button', { name: 'All threads' }).click();
    const panel = page.getByRole('region', { name: 'All threads' });
    await panel.getByRole('button').first().waitFor();
    const titles = await panel.getByRole('button').allTextContents();
    expect(titles.length).toBe(2);
    expect(titles.some((t) => t.startsWith(VAGUE_PROMPT) && t.includes('Saved'))).toBe(true);
    await screenshot(page, '09-all-threads');
    await panel.getByRole('button', { name: new RegExp(VAGUE_PROMPT) }).click();
    await page.getByRole('region', { name: 'Saved', exact: true }).waitFor();
    expect(threadInUrl()).toBe(firstThread);
    await expect(page.getByRole('region', { name: 'Saved audience', exact: true }).count()).resolves.toBe(1);
  });

  it('shows a too-short description as the invalid_prompt error in plain words, without a retry', async () => {
    await page.getByRole('button', { name: 'New thread' }).click();
    const box = page.getByLabel('Describe the audience you want');
    await box.fill('Buyers in Japan');
    await page.getByRole('button', { name: 'Build' }).click();
    await errorNotice().waitFor({ timeout: 30_000 });
    await expect(errorNotice().getAttribute('data-code')).resolves.toBe('invalid_prompt');
    await expect(errorNotice().getAttribute('role')).resolves.toBe('alert');
    await expect(errorNotice().textContent()).resolves.toMatch(/Please adjust the description.*20 to 300 characters/);
    await expect(errorNotice().getByRole('button', { name: 'Retry' }).count()).resolves.toBe(0);
    // The words stay in the box to be fixed.
    await expect(box.inputValue()).resolves.toBe('Buyers in Japan');
    await screenshot(page, '10-invalid-prompt-error');
  });

  it('offers Retry when the service cannot be reached, and retrying goes on', async () => {
    await page.getByRole('button', { name: 'New thread' }).click();
    await page.route('**/threads', (route) => route.abort('connectionrefused'));
    await page.getByLabel('Describe the audience you want').fill("Customers who haven't purchased in the last 30 days");
    await page.getByRole('button', { name: 'Build' }).click();
    await errorNotice().waitFor({ timeout: 15_000 });
    await expect(errorNotice().getAttribute('data-code')).resolves.toBe('network');
    await expect(errorNotice().textContent()).resolves.toContain('The service cannot be reached');
    await screenshot(page, '11-network-error-retry');
    await page.unroute('**/threads');
    await errorNotice().getByRole('button', { name: 'Retry' }).click();
    await draft().waitFor({ timeout: 30_000 });
    await expect(conditionLines().first().textContent()).resolves.toMatch(/Order Completed 0 times in the last 30 days/);
  });

  it('is usable on a phone-sized screen: one column, nothing wider than the screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await draft().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, '12-phone-draft');
    await page.setViewportSize({ width: 1200, height: 900 });
  });

  it('works with the keyboard alone: type, Enter to build, Tab to an option, Enter to answer', async () => {
    await page.getByRole('button', { name: 'New thread' }).click();
    await expect(page.evaluate(() => (document.activeElement as HTMLElement | null)?.getAttribute('name'))).resolves.toBe('description');
    await page.keyboard.type('Churned customers who used to buy Beauty products');
    await page.keyboard.press('Enter');
    await question().waitFor({ timeout: 30_000 });
    await settled();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
    const first = await question().locator('.aw-option').first().textContent();
    expect(focused).toBe(first);
    await page.keyboard.press('Enter');
    await page.getByRole('list', { name: 'Conversation' }).getByText(first!, { exact: false }).waitFor({ timeout: 30_000 });
    await settled();
    await screenshot(page, '13-keyboard-answer');
  });

  it('says a thread that no longer exists is not found, and offers a new one', async () => {
    await page.goto(`${svc.url}/?thread=gone-since-the-restart`, { waitUntil: 'load' });
    await errorNotice().waitFor({ timeout: 15_000 });
    await expect(errorNotice().getAttribute('data-code')).resolves.toBe('not_found');
    await expect(errorNotice().getByRole('button', { name: 'Retry' }).count()).resolves.toBe(0);
    await screenshot(page, '14-thread-not-found');
    await errorNotice().getByRole('button', { name: 'Start a new thread' }).click();
    expect(threadInUrl()).toBeNull();
    await expect(page.evaluate(() => (document.activeElement as HTMLElement | null)?.getAttribute('name'))).resolves.toBe('description');
    await expect(errorNotice().count()).resolves.toBe(0);
  });
});
