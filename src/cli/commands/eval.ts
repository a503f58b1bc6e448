import type { Config } from '../../config/env.js';
import { AppError } from '../../errors.js';
import { buildOnce } from '../../agent/run-once.js';
import { createInterpreter } from '../../agent/interpreter-factory.js';
import { EvalCase, judge, type Verdict } from '../../eval/cases.js';
import { openWorkspaceFromFlags, parseNow, type WorkspaceFlags } from '../workspace-option.js';
import { readJsonlFile } from '../jsonl-input.js';
import { writeJson } from '../output.js';

export interface EvalFlags extends WorkspaceFlags {
  cases: string;
  now?: string;
  json?: boolean;
}

/** Scores a case file by execution accuracy: a verdict per case, then a summary line. */
export async function evalCommand(flags: EvalFlags, config: Config): Promise<void> {
  const now = parseNow(flags.now);
  const lines = await readJsonlFile(flags.cases, EvalCase);
  const bad = lines.find((l) => 'error' in l);
  if (bad && 'error' in bad) throw new AppError('invalid_input', `${flags.cases}: ${bad.error}.`);
  const ws = await openWorkspaceFromFlags(flags, config);
  const verdicts: Verdict[] = [];
  try {
    const interpreter = createInterpreter(config);
    for (const line of lines) {
      if ('error' in line) continue;
      const c = line.value;
      const started = performance.now();
      const result = await buildOnce({ id: c.id, prompt: c.prompt, workspace: ws, now, interpreter, members: true });
      const v = judge(c, result);
      verdicts.push(v);
      const ms = Math.round(performance.now() - started);
      if (flags.json) writeJson({ ...v, ms });
      else process.stdout.write(`${v.pass ? 'PASS' : v.wrongOk ? 'WRONG' : 'FAIL'}  ${v.id.padEnd(8)} ${ms.toString().padStart(5)} ms  expected ${v.expected}, got ${v.got}\n`);
    }
  } finally {
    await ws.close();
  }
  const passed = verdicts.filter((v) => v.pass).length;
  const wrongOk = verdicts.filter((v) => v.wrongOk).length;
  const summary = `${passed} passed, ${verdicts.length - passed} failed, ${wrongOk} of them a wrong audience returned as ok`;
  if (flags.json) writeJson({ summary, passed, failed: verdicts.length - passed, wrongOk, total: verdicts.length, accuracy: verdicts.length ? passed / verdicts.length : 0 });
  else process.stdout.write(`eval: ${summary} (accuracy ${verdicts.length ? ((100 * passed) / verdicts.length).toFixed(1) : '0'}%)\n`);
  if (passed < verdicts.length) process.exitCode = 1;
}
