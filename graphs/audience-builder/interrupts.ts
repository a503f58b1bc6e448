/**
 * What the graph asks the user while paused, and what it accepts back. The payloads are plain
 * JSON for the HTTP service and the web widget; resume values are validated with these schemas.
 */
import { Command } from '@langchain/langgraph';
import { z } from 'zod';
import type { MembershipDuration } from '../../src/live/types.js';
import type { AudienceBuilderUpdate, Draft } from './state.js';

export type QuestionPurpose = 'clarify' | 'glossary' | 'edit';

export interface QuestionInterrupt {
  type: 'question';
  question: string;
  /** Concrete choices; free text is always accepted too. */
  options: string[];
  /** The word the question is about ("high-spending"); '' when none. */
  term: string;
  purpose: QuestionPurpose;
  /** The question with its options as plain text, for chat UIs that show an interrupt as it is. */
  text: string;
}

export interface DurationChoice {
  label: string;
  duration: MembershipDuration;
}

export interface ConfirmInterrupt {
  type: 'confirm';
  /** A live draft is saved as a live audience (with a membership duration), a list draft as a saved audience. */
  kind: Draft['kind'];
  draft: Pick<Draft, 'kind' | 'definition' | 'explanation' | 'size' | 'reachability' | 'samples' | 'totalProfiles' | 'notUnderstood' | 'readAs' | 'note'>;
  /** For live drafts: suggested membership durations, the default first; any other duration may be sent. */
  durations?: DurationChoice[];
  /** The draft in words (its ✓ lines, size and reach) and how to answer, for chat UIs that show an interrupt as it is. */
  text: string;
}

export type AudienceBuilderInterrupt = QuestionInterrupt | ConfirmInterrupt;

/** An answer: the chosen option or free text, optionally saying whether to keep it in the glossary. */
export const QuestionResume = z.union([
  z.string().trim().min(1).max(300),
  z.object({ answer: z.string().trim().min(1).max(300), remember: z.boolean().optional() }).strict(),
]);
export type QuestionResume = z.infer<typeof QuestionResume>;

/** How long a visitor stays in a live audience once they qualify: the session, or 1 to 365 hours, days or weeks. */
export const MembershipDurationInput = z.discriminatedUnion('unit', [
  z.object({ unit: z.literal('session') }).strict(),
  z.object({ unit: z.enum(['hours', 'days', 'weeks']), amount: z.number().int().min(1).max(365) }).strict(),
]);

/** "apply" (with a name; a duration for live drafts), "edit" with or without an instruction, or simply the next instruction. */
export const ConfirmResume = z.union([
  z.string().trim().min(1).max(300),
  z.object({
    action: z.literal('apply'),
    name: z.string().trim().min(1).max(120).optional(),
    description: z.string().trim().max(500).optional(),
    duration: MembershipDurationInput.optional(),
  }).strict(),
  z.object({ action: z.literal('edit'), instruction: z.string().trim().min(1).max(300).optional() }).strict(),
]);
export type ConfirmResume = z.infer<typeof ConfirmResume>;

export function normalizeAnswer(value: QuestionResume): { answer: string; remember?: boolean } {
  return typeof value === 'string' ? { answer: value } : value;
}

/** The node names of the graph, for typed commands. */
export type AudienceBuilderNode = 'intake' | 'resolve' | 'clarify' | 'remember' | 'draft' | 'confirm' | 'save';

/** Resumes a paused thread with the user's answer (QuestionResume or ConfirmResume). */
export function resumeCommand(value: unknown) {
  return new Command<unknown, AudienceBuilderUpdate, AudienceBuilderNode>({ resume: value });
}
