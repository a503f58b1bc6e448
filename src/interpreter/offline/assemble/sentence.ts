/** Assembles the parts and alternatives of a request, carrying the last event across them. */
import type { Part } from '../structure/split.js';
import { assembleAlternative } from './alternative.js';
import type { Draft, DraftTree } from './drafts.js';
import type { AssembleEnv, EventContext } from './env.js';
import { distributeNegation } from './negation.js';

export function assembleSentence(parts: readonly Part[], env: AssembleEnv): DraftTree {
  let prev: EventContext | undefined;
  const tree: DraftTree = { parts: [] };
  for (const part of parts) {
    const { alternatives, op } = distributeNegation(part.alternatives.map((a) => a.mentions));
    const drafts: Draft[][] = [];
    alternatives.forEach((ms, k) => {
      const r = assembleAlternative(ms, env, prev, { attach: part.attach && k === 0, sameChoice: k > 0 });
      if (r.context) prev = r.context;
      if (r.drafts.length) drafts.push(r.drafts);
    });
    if (drafts.length) tree.parts.push({ op, alternatives: drafts });
  }
  return tree;
}

/** Every draft of the tree; the event drafts of an "any" are listed themselves (windows reach them). */
export function treeDrafts(tree: DraftTree): Draft[] {
  return tree.parts.flatMap((p) => p.alternatives.flat()).flatMap((d) => (d.kind === 'any' ? d.drafts : [d]));
}
