/**
 * What a run asks of its thread, checked against the thread's saved state before anything
 * runs, so a careless or hostile request is a 4xx and never a graph failure or unchecked state:
 *
 * - `command.resume` needs a question the thread is waiting on;
 * - `command.update` and `command.goto` are passed only to an assistant that checks them
 *   (`checkCommand`: the update is state the graph could have produced, goto a node it may
 *   enter with it); any other assistant refuses them;
 * - goto, interrupt_before and interrupt_after name nodes of the graph;
 * - no input and no command on a thread with nothing saved has nothing to continue from;
 * - input sent while the thread waits on a question answers it, when the assistant says how;
 * - a checkpoint_id names a checkpoint of the thread.
 */
import { Command } from '@langchain/langgraph';
import type { StateSnapshot } from '@langchain/langgraph';
import { AppError } from '../../errors.js';
import type { RunCreate } from '../schemas.js';
import type { ClientCommand, RunContext, ServedAssistant, ThreadView } from './assistant.js';

/** The thread as a run finds it: its values, the nodes it would run next and the questions it waits on. */
export function threadView(snapshot: StateSnapshot): ThreadView {
  return {
    // An empty snapshot (a new thread, an unknown checkpoint id) has no creation time.
    saved: snapshot.createdAt !== undefined,
    values: (snapshot.values ?? {}) as Record<string, unknown>,
    next: [...snapshot.next],
    interrupts: snapshot.tasks.flatMap((t) => t.interrupts.map((i) => ({ id: i.id ?? '', value: i.value as unknown }))),
  };
}

/** The graph's own node names (not `__start__`). */
export function nodeNames(assistant: ServedAssistant): Set<string> {
  return new Set(Object.keys(assistant.graph.nodes).filter((n) => !n.startsWith('__')));
}

function checkNodes(field: string, names: readonly string[], known: Set<string>): void {
  const unknown = names.find((n) => !known.has(n));
  if (unknown !== undefined) {
    throw new AppError('invalid_input', `${field} names "${unknown}", which is not a step of this assistant; its steps are ${[...known].join(', ')}.`, { field });
  }
}

/** `update` as an object: the protocol also allows a list of [field, value] pairs. */
function updateObject(update: NonNullable<NonNullable<RunCreate['command']>['update']>): Record<string, unknown> {
  if (!Array.isArray(update)) return update;
  const out: Record<string, unknown> = {};
  for (const [key, value] of update) {
    if (Object.hasOwn(out, key)) throw new AppError('invalid_input', `body.command.update names ${key} more than once.`, { field: 'body.command.update' });
    out[key] = value;
  }
  return out;
}

function clientCommand(command: NonNullable<RunCreate['command']>): ClientCommand {
  return {
    ...(command.resume !== undefined ? { resume: command.resume } : {}),
    ...(command.update != null ? { update: updateObject(command.update) } : {}),
    ...(command.goto != null ? { goto: Array.isArray(command.goto) ? command.goto : [command.goto] } : {}),
  };
}

export interface PrepareRunOptions {
  /** The thread's state at the checkpoint the run starts from. */
  snapshot: StateSnapshot;
  context: RunContext;
}

/** The graph input of a run (a Command, the assistant's reading of `input`, or null to continue), or AppError 4xx. */
export async function prepareRun(body: RunCreate, assistant: ServedAssistant, { snapshot, context }: PrepareRunOptions): Promise<unknown> {
  const thread = threadView(snapshot);
  const known = nodeNames(assistant);
  for (const field of ['interrupt_before', 'interrupt_after'] as const) {
    const at = body[field];
    if (Array.isArray(at)) checkNodes(`body.${field}`, at, known);
  }
  const checkpointId = body.checkpoint_id ?? body.checkpoint?.checkpoint_id;
  if (checkpointId !== undefined && !thread.saved) {
    throw new AppError('not_found', `There is no checkpoint ${checkpointId} on this thread.`, { field: 'body.checkpoint_id' });
  }
  let asked = body.command ? clientCommand(body.command) : undefined;
  if (!asked && body.input != null && thread.interrupts.length > 0) asked = assistant.answerWith?.(body.input, thread);
  if (asked) {
    let command = asked;
    if (command.resume !== undefined && thread.interrupts.length === 0) {
      throw new AppError('invalid_input', 'This thread is not waiting for an answer, so there is nothing to resume: send the message as input instead.', { field: 'body.command.resume' });
    }
    if (command.goto) checkNodes('body.command.goto', command.goto, known);
    if (assistant.checkCommand) command = await assistant.checkCommand(command, thread, context);
    else if (command.update || command.goto) {
      throw new AppError('invalid_input', `The assistant "${assistant.assistantId}" takes only command.resume; command.update and command.goto are not accepted.`, { field: 'body.command' });
    }
    return new Command({
      ...(command.resume !== undefined ? { resume: command.resume } : {}),
      ...(command.update ? { update: command.update } : {}),
      ...(command.goto ? { goto: command.goto.length === 1 ? command.goto[0]! : command.goto } : {}),
    });
  }
  if (body.input === undefined || body.input === null) {
    if (!thread.saved) throw new AppError('invalid_input', 'This thread has no conversation yet, so there is nothing to continue: send input (the first message).', { field: 'body.input' });
    return null;
  }
  return assistant.toInput ? assistant.toInput(body.input) : body.input;
}
