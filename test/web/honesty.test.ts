/**
 * Honesty on screen, in Chromium: a text over the limit is refused before it is sent, with the
 * count (never cut); what was not understood is on the draft with a way to say it again; "Did
 * you mean" names are buttons; the description to save is what the audience is now; Chinese,
 * Japanese and Thai names render with a font that has them.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/artifacts.js';
import { type WidgetService } from './support/widget-service.js';
import { useWidgetPage } from './support/widget-page.js';

const DRAFT = {
  kind: 'list',
  definition: { version: 1, root: { type: 'group', op: 'and', conditions: [{ type: 'trait', trait: 'membership_tier', op: 'eq', value: 'gold' }] }, exclude: [] },
  explanation: ['membership_tier is gold'],
  size: 260, totalProfiles: 2000, reachability: { email: 120 }, samples: [], conditionSizes: [{ line: 'membership_tier is gold', size: 260 }],
  notUnderstood: ['who live by the sea'],
};

const threadsCreated: string[] = [];
const widget = useWidgetPage({
  watch: (page) => page.on('request', (req) => {
    if (req.method() === 'POST' && new URL(req.url()).pathname === '/threads') threadsCreated.push(req.url());
  }),
});
let svc: WidgetService;
let page: Page;
beforeAll(() => {
  ({ svc, page } = widget());
});

/** Mounts one part of the widget on its own in the page, as the widget would. */
async function mountPart(module: string, factory: string, options: string, call: string): Promise<void> {
  // A string, so the test runner does not rewrite the page's import().
  await page.evaluate(`(async () => {
    const mod = await import(${JSON.stringify(module)});
    const calls = (window.calls = []);
    const part = mod[${JSON.stringify(factory)}](${options});
    const host = document.createElement('div');
    host.className = 'aw aw-part';
    host.append(part.el);
    document.querySelector('.aw-part')?.remove();
    document.body.prepend(host);
    ${call};
  })()`);
}

describe('honesty on screen', () => {
  it('refuses a pasted description over 300 characters before sending, with the count, and keeps all of it', async () => {
    const long = `Customers who bought running shoes ${'and also looked at trail gear '.repeat(11)}`.trim();
    const box = page.getByLabel('Describe the audience you want');
    await box.fill(long);
    await expect(box.inputValue()).resolves.toBe(long);
    await expect(page.locator('.aw-counter').textContent()).resolves.toBe(`${long.length} / 300 · ${long.length - 300} too many: shorten it to send`);
    await expect(page.getByRole('button', { name: 'Build' }).isDisabled()).resolves.toBe(true);
    await expect(box.getAttribute('aria-invalid')).resolves.toBe('true');
    await box.press('Enter');
    await screenshot(page, 'honesty-01-too-long');
    expect(threadsCreated).toEqual([]);
    await box.fill('');
  });

  it('shows what was not understood on the draft, and "Say it another way" hands it to the words box', async () => {
    await mountPart('/widget/ui/draft.js', 'createDraft', '{ recompute: async () => { throw new Error("no") }, onApply: (...a) => calls.push(["apply", ...a]), onRefine: (t) => calls.push(["refine", t]) }', `part.show(${JSON.stringify(DRAFT)}, { prompt: 'Gold members who live by the sea' })`);
    const draft = page.locator('.aw-part');
    const note = draft.getByRole('group', { name: 'Not understood' });
    await expect(note.textContent()).resolves.toContain('who live by the sea');
    await note.getByRole('button', { name: 'Say it another way' }).click();
    const words = draft.getByLabel('Change it in words');
    await expect(words.inputValue()).resolves.toBe('who live by the sea');
    await expect(words.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await screenshot(page, 'honesty-02-not-understood');

    await words.fill('x'.repeat(301));
    await draft.getByRole('button', { name: 'Change' }).click();
    await expect(draft.locator('.aw-refine [role=alert]').textContent()).resolves.toBe('301 characters: 1 over the limit of 300. Shorten it.');
    await expect(page.evaluate(() => (window as unknown as { calls: unknown[] }).calls)).resolves.toEqual([]);
  });

  it('offers the description of the audience as it is now, not the first request', async () => {
    const description = page.locator('.aw-part').getByLabel('Description (optional)');
    await expect(description.inputValue()).resolves.toBe('membership_tier is gold');
  });

  it('shows "Did you mean" names as buttons that use the name', async () => {
    await mountPart('/widget/ui/error-notice.js', 'createErrorNotice', '{}', `part.show({ code: 'unknown_reference', message: "There is no event 'Ordr Completed'.", retryable: false, suggestions: ['Order Completed', 'Order Refunded'] }, { suggest: (name) => window.calls.push(name) })`);
    const group = page.locator('.aw-part').getByRole('group', { name: 'Did you mean' });
    await expect(group.getByRole('button').allTextContents()).resolves.toEqual(['Order Completed', 'Order Refunded']);
    await group.getByRole('button', { name: 'Order Completed' }).click();
    await expect(page.evaluate(() => (window as unknown as { calls: unknown[] }).calls)).resolves.toEqual(['Order Completed']);
    await screenshot(page, 'honesty-03-did-you-mean');
  });

  it('renders Chinese, Japanese and Thai with fonts that have them', async () => {
    for (const [id, name] of [['zh', '高消費的金卡會員'], ['ja', '最近購入したゴールド会員'], ['th', 'สมาชิกระดับทองที่ซื้อล่าสุด']] as const) {
      await svc.repositories.audiences.save('default', { id, name, description: name, prompt: name, definition: DRAFT.definition as never, createdAt: '2026-10-30T10:00:00.000Z' });
    }
    await page.reload({ waitUntil: 'load' });
    const names = page.locator('.aw-saved-name');
    await names.first().waitFor();
    const family = await names.first().evaluate((el) => getComputedStyle(el).fontFamily);
    for (const font of ['Noto Sans CJK TC', 'Noto Sans CJK JP', 'Noto Sans Thai']) expect(family).toContain(font);
    // Each script drawn by a font that has it: no empty boxes, so each name is as wide as its glyphs.
    const widths = await names.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().width));
    expect(widths.every((w) => w > 40)).toBe(true);
    await screenshot(page, 'honesty-04-scripts');
  });

  it("speaks the conversation's language: the page's own words and its lang follow a Japanese request", async () => {
    await page.reload({ waitUntil: 'load' });
    await page.getByLabel('Describe the audience you want').fill('過去30日間に購入したゴールド会員');
    await page.getByRole('button', { name: 'Build' }).click();
    for (let round = 0; round < 6; round++) {
      await page.locator('.aw-question:not([hidden]), .aw-draft:not([hidden]), .aw-error:not([hidden])').first().waitFor({ timeout: 30_000 });
      if (await page.locator('.aw-draft:not([hidden])').isVisible()) break;
      if (await page.locator('.aw-error:not([hidden])').isVisible()) throw new Error(`error: ${await page.locator('.aw-error').textContent()}`);
      const keep = page.locator('.aw-question:not([hidden]) .aw-option').last();
      await keep.click();
      await page.waitForFunction(() => document.querySelector('.aw-composer')?.getAttribute('aria-busy') !== 'true');
    }
    const draft = page.locator('.aw-draft:not([hidden])');
    await expect.poll(() => page.locator('.aw').first().getAttribute('lang')).toBe('ja');
    await expect.poll(() => draft.locator('.aw-refine label').textContent()).toBe('言葉で変更する');
    await expect(draft.getByRole('heading', { level: 2 }).first().textContent()).resolves.toBe('オーディエンスの下書き');
    await expect(page.locator('.aw-composer label').first().textContent()).resolves.toBe('作りたいオーディエンスを説明してください');
    await screenshot(page, 'honesty-05-japanese');
  }, 90_000);
});
