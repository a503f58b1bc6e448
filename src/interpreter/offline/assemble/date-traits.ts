/**
 * A date the profile holds, said as what the person did: "installed the app in the last 30
 * days" where the workspace keeps an `Install Date`, "whose trial ends in the next 7 days"
 * (`trialEndsAt`), "joined more than a year ago" (the sign-up date). The date is compared with
 * the window, the time ago or the calendar date said with it.
 */
import type { TraitInfo } from '../../../catalog/types.js';
import type { Comparator, TraitCondition } from '../../../definition/schema.js';
import { UNIT_DAYS } from '../../../definition/time.js';
import type { Term } from '../../../vocabulary/vocabulary.js';
import { similarity } from '../../../vocabulary/word-sense.js';
import type { Mention, MentionOf } from '../recognise/mentions.js';
import type { AssembleEnv } from './env.js';

/** Words of a date trait's name that say it is a date, not what happened. */
const DATE_WORDS = new Set(['date', 'at', 'on', 'time', 'timestamp', 'day', 'when', 'dt']);

const isDate = (t: TraitInfo | undefined) => t?.type === 'date' || t?.type === 'datetime';

/** The date trait the words name ("installed" → Install Date), or the sign-up date for signing up. */
export function dateTraitFor(acts: readonly Term[], things: readonly Term[], env: AssembleEnv): TraitInfo | undefined {
  const words = [...acts, ...things];
  if (!words.length) return undefined;
  const named = env.index.vocab.traits.filter((t) => isDate(t.info) && !t.info.pii).filter((t) => {
    const own = t.nameTerms.filter((n) => !DATE_WORDS.has(n.text));
    return own.length > 0 && words.some((w) => own.some((n) => similarity(w, n) >= 0.8));
  });
  if (named.length === 1) return named[0]!.info;
  if (named.length > 1) {
    // "trial ends": the trait whose name says every word.
    const all = named.filter((t) => words.every((w) => t.nameTerms.some((n) => similarity(w, n) >= 0.8)));
    if (all.length === 1) return all[0]!.info;
    return undefined;
  }
  const signup = env.index.roles.traits.signup_date?.trait;
  if (signup && acts.some((a) => a.senses.act.core.has('signup') || a.senses.act.core.has('install') || a.senses.act.loose.has('signup'))) return env.index.trait(signup);
  return undefined;
}

const days = (amount: number, unit: keyof typeof UNIT_DAYS) => amount * UNIT_DAYS[unit];

/** The condition on the date: in a window, before a time ago, before or after a calendar date, in the coming days. */
export function dateCondition(trait: TraitInfo, ms: readonly Mention[], negated: boolean, env: AssembleEnv): TraitCondition {
  const window = ms.find((m): m is MentionOf<'window'> => m.kind === 'window');
  const ago = ms.find((m): m is MentionOf<'ago'> => m.kind === 'ago');
  const date = ms.find((m): m is MentionOf<'date_cmp'> => m.kind === 'date_cmp');
  const name = trait.name;
  if (window?.spec.kind === 'next') {
    const until = new Date(env.now.getTime() + days(window.spec.amount, window.spec.unit) * 86_400_000);
    return { type: 'trait', trait: name, op: 'between', value: [env.now.toISOString(), until.toISOString()] };
  }
  if (window?.spec.kind === 'window' && window.spec.window.kind === 'last') {
    return { type: 'trait', trait: name, op: negated ? 'before_last' : 'in_last', amount: window.spec.window.amount, unit: window.spec.window.unit };
  }
  if (window?.spec.kind === 'window' && window.spec.window.kind === 'between') {
    return { type: 'trait', trait: name, op: 'between', value: [window.spec.window.from, window.spec.window.to] };
  }
  if (ago) {
    const older = (ago.op === 'more_than') !== negated;
    return { type: 'trait', trait: name, op: older ? 'before_last' : 'in_last', amount: ago.amount, unit: ago.unit };
  }
  if (date) {
    const op: Comparator = negated ? (date.op === 'lt' ? 'gte' : 'lte') : date.op;
    return { type: 'trait', trait: name, op, value: date.date };
  }
  return { type: 'trait', trait: name, op: negated ? 'not_exists' : 'exists' };
}
