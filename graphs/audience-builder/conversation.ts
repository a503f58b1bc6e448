/**
 * The conversation as chat messages (`messages`, the LangGraph convention): the user's words as
 * `human`, and every question, draft, save and error as an `ai` message in the conversation's
 * language, so any chat UI on the protocol shows the whole exchange. The structured state
 * (question, currentDraft, audience…) stays beside it for the web page.
 */
import { randomUUID } from 'node:crypto';
import { AIMessage, HumanMessage } from '@langchain/core/messages';
import type { Language } from '../../src/interpreter/types.js';
import type { LiveAudience } from '../../src/live/types.js';
import { chatPhrases } from './chat-phrases.js';
import type { ConfirmResume, QuestionInterrupt } from './interrupts.js';
import { formatCount, formatShare, phrases } from './phrases.js';
import type { Draft } from './state.js';

export function agentSays(text: string): AIMessage {
  return new AIMessage({ content: text, id: randomUUID() });
}

export function userSays(text: string, id: string = randomUUID()): HumanMessage {
  return new HumanMessage({ content: text, id });
}

/** A question with its options as lines a plain chat window can show. */
export function questionText(question: string, options: string[]): string {
  return [question, ...options.map((o) => `- ${o}`)].join('\n');
}

/** A draft in words: its ✓ lines, its size, who can be reached on which channel, what was not used. */
export function draftText(draft: Pick<Draft, 'kind' | 'explanation' | 'size' | 'totalProfiles' | 'reachability' | 'notUnderstood' | 'note'>, language: Language): string {
  const p = chatPhrases(language);
  const live = draft.kind === 'live';
  const share = draft.totalProfiles > 0 ? draft.size / draft.totalProfiles : 0;
  const reach = Object.entries(draft.reachability ?? {}).map(([channel, n]) => `${channel} ${formatCount(n, language)}`);
  return [
    p.draftIntro(live),
    ...draft.explanation.map((line) => `✓ ${line}`),
    '',
    live && draft.note ? draft.note : p.size(formatCount(draft.size, language), formatCount(draft.totalProfiles, language), formatShare(share, language)),
    ...(reach.length ? [p.reach(reach.join(', '))] : []),
    ...(draft.notUnderstood?.length ? [p.notUnderstood(draft.notUnderstood.map((w) => `"${w}"`).join(', '))] : []),
    '',
    p.confirmHint,
  ].join('\n');
}

export function savedText(saved: { name: string; live?: Pick<LiveAudience, 'duration'> }, language: Language): string {
  const p = chatPhrases(language);
  return saved.live ? p.savedLive(saved.name, phrases(language).duration(saved.live.duration)) : p.saved(saved.name);
}

/** The user's side of an answer sent as a value (a button, `command.resume`): what they said, in words. */
export function answerText(value: unknown, language: Language, question?: Pick<QuestionInterrupt, 'purpose'>): string {
  const p = chatPhrases(language);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' && question?.purpose === 'glossary') return value ? phrases(language).keepYes : phrases(language).keepNo;
  if (typeof value === 'object' && value !== null) {
    const v = value as Partial<{ answer: string; action: string; name: string; instruction: string }> & Partial<Exclude<ConfirmResume, string>>;
    if (typeof v.answer === 'string') return v.answer;
    if (v.action === 'apply') return p.apply(typeof v.name === 'string' ? v.name : undefined);
    if (v.action === 'edit') return typeof v.instruction === 'string' ? v.instruction : p.edit;
  }
  return String(value);
}
