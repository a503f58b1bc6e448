import { describe, expect, it } from 'vitest';
import { systemPrompt } from '../../src/interpreter/llm/system-prompt.js';
import { catalogBrief } from '../../src/interpreter/llm/catalog-brief.js';
import { event, planCatalog, property, trait } from '../vocabulary/plan-catalog.js';

const tasks = planCatalog([
  event('invoicePaid', 'An invoice was paid.', [property('amount', 'number')]),
  event('loginSucceeded', 'A user logged in.'),
  event('accountCreated', 'A user signed up.'),
], [trait('country'), trait('features', 'string[]', 'Features turned on')]);

describe('the model\'s instructions come from the workspace, not from one shop', () => {
  it('names this workspace\'s purchase, amount, activity and sign-up in the conventions', () => {
    const prompt = systemPrompt(tasks);
    expect(prompt).toContain('purchase event "invoicePaid"');
    expect(prompt).toContain('aggregate sum of "amount"');
    expect(prompt).toContain('activity event "loginSucceeded"');
    expect(prompt).toContain('Signing up = "accountCreated"');
    expect(prompt).not.toMatch(/Order Completed|membership_tier|Cat Lover/);
  });

  it('says when the workspace has no event for a role instead of naming another workspace\'s', () => {
    const prompt = systemPrompt(planCatalog([event('WorkoutFinished')]));
    expect(prompt).toContain('(no purchase event: say so rather than guess)');
  });

  it('lists the roles in the catalog the model reads', () => {
    const brief = catalogBrief(tasks, new Date('2026-11-01T00:00:00Z'));
    expect(brief).toContain('- purchase: event "invoicePaid", amount/score property "amount"');
    expect(brief).toContain('- activity: event "loginSucceeded"');
  });
});
