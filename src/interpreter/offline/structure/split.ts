/**
 * The shape of a request: parts joined by "and" (also "but", "who", "with", commas), each part
 * a choice between alternatives joined by "or". "or" binds tighter than "and", so "from the US
 * or Canada who are tagged X or bought Y" is (US or Canada) and (X or Y). "without"/"excluding"
 * start a part whose first head is negated.
 */
import type { Mention } from '../recognise/mentions.js';

export interface Alternative {
  mentions: Mention[];
}

export interface Part {
  alternatives: Alternative[];
  /** Began with "with"/"whose": may be a detail of the event named just before. */
  attach: boolean;
}

export function splitParts(mentions: readonly Mention[]): Part[] {
  const parts: Part[] = [];
  let current: Part = { alternatives: [{ mentions: [] }], attach: false };
  const flush = () => {
    current.alternatives = current.alternatives.filter((a) => a.mentions.length > 0);
    if (current.alternatives.length) parts.push(current);
  };
  let previous: Mention | undefined;
  for (const m of mentions) {
    if (m.kind !== 'connector') {
      current.alternatives.at(-1)!.mentions.push(m);
      previous = m;
      continue;
    }
    if (m.op === 'or') {
      // "bought in the last week, or gold members": the comma's part is taken back, and the "or" joins it.
      const fresh = current.alternatives.length === 1 && current.alternatives[0]!.mentions.length === 0 && !current.attach;
      if (fresh && previous?.kind === 'connector' && previous.text === ',' && parts.length) {
        current = parts.pop()!;
        current.alternatives.push({ mentions: [] });
      } else if (current.alternatives.at(-1)!.mentions.length) current.alternatives.push({ mentions: [] });
      previous = m;
      continue;
    }
    // An "and" right after "or" ("or, and") or before anything is noise.
    if (current.alternatives.at(-1)!.mentions.length === 0 && m.op === 'and') {
      if (m.attach) current.attach = true;
      previous = m;
      continue;
    }
    previous = m;
    flush();
    current = { alternatives: [{ mentions: [] }], attach: !!m.attach };
    if (m.op === 'and_not') current.alternatives[0]!.mentions.push({ kind: 'neg', never: /\bnever\b/i.test(m.text), start: m.start, end: m.end, text: m.text });
  }
  flush();
  return parts;
}
