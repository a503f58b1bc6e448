/**
 * One ✓ line of a draft in plain language, editable in place: "Edit" opens the line's values
 * (the number, the window, the value) as fields; "Update" hands the new values to the draft,
 * which recomputes the audience. Escape or Cancel closes without changes.
 */
import { readSlot, sameValue, slotText } from '../model/condition-slots.js';
import { h, uid } from './dom.js';

function fieldFor(slot, id) {
  const common = { id, name: slot.path.join('.'), class: 'aw-input aw-input-inline' };
  if (slot.kind === 'unit' || slot.kind === 'boolean') {
    const choices = slot.kind === 'unit' ? slot.options : ['true', 'false'];
    return h('select', common, choices.map((c) => h('option', { value: c, selected: String(slot.value) === c }, slot.kind === 'boolean' ? (c === 'true' ? 'yes' : 'no') : c)));
  }
  if (slot.kind === 'count' || slot.kind === 'amount') {
    return h('input', { ...common, type: 'number', inputmode: 'numeric', min: slot.kind === 'count' ? 0 : 1, step: 1, value: slotText(slot) });
  }
  if (slot.kind === 'date') return h('input', { ...common, type: 'date', value: slotText(slot) });
  if (slot.kind === 'number') return h('input', { ...common, type: 'text', inputmode: 'decimal', value: slotText(slot) });
  return h('input', { ...common, type: 'text', value: slotText(slot), maxlength: 2000 });
}

/**
 * @param {{ text: string, slots: any[], readOnly?: boolean,
 *           onEdit: (changes: { path: (string|number)[], value: unknown }[]) => Promise<string | undefined> }} o
 *   onEdit resolves with a problem to show on the line, or undefined when the draft was updated.
 */
export function createConditionLine({ text, slots, readOnly = false, onEdit }) {
  const ids = { text: uid('aw-line'), problem: uid('aw-line-problem') };
  const label = h('span', { id: ids.text, class: 'aw-line-text' }, text);
  const li = h('li', { class: 'aw-line' }, h('span', { class: 'aw-check', 'aria-hidden': 'true' }, '✓'), label);
  if (readOnly || slots.length === 0) return { el: li, focus: () => undefined };

  const fields = slots.map((slot) => ({ slot, id: uid('aw-slot') }));
  const inputs = fields.map(({ slot, id }) => fieldFor(slot, id));
  const problem = h('p', { id: ids.problem, class: 'aw-field-problem', role: 'alert' });
  const update = h('button', { type: 'submit', class: 'aw-button aw-primary aw-small-button' }, 'Update size');
  const cancel = h('button', { type: 'button', class: 'aw-button aw-small-button', onClick: close }, 'Cancel');
  const form = h(
    'form',
    { class: 'aw-line-edit', hidden: true, 'aria-labelledby': ids.text, onSubmit: submit, onKeydown: (e) => {
      if (e.key !== 'Escape') return;
      // The embed panel also closes on Escape: this one only closes the line.
      e.stopPropagation();
      close();
    } },
    h('div', { class: 'aw-slots' }, fields.map(({ slot, id }, i) => h('div', { class: 'aw-slot' }, h('label', { for: id, class: 'aw-label aw-small' }, slot.label), inputs[i]))),
    problem,
    h('div', { class: 'aw-line-actions' }, update, cancel),
  );
  const edit = h('button', { type: 'button', class: 'aw-link', 'aria-expanded': 'false', 'aria-describedby': ids.text, onClick: open }, 'Edit');
  li.append(edit, form);

  function open() {
    form.hidden = false;
    edit.setAttribute('aria-expanded', 'true');
    edit.hidden = true;
    inputs[0].focus();
    inputs[0].select?.();
  }

  function close() {
    form.hidden = true;
    problem.textContent = '';
    edit.hidden = false;
    edit.setAttribute('aria-expanded', 'false');
    edit.focus();
  }

  async function submit(e) {
    e.preventDefault();
    problem.textContent = '';
    const changes = [];
    for (const [i, { slot }] of fields.entries()) {
      const read = readSlot(slot, inputs[i].value);
      if ('problem' in read) {
        problem.textContent = `${slot.label}: ${read.problem}`;
        inputs[i].setAttribute('aria-invalid', 'true');
        inputs[i].focus();
        return;
      }
      inputs[i].removeAttribute('aria-invalid');
      if (!sameValue(read.value, slot.value)) changes.push({ path: slot.path, value: read.value });
    }
    if (changes.length === 0) return close();
    update.disabled = true;
    update.textContent = 'Updating…';
    const trouble = await onEdit(changes);
    update.disabled = false;
    update.textContent = 'Update size';
    if (trouble) problem.textContent = trouble;
  }

  return { el: li, focus: () => edit.focus() };
}
