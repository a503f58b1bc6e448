/**
 * `audience-agent chat`: a conversation in the terminal with the same graph the service runs.
 * Questions show numbered options (type the number or your own words); a draft can be applied,
 * edited in words, or replaced by a new description.
 */
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline/promises';
import { MemorySaver } from '@langchain/langgraph';
import type { Config } from '../../config/env.js';
import { createInterpreter } from '../../agent/interpreter-factory.js';
import { InMemoryAudienceRepository } from '../../audiences/index.js';
import { InMemoryGlossaryRepository } from '../../glossary/index.js';
import { MemoryLiveAudienceRepository } from '../../live/memory-live-audience-repository.js';
import { toAppError } from '../../errors.js';
import { createAudienceBuilderGraph } from '../../../graphs/audience-builder/graph.js';
import type { AudienceBuilderDeps } from '../../../graphs/audience-builder/configuration.js';
import { resumeCommand, type AudienceBuilderInterrupt } from '../../../graphs/audience-builder/interrupts.js';
import type { AudienceBuilderEvent } from '../../../graphs/audience-builder/progress.js';
import type { AudienceBuilderStateType } from '../../../graphs/audience-builder/state.js';
import { openWorkspaceFromFlags, parseNow, type WorkspaceFlags } from '../workspace-option.js';
import { renderResult } from './compute.js';

export interface ChatFlags extends WorkspaceFlags {
  now?: string;
}

type Io = { ask(prompt: string): Promise<string | undefined>; say(text: string): void; note(text: string): void };

/** What the user typed, as the input of the next turn given what the thread waits on. */
export function nextInput(line: string, pending: AudienceBuilderInterrupt | undefined): { prompt: string } | { resume: unknown } {
  if (pending?.type === 'question') {
    const n = Number(line);
    const option = Number.isInteger(n) && n >= 1 ? pending.options[n - 1] : undefined;
    return { resume: option ?? line };
  }
  if (pending?.type === 'confirm') {
    if (/^apply\b/i.test(line)) return { resume: { action: 'apply', name: line.replace(/^apply\s*/i, '') || undefined } };
    return { resume: line };
  }
  return { prompt: line };
}

function describePending(pending: AudienceBuilderInterrupt | undefined, state: AudienceBuilderStateType): string {
  if (state.error && !pending) return `✗ ${state.error.message}${state.error.suggestions?.length ? `\n  Try: ${state.error.suggestions.join('; ')}` : ''}`;
  if (pending?.type === 'question') return [pending.question, ...pending.options.map((o, i) => `  ${i + 1}. ${o}`)].join('\n');
  if (pending?.type === 'confirm') {
    const d = pending.draft;
    const text = renderResult(d.explanation, { size: d.size, totalProfiles: d.totalProfiles, reachability: d.reachability, samples: d.samples, conditionSizes: [] });
    const unclear = d.notUnderstood?.length ? `Not understood: ${d.notUnderstood.join(', ')}\n` : '';
    const readAs = d.readAs?.length ? `Read ${d.readAs.map((r) => `"${r.from}" as "${r.to}"`).join(', ')}\n` : '';
    const live = d.kind === 'live' && d.note ? `${d.note}\n` : '';
    return `${text}${live}${readAs}${unclear}Type "apply <name>" to save it, or say what to change.`;
  }
  if (state.liveAudience) return `Saved live audience "${state.liveAudience.name}" at the top of the live order (for this session once a visitor qualifies).`;
  if (state.audience) return `Saved audience "${state.audience.name}".`;
  return '';
}

export async function runChat(deps: Omit<AudienceBuilderDeps, 'audiences' | 'glossary' | 'liveAudiences'>, io: Io): Promise<void> {
  const graph = createAudienceBuilderGraph({ checkpointer: new MemorySaver() });
  const config = { configurable: { thread_id: randomUUID(), ...deps, audiences: new InMemoryAudienceRepository(), glossary: new InMemoryGlossaryRepository(), liveAudiences: new MemoryLiveAudienceRepository() } };
  let pending: AudienceBuilderInterrupt | undefined;
  io.say('Describe the audience you want (for example: customers who haven\'t purchased in the last 30 days). Type "exit" to leave.');
  for (;;) {
    const line = (await io.ask(pending ? '> ' : 'audience> '))?.trim();
    if (line === undefined || /^(exit|quit)$/i.test(line)) return;
    if (line === '') continue;
    const input = nextInput(line, pending);
    try {
      const stream = await graph.stream('prompt' in input ? { prompt: input.prompt } : resumeCommand(input.resume), { ...config, streamMode: 'custom' });
      for await (const chunk of stream) {
        const event = chunk as AudienceBuilderEvent;
        io.note(event.type === 'tool' ? `  · ${event.summary}` : `  ${String(event.percent).padStart(3)}% ${event.message}`);
      }
      const snapshot = await graph.getState(config);
      pending = snapshot.tasks.flatMap((t) => t.interrupts).map((i) => i.value as AudienceBuilderInterrupt)[0];
      io.say(describePending(pending, snapshot.values as AudienceBuilderStateType));
    } catch (err) {
      const e = toAppError(err);
      io.say(`✗ [${e.code}] ${e.message}`);
    }
  }
}

export async function chatCommand(flags: ChatFlags, config: Config): Promise<void> {
  const now = flags.now === undefined ? undefined : parseNow(flags.now);
  const ws = await openWorkspaceFromFlags(flags, config);
  const rl = createInterface({ input: process.stdin, terminal: false });
  // The iterator buffers lines typed (or piped) while a turn is running; none is lost.
  const lines = rl[Symbol.asyncIterator]();
  try {
    await runChat(
      { catalog: ws.catalog, search: ws.search, engine: ws.engine, interpreter: createInterpreter(config), ...(now ? { now } : {}) },
      {
        ask: async (prompt) => {
          process.stdout.write(prompt);
          const next = await lines.next();
          return next.done ? undefined : next.value;
        },
        say: (text) => text && process.stdout.write(`${text}\n`),
        note: (text) => process.stderr.write(`${text}\n`),
      },
    );
  } finally {
    rl.close();
    await ws.close();
  }
}
