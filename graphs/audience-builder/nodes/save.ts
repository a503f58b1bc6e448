/**
 * Save: stores the confirmed draft in the workspace: a list draft as an audience, a live draft
 * as a live audience at the top of the evaluation order, enabled, with the chosen duration.
 */
import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import type { Audience } from '../../../src/audiences/types.js';
import { AppError, toAppError } from '../../../src/errors.js';
import type { LiveAudience } from '../../../src/live/types.js';
import { ensureConfiguration, type AudienceBuilderConfiguration } from '../configuration.js';
import { DEFAULT_DURATION } from '../live-draft.js';
import { agentSays, savedText } from '../conversation.js';
import { phrases } from '../phrases.js';
import { emitProgress } from '../progress.js';
import type { AudienceBuilderStateType, AudienceBuilderUpdate, ConfirmDecision, Draft } from '../state.js';
import { errorUpdate } from '../turn-error.js';

type Apply = Extract<ConfirmDecision, { action: 'apply' }>;

async function saveList(cfg: AudienceBuilderConfiguration, state: AudienceBuilderStateType, decision: Apply, draft: Draft): Promise<AudienceBuilderUpdate> {
  const audience: Audience = {
    id: cfg.newId(),
    name: decision.name,
    description: decision.description,
    prompt: state.prompts.join('\n'),
    definition: draft.definition,
    createdAt: cfg.now.toISOString(),
  };
  return { audience: await cfg.audiences.save(cfg.workspaceId, audience), liveAudience: null };
}

async function saveLive(cfg: AudienceBuilderConfiguration, state: AudienceBuilderStateType, decision: Apply, draft: Draft): Promise<AudienceBuilderUpdate> {
  if (!cfg.liveAudiences) throw new AppError('live_only_condition', phrases(state.language).noLiveStore);
  const at = cfg.now.toISOString();
  const audience: LiveAudience = {
    id: cfg.newId(),
    name: decision.name,
    description: decision.description,
    definition: draft.definition,
    duration: decision.duration ?? DEFAULT_DURATION,
    enabled: true,
    builtIn: false,
    prompt: state.prompts.join('\n'),
    createdAt: at,
    updatedAt: at,
  };
  // A new live audience goes first: it is usually more specific than what the workspace already has.
  return { liveAudience: await cfg.liveAudiences.save(cfg.workspaceId, audience, { position: 0 }), audience: null };
}

export async function saveNode(state: AudienceBuilderStateType, config: LangGraphRunnableConfig): Promise<AudienceBuilderUpdate> {
  const cfg = ensureConfiguration(config);
  const decision = state.decision;
  const draft = state.currentDraft;
  if (decision?.action !== 'apply' || !draft) return errorUpdate(toAppError(new Error('save reached without an applied draft')));
  try {
    const saved = draft.kind === 'live' ? await saveLive(cfg, state, decision, draft) : await saveList(cfg, state, decision, draft);
    emitProgress(config, 'save', 100, 'Saved');
    const said = savedText({ name: decision.name, ...(draft.kind === 'live' ? { live: { duration: decision.duration ?? DEFAULT_DURATION } } : {}) }, state.language);
    return { ...saved, decision: null, error: null, status: 'saved', messages: [agentSays(said)] };
  } catch (err) {
    return errorUpdate(toAppError(err));
  }
}
