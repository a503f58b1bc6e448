/**
 * The fields of one ✓ line (the number, the window, the value), opened by its "Edit": "Update
 * size" hands the changed definition to the draft, which recomputes the audience. Escape or
 * Cancel closes without changes. Loaded on the first Edit.
 */
import { h, uid } from '../ui/dom.js';
import { readSlot, sameValue, setAt, slotsOfLine, slotText } from './condition-slots.js';

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
 * @param {{ definition: any, index: number, labelId: string, onEdit: (definition: any) => Promise<string | undefined>, onClose: () => void }} o
 *   onEdit resolves with a problem to show on the line, or undefined when the draft was updated.
 * @returns {{ el: HTMLFormElement, focus: () => void } | undefined} undefined when the line has nothing to change in place
 */
export function createLineForm({ definition, index, labelId, onEdit, onClose }) {
  const slots = slotsOfLine(definition, index);
  if (!slots.length) return undefined;
  const fields = slots.map((slot) => ({ slot, id: uid('aw-slot') }));
  const inputs = fields.map(({ slot, id }) => fieldFor(slot, id));
  const problem = h('p', { class: 'aw-field-problem', role: 'alert' });
  const update = h('button', { type: 'submit', class: 'aw-button aw-primary aw-small-button' }, 'Update size');
  const cancel = h('button', { type: 'button', class: 'aw-button aw-small-button', onClick: close }, 'Cancel');
  const form = h(
    'form',
    { class: 'aw-line-edit', 'aria-labelledby': labelId, onSubmit: submit, onKeydown: (e) => {
      if (e.key !== 'Escape') return;
      // The embed panel also closes on Escape: this one only closes the line.
      e.stopPropagation();
      close();
    } },
    h('div', { class: 'aw-slots' }, fields.map(({ slot, id }, i) => h('div', { class: 'aw-slot' }, h('label', { for: id, class: 'aw-label aw-small' }, slot.label), inputs[i]))),
    problem,
    h('div', { class: 'aw-line-actions' }, update, cancel),
  );

  function close() {
    form.remove();
    onClose();
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
    const trouble = await onEdit(changes.reduce((def, c) => setAt(def, c.path, c.value), definition));
    update.disabled = false;
    update.textContent = 'Update size';
    if (trouble) problem.textContent = trouble;
  }

  return {
    el: form,
    focus() {
      inputs[0].focus();
      inputs[0].select?.();
    },
  };
}
