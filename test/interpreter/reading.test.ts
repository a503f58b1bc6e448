import { describe, expect, it } from 'vitest';
import { createOfflineInterpreter } from '../../src/interpreter/offline/index.js';
import type { Interpretation } from '../../src/interpreter/types.js';
import { openTiny, TINY_NOW } from './support/tiny-workspace.js';
import { useWorkspace } from './support/use-workspace.js';

const interpreter = createOfflineInterpreter();
const tiny = useWorkspace(openTiny);

async function members(prompt: string): Promise<string[]> {
  const r = await interpreter.interpret(prompt, tiny.context());
  if (r.kind !== 'definition') throw new Error(`expected a definition for "${prompt}", got ${r.kind}: ${JSON.stringify(r)}`);
  return tiny.ws.engine.memberIds(r.definition, { now: TINY_NOW });
}

async function read(prompt: string): Promise<Interpretation> {
  return interpreter.interpret(prompt, tiny.context());
}

describe('events are found by what they are, in a tracking plan with other names', () => {
  it('reads purchases as the plan\'s order event ("Order Placed")', async () => {
    expect(await members('Customers who purchased in the last 30 days')).toEqual(['p1', 'p3', 'p6']);
  });
  it('reads visits and app launches as the session-like event ("App Opened")', async () => {
    expect(await members("Customers who haven't visited in the last 30 days")).toEqual(['p2', 'p4', 'p6', 'p7', 'p8']);
  });
  it('reads "clicked an email" as the email click event', async () => {
    expect(await members('Customers who clicked an email in the last 30 days')).toEqual(['p3']);
  });
});

describe('negation counts zero', () => {
  it('counts people who never purchased as 0 times in the window', async () => {
    expect(await members("Customers who haven't bought anything in the last 30 days")).toEqual(['p2', 'p4', 'p5', 'p7', 'p8']);
  });
  it('reads "never" as zero times over all history, even after a window', async () => {
    expect(await members('Customers who viewed a product in the last 7 days but never purchased')).toEqual(['p5']);
  });
  it('reads "don\'t have a phone number" as the trait not existing', async () => {
    expect(await members("Customers who don't have a phone number")).toEqual(['p2', 'p4', 'p6', 'p7', 'p8']);
  });
  it('reads "not on the list" as outside the static list', async () => {
    expect(await members('Customers not on the Do Not Contact list who are gold members')).toEqual(['p1', 'p3', 'p6']);
  });
});

describe('a window said once covers the whole clause', () => {
  it('gives the trailing window to the earlier event', async () => {
    expect(await members("Customers who viewed a product but didn't purchase in the last 7 days")).toEqual(['p2', 'p5']);
  });
  it('reads "in that time" as the window said before', async () => {
    expect(await members('Customers who opened the app in the last 7 days but did not purchase in that time')).toEqual(['p3', 'p5']);
  });
});

describe('numbers', () => {
  it('reads "orders over $100" as at least one order with a revenue above 100', async () => {
    expect(await members('Customers with orders over $100')).toEqual(['p1', 'p4']);
  });
  it('reads "spent more than" as the sum of revenue', async () => {
    expect(await members('Customers who spent more than $400 in total')).toEqual(['p1', 'p4']);
  });
  it('reads "average order value" as the mean revenue of buyers only', async () => {
    expect(await members('Customers whose average order value is under $50')).toEqual(['p2', 'p6']);
  });
  it('reads "at least 2 orders" as a count', async () => {
    expect(await members('Customers who placed at least 2 orders')).toEqual(['p1', 'p3']);
  });
  it('reads "aged 25 to 40" as inclusive on both ends', async () => {
    expect(await members('Customers aged 27 to 38')).toEqual(['p2', 'p3', 'p5']);
  });
  it('reads a bare "over 40" after a person word as age', async () => {
    expect(await members('Women over 40 in our customer base')).toEqual(['p1', 'p7']);
  });
  it('reads "a rating of 2 or lower" as a filter of the review', async () => {
    expect(await members('Customers who left a review with a rating of 2 or lower')).toEqual(['p7']);
  });
});

describe('recency', () => {
  it('reads "last purchase more than 6 months ago" as bought, but not since', async () => {
    expect(await members('Customers whose last purchase was more than 6 months ago')).toEqual(['p2', 'p4']);
  });
});

describe('values, tags and lists come from the data', () => {
  it('resolves country names to the stored codes and joins "or" lists', async () => {
    expect(await members('Customers from Japan or Taiwan')).toEqual(['p3', 'p4', 'p7', 'p8']);
  });
  it('resolves tags with plural people words ("cat lovers")', async () => {
    expect(await members('Cat lovers who are gold members')).toEqual(['p1', 'p3']);
  });
  it('reads event property values as filters ("bought Toys")', async () => {
    expect(await members('Customers who bought Toys in the last 30 days')).toEqual(['p3', 'p6']);
  });
  it('finds which event holds a coupon code', async () => {
    expect(await members('Customers who used the coupon MEOW5')).toEqual(['p1', 'p6']);
  });
  it('reads "notes mention X" as contains, lower-cased', async () => {
    expect(await members('Customers whose notes mention Wholesale')).toEqual(['p5']);
  });
  it('reads boolean traits ("subscribed to email")', async () => {
    expect(await members('Customers subscribed to email who are from Germany')).toEqual(['p1']);
  });
});

describe('the glossary defines the team\'s words', () => {
  it('reads "active" by its glossary meaning', async () => {
    expect(await members('Active customers from Japan or Germany')).toEqual(['p1', 'p3']);
  });
  it('reads "recently" as the glossary window', async () => {
    expect(await members('Customers who recently purchased something')).toEqual(['p1', 'p6']);
  });
  it('reads "inactive" as the negated glossary term', async () => {
    expect(await members('Inactive customers from the US')).toEqual(['p6']);
  });
});

describe('or and and', () => {
  it('reads "A or B" between different kinds as either', async () => {
    expect(await members('Customers who are platinum members or spent more than $250')).toEqual(['p1', 'p4']);
  });
  it('binds "or" tighter than "who"', async () => {
    expect(await members('Customers from Germany or the US who are tagged Cat Lover or bought Toys')).toEqual(['p1', 'p5', 'p6']);
  });
});

describe('honesty', () => {
  it('says back the words it could not use', async () => {
    const r = await read('Customers from Germany who love sunshine');
    expect(r.kind).toBe('error');
  });
  it('does not report filler as not understood', async () => {
    const r = await read('I want to find all of our customers who are from Germany for a campaign');
    expect(r.kind).toBe('definition');
    if (r.kind === 'definition') expect(r.notUnderstood).toEqual([]);
  });
  it('asks about an unknown word said on the event ("purchased quickly"), offering to leave it out', async () => {
    const r = await read('Customers from Germany who purchased quickly in the last 30 days');
    if (r.kind !== 'clarify') throw new Error(JSON.stringify(r));
    expect(r.question.term).toBe('quickly');
    expect(r.question.options[0]).toMatch(/^Leave “quickly” out/);
  });
});

describe('measures that need the data or the calendar', () => {
  it('reads "top 10% of spenders" as above the data\'s own 90th percentile, without asking', async () => {
    const r = await read('Customers in the top 50% of spenders');
    expect(r.kind).toBe('definition');
    expect(r.toolCalls.some((c) => c.tool === 'quantiles')).toBe(true);
    if (r.kind === 'definition') expect(await tiny.ws.engine.memberIds(r.definition, { now: TINY_NOW })).toEqual(['p1', 'p4']);
  });
  it('reads "first purchase in the last 30 days" as bought then and never before', async () => {
    expect(await members('Customers who made their first purchase in the last 30 days')).toEqual(['p3', 'p6']);
  });
  it('reads an event "before <year>" the history does not reach as more than the plan keeps, never as all history', async () => {
    const r = await read('Customers who joined before 2020 and are from Germany');
    expect(r).toMatchObject({ kind: 'error', code: 'lookback_exceeded' });
  });
});
