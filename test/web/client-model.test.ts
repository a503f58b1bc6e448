/**
 * The widget's pure modules, run in Node: the editable values behind each draft line, reading
 * what a marketer types, the thread view read from the protocol's state, error words, and the
 * SSE reader.
 */
import { describe, expect, it } from 'vitest';
import { readSlot, sameValue, setAt, slotsOfLine } from '../../src/web/assets/widget/later/condition-slots.js';
import { ERROR_CODES } from '../../src/errors.js';
import { describeError } from '../../src/web/assets/widget/model/error-words.js';
import { pendingInterrupt, threadStatusLabel, transcriptOf, viewOfThread } from '../../src/web/assets/widget/model/thread-view.js';
import { readSse } from '../../src/web/assets/widget/api/sse.js';
import { invitesTyping } from '../../src/web/assets/widget/ui/question.js';

const definition = {
  version: 1,
  root: {
    type: 'group',
    op: 'and',
    conditions: [
      { type: 'aggregate', events: ['Order Completed'], filters: [], fn: 'sum', property: 'total', op: 'gt', value: 1450 },
      { type: 'event', events: ['Order Completed'], filters: [{ property: 'category', op: 'in', value: ['Beauty', 'Toys'] }], window: { kind: 'last', amount: 90, unit: 'days' }, count: { op: 'gte', value: 6 } },
      { type: 'group', op: 'or', conditions: [{ type: 'trait', trait: 'country', op: 'eq', value: 'JP' }, { type: 'trait', trait: 'age', op: 'between', value: [25, 34] }] },
      { type: 'recency', events: ['Order Completed'], filters: [], op: 'never' },
    ],
  },
  exclude: [],
};

describe('the editable values behind a draft line', () => {
  it('offers the amount of a spend condition', () => {
    expect(slotsOfLine(definition, 0)).toEqual([
      { path: ['root', 'conditions', 0, 'value'], kind: 'number', label: 'Order Completed: sum of total', value: 1450 },
    ]);
  });

  it('offers the number of times, the window and the filter values of an event condition, in reading order', () => {
    const slots = slotsOfLine(definition, 1);
    expect(slots.map((s) => [s.path.slice(3).join('.'), s.kind, s.value])).toEqual([
      ['count.value', 'count', 6],
      ['window.amount', 'amount', 90],
      ['window.unit', 'unit', 'days'],
      ['filters.0.value', 'list', ['Beauty', 'Toys']],
    ]);
  });

  it('reaches into a group line for every condition it holds', () => {
    expect(slotsOfLine(definition, 2).map((s) => s.path.join('.'))).toEqual([
      'root.conditions.2.conditions.0.value',
      'root.conditions.2.conditions.1.value.0',
      'root.conditions.2.conditions.1.value.1',
    ]);
  });

  it('has nothing to edit on a "never did it" line, nor on an exclusion line', () => {
    expect(slotsOfLine(definition, 3)).toEqual([]);
    expect(slotsOfLine(definition, 4)).toEqual([]);
  });

  it('replaces one value without touching the rest of the definition', () => {
    const edited = setAt(definition, ['root', 'conditions', 1, 'count', 'value'], 2) as typeof definition;
    expect(edited.root.conditions[1]).toMatchObject({ count: { op: 'gte', value: 2 } });
    expect((definition.root.conditions[1] as { count: { value: number } }).count.value).toBe(6);
    expect(edited.root.conditions[0]).toBe(definition.root.conditions[0]);
  });

  it('treats the same JSON with keys in another order as unchanged', () => {
    expect(sameValue({ a: 1, b: [1, { c: 2, d: 3 }] }, { b: [1, { d: 3, c: 2 }], a: 1 })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 2 })).toBe(false);
  });
});

describe('reading what was typed into a value', () => {
  const count = { kind: 'count', value: 6 };
  const amount = { kind: 'amount', value: 90 };

  it('takes whole numbers for counts (0 allowed) and windows (at least 1)', () => {
    expect(readSlot(count, ' 0 ')).toEqual({ value: 0 });
    expect(readSlot(count, '2.5')).toEqual({ problem: 'Enter a whole number.' });
    expect(readSlot(amount, '0')).toEqual({ problem: 'Enter a whole number of at least 1.' });
    expect(readSlot(amount, '30')).toEqual({ value: 30 });
  });

  it('reads money as written, with thousands separators', () => {
    expect(readSlot({ kind: 'number', value: 1450 }, '1,200.50')).toEqual({ value: 1200.5 });
    expect(readSlot({ kind: 'number', value: 1450 }, 'lots')).toEqual({ problem: 'Enter a number.' });
  });

  it('keeps a list of numbers numeric and a list of names as text', () => {
    expect(readSlot({ kind: 'list', value: [1, 2] }, '3, 4')).toEqual({ value: [3, 4] });
    expect(readSlot({ kind: 'list', value: ['Beauty'] }, 'Beauty, Home ,')).toEqual({ value: ['Beauty', 'Home'] });
    expect(readSlot({ kind: 'list', value: ['Beauty'] }, ' , ')).toEqual({ problem: 'Enter at least one value.' });
  });

  it('only takes the units a window has', () => {
    expect(readSlot({ kind: 'unit', value: 'days' }, 'weeks')).toEqual({ value: 'weeks' });
    expect(readSlot({ kind: 'unit', value: 'days' }, 'hours')).toHaveProperty('problem');
  });
});

describe('a thread as the page shows it', () => {
  const question = { type: 'question', question: 'What counts as "loyal"?', options: ['At least 6 orders', 'Let me type a number'], term: 'loyal', purpose: 'clarify' };

  it('shows a pending question from the state tasks', () => {
    const state = { values: { prompts: ['Loyal customers'], answers: {}, status: 'clarifying' }, tasks: [{ interrupts: [{ id: 'i1', value: question }] }] };
    const view = viewOfThread({ status: 'interrupted' }, state);
    expect(view.phase).toBe('question');
    expect(view.question).toEqual(question);
    expect(pendingInterrupt(state)).toEqual(question);
  });

  it('is working while the thread is busy, whatever the state says', () => {
    expect(viewOfThread({ status: 'busy' }, { values: {}, tasks: [{ interrupts: [{ value: question }] }] }).phase).toBe('working');
  });

  it('shows a turn error with the draft kept when a save failed', () => {
    const draft = { definition, explanation: [], size: 1 };
    const error = { code: 'store_unavailable', message: 'Redis is away', retryable: true };
    const view = viewOfThread({ status: 'interrupted' }, { values: { error }, tasks: [{ interrupts: [{ value: { type: 'confirm', draft } }] }] });
    expect(view.phase).toBe('draft');
    expect(view.error).toEqual(error);
  });

  it('is saved once the audience is stored, with the draft to show', () => {
    const view = viewOfThread({ status: 'idle' }, { values: { status: 'saved', audience: { id: 'a1', name: 'VIPs' }, currentDraft: { size: 3 } }, tasks: [] });
    expect(view.phase).toBe('saved');
    expect(view.draft).toEqual({ size: 3 });
  });

  it('rebuilds the conversation from the requests and the meanings chosen', () => {
    expect(transcriptOf({ prompts: ['Loyal buyers in Japan', 'only gold members'], answers: { loyal: 'At least 6 orders' } })).toEqual([
      { role: 'user', text: 'Loyal buyers in Japan' },
      { role: 'answer', text: '“loyal”: At least 6 orders' },
      { role: 'user', text: 'only gold members' },
    ]);
  });

  it('labels threads in the list by where they stand', () => {
    expect(threadStatusLabel({ status: 'idle', values: { status: 'saved' } })).toBe('Saved');
    expect(threadStatusLabel({ status: 'interrupted', values: { status: 'confirming' } })).toBe('Draft ready');
    expect(threadStatusLabel({ status: 'interrupted', values: { status: 'drafting' } })).toBe('Waiting for your answer');
    expect(threadStatusLabel({ status: 'busy' })).toBe('Working…');
  });
});

describe('errors in plain words', () => {
  it('titles each code and keeps the service message that names the limit', () => {
    expect(describeError({ code: 'lookback_exceeded', message: 'Your plan only supports a compute history of 365 days.', retryable: false })).toEqual({
      title: 'That goes further back than your plan allows',
      detail: 'Your plan only supports a compute history of 365 days.',
      retryable: false,
      suggestions: [],
    });
  });

  it('never shows internal messages, and offers a retry for them', () => {
    const words = describeError({ code: 'internal', message: 'TypeError: x is undefined', retryable: true });
    expect(words.detail).toBe('Retry in a moment.');
    expect(words.retryable).toBe(true);
  });

  it('has words of its own for every code the service sends', () => {
    const generic = describeError({ code: 'internal', retryable: true }).title;
    const unnamed = Object.keys(ERROR_CODES).filter((code) => code !== 'internal' && describeError({ code, retryable: false }).title === generic);
    expect(unnamed).toEqual([]);
  });

  it('falls back to a generic title for a code it does not know', () => {
    expect(describeError({ code: 'brand_new_code', message: 'Something new.', retryable: false }).title).toBe('Something went wrong on our side');
  });
});

describe('reading server-sent events from a response', () => {
  it('yields numbered frames with JSON data, across chunk boundaries, skipping keep-alive comments', async () => {
    const text = 'id: 0\nevent: metadata\ndata: {"run_id":"r1"}\n\n: keep-alive\n\nid: 1\nevent: custom\ndata: {"type":"tool","summary":"Found event Order Completed"}\n\n';
    const bytes = new TextEncoder().encode(text);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 7) controller.enqueue(bytes.slice(i, i + 7));
        controller.close();
      },
    });
    const frames = [];
    for await (const frame of readSse(new Response(body))) frames.push(frame);
    expect(frames).toEqual([
      { id: '0', event: 'metadata', data: { run_id: 'r1' } },
      { id: '1', event: 'custom', data: { type: 'tool', summary: 'Found event Order Completed' } },
    ]);
  });
});

describe('question options', () => {
  it('recognises an option that invites typing, in each language the agent speaks', () => {
    for (const option of ['Let me type a number', '数値を入力する', '讓我輸入數字', 'ขอพิมพ์ตัวเลขเอง']) expect(invitesTyping(option)).toBe(true);
    expect(invitesTyping('At least 6 orders (top 26%, 345 customers)')).toBe(false);
  });
});
