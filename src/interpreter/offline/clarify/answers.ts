/**
 * Reads an answer to a clarifying question: one of our options (read back with the parser), a
 * phrase of the user's own ("more than 5 orders"), or a bare number for the notion asked about.
 */
import type { Draft } from '../assemble/drafts.js';
import { treeDrafts } from '../assemble/sentence.js';
import { detectLanguage } from '../language.js';
import { readText, type ReadEnv } from '../read.js';
import type { Notion } from '../recognise/mentions.js';
import { EventResolver } from '../resolve/events.js';
import { ToolLog } from '../resolve/tool-log.js';
import { messagesFor } from '../messages/index.js';
import { moneyProperty } from '../assemble/filters.js';
import { parseNumberText } from '../text/numbers.js';

export function answerDrafts(answer: string, notion: Notion, env: ReadEnv): Draft[] | undefined {
  const text = answer.replace(/\([^)]*\)|（[^）]*）/g, ' ').trim();
  if (!text) return undefined;
  const language = detectLanguage(text);
  const reading = readText(text, language, env);
  const drafts = treeDrafts(reading.tree).filter((d) => d.kind !== 'vague');
  if (drafts.length && !reading.issues.length) return drafts;
  // A typed part of an address ("/p/", "shop/item") for a page.
  if (notion === 'page' && /^\S+$/.test(text)) return [{ kind: 'leaf', condition: { type: 'context', field: 'url', op: 'contains', value: text } }];
  const number = /\$?\s?(\d+(?:,\d{3})*(?:\.\d+)?\s?[kK]?)/.exec(text);
  const n = number ? parseNumberText(number[1]!.replace(/\s/g, '')) : undefined;
  return n === undefined ? undefined : fromNumber(n, notion, env);
}

function fromNumber(n: number, notion: Notion, env: ReadEnv): Draft[] | undefined {
  const events = new EventResolver(env.index, env.log ?? new ToolLog(), messagesFor(env.language ?? 'en'));
  const purchase = events.role('purchase');
  switch (notion) {
    case 'spend': {
      const money = moneyProperty(purchase);
      if (!purchase || !money) return undefined;
      return [{ kind: 'event', events: [purchase.name], filters: [], measure: { type: 'aggregate', fn: 'sum', property: money.name, op: 'gt', value: n }, order: 0 }];
    }
    case 'frequency':
      return purchase ? [{ kind: 'event', events: [purchase.name], filters: [], measure: { type: 'count', op: 'gte', value: Math.max(1, Math.round(n)) }, order: 0 }] : undefined;
    case 'churn':
      return purchase ? [{ kind: 'event', events: [purchase.name], filters: [], measure: { type: 'recency', op: 'more_than', amount: Math.max(1, Math.round(n)), unit: 'days' }, order: 0 }] : undefined;
    case 'new': {
      const signup = events.role('signup');
      return signup ? [{ kind: 'event', events: [signup.name], filters: [], fixedWindow: { kind: 'last', amount: Math.max(1, Math.round(n)), unit: 'days' }, measure: { type: 'count', op: 'gte', value: 1 }, order: 0 }] : undefined;
    }
    case 'likelihood': {
      const trait = env.index.catalog.traits.find((t) => t.type === 'number' && /probab|propens|likel|score/i.test(t.name));
      return trait ? [{ kind: 'leaf', condition: { type: 'trait', trait: trait.name, op: 'gt', value: n } }] : undefined;
    }
    case 'engagement': {
      const activity = events.role('activity');
      return activity ? [{ kind: 'event', events: [activity.name], filters: [], fixedWindow: { kind: 'last', amount: 30, unit: 'days' }, measure: { type: 'count', op: 'gte', value: Math.max(1, Math.round(n)) }, order: 0 }] : undefined;
    }
    case 'interest':
    case 'page':
    case 'hours':
    case 'satisfaction':
    case 'size':
      return undefined;
  }
}
