/** Evaluation cases (shared/eval/README.md) and how one result is judged against its case. */
import { z } from 'zod';
import type { BuildResult } from '../agent/run-once.js';

export const EvalCase = z.object({
  id: z.string().min(1),
  prompt: z.string(),
  expect: z.object({
    status: z.enum(['ok', 'needs_clarification', 'error']),
    members_any_of: z.array(z.array(z.string())).optional(),
    codes: z.array(z.string()).optional(),
    or_status: z.enum(['ok', 'needs_clarification', 'error']).optional(),
  }),
});
export type EvalCase = z.infer<typeof EvalCase>;

export interface Verdict {
  id: string;
  pass: boolean;
  /** The worst answer: an audience returned as \`ok\` that is not the one asked for. */
  wrongOk: boolean;
  expected: string;
  got: string;
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((m) => set.has(m));
}

function describe(r: BuildResult): string {
  if (r.status === 'ok') return `ok (${r.members?.length ?? r.count ?? '?'} members)`;
  if (r.status === 'error') return `error ${r.error?.code ?? '?'}`;
  return 'needs_clarification';
}

/** Execution accuracy: an audience is right when its members are exactly one of the expected lists. */
export function judge(c: EvalCase, r: BuildResult): Verdict {
  const e = c.expect;
  const expected = e.status === 'ok' ? `ok (${e.members_any_of?.map((m) => m.length).join(' or ')} members)` : e.status === 'error' ? `error ${e.codes?.join('|')}` : 'needs_clarification';
  let pass = false;
  if (r.status === e.status) {
    if (e.status === 'ok') pass = !!r.members && (e.members_any_of ?? []).some((m) => sameMembers(m, r.members!));
    else if (e.status === 'error') pass = !e.codes || (!!r.error && e.codes.includes(r.error.code));
    else pass = true;
  } else if (e.or_status && r.status === e.or_status) pass = true;
  return { id: c.id, pass, wrongOk: !pass && r.status === 'ok', expected: e.or_status ? `${expected} or ${e.or_status}` : expected, got: describe(r) };
}
