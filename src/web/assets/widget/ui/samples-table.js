/** A table of sample members: their id and the few traits the service chose to show. */
import { formatCount, humanize } from '../model/format.js';
import { h } from './dom.js';

/**
 * @param {{ userId: string, traits: Record<string, unknown> }[]} samples
 * @param {number} size
 */
export function samplesTable(samples, size) {
  if (!samples?.length) return h('p', { class: 'aw-muted' }, 'No members to show.');
  const keys = [...new Set(samples.flatMap((s) => Object.keys(s.traits ?? {})))];
  const caption = `Sample members (${formatCount(samples.length)} of ${formatCount(size)})`;
  return h(
    'div',
    { class: 'aw-table-wrap', role: 'region', 'aria-label': caption, tabindex: 0 },
    h(
      'table',
      { class: 'aw-table' },
      h('caption', { class: 'aw-subhead' }, caption),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'User ID'), keys.map((k) => h('th', { scope: 'col' }, humanize(k))))),
      h(
        'tbody',
        {},
        samples.map((s) =>
          h('tr', {}, h('th', { scope: 'row' }, s.userId), keys.map((k) => h('td', {}, s.traits?.[k] === null || s.traits?.[k] === undefined ? '—' : String(s.traits[k])))),
        ),
      ),
    ),
  );
}
