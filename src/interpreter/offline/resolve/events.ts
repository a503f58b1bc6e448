/**
 * Finds the workspace's events for what a request says was done: the roles its events play
 * (the purchase, the activity, the sign-up, the cart…) and the events a phrase names
 * ("exported a report", "watched a video"), through the vocabulary matcher. Every lookup is
 * recorded, so the user sees what was found.
 */
import type { EventInfo } from '../../../catalog/types.js';
import { GENERIC_THINGS } from '../../../vocabulary/concepts.js';
import { matchEvents, type EventMatch, type PhraseQuery } from '../../../vocabulary/match-events.js';
import type { EventRoleId } from '../../../vocabulary/roles.js';
import type { Term } from '../../../vocabulary/vocabulary.js';
import type { Messages } from '../messages/types.js';
import type { CatalogIndex } from './catalog-index.js';
import type { ToolLog } from './tool-log.js';

/** Two candidates closer than this are both possible: the user is asked which. */
const AMBIGUITY_MARGIN = 0.3;

export type PhraseResolution =
  | { kind: 'events'; events: string[]; via: 'name' | 'role' }
  | { kind: 'ambiguous'; candidates: EventMatch[] }
  | { kind: 'none' };

const hasAct = (t: Term, ...ids: string[]) => ids.some((id) => t.senses.act.core.has(id));
const hasThing = (t: Term, ...ids: string[]) => ids.some((id) => t.senses.thing.core.has(id));

/** Things that add nothing to "bought" ("an order", "a purchase", "something"). */
function purchaseThing(t: Term): boolean {
  return GENERIC_THINGS.has(t.lemmas.at(-1)!) || GENERIC_THINGS.has(t.text) || hasThing(t, 'order', 'payment', 'product');
}

export class EventResolver {
  constructor(
    private readonly index: CatalogIndex,
    private readonly log: ToolLog,
    private readonly msgs: Messages,
  ) {}

  /** The event playing a role (the purchase, the activity…), or undefined when the workspace has none. */
  role(id: EventRoleId): EventInfo | undefined {
    const role = this.index.roles.events[id];
    const found = role ? this.index.event(role.event) : undefined;
    if (found) this.log.record('search_catalog', { query: id.replace('_', ' '), kinds: ['event'] }, this.msgs.foundEvent(found.name));
    return found;
  }

  /** The property a role's event carries its amount or score in (purchase: the money). */
  roleProperty(id: EventRoleId): string | undefined {
    return this.index.roles.events[id]?.property;
  }

  /** Reports an event taken from a value or a literal name. */
  noteEvent(name: string): void {
    this.log.record('search_catalog', { query: name, kinds: ['event'] }, this.msgs.foundEvent(name));
  }

  /**
   * The events an act and its things name. Buying or paying with nothing more specific is the
   * workspace's purchase; otherwise the events whose words say the phrase, the closest first;
   * failing that, the role the act plays ("logged in" where only an app launch is tracked).
   */
  resolve(acts: readonly Term[], things: readonly Term[], light: readonly Term[] = [], opts: { fallback?: boolean } = {}): PhraseResolution {
    const strong = acts;
    const specific = things.filter((t) => !GENERIC_THINGS.has(t.lemmas.at(-1)!) && !GENERIC_THINGS.has(t.text));
    const buying = (strong.length > 0 && strong.every((a) => hasAct(a, 'buy', 'pay'))) || (strong.length === 0 && specific.length > 0 && specific.every((t) => hasThing(t, 'order') || hasAct(t, 'buy')));
    if (buying && specific.every(purchaseThing)) {
      const purchase = this.role('purchase');
      if (purchase) return { kind: 'events', events: [purchase.name], via: 'role' };
    }
    const query: PhraseQuery = { acts: [...strong], things: specific };
    if (!strong.length && !specific.length) query.things = [...things];
    // Only events that say one of the words closely in their name, or every word in their description, are the phrase's.
    const found = matchEvents(this.index.vocab, query).filter((m) => m.strength >= 0.8 || m.weakest >= 0.64);
    const withLight = light.length ? this.rerank(found, light) : found;
    const top = withLight[0];
    if (top) {
      const close = withLight.filter((m) => top.score - m.score < AMBIGUITY_MARGIN);
      if (close.length > 1) return { kind: 'ambiguous', candidates: close };
      this.noteEvent(top.event);
      return { kind: 'events', events: [top.event], via: 'name' };
    }
    const role = opts.fallback === false ? undefined : this.fallbackRole([...strong, ...light], specific);
    const event = role ? this.role(role) : undefined;
    return event ? { kind: 'events', events: [event.name], via: 'role' } : { kind: 'none' };
  }

  /** A light verb ("got", "made") breaks ties: "got a push" is a push received. */
  private rerank(found: EventMatch[], light: readonly Term[]): EventMatch[] {
    const v = this.index.vocab;
    const bonus = (m: EventMatch) => {
      const e = v.event(m.event);
      if (!e) return 0;
      return Math.max(0, ...light.flatMap((l) => e.nameTerms.map((n) => (l.senses.act.loose.size && [...l.senses.act.loose].some((c) => n.senses.act.core.has(c)) ? 0.4 : 0))));
    };
    return found.map((m) => ({ ...m, score: m.score + bonus(m) })).sort((a, b) => b.score - a.score);
  }

  /** The role an act plays when no event names it ("logged in" → the activity event). */
  private fallbackRole(acts: readonly Term[], things: readonly Term[]): EventRoleId | undefined {
    if (things.some((t) => !hasThing(t, 'app', 'site', 'account'))) return undefined;
    const says = (a: Term, ...ids: string[]) => ids.some((id) => a.senses.act.core.has(id) || a.senses.act.loose.has(id));
    if (acts.some((a) => says(a, 'login', 'visit'))) return 'activity';
    if (acts.some((a) => says(a, 'signup', 'install'))) return 'signup';
    if (acts.some((a) => hasAct(a, 'buy', 'pay'))) return 'purchase';
    return undefined;
  }
}
