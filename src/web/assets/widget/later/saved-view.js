/**
 * One saved audience opened: its conditions (each with its own size), size, reach by channel,
 * sample members and when it was counted, with what can be done to it: count again, edit as a
 * draft, duplicate, delete (asked first), download the members as CSV or JSONL, copy its SQL.
 */
import { formatCount, formatDateTime, formatShare } from '../model/format.js';
import { conditionList } from '../ui/condition-list.js';
import { h, replace, uid } from '../ui/dom.js';
import { reachChart } from '../ui/reach-chart.js';
import { samplesTable } from '../ui/samples-table.js';
import { sizeHistory } from './size-history.js';

/**
 * @param {{ onCount: () => void, onEdit: () => void, onDuplicate: () => void, onDelete: () => void,
 *           onDownload: (format: 'csv' | 'jsonl') => void, onCopySql: () => void, onClose: () => void }} actions
 */
export function createSavedView(actions) {
  const ids = { heading: uid('aw-open'), sql: uid('aw-sql') };
  const heading = h('h2', { id: ids.heading, class: 'aw-card-title', tabindex: -1 }, 'Saved audience');
  const description = h('p', { class: 'aw-saved-description' });
  const counted = h('p', { class: 'aw-muted aw-small aw-counted' });
  const size = h('p', { class: 'aw-size', 'aria-live': 'polite' });
  const lines = h('div');
  const reach = h('div', { class: 'aw-reach-wrap' });
  const samples = h('div', { class: 'aw-samples' });
  const status = h('p', { class: 'aw-muted aw-small', role: 'status' });
  const history = h('div');
  const historyBox = h('div', { class: 'aw-history-box', hidden: true }, h('h3', { class: 'aw-subhead' }, 'Size over time'), history);
  const sqlText = h('pre', { class: 'aw-sql', tabindex: 0, 'aria-label': 'SQL' });
  const sqlBox = h('div', { id: ids.sql, class: 'aw-sql-box', hidden: true }, h('h3', { class: 'aw-subhead' }, 'SQL'), sqlText);

  const button = (label, onClick, extra = {}) => h('button', { type: 'button', class: 'aw-button aw-small-button', onClick, ...extra }, label);
  const countButton = button('Count again', () => actions.onCount());
  const buttons = [
    countButton,
    button('Edit as a draft', () => actions.onEdit()),
    button('Duplicate', () => actions.onDuplicate()),
    button('Download CSV', () => actions.onDownload('csv')),
    button('Download JSONL', () => actions.onDownload('jsonl')),
    button('Copy SQL', () => actions.onCopySql(), { 'aria-controls': ids.sql }),
  ];
  const deleteButton = button('Delete…', () => askDelete(), { 'aria-expanded': 'false' });
  const keep = button('Keep it', () => closeAsk());
  const confirmDelete = h('button', { type: 'button', class: 'aw-button aw-small-button aw-danger', onClick: () => actions.onDelete() }, 'Delete');
  const askText = h('p', { class: 'aw-ask-text' });
  const ask = h('div', { class: 'aw-ask', role: 'group', 'aria-label': 'Delete this audience?', hidden: true, onKeydown: (e) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    closeAsk();
  } }, askText, h('div', { class: 'aw-line-actions' }, confirmDelete, keep));
  const close = h('button', { type: 'button', class: 'aw-link aw-close', onClick: () => actions.onClose() }, 'Close');

  const el = h(
    'section',
    { class: 'aw-card aw-saved-view', 'aria-labelledby': ids.heading, hidden: true },
    h('div', { class: 'aw-card-head' }, heading, close),
    description, size, counted, lines,
    h('div', { class: 'aw-draft-grid' }, reach, samples),
    historyBox,
    h('div', { class: 'aw-actions', role: 'group', 'aria-label': 'Audience actions' }, buttons, deleteButton),
    ask, status, sqlBox,
  );

  let name = '';

  function askDelete() {
    askText.textContent = `Delete “${name}” for good? Its members can no longer be downloaded.`;
    ask.hidden = false;
    deleteButton.setAttribute('aria-expanded', 'true');
    keep.focus();
  }

  function closeAsk() {
    ask.hidden = true;
    deleteButton.setAttribute('aria-expanded', 'false');
    deleteButton.focus();
  }

  return {
    el,
    /** @param {{ name: string, description?: string }} audience */
    open(audience) {
      name = audience.name;
      heading.textContent = audience.name;
      description.textContent = audience.description ?? '';
      description.hidden = !audience.description;
      replace(size, h('span', { class: 'aw-muted' }, 'Counting…'));
      replace(lines);
      replace(reach);
      replace(samples);
      counted.textContent = '';
      status.textContent = '';
      sqlBox.hidden = true;
      historyBox.hidden = true;
      ask.hidden = true;
      el.hidden = false;
      heading.focus();
    },
    /** The audience counted now (POST /v1/compute of its definition). */
    showCount(result, countedAt) {
      const total = result.totalProfiles ?? 0;
      replace(size, h('strong', { class: 'aw-size-number' }, formatCount(result.size)), ` ${result.size === 1 ? 'person' : 'people'}`,
        total ? h('span', { class: 'aw-muted' }, ` · ${formatShare(result.size, total)} of ${formatCount(total)} profiles`) : null);
      counted.textContent = `Counted ${formatDateTime(countedAt)}, with the data as of ${formatDateTime(result.now)}`;
      // Sizes on their own belong to the conditions; the lines after them are the exclusions.
      replace(lines, conditionList(result.explanation ?? [], (result.conditionSizes ?? []).slice(0, result.definition?.root?.conditions?.length ?? 0)));
      replace(reach, reachChart(result.reachability, result.size));
      replace(samples, samplesTable(result.samples, result.size));
    },
    /** The counts kept of it, newest first; null where the service keeps none. */
    showHistory(counts) {
      historyBox.hidden = counts === null;
      replace(history, counts === null ? null : sizeHistory(counts));
    },
    countFailed(text) {
      replace(size, h('span', { class: 'aw-muted' }, text));
    },
    setCounting(value) {
      countButton.disabled = value;
      countButton.textContent = value ? 'Counting…' : 'Count again';
    },
    showSql(sql, params) {
      sqlText.textContent = params?.length ? `${sql}\n\n-- parameters, in order:\n${params.map((p, i) => `-- ${i + 1}: ${JSON.stringify(p)}`).join('\n')}` : sql;
      sqlBox.hidden = false;
    },
    say(text) {
      status.textContent = text;
    },
    isOpen: () => !el.hidden,
    hide() {
      el.hidden = true;
    },
  };
}
