/** Assembles the shape of a request, carrying the last event across its parts and branches. */
import type { Shape } from '../structure/shape.js';
import type { Part } from '../structure/split.js';
import { assembleAlternative } from './alternative.js';
import type { Draft, DraftPart, DraftTree } from './drafts.js';
import type { AssembleEnv, EventContext } from './env.js';
import { distributeNegation } from './negation.js';

interface Carry {
  prev?: EventContext;
}

function assemblePart(part: Part, env: AssembleEnv, carry: Carry): DraftPart | undefined {
  const { alternatives, op } = distributeNegation(part.alternatives.map((a) => a.mentions));
  const drafts: Draft[][] = [];
  alternatives.forEach((ms, k) => {
    const r = assembleAlternative(ms, env, carry.prev, { attach: part.attach && k === 0, sameChoice: k > 0 });
    if (r.context) carry.prev = r.context;
    if (r.drafts.length) drafts.push(r.drafts);
  });
  return drafts.length ? { kind: 'part', op, alternatives: drafts } : undefined;
}

function assembleShape(shape: Shape, env: AssembleEnv, carry: Carry): DraftTree {
  const tree: DraftTree = { items: [], exclusions: [] };
  for (const item of shape.items) {
    if (item.kind === 'part') {
      const part = assemblePart(item.part, env, carry);
      if (part) tree.items.push(part);
      continue;
    }
    const branches = item.branches.map((b) => assembleShape(b, env, carry)).filter((b) => b.items.length > 0);
    if (branches.length) tree.items.push({ kind: 'choice', branches });
  }
  for (const e of shape.exclusions) {
    const inner = assembleShape(e.shape, env, { ...carry });
    if (inner.items.length) tree.exclusions.push({ text: e.text, tree: inner });
  }
  return tree;
}

export function assembleSentence(shape: Shape, env: AssembleEnv): DraftTree {
  return assembleShape(shape, env, {});
}

/** Every part of the tree, branches included, exclusions only when asked. */
export function treeParts(tree: DraftTree, opts: { exclusions?: boolean } = {}): DraftPart[] {
  const own = tree.items.flatMap((i) => (i.kind === 'part' ? [i] : i.branches.flatMap((b) => treeParts(b, opts))));
  return opts.exclusions ? [...own, ...tree.exclusions.flatMap((e) => treeParts(e.tree, opts))] : own;
}

/** Every draft of the tree (not of its exclusions); the event drafts of an "any" are listed themselves (windows reach them). */
export function treeDrafts(tree: DraftTree): Draft[] {
  return treeParts(tree).flatMap((p) => p.alternatives.flat()).flatMap((d) => (d.kind === 'any' ? d.drafts : [d]));
}

/** Drops what became empty (a vague word answered with nothing, an alternative fully used). */
export function pruneTree(tree: DraftTree): DraftTree {
  const items = tree.items.flatMap((i): DraftTree['items'] => {
    if (i.kind === 'part') {
      const alternatives = i.alternatives.filter((a) => a.length > 0);
      return alternatives.length ? [{ ...i, alternatives }] : [];
    }
    const branches = i.branches.map(pruneTree).filter((b) => b.items.length > 0);
    return branches.length ? [{ kind: 'choice', branches }] : [];
  });
  const exclusions = tree.exclusions.map((e) => ({ ...e, tree: pruneTree(e.tree) })).filter((e) => e.tree.items.length > 0);
  return { items, exclusions };
}
