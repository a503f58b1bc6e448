/**
 * A phrase several events fit about as well ("opened a push" where a push is both shown and
 * tapped): one question, each event an option with what it records and how many people did it.
 * The chosen option comes back as the answer for those words, and the reading then takes it.
 */
import type { AudienceEngine } from '../../../engine/types.js';
import type { ClarifyingQuestion } from '../../types.js';
import type { Issue } from '../assemble/drafts.js';
import type { Messages } from '../messages/types.js';
import type { CatalogIndex } from '../resolve/catalog-index.js';

type Ambiguity = Extract<Issue, { kind: 'ambiguous_event' }>;

export async function ambiguityQuestion(issue: Ambiguity, env: { index: CatalogIndex; engine: AudienceEngine; msgs: Messages; now: Date }): Promise<ClarifyingQuestion> {
  const options: string[] = [];
  for (const name of issue.candidates) {
    const event = env.index.event(name);
    const result = await env.engine.compute(
      { version: 1, root: { type: 'group', op: 'and', conditions: [{ type: 'event', events: [name], filters: [], count: { op: 'gte', value: 1 } }] }, exclude: [] },
      { now: env.now, sampleSize: 0 },
    );
    options.push(env.msgs.eventOption(name, event?.description, result.size));
  }
  return { term: issue.words, text: env.msgs.whichEvent(issue.words), options };
}

/** The candidate an answer names (the option text holds the event's name), longest name first. */
export function chosenEvent(answer: string, candidates: readonly string[]): string | undefined {
  const text = answer.toLowerCase();
  return [...candidates].sort((a, b) => b.length - a.length).find((c) => text.includes(c.toLowerCase()));
}
