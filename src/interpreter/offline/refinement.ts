/**
 * Follow-up messages that change the current draft instead of starting over: "also exclude the
 * Blocklist", "make it 60 days instead", "only gold members", "also include Japan", "or
 * platinum members". The changed part is read with the same parser as any request.
 */
import type { Rewrite } from './text/shorthand.js';
import type { AudienceDefinition, Condition, Group, Window } from '../../definition/schema.js';
import type { Unplaced } from './clarify/unplaced.js';
import type { Language } from '../types.js';
import { buildDefinitionParts } from './assemble/build.js';
import { treeDrafts } from './assemble/sentence.js';
import { readText, type ReadEnv, type Reading } from './read.js';
import { amountAt, toDuration, unitAt } from './recognise/time-units.js';
import { normalizePrompt } from './text/normalize.js';
import { tokenize } from './text/tokenize.js';
import { toParserEnglish } from './translate/index.js';
import { detectLanguage } from './language.js';

const LEAD = /^(?:please\s+|ok(?:ay)?,?\s+|actually,?\s+|now\s+|then\s+|and\s+|but\s+|also\s+|can you\s+|could you\s+|let's\s+)*/i;
const REFINING = /^(?:also|and|but|plus|only|just|now|then|make it|make that|change|switch|instead|exclude|excluding|except|remove|drop|add|include|without|limit|restrict|narrow|expand|widen|same|use|what about|how about|keep|not|no|or|rather|actually|ok|okay|please (?:also|exclude|add|remove|only|make|change))\b/i;
const REFINING_ANYWHERE = /\b(instead|as well|too|rather than|on top of that|in addition)\b|(改成|改為|改用|另外|也要|再加|只要|排除|去掉|加上|代わりに|だけ|除外|追加|แทน|ด้วย|เฉพาะ|ยกเว้น|เพิ่ม)/i;

/** Whether a message changes the current draft rather than describing a new audience. */
export function isRefinement(prompt: string): boolean {
  const text = toParserEnglish(normalizePrompt(prompt), detectLanguage(prompt)).trim();
  return REFINING.test(text) || REFINING_ANYWHERE.test(text) || REFINING_ANYWHERE.test(prompt);
}

type Action = 'exclude' | 'only' | 'add' | 'or' | 'remove_condition' | 'change';

function classify(text: string): { action: Action; payload: string } {
  const t = text.replace(LEAD, '').trim();
  const m = /^(exclude|excluding|except(?: for)?|without|minus|remove|drop|take out|filter out|leave out)\s+(.*)$/i.exec(t);
  if (m) {
    const payload = m[2]!;
    // "remove the Germany condition" drops a condition; "remove buyers" excludes people.
    if (/^(remove|drop|take out)$/i.test(m[1]!) && /\b(condition|filter|criteri(on|a)|requirement|rule|part)\b/i.test(payload)) return { action: 'remove_condition', payload };
    return { action: 'exclude', payload };
  }
  const only = /^(only|just|limit(?: it| this)? to|restrict(?: it| this)? to|narrow(?: it| this)? (?:down )?to|keep only)\s+(.*)$/i.exec(t);
  if (only) return { action: 'only', payload: only[2]! };
  const or = /^(or|also include|include|expand(?: it)? to include|widen(?: it)? to include)\s+(.*)$/i.exec(t);
  if (or) return { action: 'or', payload: or[2]! };
  const add = /^(add|plus|also|and|with)\s+(.*)$/i.exec(t);
  if (add) return { action: 'add', payload: add[2]! };
  // "make it desktop instead", "switch to tablet": what follows is the new condition.
  const change = /^(?:make (?:it|that|this)|switch (?:it |this |that )?to|change (?:it |this |that )?to|set (?:it |this )?to|use)\s+(.*)$/i.exec(t);
  return { action: 'change', payload: change ? change[1]! : t };
}

export interface Refined {
  definition: AudienceDefinition;
  notUnderstood: string[];
  unplaced: Unplaced[];
  readAs: Rewrite[];
}

export function refine(prompt: string, current: AudienceDefinition, language: Language, env: ReadEnv): Refined | undefined {
  const english = toParserEnglish(normalizePrompt(prompt), language);
  const { action, payload } = classify(english.replace(/\b(instead|as well|too)\b\.?/gi, '').replace(/[.!]+$/, '').trim());
  const window = windowChange(english);
  if (window && (action === 'change' || action === 'add')) return changeWindows(current, window);

  // A follow-up to a live draft is about the visit too: "only from France" is where the visit is.
  const reading = readText(payload, 'en', { ...env, ...(isLive(current) ? { live: true } : {}) });
  if (reading.issues.length) return undefined;
  const conditions = readingConditions(reading);
  if (!conditions.length) return undefined;
  const root = structuredClone(current.root);
  const exclude = structuredClone(current.exclude);
  switch (action) {
    case 'exclude':
      if (exclude.length >= 5) return undefined;
      exclude.push({ name: exclusionName(payload, conditions), root: { type: 'group', op: 'and', conditions } });
      break;
    case 'remove_condition': {
      const keys = new Set(conditions.map(conditionKey));
      const kept = root.conditions.filter((c) => !keys.has(conditionKey(c)));
      if (!kept.length || kept.length === root.conditions.length) return undefined;
      root.conditions = kept;
      break;
    }
    case 'only':
    case 'change':
      for (const c of conditions) replaceOrAdd(root, c);
      break;
    case 'add':
      for (const c of conditions) unionOrAdd(root, c);
      break;
    case 'or': {
      const [first] = conditions;
      if (conditions.length === 1 && first && unionSameField(root, first)) break;
      return { definition: { version: 1, root: { type: 'group', op: 'or', conditions: [root, { type: 'group', op: 'and', conditions }] }, exclude }, notUnderstood: reading.notUnderstood, unplaced: reading.unplaced, readAs: reading.readAs };
    }
  }
  return { definition: { version: 1, root, exclude }, notUnderstood: reading.notUnderstood, unplaced: reading.unplaced, readAs: reading.readAs };
}

function readingConditions(reading: Reading): Condition[] {
  if (treeDrafts(reading.tree).some((d) => d.kind === 'vague')) return [];
  return buildDefinitionParts(reading.tree, reading.anchors).root.conditions;
}

/** What a condition is about: the same trait, list or event (with the same filtered properties). */
function conditionKey(c: Condition): string {
  switch (c.type) {
    case 'trait': return `trait:${c.trait}`;
    case 'list': return `list:${c.list}`;
    case 'context': return `context:${c.field}:${'name' in c ? c.name : ''}`;
    case 'group': return `group:${c.conditions.map(conditionKey).join('|')}`;
    default: return `${c.type}:${c.events.join(',')}:${c.filters.map((f) => f.property).sort().join(',')}`;
  }
}

function replaceOrAdd(root: Group, c: Condition) {
  const i = root.conditions.findIndex((x) => conditionKey(x) === conditionKey(c));
  if (i >= 0) root.conditions[i] = c;
  else root.conditions.push(c);
}

function isLive(def: AudienceDefinition): boolean {
  const visit = (c: Condition): boolean => (c.type === 'group' ? c.conditions.some(visit) : c.type === 'context');
  return visit(def.root) || def.exclude.some((e) => visit(e.root));
}

/** "or tablet" next to "on mobile", "also on Sundays" next to "on Saturdays": either. */
function unionContext(root: Group, c: Condition): boolean {
  if (c.type !== 'context' || c.op !== 'in' || !Array.isArray(c.value)) return false;
  const i = root.conditions.findIndex((x) => x.type === 'context' && conditionKey(x) === conditionKey(c) && x.op === 'in');
  if (i < 0) return false;
  const old = root.conditions[i] as typeof c;
  root.conditions[i] = { ...old, value: [...new Set([...(old.value as string[]), ...(c.value as string[])])] } as Condition;
  return true;
}

/** "also from Japan" next to "from Germany": either country. */
function unionSameField(root: Group, c: Condition): boolean {
  if (unionContext(root, c)) return true;
  if (c.type !== 'trait' || (c.op !== 'eq' && c.op !== 'in' && c.op !== 'contains_any')) return false;
  const i = root.conditions.findIndex((x) => x.type === 'trait' && x.trait === c.trait && (x.op === 'eq' || x.op === 'in' || x.op === 'contains_any'));
  if (i < 0) return false;
  const old = root.conditions[i] as Extract<Condition, { type: 'trait' }>;
  const values = (x: Extract<Condition, { type: 'trait' }>) => ('value' in x ? (Array.isArray(x.value) ? x.value : [x.value]) : []) as Array<string | number | boolean>;
  const merged = [...new Set([...values(old), ...values(c)])];
  root.conditions[i] = c.op === 'contains_any' ? { type: 'trait', trait: c.trait, op: 'contains_any', value: merged.map(String) } : { type: 'trait', trait: c.trait, op: 'in', value: merged };
  return true;
}

function unionOrAdd(root: Group, c: Condition) {
  if (!unionSameField(root, c)) root.conditions.push(c);
}

/** "make it 60 days instead", "60 days instead of 30", "use the last 2 weeks". */
function windowChange(text: string): { to: Window; from?: Window } | undefined {
  const tokens = tokenize(text);
  const durations: Window[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const amount = amountAt(tokens, i);
    const unitIndex = amount !== undefined ? i + 1 : i;
    const unit = unitAt(tokens, unitIndex);
    if (!unit) continue;
    const d = toDuration(amount ?? 1, unit);
    if (d) durations.push({ kind: 'last', ...d });
    i = unitIndex;
  }
  if (!durations.length || !/\b(instead|make it|make that|change|switch|use|extend|shorten|set|rather|window|period|go back)\b/i.test(text)) return undefined;
  const insteadOf = /\binstead of\b/i.exec(text);
  if (insteadOf && durations.length >= 2) {
    const before = text.slice(0, insteadOf.index);
    const first = durations[0]!;
    const second = durations[1]!;
    return before.length > 0 && /\d|\b(a|one|two|three|six|twelve)\b/i.test(before) ? { to: first, from: second } : { to: second, from: first };
  }
  const to = /\bto\b/i.test(text) && durations.length >= 2 ? { from: durations[0]!, to: durations[1]! } : undefined;
  return to ?? { to: durations.at(-1)! };
}

function changeWindows(current: AudienceDefinition, change: { to: Window; from?: Window }): Refined | undefined {
  const def = structuredClone(current);
  let changed = 0;
  const same = (a: Window, b: Window) => JSON.stringify(a) === JSON.stringify(b);
  const visit = (c: Condition) => {
    if (c.type === 'group') return c.conditions.forEach(visit);
    if ((c.type === 'event' || c.type === 'aggregate') && c.window && (!change.from || same(c.window, change.from))) {
      c.window = change.to;
      changed++;
    }
  };
  visit(def.root);
  def.exclude.forEach((e) => visit(e.root));
  if (!changed && change.to.kind === 'last') {
    const to = change.to;
    const visitRecency = (c: Condition) => {
      if (c.type === 'group') return c.conditions.forEach(visitRecency);
      if (c.type === 'recency' && c.op !== 'never') {
        c.amount = to.amount;
        c.unit = to.unit;
        changed++;
      }
    };
    visitRecency(def.root);
  }
  return changed ? { definition: def, notUnderstood: [], unplaced: [], readAs: [] } : undefined;
}

/** What the user calls the excluded people: the list's own name, else their words. */
function exclusionName(payload: string, conditions: Condition[]): string {
  const [only] = conditions;
  if (conditions.length === 1 && only?.type === 'list') return only.list;
  const words = payload.replace(/^(the|all|any|anyone|everyone|people|customers|those)\s+(who\s+)?/i, '').trim();
  return (words || 'Excluded').slice(0, 200);
}
