/**
 * Phrase tables built from one workspace's catalog: its values (and everyday names for them),
 * tags, lists, traits, boolean traits, event properties, event names and glossary terms.
 * Everything the parser resolves to comes from here, so it never invents a name.
 */
import { perCatalog } from '../../../catalog/per-catalog.js';
import { CATALOG_TOP_VALUES, type Catalog, type EventInfo, type PropertyInfo, type TraitInfo } from '../../../catalog/types.js';
import { FILLER_WORDS } from '../lexicon/filler-words.js';
import { CHANNEL_WORDS, PROPERTY_WORDS, STATE_WORDS, TRAIT_WORDS } from '../lexicon/trait-words.js';
import { COMMON_COUNTRIES, VALUE_ALIASES } from '../lexicon/value-aliases.js';
import { familiesOf, familyOfValue, kindOfField, type FamilyKind } from '../../../vocabulary/value-families.js';
import type { ValueRef } from '../recognise/mentions.js';
import { PhraseTable } from '../text/phrase-table.js';
import { glossaryForms } from './glossary-forms.js';
import { reachableForms, reachableTerm } from './channel-words.js';
import { textWords, vocabularyOf, type Vocabulary } from '../../../vocabulary/vocabulary.js';
import { rolesOf, type Roles } from '../../../vocabulary/roles.js';
import { says } from '../../../vocabulary/word-sense.js';
import { lemmas } from '../../../vocabulary/lemma.js';
import { NAME_ABBREVIATIONS, nameWords, splitName } from '../../../vocabulary/name-words.js';
import { lexiconWords } from '../lexicon/known-words.js';
import { Speller } from '../text/spelling.js';

export interface CatalogIndex {
  catalog: Catalog;
  values: PhraseTable<ValueRef>;
  lists: PhraseTable<string>;
  traits: PhraseTable<string>;
  booleans: PhraseTable<{ trait: string; value: boolean }>;
  properties: PhraseTable<{ property: string; events: string[] }>;
  eventNames: PhraseTable<string>;
  glossary: PhraseTable<{ term: string; negated: boolean }>;
  /** The list trait holding tags, if any. */
  tagTrait?: string;
  /** The catalog as words, and the parts its events and traits play. */
  vocab: Vocabulary;
  roles: Roles;
  /** Words of the event names ("export", "watchlist"), lemma → whether they say an act or a thing. */
  eventWords: ReadonlyMap<string, 'act' | 'thing'>;
  /** Corrects misspelt words to the reader's and the workspace's own words. */
  speller: Speller;
  /** Words of the workspace's trait names ("loyalty" of loyalty.tier): never read as vague words. */
  nameWords: ReadonlySet<string>;
  event(name: string): EventInfo | undefined;
  trait(name: string): TraitInfo | undefined;
}

export const catalogIndex: (catalog: Catalog) => CatalogIndex = perCatalog(buildIndex);

const spaced = (name: string) => name.replace(/[_.]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').trim();

/** Values worth finding in free text: short labels, not ids, sentences or tiny codes. */
function usableValue(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const v = value.trim();
  if (v.length < 2 || v.split(/\s+/).length > 5) return false;
  if (FILLER_WORDS.has(v.toLowerCase())) return false;
  if (v.length < 3 && v !== v.toUpperCase()) return false;
  return true;
}

function idLike(p: PropertyInfo): boolean {
  return /(^|_)id$/i.test(p.name) || (p.distinct > 50 && p.distinct > p.count / 2);
}

function addValue(table: PhraseTable<ValueRef>, value: string, ref: ValueRef) {
  const short = value.length <= 3 && value === value.toUpperCase();
  table.add(value, ref, { caseSensitive: short });
}

function buildValues(catalog: Catalog, tagTrait: string | undefined, roles: Roles): PhraseTable<ValueRef> {
  const table = new PhraseTable<ValueRef>();
  const roleKind = new Map<string, FamilyKind>();
  for (const kind of ['country', 'language', 'gender', 'platform'] as const) {
    const trait = roles.traits[kind]?.trait;
    if (trait) roleKind.set(trait, kind);
  }
  /** The value itself, and every other form of it ("Germany", "DE", "DEU", "ドイツ"). */
  const addForms = (value: string, kind: FamilyKind | undefined, ref: ValueRef) => {
    if (usableValue(value)) addValue(table, value, ref);
    const family = kind ? familyOfValue(value, kind) : undefined;
    if (!family) return;
    for (const f of family.forms) if (f !== value.toLowerCase()) table.add(f, ref);
    for (const f of family.exact) if (f !== value) table.add(f, ref, { caseSensitive: true });
  };
  for (const t of catalog.traits) {
    // The tag list's values come from the catalog's tags when it has them, else from the trait itself.
    if (t.pii || (t.type !== 'string' && t.type !== 'string[]') || (t.name === tagTrait && catalog.tags.length > 0)) continue;
    const kind = roleKind.get(t.name) ?? kindOfField(t.name);
    // A list trait's values are held like tags: "favourite genres include Anime", "features: Automations".
    const ref = (value: string): ValueRef => (t.type === 'string[]' ? { source: 'tag', trait: t.name, value } : { source: 'trait', trait: t.name, value });
    for (const { value } of t.topValues) if (typeof value === 'string') addForms(value, kind, ref(value));
    // "Spain" where the workspace has a country trait but nobody from Spain: worth saying so.
    if ((kind === 'country' || kind === 'language') && t.topValues.length > 0 && t.topValues.length < CATALOG_TOP_VALUES) {
      const held = new Set(t.topValues.map((v) => (typeof v.value === 'string' ? familyOfValue(v.value, kind)?.key : undefined)));
      for (const f of familiesOf(kind)) {
        if (held.has(f.key) || (kind === 'country' && !COMMON_COUNTRIES.includes(f.key))) continue;
        const ref: ValueRef = { source: 'missing', field: t.name, value: f.forms[0] ?? f.key };
        f.forms.forEach((w) => table.add(w, ref));
      }
    }
  }
  if (tagTrait) for (const { value } of catalog.tags) if (typeof value === 'string') table.add(value, { source: 'tag', trait: tagTrait, value });
  for (const e of catalog.events) {
    for (const p of e.properties) {
      if (p.type !== 'string' || idLike(p)) continue;
      const kind = kindOfField(p.name);
      for (const { value } of p.topValues) if (typeof value === 'string') addForms(value, kind, { source: 'property', event: e.name, property: p.name, value });
    }
  }
  for (const alias of VALUE_ALIASES) {
    for (const ref of aliasRefs(catalog, alias.value, alias.field)) for (const w of alias.words) table.add(w, ref);
  }
  return table;
}

function holds(values: readonly { value: unknown }[], wanted: string): string | undefined {
  const exact = values.find((v) => v.value === wanted);
  if (exact) return wanted;
  const loose = values.find((v) => typeof v.value === 'string' && v.value.toLowerCase() === wanted.toLowerCase());
  return loose?.value as string | undefined;
}

function aliasRefs(catalog: Catalog, value: string, field: RegExp): ValueRef[] {
  const refs: ValueRef[] = [];
  for (const t of catalog.traits) {
    if (t.pii || !field.test(t.name)) continue;
    const held = holds(t.topValues, value);
    if (held !== undefined) refs.push({ source: 'trait', trait: t.name, value: held });
  }
  for (const e of catalog.events) {
    for (const p of e.properties) {
      if (!field.test(p.name)) continue;
      const held = holds(p.topValues, value);
      if (held !== undefined) refs.push({ source: 'property', event: e.name, property: p.name, value: held });
    }
  }
  return refs;
}

/** Nouns too general to name a trait on their own. */
const GENERIC_HEADS = new Set(['score', 'rate', 'ratio', 'size', 'name', 'time', 'owner', 'source', 'version', 'total', 'amount', 'at', 'date']);

/** Words that end a name without saying what it holds: `LTV_EUR`, `LONGEST_STREAK_DAYS`, `trialEndsAt`. */
const NAME_TAILS = new Set(['eur', 'usd', 'gbp', 'jpy', 'days', 'day', 'at', 'on', 'date', 'ts', 'timestamp', 'pct', 'percent', 'mb', 'flag', 'id', 'code']);

/**
 * How a trait is said: its name in words (`LTV_EUR` is "lifetime value", "ltv"), without a unit or
 * date suffix, by the noun that ends it when no other trait ends so ("goal" for `FITNESS_GOAL`),
 * and the everyday words for well-known traits.
 */
function buildTraits(catalog: Catalog): PhraseTable<string> {
  const table = new PhraseTable<string>();
  const heads = new Map<string, string[]>();
  for (const t of catalog.traits) {
    table.add(spaced(t.name), t.name);
    const words = nameWords(t.name);
    table.add(words.join(' '), t.name);
    const core = [...words];
    while (core.length > 1 && NAME_TAILS.has(core.at(-1)!)) core.pop();
    if (core.length > 1 || !FILLER_WORDS.has(core[0]!)) table.add(core.join(' '), t.name);
    for (const w of splitName(t.name)) if (NAME_ABBREVIATIONS[w] && NAME_ABBREVIATIONS[w]!.includes(' ')) table.add(w, t.name);
    const head = core.at(-1)!;
    if (core.length > 1 && !FILLER_WORDS.has(head)) heads.set(head, [...(heads.get(head) ?? []), t.name]);
    for (const group of TRAIT_WORDS) if (group.field.test(t.name)) group.words.forEach((w) => table.add(w, t.name));
  }
  // A head noun an event or its property also has ("score", "bookings") or a measuring word is not the trait's alone.
  const propertyWords = new Set(catalog.events.flatMap((e) => [...nameWords(e.name), ...e.properties.flatMap((p) => nameWords(p.name))].flatMap((w) => lemmas(w))));
  for (const [head, traits] of heads) if (traits.length === 1 && !lemmas(head).some((l) => propertyWords.has(l)) && !GENERIC_HEADS.has(head)) table.add(head, traits[0]!);
  return table;
}

/** Words in a flag's name that say it is a flag, not what it is about ("isAdmin", "MSG-push", "PUSH_OK"). */
const FLAG_WORDS = new Set(['is', 'has', 'have', 'can', 'message', 'marketing', 'ok', 'flag', 'allowed', 'allow', 'opt', 'in', 'out', 'status', 'yes', 'no', 'accepts', 'accepted', 'consent', 'optin', 'optout', 'enabled', 'subscribed']);

/** The channel a flag is about, from its name or, failing that, its description ("Consented to marketing email"). */
function channelOf(words: readonly string[], description: string | undefined, channels: ReadonlySet<string>): string | undefined {
  const known = (w: string) => channels.has(w) || w in CHANNEL_WORDS;
  return words.find(known) ?? textWords(description ?? '').map((w) => lemmas(w).at(-1)!).find(known);
}

/**
 * Flags said in words: a channel consent ("subscribed to email", "push enabled", "opted out of
 * sms", from `email_subscribed`, `MSG-push`, `marketingOptIn` + its description) or a kind of
 * person ("admins", "is an admin", from `isAdmin`).
 */
function buildBooleans(catalog: Catalog): PhraseTable<{ trait: string; value: boolean }> {
  const table = new PhraseTable<{ trait: string; value: boolean }>();
  const channels = new Set([...Object.keys(catalog.workspace.channels).map((c) => c.toLowerCase()), ...Object.keys(CHANNEL_WORDS)]);
  for (const t of catalog.traits) {
    if (t.type !== 'boolean') continue;
    const yes = { trait: t.name, value: true };
    const no = { trait: t.name, value: false };
    const words = nameWords(t.name);
    table.add(spaced(t.name), yes);
    // "email_subscribed is true", "isAdmin = false": the flag said with its value.
    for (const name of new Set([spaced(t.name), t.name, words.join(' ')])) {
      for (const [said, value] of [['is true', yes], ['= true', yes], ['is yes', yes], ['is false', no], ['= false', no], ['is no', no], ['is not true', no]] as const) table.add(`${name} ${said}`, value);
    }
    const channel = channelOf(words, t.description, channels);
    const stateWord = words.find((w) => w in STATE_WORDS) ?? (/(allow|enabl|permi)/i.test(`${t.name} ${t.description ?? ''}`) ? 'enabled' : 'subscribed');
    if (channel) {
      const names = [channel, ...(CHANNEL_WORDS[channel] ?? [])];
      // Subscribed, enabled, allowed, opted in: for a channel these all say one thing.
      const on = [...STATE_WORDS[stateWord]!.on, ...Object.values(STATE_WORDS).flatMap((f) => f.on)];
      const off = [...STATE_WORDS[stateWord]!.off, ...Object.values(STATE_WORDS).flatMap((f) => f.off)];
      for (const c of names) {
        for (const f of new Set(on)) table.add(f.replace('{c}', c), yes);
        for (const f of new Set(off)) table.add(f.replace('{c}', c), { trait: t.name, value: false });
      }
      // "customers on LINE": a channel no event tracks can only mean being reachable there.
      const tracked = catalog.events.some((e) => nameWords(e.name).some((w) => names.includes(w) || lemmas(w).some((l) => names.includes(l)))
        || e.properties.some((p) => p.topValues.some((v) => typeof v.value === 'string' && names.includes(v.value.toLowerCase()))));
      if (!tracked) for (const c of names) table.add(c, yes);
      continue;
    }
    // "isAdmin": admins, an admin.
    const subject = words.filter((w) => !FLAG_WORDS.has(w));
    if (subject.length && subject.length <= 3 && words.length > subject.length) {
      const noun = subject.join(' ');
      for (const f of [noun, `${noun}s`, `an ${noun}`, `a ${noun}`]) table.add(f, yes);
    }
  }
  return table;
}

function buildProperties(catalog: Catalog): PhraseTable<{ property: string; events: string[] }> {
  const byName = new Map<string, string[]>();
  for (const e of catalog.events) for (const p of e.properties) byName.set(p.name, [...(byName.get(p.name) ?? []), e.name]);
  const table = new PhraseTable<{ property: string; events: string[] }>();
  const booleans = new Set(catalog.events.flatMap((e) => e.properties.filter((p) => p.type === 'boolean').map((p) => p.name)));
  for (const [property, events] of byName) {
    table.add(spaced(property), { property, events });
    // "is-international", "has_receipt": a flag is said without its verb ("international"), and as the adverb ("internationally").
    const [verb, ...rest] = nameWords(property);
    if (booleans.has(property) && rest.length && /^(is|has|was|had)$/.test(verb ?? '')) {
      const said = rest.join(' ');
      table.add(said, { property, events });
      if (rest.length === 1 && /al$/.test(said)) table.add(`${said}ly`, { property, events });
      if (rest.length === 1 && /ic$/.test(said)) table.add(`${said}ally`, { property, events });
    }
    for (const group of PROPERTY_WORDS) if (group.field.test(property)) group.words.forEach((w) => table.add(w, { property, events }));
  }
  return table;
}

function buildLists(catalog: Catalog): PhraseTable<string> {
  const table = new PhraseTable<string>();
  for (const l of catalog.lists) {
    const forms = new Set([l.name, `${l.name} list`, `${l.name} segment`, `${l.name} audience`]);
    // "Blocklist" is also written "block list", "blocklisted".
    const compound = /^([a-z]+)(list)$/i.exec(l.name);
    if (compound) {
      forms.add(`${compound[1]} list`);
      forms.add(`${l.name}ed`);
      forms.add(`${compound[1]}-listed`);
      forms.add(`${compound[1]} listed`);
    }
    for (const f of forms) table.add(f, l.name);
  }
  return table;
}

function eventWordsOf(vocab: Vocabulary): Map<string, 'act' | 'thing'> {
  const out = new Map<string, 'act' | 'thing'>();
  for (const e of vocab.events) {
    for (const t of e.nameTerms) {
      const kind = says(t.senses, 'act') && !says(t.senses, 'thing') ? 'act' : says(t.senses, 'thing') ? 'thing' : /(ed|en)$/.test(t.text) ? 'act' : 'thing';
      for (const l of t.lemmas) if (!out.has(l)) out.set(l, kind);
    }
  }
  return out;
}

/** Every word of the workspace's names, values, lists, tags and glossary, lower case. */
function workspaceWords(catalog: Catalog, vocab: Vocabulary): Set<string> {
  const out = new Set<string>();
  const add = (text: string) => textWords(text).forEach((w) => w.length >= 3 && out.add(w));
  for (const e of vocab.events) e.nameTerms.concat(e.descTerms).forEach((t) => add(t.text));
  for (const p of vocab.properties) nameWords(p.name).forEach((w) => out.add(w));
  for (const t of vocab.traits) t.nameTerms.concat(t.descTerms).forEach((x) => add(x.text));
  const values = (vs: ReadonlyArray<{ value: unknown }>) => vs.forEach((v) => typeof v.value === 'string' && v.value.length <= 40 && add(v.value));
  for (const t of catalog.traits) if (!t.pii) values(t.topValues);
  for (const e of catalog.events) for (const p of e.properties) values(p.topValues);
  values(catalog.tags);
  catalog.lists.forEach((l) => add(l.name));
  catalog.workspace.glossary.forEach((g) => add(g.term));
  // Other forms of the values stored ("brazil" where the data says BR).
  for (const kind of ['country', 'language', 'gender', 'platform'] as const) for (const f of familiesOf(kind)) f.forms.forEach(add);
  return out;
}

function spellerOf(catalog: Catalog, vocab: Vocabulary): Speller {
  const own = workspaceWords(catalog, vocab);
  return new Speller(new Set([...lexiconWords(), ...own]), own);
}

function buildIndex(catalog: Catalog): CatalogIndex {
  const vocab = vocabularyOf(catalog);
  const roles = rolesOf(catalog);
  const tagTrait = roles.traits.tags?.trait;
  const eventNames = new PhraseTable<string>();
  for (const e of catalog.events) eventNames.add(e.name, e.name);
  const glossary = new PhraseTable<{ term: string; negated: boolean }>();
  for (const g of catalog.workspace.glossary) for (const f of glossaryForms(g.term)) glossary.add(f.form, { term: g.term, negated: f.negated });
  for (const channel of Object.keys(catalog.workspace.channels)) for (const f of reachableForms(channel)) glossary.add(f.form, { term: reachableTerm(channel), negated: f.negated });
  const events = new Map(catalog.events.map((e) => [e.name, e]));
  const traits = new Map(catalog.traits.map((t) => [t.name, t]));
  return {
    catalog,
    values: buildValues(catalog, tagTrait, roles),
    lists: buildLists(catalog),
    traits: buildTraits(catalog),
    booleans: buildBooleans(catalog),
    properties: buildProperties(catalog),
    eventNames,
    glossary,
    tagTrait,
    vocab,
    roles,
    eventWords: eventWordsOf(vocab),
    speller: spellerOf(catalog, vocab),
    nameWords: new Set(catalog.traits.flatMap((t) => nameWords(t.name))),
    event: (name) => events.get(name),
    trait: (name) => traits.get(name),
  };
}
