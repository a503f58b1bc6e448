/** The widget's pure live-audience modules, run in Node: durations in words, reading the picker, moving in the order, the saved view. */
import { describe, expect, it } from 'vitest';
import { formatDuration, movedOrder, readDuration } from '../../src/web/assets/widget/model/live.js';
import { viewOfThread } from '../../src/web/assets/widget/model/thread-view.js';

describe('membership durations in words', () => {
  it('says the session, and days, weeks and hours with their number', () => {
    expect(formatDuration({ unit: 'session' })).toBe('This session');
    expect(formatDuration({ unit: 'days', amount: 7 })).toBe('7 days');
    expect(formatDuration({ unit: 'days', amount: 1 })).toBe('1 day');
    expect(formatDuration({ unit: 'weeks', amount: 2 })).toBe('2 weeks');
    expect(formatDuration({ unit: 'hours', amount: 12 })).toBe('12 hours');
  });
});

describe('the duration picker', () => {
  it('reads the session whatever the amount, and a whole number of days or weeks', () => {
    expect(readDuration('session', 'x')).toEqual({ duration: { unit: 'session' } });
    expect(readDuration('days', ' 7 ')).toEqual({ duration: { unit: 'days', amount: 7 } });
    expect(readDuration('weeks', '365')).toEqual({ duration: { unit: 'weeks', amount: 365 } });
  });

  it('says what is wrong with an amount that is not 1 to 365 whole', () => {
    for (const bad of ['0', '366', '1.5', '', 'seven']) expect(readDuration('days', bad)).toEqual({ problem: 'Enter a whole number of days from 1 to 365.' });
  });
});

describe('moving a live audience', () => {
  it('swaps it with its neighbour up or down', () => {
    expect(movedOrder(['a', 'b', 'c'], 'a', 1)).toEqual(['b', 'a', 'c']);
    expect(movedOrder(['a', 'b', 'c'], 'c', -1)).toEqual(['a', 'c', 'b']);
  });

  it('cannot move past either end or an id it does not hold', () => {
    expect(movedOrder(['a', 'b'], 'a', -1)).toBeUndefined();
    expect(movedOrder(['a', 'b'], 'b', 1)).toBeUndefined();
    expect(movedOrder(['a', 'b'], 'z', 1)).toBeUndefined();
  });
});

describe('a thread that saved a live audience', () => {
  it('is saved, marked live, with the live audience and its draft', () => {
    const liveAudience = { id: 'l1', name: 'Spring mobile', duration: { unit: 'days', amount: 7 } };
    const view = viewOfThread({ status: 'idle' }, { values: { status: 'saved', audience: null, liveAudience, currentDraft: { kind: 'live', size: 3 } }, tasks: [] });
    expect(view).toMatchObject({ phase: 'saved', live: true, audience: liveAudience, draft: { kind: 'live' } });
  });

  it('is not marked live when it saved a list', () => {
    const view = viewOfThread({ status: 'idle' }, { values: { status: 'saved', audience: { id: 'a1', name: 'VIPs' }, liveAudience: null }, tasks: [] });
    expect(view).toMatchObject({ phase: 'saved', live: false, audience: { id: 'a1' } });
  });
});
