/**
 * The shape of a request beyond "and" and "or" between neighbours (split.ts):
 * - a choice between whole clauses, marked by "either … or …" or by ", or anyone who …";
 * - audiences taken away: everything after "excluding", "except", "leave out", "other than".
 * Each clause inside is split into parts and alternatives as before; a choice's branches and an
 * exclusion are shapes of their own, so they nest.
 */
import type { Mention, MentionOf } from '../recognise/mentions.js';
import { splitParts, type Part } from './split.js';

/** In reading order, joined by "and": parts, and choices of which one branch holds ("either A or B"). */
export type ShapeItem = { kind: 'part'; part: Part } | { kind: 'choice'; branches: Shape[] };

export interface Shape {
  items: ShapeItem[];
  /** Taken away from the audience, each with the words that said it. */
  exclusions: Array<{ text: string; shape: Shape }>;
}

const isConnector = (m: Mention | undefined, op?: MentionOf<'connector'>['op']): m is MentionOf<'connector'> =>
  m?.kind === 'connector' && (op === undefined || m.op === op);

/** Where a choice's last branch stops: ", and who …" or "; " goes back to the whole audience. */
function branchEnd(ms: readonly Mention[], from: number): number {
  for (let k = from; k < ms.length; k++) {
    const m = ms[k]!;
    const next = ms[k + 1];
    if (isConnector(m, 'and') && m.text === ',' && isConnector(next, 'and') && next.text !== ',') return k;
    if (isConnector(m, 'and') && /^(;|and who|and are|and have|and has|and that|but who)$/i.test(m.text)) return k;
  }
  return ms.length;
}

/** The "or" an "either" pairs with: one after a comma if there is, else the first. */
function pairedOr(ms: readonly Mention[], either: number, end: number): number | undefined {
  const ors: number[] = [];
  for (let k = either + 1; k < end; k++) if (isConnector(ms[k], 'or')) ors.push(k);
  return ors.find((k) => isConnector(ms[k - 1], 'and') && ms[k - 1]!.text === ',') ?? ors.find((k) => (ms[k] as MentionOf<'connector'>).wide) ?? ors[0];
}

/** The words as written from the first mention to the last (fillers included: "anyone who already got a refund"). */
export type SpanText = (start: number, end: number) => string;

const text = (ms: readonly Mention[], span: SpanText | undefined) => {
  const [first, last] = [ms[0], ms.at(-1)];
  if (span && first && last) return span(first.start, last.end).replace(/^[\s,;]+|[\s,;.]+$/g, '');
  return ms.map((m) => m.text).join(' ').trim();
};

const empty = (): Shape => ({ items: [], exclusions: [] });

function join(...shapes: Shape[]): Shape {
  return { items: shapes.flatMap((s) => s.items), exclusions: shapes.flatMap((s) => s.exclusions) };
}

const choice = (branches: Shape[]): Shape => ({ items: [{ kind: 'choice', branches }], exclusions: [] });

/** Heads that stand for one audience each: "the blocklist and beta testers" are two to take away. */
const SINGLE_HEADS = new Set<Mention['kind']>(['list', 'value', 'glossary', 'boolean_trait', 'trait_ref']);

function exclusionsOf(ms: readonly Mention[], span: SpanText | undefined): Shape['exclusions'] {
  const shape = clauseShape(ms);
  const parts = shape.items.flatMap((i) => (i.kind === 'part' ? [i.part] : []));
  const standalone = parts.length === shape.items.length && parts.length > 1
    && parts.every((p) => p.alternatives.every((a) => a.mentions.filter((m) => SINGLE_HEADS.has(m.kind)).length === 1 && a.mentions.every((m) => SINGLE_HEADS.has(m.kind) || m.kind === 'neg')));
  if (!standalone) return [{ text: text(ms, span), shape }];
  return parts.map((p) => ({ text: text(p.alternatives.flatMap((a) => a.mentions), span), shape: { items: [{ kind: 'part', part: p }], exclusions: [] } }));
}

/** A clause with its choices, without exclusions. */
function clauseShape(ms: readonly Mention[]): Shape {
  const either = ms.findIndex((m) => isConnector(m, 'either'));
  // ", or did 8+ HIIT workouts": after a comma, an "or" followed by what was done starts a clause of its own.
  const predicate = new Set<Mention['kind']>(['action', 'neg', 'recency_head', 'aggregate', 'cmp']);
  const wide = ms.findIndex((m, k) => isConnector(m, 'or') && (m.wide || (ms[k - 1]?.text === ',' && predicate.has(ms[k + 1]?.kind ?? 'unknown') && ms.slice(0, k - 1).some((x) => predicate.has(x.kind)))));
  if (either >= 0) {
    const end = branchEnd(ms, either + 1);
    const or = pairedOr(ms, either, end);
    if (or === undefined) return clauseShape([...ms.slice(0, either), ...ms.slice(either + 1)]);
    const left = clauseShape(ms.slice(either + 1, or));
    const right = clauseShape(ms.slice(or + 1, end));
    return join(plain(ms.slice(0, either)), choice([left, right]), clauseShape(ms.slice(end)));
  }
  if (wide >= 0) {
    // ", or anyone who …": what was said before is one branch, what follows the other.
    const end = branchEnd(ms, wide + 1);
    const left = clauseShape(ms.slice(0, wide));
    const right = clauseShape(ms.slice(wide + 1, end));
    return join(choice([left, right]), clauseShape(ms.slice(end)));
  }
  return plain(ms);
}

function plain(ms: readonly Mention[]): Shape {
  return { items: splitParts(ms).map((part) => ({ kind: 'part', part })), exclusions: [] };
}

export function shapeOf(ms: readonly Mention[], span?: SpanText): Shape {
  const cut = ms.findIndex((m) => isConnector(m, 'except'));
  if (cut < 0) return clauseShape(ms);
  const main = cut === 0 ? empty() : clauseShape(ms.slice(0, cut));
  const rest = ms.slice(cut + 1);
  const next = rest.findIndex((m) => isConnector(m, 'except'));
  const zone = next < 0 ? rest : rest.slice(0, next);
  const after = next < 0 ? empty() : shapeOf(rest.slice(next), span);
  return join({ ...main, exclusions: [...main.exclusions, ...exclusionsOf(zone, span)] }, after);
}
