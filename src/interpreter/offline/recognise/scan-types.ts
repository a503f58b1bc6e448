/** What every recogniser receives and returns. */
import type { CatalogSearch } from '../../../catalog/types.js';
import type { Token } from '../text/tokenize.js';
import type { CatalogIndex } from '../resolve/catalog-index.js';
import type { GlossaryMeaning } from '../resolve/glossary.js';
import type { Mention, MentionBody } from './mentions.js';

export interface ScanEnv {
  index: CatalogIndex;
  /** Catalog search, for values beyond the catalog's top values ("SUMMER5" used twice). */
  search?: CatalogSearch;
  now: Date;
  /** The glossary's meanings; absent while reading those meanings (they must not refer to themselves). */
  glossary?: ReadonlyMap<string, GlossaryMeaning>;
  /**
   * The request is about visits happening now (a live audience): words with a history meaning
   * too ("from Germany", "iOS", "coming from google") mean the visit's.
   */
  live?: boolean;
}

export interface Recognised {
  /** Index after the last token used. */
  end: number;
  body: MentionBody;
}

export type Recogniser = (tokens: readonly Token[], i: number, env: ScanEnv, prev: Mention | undefined) => Recognised | undefined;

