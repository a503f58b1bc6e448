import { describe, expect, it } from 'vitest';
import { shareWindows } from '../../src/interpreter/offline/assemble/windows.js';
import type { EventDraft } from '../../src/interpreter/offline/assemble/drafts.js';
import { catalogIndex } from '../../src/interpreter/offline/resolve/catalog-index.js';
import { recogniseUnsupportedSpan } from '../../src/interpreter/offline/recognise/unsupported-spans.js';
import { recogniseWindow } from '../../src/interpreter/offline/recognise/window.js';
import { tokenize } from '../../src/interpreter/offline/text/tokenize.js';
import type { Catalog } from '../../src/catalog/types.js';

const now = new Date('2026-11-01T00:00:00Z');
const catalog: Catalog = {
  workspace: { name: 't', currency: 'USD', timezone: 'UTC', lookbackDays: 365, channels: {}, glossary: [] },
  profiles: 0, eventsTotal: 0, events: [], traits: [], tags: [], lists: [],
};
const env = { index: catalogIndex(catalog), now };

function win(text: string) {
  const r = recogniseWindow(tokenize(text), 0, env);
  return r?.body.kind === 'window' ? r.body.spec : undefined;
}

describe('windows', () => {
  it.each([
    ['in the last 30 days', 30, 'days'], ['over the past 2 weeks', 2, 'weeks'], ['within 6 months', 6, 'months'], ['in the last month', 1, 'months'],
    ['past week', 1, 'weeks'], ['in the previous 45 days', 45, 'days'], ['in the last year', 1, 'years'], ['for 3 months', 3, 'months'],
    ['last two weeks', 2, 'weeks'], ['in the last quarter', 3, 'months'], ['in the last 48 hours', 2, 'days'], ['in the last 90-day period', 90, 'days'],
  ])('reads "%s" as the last %s %s', (text, amount, unit) => {
    expect(win(text)).toEqual({ kind: 'window', window: { kind: 'last', amount, unit } });
  });

  it('reads calendar words against now', () => {
    expect(win('this year')).toEqual({ kind: 'window', window: { kind: 'between', from: '2026-01-01', to: now.toISOString() } });
    expect(win('since August')).toEqual({ kind: 'window', window: { kind: 'between', from: '2026-08-01', to: now.toISOString() } });
    expect(win('in October')).toEqual({ kind: 'window', window: { kind: 'between', from: '2026-10-01', to: '2026-11-01' } });
  });

  it('reads all-time words and back-references', () => {
    expect(win('ever')).toEqual({ kind: 'alltime' });
    expect(win('in total')).toEqual({ kind: 'alltime' });
    expect(win('in that time')).toEqual({ kind: 'backref' });
    expect(win('in the same period')).toEqual({ kind: 'backref' });
  });

  it('reads "this month", "this week" and "this quarter" as the rolling 30, 7 and 90 days', () => {
    expect(win('this month')).toEqual({ kind: 'window', window: { kind: 'last', amount: 1, unit: 'months' } });
    expect(win('this week')).toEqual({ kind: 'window', window: { kind: 'last', amount: 1, unit: 'weeks' } });
    expect(win('this quarter')).toEqual({ kind: 'window', window: { kind: 'last', amount: 3, unit: 'months' } });
    expect(win('last quarter')).toEqual({ kind: 'window', window: { kind: 'last', amount: 3, unit: 'months' } });
  });

  it.each([
    ['since July 1, 2026', '2026-07-01'], ['since 1 July 2026', '2026-07-01'], ['since July 1st', '2026-07-01'],
    ['since September 15', '2026-09-15'], ['since March 2026', '2026-03-01'], ['since 2026-09-15', '2026-09-15'],
  ])('reads "%s" as from %s until now', (text, from) => {
    const spec = win(text);
    expect(spec).toMatchObject({ kind: 'window', window: { kind: 'between', to: now.toISOString() } });
    expect(spec?.kind === 'window' && spec.window.kind === 'between' ? spec.window.from.slice(0, 10) : undefined).toBe(from);
  });

  it('reads "since last month" as the last month', () => {
    expect(win('since last month')).toEqual({ kind: 'window', window: { kind: 'last', amount: 1, unit: 'months' } });
  });

  it('reads "between 30 and 60 days ago" as the span between those points', () => {
    const span = { kind: 'window', window: { kind: 'between', from: '2026-09-02T00:00:00.000Z', to: '2026-10-02T00:00:00.000Z' } };
    expect(win('between 30 and 60 days ago')).toEqual(span);
    expect(win('30 to 60 days ago')).toEqual(span);
  });

  it('reads "before", "previously" and "used to" as all history', () => {
    for (const text of ['before', 'previously', 'in the past', 'used to']) expect(win(text)).toEqual({ kind: 'alltime' });
  });

  it('does not read "in the following 30 days" or "per week" as a window over history', () => {
    expect(recogniseWindow(tokenize('in the following 30 days'), 0, env)).toBeUndefined();
    expect(recogniseUnsupportedSpan(tokenize('in the following 30 days'), 0)?.body.kind).toBe('unsupported');
    expect(recogniseUnsupportedSpan(tokenize('per week'), 0)?.body.kind).toBe('unsupported');
    expect(recogniseUnsupportedSpan(tokenize('in a week'), 1)).toBeUndefined();
  });

  it('leaves "6 months ago" to recency', () => {
    expect(win('6 months ago')).toBeUndefined();
    expect(win('in may')).toBeUndefined();
  });
});

describe('a window said once covers the whole clause', () => {
  const draft = (order: number, window?: EventDraft['window']): EventDraft => ({ kind: 'event', events: ['E'], filters: [], measure: { type: 'count', op: 'gte', value: 1 }, order, ...(window ? { window } : {}) });
  const days = (amount: number) => ({ kind: 'last' as const, amount, unit: 'days' as const });

  it('gives a windowless event the window said after it', () => {
    const a = draft(0);
    const b = draft(1, { kind: 'window', window: days(7) });
    const shared = shareWindows([a, b], []);
    expect(shared.get(a)).toEqual(days(7));
  });
  it('gives "in that time" the window said before it', () => {
    const a = draft(0, { kind: 'window', window: days(30) });
    const b = draft(1, { kind: 'backref' });
    const c = draft(2, { kind: 'window', window: days(7) });
    expect(shareWindows([a, b, c], []).get(b)).toEqual(days(30));
  });
  it('keeps all history for "never" and "in total"', () => {
    const a = draft(0, { kind: 'window', window: days(60) });
    const b = draft(1, { kind: 'alltime' });
    expect(shareWindows([a, b], []).get(b)).toBeUndefined();
  });
  it('keeps a glossary term\'s own window', () => {
    const a: EventDraft = { ...draft(0), fixedWindow: days(30) };
    const b = draft(1, { kind: 'window', window: days(7) });
    expect(shareWindows([a, b], []).get(a)).toEqual(days(30));
  });
});
