/**
 * Joins lists of like values before the sentence is split: "gold or platinum", "Japan, Taiwan
 * or Thailand", "Cat Lover and Dog Lover", "Session Started, Email Opened or …". Only values
 * that can be the same field join; "tagged X or bought Y" stays two conditions.
 */
import type { ContextCondition } from '../../../definition/schema.js';
import type { Mention, MentionOf, ValueRef } from '../recognise/mentions.js';

export type ValueMention = MentionOf<'value'> & { joint?: 'and' | 'or' };

export function refKey(ref: ValueRef): string {
  switch (ref.source) {
    case 'trait': return `trait:${ref.trait}`;
    case 'tag': return `tag:${ref.trait}`;
    case 'property': return `property:${ref.event}.${ref.property}`;
    case 'missing': return `trait:${ref.field}`;
  }
}

function commonKeys(a: readonly ValueRef[], b: readonly ValueRef[]): Set<string> {
  const bKeys = new Set(b.map(refKey));
  return new Set(a.map(refKey).filter((k) => bKeys.has(k)));
}

/** Only list words join ("gold, silver or platinum"); "but" and "who" never do. */
const LIST_WORDS = new Set([',', 'or', 'and', 'and/or', '&', 'or else']);

function isJoiner(m: Mention | undefined): m is MentionOf<'connector'> {
  return m?.kind === 'connector' && !m.attach && (m.op === 'or' || m.op === 'and') && LIST_WORDS.has(m.text.toLowerCase());
}

/** The word joining the last two values of a list that starts at `i` ("…, Home or Toys" → or). */
function finalJoiner(mentions: readonly Mention[], i: number): 'and' | 'or' | undefined {
  let op: 'and' | 'or' | undefined;
  let j = i + 1;
  while (isJoiner(mentions[j])) {
    let k = j;
    while (isJoiner(mentions[k + 1])) k++;
    if (mentions[k + 1]?.kind !== 'value') break;
    for (let x = j; x <= k; x++) {
      const c = mentions[x] as MentionOf<'connector'>;
      if (c.text !== ',') op = c.op === 'or' ? 'or' : 'and';
    }
    j = k + 2;
  }
  return op;
}

type ContextMention = MentionOf<'context'>;
interface SetCondition {
  field: ContextCondition['field'];
  name?: string;
  op: 'in';
  value: string[];
}

/** The one "is one of" test a fact of the visit is (device, country, city, OS, browser, day, named value). */
function setOf(m: ContextMention): SetCondition | undefined {
  const [c] = m.conditions;
  return m.conditions.length === 1 && c && c.op === 'in' && Array.isArray(c.value) ? (c as SetCondition) : undefined;
}

function joinSets(a: ContextMention, b: ContextMention): ContextMention | undefined {
  const x = setOf(a);
  const y = setOf(b);
  if (!x || !y || x.field !== y.field || x.name !== y.name) return undefined;
  const condition = { ...x, value: [...new Set([...x.value, ...y.value])] } as ContextCondition;
  return { ...a, conditions: [condition] };
}

export function coalesce(mentions: readonly Mention[]): Mention[] {
  const out: Mention[] = [];
  let i = 0;
  while (i < mentions.length) {
    const m = mentions[i]!;
    if (m.kind === 'value') {
      let merged: ValueMention = { ...m };
      let j = i + 1;
      const joints: Array<'and' | 'or'> = [];
      // "Apparel, Home or Toys": commas take the word that ends the list.
      const listOp = finalJoiner(mentions, i);
      while (isJoiner(mentions[j])) {
        // ", or" and ", and" are one joint.
        let k = j;
        const first = mentions[k] as MentionOf<'connector'>;
        let op: 'and' | 'or' = first.op === 'or' || (first.text === ',' && listOp === 'or') ? 'or' : 'and';
        while (isJoiner(mentions[k + 1])) {
          k++;
          if ((mentions[k] as MentionOf<'connector'>).op === 'or') op = 'or';
        }
        const next = mentions[k + 1];
        if (next?.kind !== 'value') break;
        const keys = commonKeys(merged.refs, next.refs);
        // "bought Beauty and Electronics" is two purchases; "from Japan and Taiwan" is either country.
        if (op === 'and') for (const k of [...keys]) if (k.startsWith('property:')) keys.delete(k);
        if (keys.size === 0) break;
        merged = {
          ...merged,
          refs: [...merged.refs, ...next.refs].filter((r) => keys.has(refKey(r))),
          end: next.end,
          text: `${merged.text}, ${next.text}`,
        };
        joints.push(op);
        j = k + 2;
      }
      if (joints.length) merged.joint = joints.includes('or') ? 'or' : 'and';
      out.push(merged);
      i = j;
      continue;
    }
    if (m.kind === 'context' && setOf(m)) {
      // "on mobile or tablet", "from Germany and Austria", "on Mondays and Fridays": one visit is either.
      let merged = m;
      let j = i + 1;
      while (isJoiner(mentions[j])) {
        let k = j;
        while (isJoiner(mentions[k + 1])) k++;
        const next = mentions[k + 1];
        const joined = next?.kind === 'context' ? joinSets(merged, next) : undefined;
        if (!joined || !next) break;
        merged = { ...joined, end: next.end, text: `${merged.text}, ${next.text}` };
        j = k + 2;
      }
      out.push(merged);
      i = j;
      continue;
    }
    if (m.kind === 'event_name') {
      let events = [...m.events];
      let end = m.end;
      let j = i + 1;
      while (isJoiner(mentions[j])) {
        let k = j;
        while (isJoiner(mentions[k + 1])) k++;
        const next = mentions[k + 1];
        if (next?.kind !== 'event_name') break;
        events = [...events, ...next.events];
        end = next.end;
        j = k + 2;
      }
      out.push({ ...m, events, end });
      i = j;
      continue;
    }
    out.push(m);
    i++;
  }
  return out;
}
