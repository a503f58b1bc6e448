import { describe, expect, it } from 'vitest';
import type { AudienceDefinition } from '../../src/definition/schema.js';
import { createOfflineInterpreter } from '../../src/interpreter/offline/index.js';
import { openTiny, TINY_NOW } from './support/tiny-workspace.js';
import { useWorkspace } from './support/use-workspace.js';

const interpreter = createOfflineInterpreter();
const tiny = useWorkspace(openTiny);

async function draft(prompt: string): Promise<AudienceDefinition> {
  const r = await interpreter.interpret(prompt, tiny.context());
  if (r.kind !== 'definition') throw new Error(`no definition for ${prompt}`);
  return r.definition;
}

async function refined(current: AudienceDefinition, prompt: string): Promise<string[]> {
  const r = await interpreter.interpret(prompt, tiny.context({ current }));
  if (r.kind !== 'definition') throw new Error(`no definition for ${prompt}: ${JSON.stringify(r)}`);
  return tiny.ws.engine.memberIds(r.definition, { now: TINY_NOW });
}

describe('follow-ups change the current draft', () => {
  it('changes the window ("make it 60 days instead")', async () => {
    const current = await draft("Customers who haven't purchased in the last 30 days");
    expect(await refined(current, 'make it 60 days instead')).toEqual(['p2', 'p4', 'p5', 'p7', 'p8']);
    expect(await refined(current, 'make it 7 days instead')).toEqual(['p2', 'p3', 'p4', 'p5', 'p7', 'p8']);
  });

  it('adds an exclusion ("also exclude the Do Not Contact list")', async () => {
    const current = await draft('Customers from Germany or Taiwan');
    expect(await refined(current, 'also exclude the Do Not Contact list')).toEqual(['p1', 'p8']);
  });

  it('narrows a trait to one value ("only gold members")', async () => {
    const current = await draft('Gold or silver members from Germany');
    expect(await refined(current, 'only gold members')).toEqual(['p1']);
  });

  it('widens a value list ("also include Japan")', async () => {
    const current = await draft('Customers from Germany who are gold members');
    expect(await refined(current, 'also include Japan')).toEqual(['p1', 'p3']);
  });

  it('adds a condition ("and subscribed to email")', async () => {
    const current = await draft('Customers from Japan or the US');
    expect(await refined(current, 'and subscribed to email')).toEqual(['p3', 'p4', 'p6']);
  });

  it('refuses a refined window beyond the plan', async () => {
    const current = await draft('Customers who purchased in the last 30 days');
    const r = await interpreter.interpret('change it to 2 years', tiny.context({ current }));
    expect(r).toMatchObject({ kind: 'error', code: 'lookback_exceeded' });
  });
});
