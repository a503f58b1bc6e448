import { describe, expect, it } from 'vitest';
import { judge, type EvalCase } from '../../src/eval/cases.js';

const okCase: EvalCase = { id: 'c1', prompt: 'p', expect: { status: 'ok', members_any_of: [['u1', 'u2'], ['u3']] } };

describe('judging a result by execution accuracy', () => {
  it('passes when the members equal one of the accepted lists, in any order', () => {
    expect(judge(okCase, { id: 'c1', status: 'ok', members: ['u2', 'u1'] }).pass).toBe(true);
    expect(judge(okCase, { id: 'c1', status: 'ok', members: ['u3'] }).pass).toBe(true);
  });

  it('fails on a subset, a superset or a missing member list', () => {
    expect(judge(okCase, { id: 'c1', status: 'ok', members: ['u1'] }).pass).toBe(false);
    expect(judge(okCase, { id: 'c1', status: 'ok', members: ['u1', 'u2', 'u3'] }).pass).toBe(false);
    expect(judge(okCase, { id: 'c1', status: 'ok', count: 2 }).pass).toBe(false);
  });

  it('accepts the alternative status when the case allows one', () => {
    const c: EvalCase = { id: 'c2', prompt: 'p', expect: { status: 'error', codes: ['unknown_reference'], or_status: 'needs_clarification' } };
    expect(judge(c, { id: 'c2', status: 'needs_clarification', question: 'q' }).pass).toBe(true);
    expect(judge(c, { id: 'c2', status: 'error', error: { code: 'unknown_reference', message: 'm' } }).pass).toBe(true);
    expect(judge(c, { id: 'c2', status: 'error', error: { code: 'internal', message: 'm' } }).pass).toBe(false);
  });

  it('requires a question when the case expects one', () => {
    const c: EvalCase = { id: 'c3', prompt: 'p', expect: { status: 'needs_clarification' } };
    expect(judge(c, { id: 'c3', status: 'ok', members: [] }).pass).toBe(false);
    expect(judge(c, { id: 'c3', status: 'needs_clarification' }).pass).toBe(true);
  });
});

describe('counting the worst answers apart', () => {
  it('marks an audience returned as ok that is not the one asked for as a wrong ok', () => {
    expect(judge(okCase, { id: 'c1', status: 'ok', members: ['u1'] }).wrongOk).toBe(true);
    const vague: EvalCase = { id: 'c3', prompt: 'p', expect: { status: 'needs_clarification' } };
    expect(judge(vague, { id: 'c3', status: 'ok', members: ['u1'] }).wrongOk).toBe(true);
  });

  it('does not count a question, an error or a right audience as a wrong ok', () => {
    expect(judge(okCase, { id: 'c1', status: 'needs_clarification', question: 'q' }).wrongOk).toBe(false);
    expect(judge(okCase, { id: 'c1', status: 'error', error: { code: 'unknown_reference', message: 'm' } }).wrongOk).toBe(false);
    expect(judge(okCase, { id: 'c1', status: 'ok', members: ['u3'] }).wrongOk).toBe(false);
  });
});
