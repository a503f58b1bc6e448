import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { SHOP_DIR } from '../helpers/shop.js';
import { tempDir } from '../helpers/tmp.js';

const NOW = '2026-11-01T00:00:00Z';
const EVAL_CASES = join(SHOP_DIR, '../../eval/dev.jsonl');

describe('audience-agent build --batch', () => {
  it('prints exactly one JSON result per input line, in input order, and nothing else on stdout', async () => {
    const file = join(tempDir(), 'batch.jsonl');
    writeFileSync(file, [
      JSON.stringify({ id: 'a', prompt: "Customers who haven't purchased in the last 30 days." }),
      '{"id": "broken"',
      JSON.stringify({ id: 'c', prompt: 'VIP buyers' }),
      JSON.stringify({ id: 'd', prompt: 'Find churned high-value customers for a win-back campaign.' }),
    ].join('\n'));
    const { code, stdout } = await runCli(['build', '--data', SHOP_DIR, '--now', NOW, '--members', '--batch', file]);
    expect(code).toBe(0);
    const results = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(results.map((r) => [r.id, r.status])).toEqual([['a', 'ok'], ['line-2', 'error'], ['c', 'error'], ['d', 'needs_clarification']]);
    expect(results[0].count).toBe(results[0].members.length);
    expect(results[0].explanation).toEqual(['Performed Order Completed 0 times in the last 30 days']);
    expect(results[2].error.code).toBe('invalid_prompt');
    expect(results[3].options.length).toBeGreaterThan(1);
  }, 120_000);
});

describe('audience-agent eval', () => {
  it('scores the dev cases with a verdict per case and a summary line', async () => {
    const { stdout } = await runCli(['eval', '--cases', EVAL_CASES, '--data', SHOP_DIR, '--now', NOW]);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(43);
    expect(lines.at(-1)).toMatch(/^eval: \d+ passed, \d+ failed, \d+ of them a wrong audience returned as ok/);
    expect(lines.filter((l) => l.startsWith('FAIL'))).toEqual([]);
  }, 180_000);
});

describe('audience-agent compute', () => {
  it('explains a bad definition with its code instead of crashing', async () => {
    const file = join(tempDir(), 'bad.json');
    writeFileSync(file, JSON.stringify({ version: 1, root: { type: 'group', op: 'and', conditions: [{ type: 'event', events: ['Webinar Registered'], count: { op: 'gte', value: 1 } }] } }));
    const { code, stderr } = await runCli(['compute', '--data', SHOP_DIR, '--now', NOW, '--definition', file]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error \[unknown_reference\]: There is no event 'Webinar Registered'/);
  }, 60_000);
});
