/**
 * Where a thread's checkpoints live in Redis.
 *
 * A thread owns a fixed set of six keys, whatever its size, all named `<prefix>:{<thread>}:<kind>`:
 * the `{<thread>}` hash tag puts them in one Redis Cluster slot, so a checkpoint is written in
 * one MULTI, a TTL refresh is six EXPIREs and deleting a thread is one DEL.
 *
 *   cp      hash  `<ns> <id>`                 → checkpoint record (checkpoint without values, metadata, parent)
 *   blobs   hash  `<ns> <channel> <version>`  → one channel value, stored once per version
 *   byns    zset  `<ns> <id>`                 (all scores 0: ordered by name) newest-first lookups in one namespace
 *   byid    zset  `<id> <ns>`                 newest-first across the thread's namespaces
 *   writes  hash  `<ns> <id> <task> <idx>`    → pending write record
 *   wkeys   zset  `<ns> <id> <task> <idx>`    the writes fields of one checkpoint, found by range
 *
 * Every part is percent-encoded, so it never contains the space that separates parts (nor `{`,
 * `}` or `:`); space sorts below every encoded character, which makes "all members starting with
 * `<ns> `" and "ids before X" exact lexicographic ranges.
 */

export const THREAD_KEY_KINDS = ['cp', 'blobs', 'byns', 'byid', 'writes', 'wkeys'] as const;
export type ThreadKeyKind = (typeof THREAD_KEY_KINDS)[number];
export type ThreadKeys = Record<ThreadKeyKind, string>;

const SEP = ' ';
/** The character right after SEP: `[<p> ` … `(<p>!` spans exactly the members starting with `<p> `. */
const AFTER_SEP = '!';

export function encodePart(part: string): string {
  return encodeURIComponent(part);
}

export function joinParts(...parts: string[]): string {
  return parts.map(encodePart).join(SEP);
}

export function splitParts(joined: string): string[] {
  return joined.split(SEP).map((p) => decodeURIComponent(p));
}

export function assertValidPrefix(prefix: string): void {
  // A brace in the prefix would become the hash tag and scatter a thread over slots.
  if (prefix === '' || /[{}\s]/.test(prefix)) {
    throw new Error(`Invalid Redis key prefix "${prefix}": it must be non-empty, without braces or spaces.`);
  }
}

export function threadKeys(prefix: string, threadId: string): ThreadKeys {
  const base = `${prefix}:{${encodePart(threadId)}}`;
  const keys = {} as ThreadKeys;
  for (const kind of THREAD_KEY_KINDS) keys[kind] = `${base}:${kind}`;
  return keys;
}

/** SCAN pattern matching one key per thread stored under `prefix`. */
export function threadScanPattern(prefix: string): string {
  return `${prefix.replace(/[*?[\]\\]/g, '\\$&')}:{*}:byid`;
}

/** The thread id of a key matched by `threadScanPattern`, or undefined for a stranger. */
export function threadIdFromKey(prefix: string, key: string): string | undefined {
  const head = `${prefix}:{`;
  const tail = '}:byid';
  if (!key.startsWith(head) || !key.endsWith(tail)) return undefined;
  return decodeURIComponent(key.slice(head.length, key.length - tail.length));
}

/** ZRANGEBYLEX bounds (min, max) of the members that start with the given parts. */
export function startsWithRange(...parts: string[]): { min: string; max: string } {
  const head = joinParts(...parts);
  return { min: `[${head}${SEP}`, max: `(${head}${AFTER_SEP}` };
}

/**
 * Exclusive upper bound of the members that sort before `[...parts, last]`: with `parts` the
 * namespace and `last` a checkpoint id, the checkpoints of that namespace older than the id.
 */
export function beforeBound(...partsThenLast: string[]): string {
  return `(${joinParts(...partsThenLast)}`;
}
