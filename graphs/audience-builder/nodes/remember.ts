/**
 * Offers to keep the meaning just chosen in the workspace glossary, so the next request using
 * the word needs no question. Asked only when a glossary is configured and the meaning is new;
 * an answer that already said remember true/false is not asked again.
 */
import { interrupt, type LangGraphRunnableConfig } from '@langchain/langgraph';
import { glossaryKey } from '../../../src/glossary/types.js';
import { ensureConfiguration } from '../configuration.js';
import type { QuestionInterrupt } from '../interrupts.js';
import { agentSays, answerText, questionText, userSays } from '../conversation.js';
import { phrases } from '../phrases.js';
import type { AudienceBuilderStateType, AudienceBuilderUpdate } from '../state.js';

const YES = /^(?:(?:y|yes|yeah|yep|ok|okay|sure|keep|save|true)\b|はい|保存|好|是|要|ใช่)/i;

export function isYes(value: unknown, yesOption: string): boolean {
  if (value === true) return true;
  if (typeof value !== 'string') return false;
  const v = value.trim();
  return v === yesOption || YES.test(v);
}

export function glossaryOffer(term: string, meaning: string, language: AudienceBuilderStateType['language']): QuestionInterrupt {
  const p = phrases(language);
  const question = p.keepInGlossary(term, meaning);
  const options = [p.keepYes, p.keepNo];
  return { type: 'question', question, options, term, purpose: 'glossary', text: questionText(question, options) };
}

/**
 * In two steps, so the offer is in the conversation while it waits: first the offer is said
 * (and the node runs again), then the pause for its answer.
 */
export async function rememberNode(state: AudienceBuilderStateType, config: LangGraphRunnableConfig): Promise<AudienceBuilderUpdate> {
  const cfg = ensureConfiguration(config);
  const last = state.lastAnswer;
  if (!cfg.glossary || !last || last.remember === false || !last.term.trim()) return { lastAnswer: null, offering: false };
  const offer = glossaryOffer(last.term, last.meaning, state.language);
  if (state.offering) {
    const answer = interrupt(offer);
    if (isYes(answer, phrases(state.language).keepYes)) await cfg.glossary.save(cfg.workspaceId, { term: last.term, meaning: last.meaning });
    return { lastAnswer: null, offering: false, messages: [userSays(answerText(answer, state.language, offer))] };
  }
  const existing = await cfg.glossary.get(cfg.workspaceId, last.term);
  if (existing && glossaryKey(existing.meaning) === glossaryKey(last.meaning)) return { lastAnswer: null };
  if (last.remember === true) {
    await cfg.glossary.save(cfg.workspaceId, { term: last.term, meaning: last.meaning });
    return { lastAnswer: null };
  }
  return { offering: true, messages: [agentSays(offer.text)] };
}
