/**
 * Vague words in a request: dropped when the request gives the numbers itself, replaced by the
 * user's earlier answer when there is one, otherwise the first one becomes the question.
 */
import type { CatalogSearch } from '../../../catalog/types.js';
import type { ClarifyingQuestion, InterpreterContext, Language } from '../../types.js';
import type { Draft, EventDraft, VagueDraft } from '../assemble/drafts.js';
import { negateContextDrafts } from '../assemble/context-part.js';
import { pruneTree, treeDrafts, treeParts } from '../assemble/sentence.js';
import type { IssueError } from '../issues.js';
import type { Messages } from '../messages/types.js';
import type { Reading, ReadEnv } from '../read.js';
import type { CatalogIndex } from '../resolve/catalog-index.js';
import { EventResolver } from '../resolve/events.js';
import type { ToolLog } from '../resolve/tool-log.js';
import { answerDrafts } from './answers.js';
import { answerFor, sameOption } from './answer-for.js';
import { coveredByNumbers } from './coverage.js';
import { optionsFor, percentileDrafts } from './options.js';

export type VagueOutcome = { kind: 'ok' } | { kind: 'clarify'; question: ClarifyingQuestion } | { kind: 'error'; error: IssueError };

export interface VagueEnv extends ReadEnv {
  index: CatalogIndex;
  search: CatalogSearch;
  log: ToolLog;
  language: Language;
  ctx: InterpreterContext;
  msgs: Messages;
}

export async function resolveVague(reading: Reading, env: VagueEnv): Promise<VagueOutcome> {
  const all = treeDrafts(reading.tree);
  const concrete = all.filter((d) => d.kind !== 'vague');
  const events = new EventResolver(env.index, env.log, env.msgs);
  const optionEnv = { index: env.index, engine: env.ctx.engine, events, log: env.log, msgs: env.msgs, now: env.now };
  let pending: VagueDraft | undefined;
  for (const part of treeParts(reading.tree, { exclusions: true })) {
    for (const alternative of part.alternatives) {
      for (let k = 0; k < alternative.length; k++) {
        const d = alternative[k]!;
        if (d.kind !== 'vague') continue;
        let replacement: Draft[] = [];
        if (d.percentile !== undefined) {
          replacement = await percentileDrafts(d.percentile, d.notion, optionEnv);
        } else if (!coveredByNumbers(d.notion, concrete, env.index)) {
          const answer = answerFor(d.term, env.ctx.answers);
          const said = answer === undefined ? undefined : (await chosenOption(answer, d, optionEnv)) ?? answerDrafts(answer, d.notion, env);
          // "outside business hours": the answer says what business hours are; the request wants the rest.
          const drafts = said && d.negated ? negateContextDrafts(said) : said;
          if (drafts) replacement = drafts.map(fixWindow);
          else pending ??= d;
        }
        alternative.splice(k, 1, ...replacement);
        k += replacement.length - 1;
      }
    }
  }
  reading.tree = pruneTree(reading.tree);
  if (!pending) return { kind: 'ok' };

  const options = await optionsFor(pending.notion, pending.about, optionEnv);
  return {
    kind: 'clarify',
    question: { term: pending.term, text: env.msgs.question(pending.notion, pending.term), options: [...options.map((o) => o.text), freeText(pending.notion, env.msgs)] },
  };
}

/** The option an answer is (its text, with or without the size in brackets): what it stands for. */
async function chosenOption(answer: string, d: VagueDraft, env: Parameters<typeof optionsFor>[2]): Promise<Draft[] | undefined> {
  const options = await optionsFor(d.notion, d.about, env);
  return options.find((o) => sameOption(answer, o.text))?.drafts;
}

/** The last option, inviting the user's own words. */
function freeText(notion: VagueDraft['notion'], msgs: Messages): string {
  if (notion === 'page') return msgs.typeAddress();
  if (notion === 'hours') return msgs.typeTimes();
  return msgs.typeNumber();
}

/** An answer's window belongs to the answer: it must not spread to the rest of the request. */
function fixWindow(d: Draft): Draft {
  if (d.kind !== 'event' || d.window?.kind !== 'window') return d;
  const { window, ...rest } = d;
  return { ...rest, fixedWindow: window.window } satisfies EventDraft;
}
