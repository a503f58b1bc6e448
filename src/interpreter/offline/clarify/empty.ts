/**
 * An audience no one matches is rarely what was asked for: more often a word was read as
 * something it does not mean here. Before such a draft is returned the user is asked, with what
 * was read, the audience without each condition that empties it (with its size), keeping it as
 * it is, or saying what to change (read after the request).
 */
import type { AudienceDefinition, Condition } from '../../../definition/schema.js';
import { explainCondition } from '../../../definition/explain.js';
import type { AudienceEngine } from '../../../engine/types.js';
import type { ClarifyingQuestion } from '../../types.js';
import type { Messages } from '../messages/types.js';
import { answerFor, sameText } from './answer-for.js';

export type EmptyOutcome =
  | { kind: 'keep'; definition: AudienceDefinition }
  | { kind: 'ask'; question: ClarifyingQuestion }
  /** Read the request again with the user's words after it. */
  | { kind: 'reread'; prompt: string; answered: string };

interface EmptyEnv {
  answers?: Record<string, string>;
  engine: AudienceEngine;
  now: Date;
  msgs: Messages;
  currency: string;
}

/** Options offered at the most, besides keeping it and saying what to change. */
const MAX_WITHOUT = 3;
/** Lines of the definition said in the question at the most. */
const MAX_LINES = 5;

export async function settleEmpty(prompt: string, definition: AudienceDefinition, env: EmptyEnv): Promise<EmptyOutcome> {
  const keep: EmptyOutcome = { kind: 'keep', definition };
  const term = env.msgs.noOneTerm();
  const answer = answerFor(term, env.answers);
  if (answer !== undefined && (sameText(answer, env.msgs.keepEmpty()) || sameText(answer, env.msgs.sayChange()))) return keep;
  if (await anyone(definition, env)) return keep;
  const choices = await withoutEach(definition, env);
  if (answer !== undefined) {
    const chosen = choices.find((c) => sameText(answer, env.msgs.withoutCondition(c.line, c.size)));
    if (chosen) return { kind: 'keep', definition: chosen.definition };
    return { kind: 'reread', prompt: `${prompt.trim().replace(/[.!?。！？]+$/u, '')}, ${answer}`, answered: term };
  }
  const ctx = { currency: env.currency };
  const all = [...definition.root.conditions.map((c) => explainCondition(c, ctx)), ...definition.exclude.map((x) => env.msgs.excluding(x.name))];
  const lines = all.length > MAX_LINES ? [...all.slice(0, MAX_LINES), '…'] : all;
  const options = [...choices.map((c) => env.msgs.withoutCondition(c.line, c.size)), env.msgs.keepEmpty(), env.msgs.sayChange()];
  return { kind: 'ask', question: { term, text: env.msgs.noOne(lines), options, decisions: options.slice(0, -1) } };
}

/** The definition without each top-level condition of an AND, or without each exclusion, that leaves someone: the largest first. */
async function withoutEach(def: AudienceDefinition, e: EmptyEnv): Promise<Array<{ definition: AudienceDefinition; line: string; size: number }>> {
  const ctx = { currency: e.currency };
  const candidates: Array<{ definition: AudienceDefinition; line: string }> = [];
  const { root } = def;
  if (root.op === 'and' && root.conditions.length > 1) {
    root.conditions.forEach((c: Condition, i) => {
      candidates.push({ definition: { ...def, root: { ...root, conditions: root.conditions.filter((_, j) => j !== i) } }, line: explainCondition(c, ctx) });
    });
  }
  def.exclude.forEach((x, i) => {
    candidates.push({ definition: { ...def, exclude: def.exclude.filter((_, j) => j !== i) }, line: e.msgs.excluding(x.name) });
  });
  const sized = [];
  for (const c of candidates) sized.push({ ...c, size: (await e.engine.compute(c.definition, { now: e.now, sampleSize: 0 })).size });
  return sized.filter((c) => c.size > 0).sort((a, b) => b.size - a.size).slice(0, MAX_WITHOUT);
}

/** Whether anyone is a member: the first member is enough. */
async function anyone(definition: AudienceDefinition, env: EmptyEnv): Promise<boolean> {
  for await (const _member of env.engine.streamMembers(definition, { now: env.now })) return true;
  return false;
}
