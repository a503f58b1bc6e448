/**
 * PostgreSQL schema names for workspaces, generated so that no workspace name ever reaches
 * SQL as an identifier: a lower-case slug for people reading `\dn`, plus a hash for uniqueness.
 */
import { createHash } from 'node:crypto';

const PREFIX = 'aa_';
const SLUG_MAX = 40;

export function postgresSchemaName(workspaceId: string): string {
  const slug = workspaceId.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, SLUG_MAX);
  const hash = createHash('sha256').update(workspaceId).digest('hex').slice(0, 8);
  return `${PREFIX}${slug ? `${slug}_` : ''}${hash}`;
}

/** Where a load is written before it replaces the live schema. */
export function stagingSchemaName(schemaName: string): string {
  return `${schemaName}__load`;
}
