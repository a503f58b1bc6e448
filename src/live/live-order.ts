/** The rules of a workspace's ordered live list that every store applies the same way. */
import { AppError } from '../errors.js';
import { isBuiltInLiveAudience } from './default-audiences.js';
import type { LiveAudience } from './types.js';

/** Where `position` puts a new audience in a list of `length`: 0 is the top, past the end the bottom. */
export function insertionIndex(position: number | undefined, length: number): number {
  if (position === undefined || !Number.isFinite(position)) return 0;
  return Math.min(Math.max(0, Math.floor(position)), length);
}

/** The audience as stored: built in exactly when it is one of the defaults. */
export function toStored(audience: LiveAudience): LiveAudience {
  return { ...structuredClone(audience), builtIn: isBuiltInLiveAudience(audience.id) };
}

export function builtInDeleteConflict(audience: { id: string; name?: string }): AppError {
  const name = audience.name ? `"${audience.name}"` : 'This audience';
  return new AppError('not_allowed', `${name} is one of the default live audiences: it can be moved, edited or turned off, but not deleted.`, { id: audience.id });
}

/** `invalid_input` naming what is wrong when `ids` is not each of `current` exactly once. */
export function reorderProblem(current: readonly string[], ids: readonly string[]): AppError | undefined {
  const known = new Set(current);
  const seen = new Set<string>();
  const duplicate = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) duplicate.add(id);
    seen.add(id);
  }
  const unknown = [...seen].filter((id) => !known.has(id));
  const missing = current.filter((id) => !seen.has(id));
  if (unknown.length === 0 && missing.length === 0 && duplicate.size === 0) return undefined;
  const parts = [
    missing.length ? `missing ${missing.join(', ')}` : '',
    unknown.length ? `not in this workspace ${unknown.join(', ')}` : '',
    duplicate.size ? `named more than once ${[...duplicate].join(', ')}` : '',
  ].filter(Boolean);
  return new AppError('invalid_input', `The new order must name each live audience of the workspace exactly once: ${parts.join('; ')}.`, {
    missing,
    unknown,
    duplicate: [...duplicate],
  });
}
