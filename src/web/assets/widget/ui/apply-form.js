/** Saving the draft: a name (required) and a description, for a live draft how long visitors stay in it, then Apply. */
import { createDurationPicker } from './duration-picker.js';
import { h, uid } from './dom.js';

/** A default name from the request, as the agent would pick it. */
export function defaultName(prompt) {
  const first = String(prompt ?? '').replace(/\s+/g, ' ').trim().replace(/[.。!?]+$/u, '');
  if (!first) return '';
  return first.length > 80 ? `${first.slice(0, 79)}…` : first;
}

/**
 * @param {{ onApply: (name: string, description: string, duration?: { unit: string, amount?: number }) => void }} o
 *   duration: only for live drafts.
 */
export function createApplyForm({ onApply }) {
  const ids = { name: uid('aw-name'), description: uid('aw-descr'), heading: uid('aw-save') };
  const name = h('input', { id: ids.name, class: 'aw-input', type: 'text', name: 'name', required: true, maxlength: 120, autocomplete: 'off' });
  const description = h('textarea', { id: ids.description, class: 'aw-textarea', name: 'audience-description', rows: 2, maxlength: 500, onInput: () => { ownDescription = true; } });
  const apply = h('button', { type: 'submit', class: 'aw-button aw-primary' }, 'Apply');
  const heading = h('h3', { id: ids.heading, class: 'aw-subhead' }, 'Save this audience');
  const duration = createDurationPicker();
  let live = false;
  let editing = false;
  /** The description was written by the user: it is no longer replaced as the audience changes. */
  let ownDescription = false;
  const el = h(
    'form',
    {
      class: 'aw-apply',
      'aria-labelledby': ids.heading,
      onSubmit: (e) => {
        e.preventDefault();
        const n = name.value.trim();
        if (!n) return name.focus();
        if (!live) return onApply(n, description.value.trim());
        const chosen = duration.read();
        if (chosen) onApply(n, description.value.trim(), chosen);
      },
    },
    heading,
    h('div', { class: 'aw-field' }, h('label', { for: ids.name, class: 'aw-label aw-small', 'data-w': 'name' }, 'Name'), name),
    h('div', { class: 'aw-field' }, h('label', { for: ids.description, class: 'aw-label aw-small', 'data-w': 'description' }, 'Description (optional)'), description),
    duration.el,
    h('div', { class: 'aw-apply-row' }, apply),
  );
  return {
    el,
    prefill(prompt) {
      if (!name.value) name.value = defaultName(prompt);
    },
    /** A live draft is saved as a live audience, with a duration. */
    setLive(value) {
      if (value !== live) duration.reset();
      live = value;
      heading.textContent = value ? 'Save as a live audience' : 'Save this audience';
      duration.show(value);
    },
    /** The audience's ✓ lines as its description, until the user writes one. */
    describe(lines) {
      if (ownDescription) return;
      const text = lines.join('; ');
      description.value = text.length > 500 ? `${text.slice(0, 499)}…` : text;
    },
    /** Editing a saved audience: its name and description, saved in place. */
    setSaved(target) {
      editing = Boolean(target);
      heading.textContent = target ? 'Save the changes' : live ? 'Save as a live audience' : 'Save this audience';
      apply.textContent = target ? 'Save changes' : 'Apply';
      if (!target) return;
      name.value = target.name;
      description.value = target.description ?? '';
    },
    reset() {
      name.value = '';
      description.value = '';
      ownDescription = false;
      duration.reset();
    },
    setBusy(busy) {
      apply.disabled = busy;
      apply.textContent = busy ? 'Saving…' : editing ? 'Save changes' : 'Apply';
    },
  };
}
