import { AppError } from '../errors.js';
import { nestsDeeperThan } from '../json/depth.js';
import { AudienceDefinition, LIMITS, type AudienceDefinitionInput } from './schema.js';
import { allLeaves, depth } from './walk.js';

/**
 * The JSON nesting of the deepest definition the limits allow: the definition, an exclusion
 * and its root (3), two levels per group (the group and its list of conditions), then a leaf
 * with its filters and their values (4). Anything deeper is refused before the schema, whose
 * recursive parser would overflow the stack on a definition nested thousands deep.
 */
const MAX_JSON_DEPTH = 3 + 2 * LIMITS.maxDepth + 4;

function tooDeep(): AppError {
  return new AppError('limit_exceeded', `Conditions are nested more than ${LIMITS.maxDepth} groups deep; the limit is ${LIMITS.maxDepth}.`, { limit: LIMITS.maxDepth });
}

/**
 * Parses untrusted input into a definition, enforcing the schema and the size limits.
 * Schema errors are `invalid_definition` naming the path; size errors are `limit_exceeded`.
 */
export function parseDefinition(input: unknown): AudienceDefinition {
  if (nestsDeeperThan(input, MAX_JSON_DEPTH)) throw tooDeep();
  const parsed = AudienceDefinition.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.length ? issue.path.join('.') : '(root)';
    throw new AppError('invalid_definition', `The audience definition is not valid at ${path}: ${issue.message}.`, {
      path,
      issues: parsed.error.issues.slice(0, 5).map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  const def = parsed.data;
  const groups = [def.root, ...def.exclude.map((e) => e.root)];
  const deepest = Math.max(...groups.map(depth));
  if (deepest > LIMITS.maxDepth) throw tooDeep();
  const count = allLeaves(def).length;
  if (count > LIMITS.maxConditions) {
    throw new AppError('limit_exceeded', `The audience has ${count} conditions; the limit is ${LIMITS.maxConditions}.`, { limit: LIMITS.maxConditions });
  }
  return def;
}

export function defineAudience(input: AudienceDefinitionInput): AudienceDefinition {
  return parseDefinition(input);
}
