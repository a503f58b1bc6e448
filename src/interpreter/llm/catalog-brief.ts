/**
 * The catalog as the model reads it: names, descriptions, types, ranges and the top values of
 * non-personal fields. Never profile rows, never values of personal traits.
 */
import type { Catalog, PropertyInfo, TraitInfo, ValueCount } from '../../catalog/types.js';
import { redactPii } from './redact-pii.js';
import { rolesOf } from '../../vocabulary/roles.js';
import { rolesBrief } from './system-prompt.js';

const TOP = 6;
/** Past these, the model finds the rest with the search tools. */
const MAX_EVENTS = 120;
const MAX_TRAITS = 150;
/** Above this many distinct values (ids, names) the top values say nothing useful. */
const MAX_DISTINCT_TO_LIST = 60;

function values(top: ValueCount[], distinct: number): string {
  if (!top.length || distinct > MAX_DISTINCT_TO_LIST) return distinct ? `${distinct} distinct values` : '';
  const shown = top.slice(0, TOP).map((v) => `${JSON.stringify(v.value)} (${v.count})`).join(', ');
  return distinct > TOP ? `${shown}, ${distinct - TOP} more` : shown;
}

function range(min: number | string | undefined, max: number | string | undefined): string {
  return min === undefined ? '' : `range ${String(min)}…${String(max)}`;
}

function property(p: PropertyInfo): string {
  const parts = [p.type, p.description, range(p.min, p.max), p.type === 'number' ? '' : values(p.topValues, p.distinct)].filter(Boolean);
  return `${p.name} (${parts.join('; ')})`;
}

function trait(t: TraitInfo): string {
  if (t.pii) return `- ${t.name} (${t.type}; personal data: only exists / not_exists; ${t.profiles} profiles have it)`;
  const parts = [t.type, t.description, `${t.profiles} profiles`, range(t.min, t.max), t.type === 'number' ? '' : values(t.topValues, t.distinct)].filter(Boolean);
  return `- ${t.name} (${parts.join('; ')})`;
}

function more(count: number, what: string, tool: string): string[] {
  return count > 0 ? [`- … and ${count} more ${what}: find them with ${tool}.`] : [];
}

export function catalogBrief(catalog: Catalog, now: Date): string {
  const ws = catalog.workspace;
  const lines = [
    `Workspace "${ws.name}": ${catalog.profiles} profiles, currency ${ws.currency}, time zone ${ws.timezone}.`,
    `Now is ${now.toISOString()}. Data can be queried back ${ws.lookbackDays} days at most.`,
    '',
    'Events (name: description; volume; properties):',
    ...catalog.events.slice(0, MAX_EVENTS).map((e) => `- ${e.name}: ${e.description ?? ''} ${e.volume} events by ${e.profiles} profiles; properties: ${e.properties.map(property).join(', ') || 'none'}`),
    ...more(catalog.events.length - MAX_EVENTS, 'events', 'search_events'),
    '',
    'Traits:',
    ...catalog.traits.slice(0, MAX_TRAITS).map(trait),
    ...more(catalog.traits.length - MAX_TRAITS, 'traits', 'search_traits'),
    '',
    `Tags (trait ${JSON.stringify(rolesOf(catalog).traits.tags?.trait ?? 'tags')}): ${values(catalog.tags, catalog.tags.length) || 'none'}`,
    `Static lists: ${catalog.lists.map((l) => `${JSON.stringify(l.name)} (${l.size}${l.description ? `; ${l.description}` : ''})`).join(', ') || 'none'}`,
    `Reachability channels: ${Object.entries(ws.channels).map(([c, d]) => `${c} = ${d}`).join('; ') || 'none'}`,
    '',
    rolesBrief(catalog),
    '',
    'Glossary (the team\'s own words):',
    ...(ws.glossary.length ? ws.glossary.map((g) => `- ${g.term}: ${g.meaning}`) : ['- (empty)']),
  ];
  return redactPii(lines.join('\n'));
}
