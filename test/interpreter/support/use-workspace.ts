/**
 * A workspace for a test file (or a describe block): opened before its tests, disposed of after
 * them. The holder answers once it is open, so tests write `shop.context()` as they would with
 * the opened workspace itself.
 */
import { afterAll, beforeAll } from 'vitest';
import type { InterpreterContext } from '../../../src/interpreter/types.js';
import type { Workspace } from '../../../src/store/workspace.js';

export interface OpenedWorkspace {
  ws: Workspace;
  context(extra?: Partial<InterpreterContext>): InterpreterContext;
  dispose(): Promise<void>;
}

export function useWorkspace(open: () => Promise<OpenedWorkspace>): Omit<OpenedWorkspace, 'dispose'> {
  let opened: OpenedWorkspace | undefined;
  beforeAll(async () => {
    opened = await open();
  });
  afterAll(async () => {
    await opened?.dispose();
  });
  return {
    get ws() {
      return opened!.ws;
    },
    context: (extra) => opened!.context(extra),
  };
}
