/** The ✓ lines of an audience as read-only text, each with how many people it holds on its own. */
import { formatCount } from '../model/format.js';
import { h } from './dom.js';

/**
 * @param {string[]} explanation one line per top-level condition, then the exclusions
 * @param {{ line: string, size: number }[]} [conditionSizes] sizes of the top-level conditions, in order
 */
export function conditionList(explanation, conditionSizes = []) {
  return h(
    'ul',
    { class: 'aw-lines', 'aria-label': 'Conditions' },
    explanation.map((text, i) =>
      h(
        'li',
        { class: 'aw-line' },
        h('span', { class: 'aw-check', 'aria-hidden': 'true' }, '✓'),
        h('span', { class: 'aw-line-text' }, text),
        conditionSizes[i] ? lineSize(conditionSizes[i].size) : null,
      ),
    ),
  );
}

/** "12,345 on its own": the size of one condition without the others. */
export function lineSize(size) {
  return h('span', { class: 'aw-line-size aw-muted aw-small' }, `${formatCount(size)} on its own`);
}
