/** The understanding cases of /work/shared/eval/dev.jsonl and how an interpretation is judged. */
import { readFileSync } from 'node:fs';
import type { AudienceEngine } from '../../../src/engine/types.js';
import type { Interpretation } from '../../../src/interpreter/types.js';

export type Expect =
  | { status: 'ok'; members_any_of: string[][]; or_status?: 'needs_clarification' }
  | { status: 'needs_clarification' }
  | { status: 'error'; codes: string[] };

export interface EvalCase {
  id: string;
  prompt: string;
  expect: Expect;
}

export function loadCases(path: string): EvalCase[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as EvalCase);
}

/** Whether an interpretation is right by execution; with a short reason when it is not. */
export async function judge(result: Interpretation, expect: Expect, engine: AudienceEngine, now: Date): Promise<{ ok: boolean; got: string }> {
  if (result.kind === 'error') return { ok: expect.status === 'error' && expect.codes.includes(result.code), got: `error ${result.code}: ${result.message}` };
  if (result.kind === 'clarify') {
    const ok = expect.status === 'needs_clarification' || (expect.status === 'ok' && expect.or_status === 'needs_clarification');
    return { ok, got: `clarify: ${result.question.text}` };
  }
  if (expect.status !== 'ok') return { ok: false, got: `definition ${JSON.stringify(result.definition.root)}` };
  const members = await engine.memberIds(result.definition, { now });
  const ok = expect.members_any_of.some((m) => m.length === members.length && m.every((id, i) => id === members[i]));
  return { ok, got: `${members.length} members (want ${expect.members_any_of.map((m) => m.length).join('/')}) ${JSON.stringify(result.definition.root)}` };
}
