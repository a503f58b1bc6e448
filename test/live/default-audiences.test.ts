/** The live audiences every workspace starts with. */
import { expect, test } from 'vitest';
import { explainDefinition } from '../../src/definition/explain.js';
import { AudienceDefinition } from '../../src/definition/schema.js';
import { defaultLiveAudiences, isBuiltInLiveAudience } from '../../src/live/default-audiences.js';

const now = new Date('2026-03-01T09:00:00.000Z');

test('every default is a valid definition that reads as its name says', () => {
  const defaults = defaultLiveAudiences(now);
  expect(defaults.map((a) => [a.id, a.name, explainDefinition(AudienceDefinition.parse(a.definition), { currency: 'USD' })])).toEqual([
    ['default-mobile', 'Mobile visitors', ['Device is mobile']],
    ['default-desktop', 'Desktop visitors', ['Device is desktop']],
    ['default-returning', 'Returning visitors', ['Returning visitor (more than one session)']],
    ['default-new', 'New visitors', ['New visitor (first session)']],
    ['default-everyone', 'Everyone', ['Any visitor']],
  ]);
});

test('only Everyone starts turned off, so a visitor who matches nothing gets the default experience', () => {
  expect(defaultLiveAudiences(now).filter((a) => !a.enabled).map((a) => a.id)).toEqual(['default-everyone']);
});

test('defaults are built in, last the session, carry a description and the time they were made', () => {
  for (const a of defaultLiveAudiences(now)) {
    expect(a).toMatchObject({ builtIn: true, duration: { unit: 'session' }, createdAt: now.toISOString(), updatedAt: now.toISOString() });
    expect(a.description.length).toBeGreaterThan(10);
    expect(isBuiltInLiveAudience(a.id)).toBe(true);
  }
  expect(isBuiltInLiveAudience('spring')).toBe(false);
});
