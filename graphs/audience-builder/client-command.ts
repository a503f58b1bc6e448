/**
 * What a client may ask of a thread besides answering its question (`command.update`,
 * `command.goto`), held to what the graph itself could have produced:
 *
 * - an update writes only the conversation's inputs (the message, the request so far, answers,
 *   a proposal to count, a decision on the draft), each shaped as the graph shapes it, with
 *   definitions parsed with their limits and validated against the workspace (names, types,
 *   lookback, personal data). What the graph alone writes — the counted draft, what was saved,
 *   errors, lookups, status — is not a client's to set: to change the draft, write a proposal
 *   and go to `draft`, which counts it;
 * - goto enters a node only with the state that node is entered with (the routes' invariants);
 * - resume answers the question the thread waits on in the shape that question takes.
 *
 * Pure: the service passes in the workspace; the result is the command to send.
 */
import { z } from 'zod';
import type { Catalog, CatalogSearch } from '../../src/catalog/types.js';
import { parseDefinition } from '../../src/definition/parse.js';
import { assertValid } from '../../src/definition/validate.js';
import { AppError } from '../../src/errors.js';
import type { VisitorTraitInfo } from '../../src/live/types.js';
import { MembershipDurationSchema } from '../../src/live/stored-live-audience.js';
import { ConfirmResume, QuestionResume, type AudienceBuilderInterrupt, type AudienceBuilderNode } from './interrupts.js';
import type { AudienceBuilderStateType } from './state.js';

const text = (max: number) => z.string().max(max);
const Language = z.enum(['en', 'zh-TW', 'ja', 'th']);

const Answers = z.record(text(200), text(300)).refine((a) => Object.keys(a).length <= 50, 'must hold at most 50 answers');

const Question = z.strictObject({ term: text(200), text: text(1_000), options: z.array(text(300)).max(10), decisions: z.array(text(300)).max(10).optional() });

const Decision = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('apply'), name: z.string().trim().min(1).max(120), description: z.string().trim().max(500).default(''), duration: MembershipDurationSchema.optional() }),
  z.strictObject({ action: z.literal('edit'), instruction: z.string().trim().min(1).max(300) }),
]);

/** The channels a client may write, each as the graph writes it; anything else is not a known field. */
export const ClientStateUpdate = z.strictObject({
  prompt: text(10_000),
  language: Language,
  mode: z.enum(['new', 'refine']),
  prompts: z.array(text(10_000)).max(50),
  answers: Answers,
  question: Question.nullable(),
  clarifyRounds: z.number().int().min(0).max(20),
  lastAnswer: z.strictObject({ term: text(200), meaning: text(300), remember: z.boolean().optional() }).nullable(),
  /** The definition is parsed and validated against the workspace below. */
  proposal: z.strictObject({ definition: z.record(z.string(), z.unknown()), notUnderstood: z.array(text(300)).max(20), readAs: z.array(z.strictObject({ from: text(100), to: text(100) })).max(20).optional() }).nullable(),
  decision: Decision.nullable(),
}).partial();

/** What each node needs of the state it is entered with, as the graph's routes guarantee it. */
const ENTRY: Record<AudienceBuilderNode, { holds(s: Partial<AudienceBuilderStateType>): boolean; needs: string }> = {
  intake: { holds: (s) => typeof s.prompt === 'string' && s.prompt.trim() !== '', needs: 'a prompt' },
  resolve: { holds: (s) => typeof s.prompt === 'string' && s.prompt.trim() !== '' && Array.isArray(s.prompts) && s.prompts.length > 0, needs: 'a prompt and the prompts so far' },
  clarify: { holds: (s) => Boolean(s.question), needs: 'a question' },
  remember: { holds: () => true, needs: '' },
  draft: { holds: (s) => Boolean(s.proposal), needs: 'a proposal' },
  confirm: { holds: (s) => Boolean(s.currentDraft), needs: 'a draft' },
  save: { holds: (s) => Boolean(s.currentDraft) && s.decision?.action === 'apply', needs: 'a draft and a decision to apply it' },
};

export interface ClientCommandInput {
  resume?: unknown;
  update?: Record<string, unknown>;
  goto?: string[];
}

export interface ClientCommandContext {
  /** The thread's values and the questions it waits on. */
  values: Record<string, unknown>;
  interrupts: { id: string; value: unknown }[];
  catalog: Catalog;
  search: CatalogSearch;
  visitorTraits: VisitorTraitInfo[];
  now: Date;
}

function fieldError(error: z.ZodError, root: string): AppError {
  const issue = error.issues[0]!;
  const parts = [root, ...issue.path.map(String)];
  if (issue.code === 'unrecognized_keys') {
    const field = [...parts, issue.keys[0] ?? ''].join('.');
    return new AppError('invalid_input', `${field} is not a field a client may set; only ${Object.keys(ClientStateUpdate.shape).join(', ')} are.`, { field });
  }
  const field = parts.join('.');
  return new AppError('invalid_input', `${field}: ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}.`, { field });
}

/** The proposal's definition parsed with its limits and valid in this workspace; errors name where. */
function checkedProposal(proposal: NonNullable<z.infer<typeof ClientStateUpdate>['proposal']>, ctx: ClientCommandContext) {
  const definition = parseDefinition(proposal.definition);
  assertValid(definition, ctx.catalog, { now: ctx.now, search: ctx.search, visitorTraits: ctx.visitorTraits });
  return { ...proposal, definition };
}

/** The answer the waiting question takes, in its shape; a map by interrupt id answers several. */
function checkResume(resume: unknown, interrupts: ClientCommandContext['interrupts']): void {
  const byId = new Map(interrupts.map((i) => [i.id, i.value as AudienceBuilderInterrupt]));
  const keyed = typeof resume === 'object' && resume !== null && !Array.isArray(resume) && Object.keys(resume).length > 0 && Object.keys(resume).every((k) => byId.has(k));
  const answers: [AudienceBuilderInterrupt | undefined, unknown][] = keyed
    ? Object.entries(resume as Record<string, unknown>).map(([id, value]) => [byId.get(id), value])
    : [[interrupts[0]?.value as AudienceBuilderInterrupt | undefined, resume]];
  for (const [question, value] of answers) {
    if (!question) continue;
    if (question.type === 'confirm') {
      if (!ConfirmResume.safeParse(value).success) {
        throw new AppError('invalid_input', 'Answer the draft with "apply" ({action:"apply", name, description, duration}) or "edit" with an instruction. A duration is {unit:"session"} or {unit:"hours"|"days"|"weeks", amount: 1 to 365}.', { field: 'body.command.resume' });
      }
    } else if (question.purpose === 'glossary') {
      if (!z.union([z.string().trim().min(1).max(300), z.boolean()]).safeParse(value).success) {
        throw new AppError('invalid_input', 'Answer whether to keep the meaning with yes or no (or true / false).', { field: 'body.command.resume' });
      }
    } else if (!QuestionResume.safeParse(value).success) {
      throw new AppError('invalid_input', 'An answer is a non-empty text of at most 300 characters (or {answer, remember}).', { field: 'body.command.resume' });
    }
  }
}

/** The command to send, or AppError 4xx saying what does not fit. */
export function checkClientCommand(command: ClientCommandInput, ctx: ClientCommandContext): ClientCommandInput {
  let update: Record<string, unknown> | undefined;
  if (command.update) {
    const parsed = ClientStateUpdate.safeParse(command.update);
    if (!parsed.success) throw fieldError(parsed.error, 'body.command.update');
    const { proposal, ...rest } = parsed.data;
    update = { ...rest, ...(proposal !== undefined ? { proposal: proposal && checkedProposal(proposal, ctx) } : {}) };
  }
  if (command.goto) {
    const after = { ...ctx.values, ...update, answers: { ...(ctx.values.answers as object | undefined), ...(update?.answers as object | undefined) } } as Partial<AudienceBuilderStateType>;
    for (const node of command.goto as AudienceBuilderNode[]) {
      const entry = ENTRY[node];
      if (!entry.holds(after)) throw new AppError('invalid_input', `body.command.goto cannot go to ${node} without ${entry.needs}.`, { field: 'body.command.goto' });
    }
  }
  if (command.resume !== undefined) checkResume(command.resume, ctx.interrupts);
  return { ...command, ...(update ? { update } : {}) };
}
