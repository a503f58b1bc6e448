/**
 * Reads the tokens left to right; at each place every recogniser is tried and the longest
 * match wins (ties go to the earlier recogniser). Framing and purpose phrases are skipped;
 * words nothing recognises are kept as `unknown`, so they can be reported.
 */
import type { Token } from '../text/tokenize.js';
import type { Term } from '../../../vocabulary/vocabulary.js';
import { lemmas } from '../../../vocabulary/lemma.js';
import { nameWords } from '../../../vocabulary/name-words.js';
import type { CatalogIndex } from '../resolve/catalog-index.js';
import {
  recogniseBooleanTrait, recogniseBooleanTraitWords, recogniseContains, recogniseEventName, recogniseGlossary, recogniseList, recogniseProperty,
  recognisePartialValue, recogniseSearchedValue, recogniseTrait, recogniseValue,
} from './catalog-words.js';
import { recogniseComparison, recogniseLooseSuffix, recogniseUnit } from './comparison.js';
import { liveFillerEnd, recogniseContext } from './context.js';
import { recogniseAction, recogniseObject, recogniseRepeat } from './event-words.js';
import { fillerPhraseEnd, isFillerWord, recogniseOutOfScope, recognisePronoun, recogniseSingleOrder, recogniseTagged, recogniseVague } from './intent-words.js';
import { recogniseAggregate, recogniseAgo, recogniseDateComparison, recogniseRecencyHead, recogniseTop } from './measure-words.js';
import type { Mention, MentionOf } from './mentions.js';
import { refKey } from '../structure/coalesce.js';
import type { Recognised, Recogniser, ScanEnv } from './scan-types.js';
import { recogniseConnector, recogniseNegation } from './structure-words.js';
import { recogniseUnsupportedSpan } from './unsupported-spans.js';
import { recogniseWindow } from './window.js';

/** In order of preference when two match the same words. */
const RECOGNISERS: Recogniser[] = [
  recogniseContext,
  recogniseWindow,
  recogniseAgo,
  recogniseTop,
  recogniseDateComparison,
  recogniseRecencyHead,
  recogniseBooleanTrait,
  recogniseBooleanTraitWords,
  recogniseList,
  recogniseEventName,
  recogniseGlossary,
  recogniseAggregate,
  recogniseRepeat,
  recogniseOutOfScope,
  recogniseVague,
  recogniseContains,
  recogniseValue,
  recogniseTrait,
  recogniseProperty,
  recogniseNegation,
  recogniseConnector,
  recogniseAction,
  recogniseObject,
  recogniseTagged,
  recognisePronoun,
  recogniseComparison,
  recogniseLooseSuffix,
  recogniseUnit,
  recogniseSingleOrder,
  recogniseUnsupportedSpan,
];

export function spanText(tokens: readonly Token[], start: number, end: number, source: string): string {
  return source.slice(tokens[start]!.start, tokens[end - 1]!.end);
}

export function scan(tokens: readonly Token[], env: ScanEnv, source: string): Mention[] {
  const out: Mention[] = [];
  let i = 0;
  while (i < tokens.length) {
    let best: Recognised | undefined;
    for (const r of RECOGNISERS) {
      const m = r(tokens, i, env, out.at(-1));
      if (m && m.end > i && (!best || m.end > best.end)) best = m;
    }
    // "opened an email", "left a rating": after a verb, a word that names a thing is the thing,
    // not the trait or property of that name ("whose email is missing" keeps the trait).
    // The verb the word is the object of, past the values said of it ("clicked a promotional email").
    const verb = [...out].reverse().find((m) => m.kind !== 'value' && m.kind !== 'cmp' && m.kind !== 'cmp_suffix');
    if ((best?.body.kind === 'trait_ref' || best?.body.kind === 'property_ref' || best?.body.kind === 'value' || best?.body.kind === 'boolean_trait') && verb?.kind === 'action' && !verb.light) {
      const object = recogniseObject(tokens, i, env);
      if (object?.body.kind === 'object' && object.end >= best.end && !object.body.generic) {
        // "watched a documentary": the thing watched, and the genre when the event records one.
        best = best.body.kind === 'value' ? { ...object, body: { ...object.body, refs: best.body.refs } } : object;
      }
    }
    // "made a card payment" where "card" is also a support topic, "a card payment declined" where
    // "declined" is also a loan outcome: a word that names an event with the noun next to it is part of that name.
    if (best?.body.kind === 'value' && best.end === i + 1) {
      const word = recogniseObject(tokens, i, env) ?? recogniseAction(tokens, i, env, out.at(-1));
      const term = word?.body.kind === 'object' || word?.body.kind === 'action' ? word.body.term : undefined;
      const next = recogniseObject(tokens, i + 1, env);
      const before = out.at(-1);
      const together = term !== undefined && word!.end === best.end
        && ((next?.body.kind === 'object' && namedTogether(term, next.body.term, env.index)) || (before?.kind === 'object' && namedTogether(before.term, term, env.index)));
      if (together && word!.body.kind === 'object') best = { ...word!, body: { ...word!.body, refs: best.body.refs } };
      else if (together) best = word;
    }
    // "a lifetime value above €1,000" where the workspace keeps one: the trait, not a sum of purchases.
    if (best?.body.kind === 'aggregate') {
      const trait = recogniseTrait(tokens, i, env);
      if (trait?.body.kind === 'trait_ref' && trait.end >= best.end && env.index.trait(trait.body.trait)?.type === 'number') best = trait;
    }
    // "an active membership status": a glossary word said of the trait that holds it as a value is that value.
    if (best?.body.kind === 'glossary') {
      const value = recogniseValue(tokens, i, env);
      const named = value?.body.kind === 'value' ? value.body.refs.flatMap((r) => (r.source === 'trait' ? [r.trait] : [])) : [];
      const after = value ? [0, 1, 2].map((k) => recogniseTrait(tokens, value.end + k, env)).filter((t) => t?.body.kind === 'trait_ref') : [];
      if (value && value.end >= best.end && after.some((t) => t?.body.kind === 'trait_ref' && named.includes(t.body.trait))) best = value;
    }
    // "Premium", "lapsed", "churn risk": a vague word the workspace holds as a value or names a trait by is that.
    if (best?.body.kind === 'vague') {
      const named = [recogniseValue(tokens, i, env), recogniseTrait(tokens, i, env), recogniseBooleanTrait(tokens, i, env)].find((r) => r && r.end >= best!.end);
      if (named) best = named;
      // "loyalty members" where traits are named loyalty.tier, loyalty.points: a word of the workspace's names is not vague.
      else if (best.end === i + 1 && env.index.nameWords.has(tokens[i]!.norm)) best = undefined;
    }
    const prev = out.at(-1);
    // "on the Standard plan" where ACCOUNT_PLAN holds Standard: a word of that trait's name right after its value says the trait.
    if (prev?.kind === 'value' && prev.end === i && best?.body.kind !== 'trait_ref') {
      const word = lemmas(tokens[i]!.norm);
      const trait = prev.refs.flatMap((r) => (r.source === 'trait' ? [r.trait] : [])).find((t) => nameWords(t).some((w) => lemmas(w).some((l) => word.includes(l))));
      if (trait) best = { end: i + 1, body: { kind: 'trait_ref', trait } };
    }
    const lead = prev?.kind === 'connector' ? prev.text.toLowerCase() : '';
    // "whose email is missing", "has an email": after "whose" or "has", a word naming a trait is the trait.
    const owner = ['whose', 'their', 'his', 'her', 'has', 'have', 'having'].includes(tokens[i - 1]?.norm ?? '') || ['whose', 'has', 'have', 'having'].includes(leadWord(tokens, i) ?? '');
    if (best && best.body.kind !== 'trait_ref' && best.body.kind !== 'boolean_trait' && (lead === 'whose' || owner)) {
      const trait = recogniseTrait(tokens, i, env);
      if (trait && trait.end >= best.end) best = trait;
    }
    // "who joined this year": after "who", a verb is what they did, even where a trait is named for it.
    // "users who cancelled": a verb form there is the act, even where a status holds the word as a value.
    const verbForm = best?.body.kind === 'value' && /(ed|en)$/.test(tokens[i]!.norm) && best.end === i + 1;
    if ((best?.body.kind === 'trait_ref' || verbForm) && (['who', 'that', 'and', 'but', 'or', 'either'].includes(lead) || prev?.kind === 'neg')) {
      const action = recogniseAction(tokens, i, env, prev);
      if (action?.body.kind === 'action' && !action.body.light && action.end >= best!.end) best = action;
    }
    // "in the uk or us": after a value and "or", a code written in lower case is still that code.
    if (!best && prev?.kind === 'connector' && (prev.op === 'or' || prev.op === 'and') && out.at(-2)?.kind === 'value') {
      const upper = { ...tokens[i]!, text: tokens[i]!.text.toUpperCase() };
      const coded = recogniseValue([...tokens.slice(0, i), upper, ...tokens.slice(i + 1)], i, env);
      const before = out.at(-2) as MentionOf<'value'>;
      if (coded?.body.kind === 'value' && coded.end === i + 1 && coded.body.refs.some((r) => before.refs.some((b) => refKey(b) === refKey(r)))) best = coded;
    }
    const fillerEnd = Math.max(fillerPhraseEnd(tokens, i) ?? -1, liveFillerEnd(tokens, i, env) ?? -1);
    if (fillerEnd > i && (!best || fillerEnd >= best.end)) {
      i = fillerEnd;
      continue;
    }
    if (best) {
      const lead = best.body.kind === 'value' ? leadWord(tokens, i) : undefined;
      out.push({ ...best.body, ...(lead ? { lead } : {}), start: i, end: best.end, text: spanText(tokens, i, best.end, source) });
      i = best.end;
      continue;
    }
    const t = tokens[i]!;
    const searched = isFillerWord(t) ? undefined : recogniseSearchedValue(tokens, i, env) ?? recognisePartialValue(tokens, i, env);
    if (searched) {
      out.push({ ...searched.body, start: i, end: searched.end, text: spanText(tokens, i, searched.end, source) });
      i = searched.end;
      continue;
    }
    if (!isFillerWord(t) && t.kind !== 'punct') out.push({ kind: 'unknown', start: i, end: i + 1, text: t.text });
    i++;
  }
  return nounsBeforeActs(out, tokens, env);
}

/** The word before a span, past articles ("from the newsletter" → from). */
function leadWord(tokens: readonly Token[], i: number): string | undefined {
  let k = i - 1;
  while (k >= 0 && ['the', 'a', 'an', 'our', 'their'].includes(tokens[k]!.norm)) k--;
  return tokens[k]?.norm;
}

/** "3 email clicks", "push opens": a value right before an act said as a noun is the thing acted on. */
function nounsBeforeActs(out: Mention[], tokens: readonly Token[], env: ScanEnv): Mention[] {
  return out.map((m, k) => {
    const next = out[k + 1];
    if (m.kind !== 'value' || next?.kind !== 'action' || next.light || next.start !== m.end) return m;
    const object = recogniseObject(tokens, m.start, env);
    return object?.body.kind === 'object' && object.end === m.end ? { ...object.body, refs: m.refs, start: m.start, end: m.end, text: m.text } : m;
  });
}

/** Whether one event's name holds both words ("card" and "payment" in card.payment.settled). */
function namedTogether(a: Term, b: Term, index: CatalogIndex): boolean {
  const has = (terms: readonly Term[], t: Term) => terms.some((n) => n.lemmas.some((l) => t.lemmas.includes(l)));
  return index.vocab.events.some((e) => has(e.nameTerms, a) && has(e.nameTerms, b));
}
