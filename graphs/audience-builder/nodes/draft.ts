/**
 * Draft: validates the proposed definition against the catalog (names, types, lookback) and the
 * traits visitors recorded, counts it, and writes the lines the user reads before trusting it.
 * A definition with conditions on the visit is a live draft: decided when a visitor arrives, so
 * its size is the known profiles who could match, and a note says so.
 */
import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import { explainDefinition } from '../../../src/definition/explain.js';
import { assertValid } from '../../../src/definition/validate.js';
import { toAppError } from '../../../src/errors.js';
import { isLiveDefinition } from '../../../src/live/history-part.js';
import { visitorOnlyTraitNames } from '../../../src/live/interpreter-catalog.js';
import { ensureConfiguration } from '../configuration.js';
import { countLive, recordedVisitorTraits } from '../live-draft.js';
import { formatCount, phrases } from '../phrases.js';
import { agentSays, draftText } from '../conversation.js';
import { emitProgress } from '../progress.js';
import type { AudienceBuilderStateType, AudienceBuilderUpdate, Draft } from '../state.js';
import { errorUpdate } from '../turn-error.js';

export async function draftNode(state: AudienceBuilderStateType, config: LangGraphRunnableConfig): Promise<AudienceBuilderUpdate> {
  const cfg = ensureConfiguration(config);
  const proposal = state.proposal;
  if (!proposal) return errorUpdate(toAppError(new Error('draft reached without a proposal')), state.toolCalls);
  try {
    emitProgress(config, 'draft', 65, 'Checking the definition…');
    const visitorTraits = await recordedVisitorTraits(cfg);
    assertValid(proposal.definition, cfg.catalog, { now: cfg.now, search: cfg.search, visitorTraits });
    const visitorOnlyTraits = visitorOnlyTraitNames(cfg.catalog, visitorTraits);
    const live = isLiveDefinition(proposal.definition, { visitorOnlyTraits });
    emitProgress(config, 'draft', 75, 'Counting…');
    const result = live
      ? await countLive(proposal.definition, visitorOnlyTraits, cfg)
      : await cfg.engine.compute(proposal.definition, { now: cfg.now, sampleSize: cfg.sampleSize });
    const draft: Draft = {
      kind: live ? 'live' : 'list',
      definition: proposal.definition,
      explanation: explainDefinition(proposal.definition, { currency: cfg.catalog.workspace.currency }),
      size: result.size,
      totalProfiles: result.totalProfiles,
      reachability: result.reachability,
      samples: result.samples,
      conditionSizes: result.conditionSizes,
      notUnderstood: proposal.notUnderstood,
      ...(proposal.readAs?.length ? { readAs: proposal.readAs } : {}),
      ...(live ? { note: phrases(state.language).liveNote(formatCount(result.size, state.language)) } : {}),
    };
    emitProgress(config, 'draft', 95, 'Draft ready');
    return { currentDraft: draft, proposal: null, error: null, status: 'confirming', messages: [agentSays(draftText(draft, state.language))] };
  } catch (err) {
    if (config.signal?.aborted) throw err;
    return errorUpdate(toAppError(err), state.toolCalls);
  }
}
