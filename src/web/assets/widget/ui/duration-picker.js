/**
 * How long a visitor stays in a live audience once they qualify: this session, or a number of
 * days or weeks. A wrong amount is said next to the field.
 */
import { readDuration } from '../model/live.js';
import { h, uid } from './dom.js';

const UNITS = [
  { value: 'session', label: 'This session' },
  { value: 'days', label: 'Days' },
  { value: 'weeks', label: 'Weeks' },
];
const DEFAULT_AMOUNT = { days: '7', weeks: '2' };

export function createDurationPicker() {
  const ids = { legend: uid('aw-dur'), unit: uid('aw-dur-unit'), amount: uid('aw-dur-amount'), problem: uid('aw-dur-problem') };
  const unit = h('select', { id: ids.unit, class: 'aw-input aw-input-inline', name: 'duration-unit' }, UNITS.map((u) => h('option', { value: u.value }, u.label)));
  // Checked by readDuration, so a wrong amount is said in words next to the field (the browser's own check would block Apply silently).
  const amount = h('input', {
    id: ids.amount, class: 'aw-input aw-input-inline aw-amount', name: 'duration-amount', type: 'text', inputmode: 'numeric',
    maxlength: 3, autocomplete: 'off', 'aria-describedby': ids.problem,
  });
  const amountLabel = h('label', { for: ids.amount, class: 'aw-label aw-small' }, 'Number of days');
  const amountField = h('div', { class: 'aw-slot' }, amountLabel, amount);
  const problem = h('p', { id: ids.problem, class: 'aw-field-problem', role: 'alert' });
  const el = h(
    'fieldset',
    { class: 'aw-duration', hidden: true },
    h('legend', { id: ids.legend, class: 'aw-subhead' }, 'Keep a visitor in it for'),
    h('div', { class: 'aw-slots' }, h('div', { class: 'aw-slot' }, h('label', { for: ids.unit, class: 'aw-label aw-small' }, 'Duration'), unit), amountField),
    problem,
  );

  function sync() {
    const timed = unit.value !== 'session';
    amountField.hidden = !timed;
    amountLabel.textContent = `Number of ${unit.value}`;
    if (timed && !amount.value) amount.value = DEFAULT_AMOUNT[unit.value];
    problem.textContent = '';
    amount.removeAttribute('aria-invalid');
  }
  unit.addEventListener('change', () => {
    amount.value = DEFAULT_AMOUNT[unit.value] ?? '';
    sync();
  });
  amount.addEventListener('input', () => {
    problem.textContent = '';
    amount.removeAttribute('aria-invalid');
  });

  return {
    el,
    /** Shown for live drafts only, starting at this session. */
    show(visible) {
      el.hidden = !visible;
      el.disabled = !visible;
    },
    reset() {
      unit.value = 'session';
      amount.value = '';
      sync();
    },
    /** The chosen duration, or undefined after saying what is wrong with the amount. */
    read() {
      const read = readDuration(unit.value, amount.value);
      if ('duration' in read) return read.duration;
      problem.textContent = read.problem;
      amount.setAttribute('aria-invalid', 'true');
      amount.focus();
      return undefined;
    },
  };
}
