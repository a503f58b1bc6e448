/**
 * Reachability per channel. A workspace describes each channel in words ("has an email and
 * email_subscribed is true"); this reads those words into trait conditions, and refuses
 * anything it cannot read rather than guessing.
 */
import type { ValueType } from '../catalog/types.js';
import type { Group, TraitCondition } from '../definition/schema.js';
import { AppError } from '../errors.js';

const HAS = /^has\s+(?:(?:a|an)\s+)?([A-Za-z_][\w.-]*)$/i;
const EXISTS = /^([A-Za-z_][\w.-]*)\s+(?:exists|is\s+set|is\s+not\s+empty)$/i;
const IS_BOOLEAN = /^([A-Za-z_][\w.-]*)\s+is\s+(true|false)$/i;

function unreadable(channel: string, phrase: string, why: string): AppError {
  return new AppError(
    'invalid_input',
    `The reachability rule of channel "${channel}" ("${phrase}") cannot be read: ${why}. ` +
      'Write it as parts joined by "and", each "has a <trait>" or "<trait> is true|false".',
    { channel, phrase },
  );
}

function part(channel: string, phrase: string, text: string, traitTypes: Record<string, ValueType>): TraitCondition {
  const has = HAS.exec(text) ?? EXISTS.exec(text);
  const bool = IS_BOOLEAN.exec(text);
  const trait = has?.[1] ?? bool?.[1];
  if (!trait) throw unreadable(channel, phrase, `"${text}" is not a form it knows`);
  if (!traitTypes[trait]) throw unreadable(channel, phrase, `there is no trait "${trait}"`);
  if (has) return { type: 'trait', trait, op: 'exists' };
  if (traitTypes[trait] !== 'boolean') throw unreadable(channel, phrase, `"${trait}" is not a true/false trait`);
  return { type: 'trait', trait, op: 'eq', value: bool![2]!.toLowerCase() === 'true' };
}

/** One channel's rule as an AND group of trait conditions. */
export function channelRule(channel: string, phrase: string, traitTypes: Record<string, ValueType>): Group {
  const parts = phrase.trim().split(/\s+and\s+/i).filter((p) => p !== '');
  if (parts.length === 0) throw unreadable(channel, phrase, 'it is empty');
  return { type: 'group', op: 'and', conditions: parts.map((p) => part(channel, phrase, p.trim(), traitTypes)) };
}

/** Every channel of a workspace, in the order the workspace lists them. */
export function channelRules(channels: Record<string, string>, traitTypes: Record<string, ValueType>): { channel: string; rule: Group }[] {
  return Object.entries(channels).map(([channel, phrase]) => ({ channel, rule: channelRule(channel, phrase, traitTypes) }));
}
