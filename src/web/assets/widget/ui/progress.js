/**
 * While the agent works: a progress bar with the current stage, and each lookup as it happens
 * ("Found event Order Completed"), announced politely to screen readers.
 */
import { h, uid } from './dom.js';

const STAGES = {
  intake: 'Reading your request',
  resolve: 'Looking up your data',
  clarify: 'Asking a question',
  draft: 'Counting the audience',
  confirm: 'Draft ready',
  save: 'Saving',
};

export function createProgress() {
  const ids = { label: uid('aw-stage') };
  const stage = h('p', { id: ids.label, class: 'aw-stage' });
  const fill = h('div', { class: 'aw-bar-fill' });
  const bar = h('div', { class: 'aw-bar', role: 'progressbar', 'aria-labelledby': ids.label, 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': 0 }, fill);
  const lookups = h('ol', { class: 'aw-lookups', role: 'log', 'aria-live': 'polite', 'aria-label': 'Lookups' });
  const el = h('section', { class: 'aw-progress', 'aria-label': 'Progress', hidden: true }, stage, bar, lookups);

  function setPercent(percent) {
    const p = Math.max(0, Math.min(100, Math.round(percent)));
    fill.style.width = `${p}%`;
    bar.setAttribute('aria-valuenow', String(p));
  }

  function addLookup(text) {
    lookups.append(h('li', {}, h('span', { class: 'aw-lookup-mark', 'aria-hidden': 'true' }, '⌕'), ' ', text));
  }

  return {
    el,
    /** A new turn starts: empty bar, no lookups. */
    start(message = 'Starting…') {
      el.hidden = false;
      el.dataset.state = 'working';
      stage.textContent = message;
      setPercent(2);
      lookups.replaceChildren();
    },
    /** @param {{ stage: string, percent: number, message: string }} e */
    progress(e) {
      el.hidden = false;
      stage.textContent = e.message || STAGES[e.stage] || 'Working…';
      stage.dataset.stage = e.stage;
      setPercent(e.percent);
    },
    /** @param {{ tool: string, summary: string }} e */
    tool(e) {
      if (e.summary) addLookup(e.summary);
    },
    /** The turn ended: the bar stays as a record of what was looked up. */
    finish(message) {
      el.dataset.state = 'done';
      setPercent(100);
      if (message) stage.textContent = message;
      // Without lookups the record says nothing the rest of the page does not.
      if (lookups.childElementCount === 0) el.hidden = true;
    },
    /** A reloaded thread: what the last turn looked up, without a bar. */
    showRecord(lines) {
      lookups.replaceChildren();
      lines.forEach(addLookup);
      el.hidden = lines.length === 0;
      el.dataset.state = 'done';
      stage.textContent = lines.length ? 'Looked up' : '';
      setPercent(100);
    },
    hide() {
      el.hidden = true;
    },
  };
}
