/**
 * The regular expressions of `matches` / `not_matches` context conditions: RE2 syntax, run by
 * re2js in time linear in the text, so a hostile URL cannot stall a request the way a
 * backtracking engine can. Always case-insensitive, and found anywhere in the text.
 */
import { RE2JS } from 're2js';

export interface Pattern {
  test(text: string): boolean;
}

/** Throws (an RE2JS syntax error) when RE2 cannot compile the source. */
export function compilePattern(source: string): Pattern {
  return RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
}

/** Why RE2 refuses the pattern, in words, or undefined when it compiles. */
export function patternProblem(source: string): string | undefined {
  try {
    compilePattern(source);
    return undefined;
  } catch (err) {
    const raw = err instanceof Error ? err.message : String(err);
    // "error parsing regexp: missing closing ): `(a`" → "missing closing )"
    const reason = raw.replace(/^error parsing regexp:\s*/, '').replace(/:\s*`[\s\S]*`$/, '');
    return `"${source}" is not a pattern that can be used (${reason}); lookarounds and back-references are not supported`;
  }
}

/** For definitions that skipped validation: a pattern RE2 refuses matches no text. */
export function patternOrNothing(source: string): Pattern {
  try {
    return compilePattern(source);
  } catch {
    return { test: () => false };
  }
}
