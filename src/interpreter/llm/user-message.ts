import type { AudienceDefinition } from '../../definition/schema.js';
import { redactPii } from './redact-pii.js';

/**
 * The human turn the model reads: the description, the draft being refined and the meanings the
 * user already chose, all with emails and phone numbers taken out.
 */
export function userMessage(prompt: string, current?: AudienceDefinition, answers?: Record<string, string>): string {
  const parts = [`Description: ${prompt}`];
  if (current) {
    parts.push(`This message refines the current draft below. Submit the whole new definition, changed as asked.\nCurrent draft: ${JSON.stringify(current)}`);
  }
  const chosen = Object.entries(answers ?? {});
  if (chosen.length) {
    parts.push(`Meanings the user chose for words of this conversation (use them, do not ask again):\n${chosen.map(([t, m]) => (t ? `- "${t}": ${m}` : `- (about the whole description): ${m}`)).join('\n')}`);
  }
  return redactPii(parts.join('\n\n'));
}
