/**
 * "three orders or more", "twice or more", "5 stars or higher": a suffix said after the thing
 * counted still bounds the number before it. Joined here, after the scan, because the words
 * between (an object, a unit) are recognised on their own.
 */
import type { Mention } from '../recognise/mentions.js';

/** What may stand between a number and its suffix. */
const BETWEEN = new Set<Mention['kind']>(['object', 'action', 'property_ref', 'event_name', 'value']);

export function joinLooseSuffixes(mentions: readonly Mention[]): Mention[] {
  const out: Mention[] = [];
  for (const m of mentions) {
    if (m.kind !== 'cmp_suffix') {
      out.push(m);
      continue;
    }
    let k = out.length - 1;
    while (k >= 0 && out.length - k <= 3 && BETWEEN.has(out[k]!.kind)) k--;
    const target = out[k];
    if (target?.kind === 'cmp' && target.cmp.op === 'eq' && !Array.isArray(target.cmp.value) && out.length - k <= 3) {
      out[k] = { ...target, cmp: { ...target.cmp, op: m.op }, text: `${target.text} … ${m.text}` };
      continue;
    }
    out.push(m);
  }
  return out;
}
