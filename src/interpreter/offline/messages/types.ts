/** Every user-facing sentence the offline interpreter says, in one place per language. */
import type { Notion } from '../recognise/mentions.js';
import type { OutOfScopeId } from '../lexicon/out-of-scope-words.js';

export interface OptionFacts {
  /** The threshold as shown ("$1,240", "8 orders", "0.7"). */
  threshold: string;
  /** Share of the people measured, in percent. */
  share?: number;
  size: number;
}

export interface Messages {
  foundEvent(name: string): string;
  foundValue(value: string, field: string): string;
  foundTag(tag: string): string;
  foundList(name: string): string;
  foundTrait(name: string): string;
  foundGlossary(term: string, meaning: string): string;
  measured(what: string): string;

  promptLength(min: number, max: number, length: number): string;
  lookbackExceeded(days: number): string;
  unknownThing(words: string): string;
  outOfScope(thing: OutOfScopeId, alternative?: string): string;
  noSuchEvent(what: string): string;
  missingValue(value: string, field: string, examples: string[]): string;
  notRecordedOn(value: string, event: string): string;
  nothingUnderstood(): string;
  /** The request is in a language the product does not read (always said in English). */
  unreadLanguage(language: string): string;

  question(notion: Notion, term: string): string;
  /** Several events fit the words about as well. */
  whichEvent(words: string): string;
  /** One of them, with what it records and how many people did it. */
  eventOption(name: string, description: string | undefined, size: number): string;
  /** Option texts: each must read back through the parser to the same condition. */
  spendOption(f: OptionFacts): string;
  frequencyOption(f: OptionFacts & { orders: number }): string;
  churnOption(days: number, size: number): string;
  likelihoodOption(trait: string, threshold: number, size: number): string;
  newOption(days: number, size: number): string;
  interestViewedOption(value: string, days: number, size: number): string;
  interestBoughtOption(value: string, days: number, size: number): string;
  interestClickedOption(days: number, size: number): string;
  /** None of the activity event in the last days ("dropped off"). */
  quietOption(event: string, days: number, size: number): string;
  /** The activity event at least this often in the last days ("highly engaged"). */
  engagementOption(event: string, times: number, days: number, size: number): string;
  /** A score given of at most this ("unhappy"). */
  scoreOption(event: string, property: string, atMost: number, days: number, size: number): string;
  /** A numeric trait at least this ("big accounts"). */
  traitAtLeastOption(trait: string, threshold: number, size: number): string;
  /** Words the reading could not place that would change the audience; `size` is the audience without them. */
  unplaced(words: string, size: number): string;
  /** The option that builds the audience without those words. */
  leaveOut(words: string, size: number): string;
  /** An error about words the data does not hold, asked as a question with the closest things it does hold. */
  didYouMean(message: string): string;
  /** The free-text option: the user says what the words mean. */
  sayMeaning(): string;
  /** The subject of the question asked when no one matches (an answer is kept under it). */
  noOneTerm(): string;
  /** No one matches what was read; `lines` say what it is. */
  noOne(lines: string[]): string;
  /** An exclusion as a line ("Excluding Blocklist"). */
  excluding(name: string): string;
  /** Keep the audience though no one matches now. */
  keepEmpty(): string;
  /** The audience without one of its conditions (its line), with its size. */
  withoutCondition(line: string, size: number): string;
  /** The free-text option: the user says what to change. */
  sayChange(): string;
  typeNumber(): string;
  /** The free-text option of a question about a page ("the pricing page"). */
  typeAddress(): string;
  /** The free-text option of a question about times ("business hours"). */
  typeTimes(): string;
}
