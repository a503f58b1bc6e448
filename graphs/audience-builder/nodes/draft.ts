/**
 * Draft: validates the proposed definition against the catalog (names, types, lookback),
 * counts it, and writes the lines the user reads before trusting it.
 */
import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import { explainDefinition } from '../../../src/definition/explain.js';
import { assertValid } from '../../../src/definition/validate.js';
import { toAppError } from '../../../src/errors.js';
import { ensureConfiguration } from '../configuration.js';
import { emitProgress } from '../progress.js';
import type { AudienceBuilderStateType, AudienceBuilderUpdate, Draft } from '../state.js';
import { errorUpdate } from '../turn-error.js';

export async function draftNode(state: AudienceBuilderStateType, config: LangGraphRunnableConfig): Promise<AudienceBuilderUpdate> {
  const cfg = ensureConfiguration(config);
  const proposal = state.proposal;
  if (!proposal) return errorUpdate(toAppError(new Error('draft reached without a proposal')), state.toolCalls);
  try {
    emitProgress(config, 'draft', 65, 'Checking the definition…');
    assertValid(proposal.definition, cfg.catalog, { now: cfg.now });
    emitProgress(config, 'draft', 75, 'Counting…');
    const result = await cfg.engine.compute(proposal.definition, { now: cfg.now, sampleSize: cfg.sampleSize });
    const draft: Draft = {
      definition: proposal.definition,
      explanation: explainDefinition(proposal.definition, { currency: cfg.catalog.workspace.currency }),
      size: result.size,
      totalProfiles: result.totalProfiles,
      reachability: result.reachability,
      samples: result.samples,
      conditionSizes: result.conditionSizes,
      notUnderstood: proposal.notUnderstood,
    };
    emitProgress(config, 'draft', 95, 'Draft ready');
    return { currentDraft: draft, proposal: null, error: null, status: 'confirming' };
  } catch (err) {
    if (config.signal?.aborted) throw err;
    return errorUpdate(toAppError(err), state.toolCalls);
  }
}
