/**
 * The saved audiences, the condition editor and the exclusions with the keyboard alone, on a
 * 390-pixel-wide screen, in Chromium: Tab reaches every control, Enter uses it, Escape closes
 * what it opened, focus lands where the work goes on, and nothing is wider than the screen.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/artifacts.js';
import { useWidgetPage } from './support/widget-page.js';
import { GOLD_REPEAT_BUYERS } from './support/audiences.js';

const widget = useWidgetPage({
  prepare: async (svc) => {
    await svc.repositories.audiences.save('default', { id: 'gold', name: 'Gold repeat buyers', description: 'd', prompt: 'p', definition: GOLD_REPEAT_BUYERS, createdAt: '2026-10-30T10:00:00.000Z' });
    await svc.repositories.audiences.save('default', { id: 'jp', name: 'In Japan', description: 'd', prompt: 'p', definition: { version: 1, root: { type: 'group', op: 'and', conditions: [{ type: 'trait', trait: 'country', op: 'eq', value: 'JP' }] }, exclude: [] }, createdAt: '2026-10-29T10:00:00.000Z' });
  },
  open: (browser) => browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true }),
});
let page: Page;
beforeAll(() => {
  ({ page } = widget());
});

/** What has the focus, as a person hears it: its accessible name or its text. */
const focused = () => page.evaluate(() => {
  const el = document.activeElement as HTMLElement | null;
  if (!el) return '';
  const label = el.getAttribute('aria-label') ?? (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null);
  return (label ?? el.textContent ?? '').trim();
});

/** Presses Tab until the focus is on `name` (at most 80 presses). */
async function tabTo(name: string | RegExp): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const now = await focused();
    seen.push(now);
    if (typeof name === 'string' ? now === name : name.test(now)) return;
  }
  throw new Error(`Tab never reached ${String(name)}; it went through: ${seen.join(' | ')}`);
}

async function noneWiderThanTheScreen(): Promise<void> {
  const wide = await page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll('.aw *')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > window.innerWidth + 1 && !el.closest('.aw-table-wrap, .aw-sql')) out.push(`${el.tagName}.${el.className} right=${Math.round(r.right)}`);
    }
    return { out, scroll: document.documentElement.scrollWidth };
  });
  expect(wide.out).toEqual([]);
  expect(wide.scroll).toBeLessThanOrEqual(390);
}

describe('keyboard only, on a 390-pixel-wide screen', () => {
  it('opens a saved audience from the list and asks before deleting; Escape keeps it', async () => {
    await tabTo('Gold repeat buyers');
    await page.keyboard.press('Enter');
    await page.locator('.aw-saved-view:not([hidden]) .aw-size-number').waitFor();
    await expect(focused()).resolves.toBe('Gold repeat buyers');
    await tabTo('Delete…');
    await page.keyboard.press('Enter');
    await expect(focused()).resolves.toBe('Keep it');
    await page.keyboard.press('Escape');
    await expect(focused()).resolves.toBe('Delete…');
    await expect(page.getByRole('group', { name: 'Delete this audience?' }).isVisible()).resolves.toBe(false);
    await noneWiderThanTheScreen();
    await screenshot(page, 'phone-01-saved-open');
  });

  it('edits a condition in the editor with Tab and Enter, and the size follows', async () => {
    await page.keyboard.press('Shift+Tab');
    await tabTo('Edit as a draft');
    await page.keyboard.press('Enter');
    await page.locator('.aw-draft:not([hidden])').waitFor();
    await tabTo('Edit conditions');
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('Edit the conditions');
    await tabTo(/^Edit Order Completed/);
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('Condition');
    await tabTo('Number of times');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1');
    const counted = page.waitForResponse((r) => r.url().endsWith('/v1/compute'));
    await page.keyboard.press('Enter');
    await counted;
    await page.locator('.aw-draft .aw-line-text', { hasText: 'at least once' }).waitFor();
    await expect.poll(focused).toMatch(/^Edit Order Completed ≥ 1 times/);
    await noneWiderThanTheScreen();
    await screenshot(page, 'phone-02-editor');
  });

  it('closes an open condition with Escape, without changes', async () => {
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('Condition');
    await page.keyboard.press('Escape');
    await expect(page.locator('.aw-editor form.aw-line-edit').count()).resolves.toBe(0);
  });

  it('leaves a saved audience out with the keyboard', async () => {
    await page.locator('.aw-editor h3').focus();
    await tabTo('Saved audience or list');
    await page.keyboard.press('Tab');
    await expect(focused()).resolves.toBe('Exclude');
    await page.keyboard.press('Enter');
    await page.locator('.aw-exclusions li', { hasText: 'In Japan' }).waitFor();
    await noneWiderThanTheScreen();
    await screenshot(page, 'phone-03-excluded');
  });
});
