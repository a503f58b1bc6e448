import { END } from '@langchain/langgraph';
import { describe, expect, test, vi } from 'vitest';
import { confirmPayload, decide, defaultName } from '../../graphs/audience-builder/nodes/confirm.js';
import { parseAnswer } from '../../graphs/audience-builder/nodes/clarify.js';
import { intake, type IntakeChecks } from '../../graphs/audience-builder/nodes/intake.js';
import { glossaryOffer, isYes } from '../../graphs/audience-builder/nodes/remember.js';
import { interpretationUpdate } from '../../graphs/audience-builder/nodes/resolve.js';
import { routeAfterConfirm, routeAfterDraft, routeAfterIntake, routeAfterRemember, routeAfterResolve, routeAfterSave } from '../../graphs/audience-builder/routes.js';
import type { AudienceBuilderStateType, Draft } from '../../graphs/audience-builder/state.js';
import { parseDefinition } from '../../src/definition/parse.js';
import { AppError } from '../../src/errors.js';

const definition = parseDefinition({ version: 1, root: { type: 'group', op: 'and', conditions: [{ type: 'trait', trait: 'country', op: 'eq', value: 'DE' }] } });
const draft: Draft = { kind: 'list', definition, explanation: ['Country is DE'], size: 10, totalProfiles: 100, reachability: {}, samples: [], conditionSizes: [], notUnderstood: [] };

function state(partial: Partial<AudienceBuilderStateType> = {}): AudienceBuilderStateType {
  return {
    messages: [], prompt: '', language: 'en', mode: 'new', prompts: [], answers: {}, question: null, clarifyRounds: 0, lastAnswer: null, offering: false,
    proposal: null, currentDraft: null, decision: null, audience: null, liveAudience: null, error: null, toolCalls: [], status: 'drafting', ...partial,
  };
}

const checks = (refinement: boolean): IntakeChecks => ({
  lengthProblem: (p) => (p.length < 20 ? new AppError('invalid_prompt', 'Describe the audience in 20 to 300 characters.') : undefined),
  isRefinement: () => refinement,
});

describe('intake', () => {
  test('rejects a new description that is too short, with the limits in the message', () => {
    const update = intake(state({ prompt: 'gold members' }), checks(false));
    expect(update.error).toMatchObject({ code: 'invalid_prompt', retryable: false, message: expect.stringMatching(/20 to 300/) });
    expect(routeAfterIntake(state(update as Partial<AudienceBuilderStateType>))).toBe(END);
  });

  test('accepts a short refinement of the current draft and keeps the words that built it', () => {
    const update = intake(state({ prompt: ' only gold members ', currentDraft: draft, prompts: ['Customers in Germany who bought'] }), checks(true));
    expect(update).toMatchObject({ mode: 'refine', prompt: 'only gold members', prompts: ['Customers in Germany who bought', 'only gold members'], error: null });
    expect(update.currentDraft).toBeUndefined();
  });

  test('starts over and drops the draft when the message is a new request', () => {
    const update = intake(state({ prompt: 'Customers who opened an email this week', currentDraft: draft, prompts: ['old'] }), checks(false));
    expect(update).toMatchObject({ mode: 'new', prompts: ['Customers who opened an email this week'], currentDraft: null });
  });

  test('treats a message as new when there is no draft to refine', () => {
    const isRefinement = vi.fn(() => true);
    const update = intake(state({ prompt: 'Customers who opened an email this week' }), { ...checks(true), isRefinement });
    expect(update.mode).toBe('new');
    expect(isRefinement).not.toHaveBeenCalled();
  });

  test('detects the language of the message', () => {
    expect(intake(state({ prompt: '過去30日間に購入していない顧客' }), checks(false)).language).toBe('ja');
    expect(intake(state({ prompt: 'ลูกค้าที่ไม่ได้ซื้อใน 30 วันที่ผ่านมา' }), checks(false)).language).toBe('th');
  });
});

describe('routes', () => {
  test('go from resolve to the question, the draft or the end', () => {
    expect(routeAfterResolve(state({ question: { term: 'loyal', text: 'How loyal?', options: ['a'] } }))).toBe('clarify');
    expect(routeAfterResolve(state({ proposal: { definition, notUnderstood: [] } }))).toBe('draft');
    expect(routeAfterResolve(state({ error: { code: 'unknown_reference', message: 'x', retryable: false } }))).toBe(END);
  });

  test('go from the draft to confirmation unless drafting failed', () => {
    expect(routeAfterDraft(state({ currentDraft: draft }))).toBe('confirm');
    expect(routeAfterDraft(state({ currentDraft: draft, error: { code: 'lookback_exceeded', message: 'x', retryable: false } }))).toBe(END);
  });

  test('save an applied draft and send anything else back through intake', () => {
    expect(routeAfterConfirm(state({ decision: { action: 'apply', name: 'n', description: 'd' } }))).toBe('save');
    expect(routeAfterConfirm(state({ decision: { action: 'edit', instruction: 'make it 60 days' } }))).toBe('intake');
  });

  test('return to the draft when saving failed, so apply can be tried again', () => {
    expect(routeAfterSave(state({ status: 'error', currentDraft: draft }))).toBe('confirm');
    expect(routeAfterSave(state({ status: 'saved', currentDraft: draft }))).toBe(END);
  });
});

describe('confirmation answers', () => {
  const s = state({ currentDraft: draft, prompts: ['Customers in Germany who bought Beauty products.'] });
  const noQuestion = () => {
    throw new Error('should not ask');
  };

  test('"apply" saves under a name taken from the request', () => {
    expect(decide('apply', s, noQuestion)).toEqual({ action: 'apply', name: 'Customers in Germany who bought Beauty products', description: 'Customers in Germany who bought Beauty products.' });
    expect(decide({ action: 'apply', name: 'DE beauty', description: 'For the May campaign' }, s, noQuestion)).toEqual({ action: 'apply', name: 'DE beauty', description: 'For the May campaign' });
  });

  test('any other text is the next instruction', () => {
    expect(decide('make it 60 days instead', s, noQuestion)).toEqual({ action: 'edit', instruction: 'make it 60 days instead' });
    expect(decide({ action: 'edit', instruction: 'also exclude the Blocklist' }, s, noQuestion)).toEqual({ action: 'edit', instruction: 'also exclude the Blocklist' });
  });

  test('"edit" without words asks what should change', () => {
    const ask = vi.fn(() => 'only gold members');
    expect(decide({ action: 'edit' }, s, ask)).toEqual({ action: 'edit', instruction: 'only gold members' });
    expect(decide('edit', s, ask)).toEqual({ action: 'edit', instruction: 'only gold members' });
    expect(ask).toHaveBeenCalledTimes(2);
  });

  test('an answer of the wrong shape is invalid_input', () => {
    expect(() => decide(42, s, noQuestion)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(() => decide({ action: 'delete' }, s, noQuestion)).toThrow(AppError);
  });

  test('a long request makes a name of at most 80 characters', () => {
    expect(defaultName(['x'.repeat(200)])).toHaveLength(80);
  });
});

describe('confirming a live draft', () => {
  const mobile = parseDefinition({ version: 1, root: { type: 'group', op: 'and', conditions: [{ type: 'context', field: 'device', op: 'in', value: ['mobile'] }] } });
  const liveDraft: Draft = { ...draft, kind: 'live', definition: mobile, explanation: ['Device is mobile'], note: 'Live audience: evaluated when a visitor arrives; up to 100 known profiles could match.' };
  const live = state({ currentDraft: liveDraft, prompts: ['Mobile visitors'] });
  const noQuestion = () => {
    throw new Error('should not ask');
  };

  test('"apply" keeps the chosen duration, and the session when none is chosen', () => {
    expect(decide({ action: 'apply', name: 'Mobile', duration: { unit: 'days', amount: 7 } }, live, noQuestion)).toEqual({ action: 'apply', name: 'Mobile', description: 'Mobile visitors', duration: { unit: 'days', amount: 7 } });
    expect(decide('apply', live, noQuestion)).toMatchObject({ action: 'apply', duration: { unit: 'session' } });
  });

  test('a list draft takes no duration, whatever is sent', () => {
    const list = state({ currentDraft: draft, prompts: ['Customers in Germany who bought Beauty products.'] });
    expect(decide({ action: 'apply', name: 'DE', duration: { unit: 'weeks', amount: 2 } }, list, noQuestion)).toEqual({ action: 'apply', name: 'DE', description: 'Customers in Germany who bought Beauty products.' });
  });

  test('a duration outside the session or 1 to 365 hours, days or weeks is invalid_input', () => {
    expect(() => decide({ action: 'apply', duration: { unit: 'days', amount: 0 } }, live, noQuestion)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(() => decide({ action: 'apply', duration: { unit: 'months', amount: 1 } }, live, noQuestion)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(() => decide({ action: 'apply', duration: { unit: 'session', amount: 1 } }, live, noQuestion)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });

  test('the pause says live, carries the note and offers durations with the session first', () => {
    const payload = confirmPayload(liveDraft, 'en');
    expect(payload).toMatchObject({ type: 'confirm', kind: 'live', draft: { kind: 'live', note: liveDraft.note } });
    expect(payload.durations?.[0]).toEqual({ label: 'This session', duration: { unit: 'session' } });
    expect(payload.durations?.map((d) => d.label)).toContain('7 days');
    expect(confirmPayload(liveDraft, 'ja').durations?.find((d) => d.duration.unit === 'days' && d.duration.amount === 7)?.label).toBe('7日間');
  });

  test('a list draft pauses as a list, without durations (and so does a draft saved before kinds existed)', () => {
    expect(confirmPayload(draft)).not.toHaveProperty('durations');
    expect(confirmPayload(draft).kind).toBe('list');
    const { kind: _kind, ...older } = draft;
    expect(confirmPayload(older as Draft)).toMatchObject({ kind: 'list', draft: { kind: 'list' } });
  });
});

describe('answers and the glossary offer', () => {
  test('an answer is text, or text with a remember flag', () => {
    expect(parseAnswer('  over $500 ')).toEqual({ answer: 'over $500' });
    expect(parseAnswer({ answer: 'over $500', remember: false })).toEqual({ answer: 'over $500', remember: false });
    expect(() => parseAnswer('')).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });

  test('recognises yes in the offered option, words and other languages', () => {
    const offer = glossaryOffer('loyal', 'at least 5 orders', 'en');
    expect(offer.options).toEqual(['Yes, keep it', 'No, just this time']);
    expect(isYes(offer.options[0], offer.options[0]!)).toBe(true);
    expect(isYes(offer.options[1], offer.options[0]!)).toBe(false);
    expect(isYes(true, '')).toBe(true);
    expect(isYes('yes please', '')).toBe(true);
    expect(isYes('yesterday', '')).toBe(false);
    expect(isYes('はい', '')).toBe(true);
  });

  test('offers the glossary in the language of the conversation', () => {
    expect(glossaryOffer('ロイヤル', '5回以上購入', 'ja').question).toContain('用語集');
  });
});

describe('interpretation results', () => {
  test('an LLM failure becomes a retryable error of the turn', () => {
    const update = interpretationUpdate({ kind: 'error', code: 'llm_unavailable', message: 'Something went wrong. Try again later.', language: 'en', toolCalls: [] }, state());
    expect(update).toMatchObject({ status: 'error', error: { code: 'llm_unavailable', retryable: true } });
  });

  test('lookups of the turn accumulate across rounds', () => {
    const first = { tool: 'search_events', input: {}, summary: 'Found event Order Completed' };
    const update = interpretationUpdate({ kind: 'clarify', question: { term: 'loyal', text: '?', options: ['a'] }, language: 'en', toolCalls: [first] }, state({ toolCalls: [first] }));
    expect(update.toolCalls).toHaveLength(2);
  });
});

describe('offering an answer for the glossary', () => {
  const question = { term: 'loyal', text: 'How loyal?', options: ['At least 10 orders'] };

  it('offers it once the interpreter has used it', () => {
    expect(routeAfterResolve(state({ lastAnswer: { term: 'loyal', meaning: 'At least 10 orders' }, proposal: { definition, notUnderstood: [] } }))).toBe('remember');
    expect(routeAfterResolve(state({ lastAnswer: { term: 'high-spending', meaning: 'over $1,000' }, question }))).toBe('remember');
  });

  it('does not offer an answer the interpreter could not read, and asks again', () => {
    expect(routeAfterResolve(state({ lastAnswer: { term: 'loyal', meaning: 'no' }, question }))).toBe('clarify');
  });

  it('goes on to the next question or the draft after the offer', () => {
    expect(routeAfterRemember(state({ question }))).toBe('clarify');
    expect(routeAfterRemember(state({ proposal: { definition, notUnderstood: [] } }))).toBe('draft');
  });
});
