import { formatNumber } from '../text/numbers.js';
import type { OutOfScopeId } from '../lexicon/out-of-scope-words.js';
import type { Messages } from './types.js';

const THINGS: Record<OutOfScopeId, string> = {
  in_store: 'in-store activity (physical stores)', events: 'webinars or live events', support: 'customer-service contacts',
  offline_ads: 'offline advertising', gift_cards: 'gift cards or loyalty points', wishlists: 'wishlists', searches: 'searches',
  referrals: 'referrals or shares', subscriptions: 'paid subscriptions', future: 'what people will do in the future (only what they already did is recorded)',
};

const people = (n: number) => `${formatNumber(n)} ${n === 1 ? 'person' : 'people'}`;
const share = (s: number | undefined) => (s === undefined ? '' : `top ${formatNumber(s)}%, `);

export const en: Messages = {
  foundEvent: (name) => `Found event ${name}`,
  foundValue: (value, field) => `Found value ${value} of ${field}`,
  foundTag: (tag) => `Found tag ${tag}`,
  foundList: (name) => `Found list ${name}`,
  foundTrait: (name) => `Found trait ${name}`,
  foundGlossary: (term, meaning) => `Found glossary term "${term}": ${meaning}`,
  measured: (what) => `Measured ${what}`,

  promptLength: (min, max, length) => `Please describe the audience in ${min} to ${max} characters (this description has ${length}).`,
  lookbackExceeded: (days) => `Your plan only supports a compute history of ${days} days.`,
  unknownThing: (words) => `I can't find "${words}" in this workspace's data.`,
  outOfScope: (thing, alternative) => `I can't see ${THINGS[thing]} in this workspace's data.${alternative ? ` I can use ${alternative} instead.` : ''}`,
  noSuchEvent: (what) => `This workspace doesn't track ${what}.`,
  missingValue: (value, field, examples) => `No customer has ${field} "${value}".${examples.length ? ` Values in your data: ${examples.join(', ')}.` : ''}`,
  notRecordedOn: (value, event) => `${event} doesn't record "${value}".`,
  nothingUnderstood: () => "I couldn't find any condition in this description. Try naming what customers did or who they are, e.g. \"customers who purchased in the last 30 days\".",
  unreadLanguage: (language) => `This looks like ${language}, which I can't read yet. Please describe the audience in English, Traditional Chinese, Japanese or Thai.`,

  question: (notion, term) => {
    switch (notion) {
      case 'spend': return `What counts as "${term}"? Pick a total spend threshold:`;
      case 'frequency': return `What counts as "${term}"? Pick a number of orders:`;
      case 'churn': return `What counts as "${term}"? Pick how long since the last purchase:`;
      case 'likelihood': return `What counts as "${term}"? Pick a predicted purchase probability:`;
      case 'interest': return `Which interest do you mean by "${term}"?`;
      case 'new': return `What counts as "${term}"? Pick how recently they signed up:`;
      case 'page': return `Which pages are "${term}"? Pick what their address contains:`;
      case 'hours': return `What counts as "${term}"? Pick the visitor's local times:`;
      case 'engagement': return `What counts as "${term}"? Pick how often they used it:`;
      case 'satisfaction': return `What counts as "${term}"? Pick a score they gave:`;
      case 'size': return `What counts as "${term}"? Pick a size:`;
    }
  },
  whichEvent: (words) => `"${words}" could be more than one thing in this workspace. Which one do you mean?`,
  eventOption: (name, description, size) => `${name}${description ? `: ${description.replace(/\.$/, '')}` : ''} (${people(size)})`,
  spendOption: (f) => `Total spend over ${f.threshold} (${share(f.share)}${people(f.size)})`,
  frequencyOption: (f) => `At least ${f.orders} orders (${share(f.share)}${people(f.size)})`,
  churnOption: (days, size) => `Last purchase more than ${days} days ago (${people(size)})`,
  likelihoodOption: (trait, threshold, size) => `${trait.replace(/_/g, ' ')} above ${formatNumber(threshold)} (${people(size)})`,
  newOption: (days, size) => `Signed up in the last ${days} days (${people(size)})`,
  interestViewedOption: (value, days, size) => `Viewed ${value} products in the last ${days} days (${people(size)})`,
  interestBoughtOption: (value, days, size) => `Bought ${value} products in the last ${days} days (${people(size)})`,
  interestClickedOption: (days, size) => `Clicked an email in the last ${days} days (${people(size)})`,
  quietOption: (event, days, size) => `No ${event} in the last ${days} days (${people(size)})`,
  engagementOption: (event, times, days, size) => `${event} at least ${times} times in the last ${days} days (${people(size)})`,
  scoreOption: (event, property, atMost, days, size) => `${event} with ${property} ${formatNumber(atMost)} or lower in the last ${days} days (${people(size)})`,
  traitAtLeastOption: (trait, threshold, size) => `${trait} at least ${formatNumber(threshold)} (${people(size)})`,
  unplaced: (words, size) => `I read the rest, but couldn't place “${words}”: without it the audience has ${people(size)}. What does “${words}” mean here?`,
  leaveOut: (words, size) => `Leave “${words}” out (${people(size)})`,
  didYouMean: (message) => `${message} Did you mean one of these?`,
  sayMeaning: () => 'Let me say what it means',
  noOneTerm: () => 'no one matches',
  noOne: (lines) => `No one matches this right now: ${lines.join('; ')}. Did I read it as you meant?`,
  excluding: (name) => `Excluding ${name}`,
  keepEmpty: () => 'Keep it as it is (0 people)',
  withoutCondition: (line, size) => `Without “${line}” (${people(size)})`,
  sayChange: () => 'Let me say what to change',
  typeNumber: () => 'Let me type a number',
  typeAddress: () => 'Let me type the address part',
  typeTimes: () => 'Let me type the times',
};
