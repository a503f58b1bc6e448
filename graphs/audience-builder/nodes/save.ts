/** Save: stores the confirmed draft as an audience in the workspace's repository. */
import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import type { Audience } from '../../../src/audiences/types.js';
import { toAppError } from '../../../src/errors.js';
import { ensureConfiguration } from '../configuration.js';
import { emitProgress } from '../progress.js';
import type { AudienceBuilderStateType, AudienceBuilderUpdate } from '../state.js';
import { errorUpdate } from '../turn-error.js';

export async function saveNode(state: AudienceBuilderStateType, config: LangGraphRunnableConfig): Promise<AudienceBuilderUpdate> {
  const cfg = ensureConfiguration(config);
  const decision = state.decision;
  if (decision?.action !== 'apply' || !state.currentDraft) return errorUpdate(toAppError(new Error('save reached without an applied draft')));
  const audience: Audience = {
    id: cfg.newId(),
    name: decision.name,
    description: decision.description,
    prompt: state.prompts.join('\n'),
    definition: state.currentDraft.definition,
    createdAt: cfg.now.toISOString(),
  };
  try {
    const saved = await cfg.audiences.save(cfg.workspaceId, audience);
    emitProgress(config, 'save', 100, 'Saved');
    return { audience: saved, decision: null, error: null, status: 'saved' };
  } catch (err) {
    return errorUpdate(toAppError(err));
  }
}
