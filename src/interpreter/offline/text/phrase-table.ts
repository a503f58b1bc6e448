/**
 * Finds the longest known phrase starting at a token: a trie over stems, so "cat lovers" finds
 * the phrase "Cat Lover". Hyphens inside the prompt are skipped like spaces.
 */
import { isSpacer, tokenize, type Token } from './tokenize.js';

interface Entry<T> {
  payload: T;
  /** Only when the prompt writes it exactly so ("US", not "us"). */
  exact?: string[];
}

interface Node<T> {
  next: Map<string, Node<T>>;
  entries: Entry<T>[];
}

export interface PhraseMatch<T> {
  /** Index after the last token of the phrase. */
  end: number;
  payloads: T[];
}

export class PhraseTable<T> {
  private readonly root: Node<T> = { next: new Map(), entries: [] };

  /** `key`: how a word is compared (the crude stem by default; a lemma for tables of base forms). */
  constructor(key: (t: Token) => string = (t) => t.stem) {
    // "Staff & Test Accounts" is written "staff and test accounts" too.
    this.key = (t) => (t.text === '&' ? 'and' : key(t));
  }

  private readonly key: (t: Token) => string;

  add(phrase: string, payload: T, opts: { caseSensitive?: boolean } = {}): this {
    const tokens = tokenize(phrase).filter((t) => !isSpacer(t));
    if (tokens.length === 0) return this;
    let node = this.root;
    for (const t of tokens) {
      let child = node.next.get(this.key(t));
      if (!child) {
        child = { next: new Map(), entries: [] };
        node.next.set(this.key(t), child);
      }
      node = child;
    }
    node.entries.push({ payload, exact: opts.caseSensitive ? tokens.map((t) => t.text) : undefined });
    return this;
  }

  /** The longest phrase starting at `start`, or undefined. */
  match(tokens: readonly Token[], start: number): PhraseMatch<T> | undefined {
    let node = this.root;
    let best: PhraseMatch<T> | undefined;
    const written: string[] = [];
    for (let i = start; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (isSpacer(t) && i > start) continue;
      const child = node.next.get(this.key(t));
      if (!child) break;
      node = child;
      written.push(t.text);
      const fitting = node.entries.filter((e) => !e.exact || e.exact.join(' ') === written.join(' '));
      if (fitting.length) best = { end: i + 1, payloads: fitting.map((e) => e.payload) };
    }
    return best;
  }
}
