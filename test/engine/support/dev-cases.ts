/** The "ok" cases of the dev set with their expected member lists. */
import { DEV_CASES } from '../../helpers/shop.js';
import { readFileSync } from 'node:fs';

export interface DevCase {
  id: string;
  prompt: string;
  membersAnyOf: string[][];
}

export function okDevCases(path = DEV_CASES): DevCase[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { id: string; prompt: string; expect: { status: string; members_any_of?: string[][] } })
    .filter((c) => c.expect.status === 'ok')
    .map((c) => ({ id: c.id, prompt: c.prompt, membersAnyOf: c.expect.members_any_of ?? [] }));
}
