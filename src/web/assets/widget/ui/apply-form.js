/** Saving the draft: a name (required) and a description, then Apply. */
import { h, uid } from './dom.js';

/** A default name from the request, as the agent would pick it. */
export function defaultName(prompt) {
  const first = String(prompt ?? '').replace(/\s+/g, ' ').trim().replace(/[.。!?]+$/u, '');
  if (!first) return '';
  return first.length > 80 ? `${first.slice(0, 79)}…` : first;
}

/**
 * @param {{ onApply: (name: string, description: string) => void }} o
 */
export function createApplyForm({ onApply }) {
  const ids = { name: uid('aw-name'), description: uid('aw-descr'), heading: uid('aw-save') };
  const name = h('input', { id: ids.name, class: 'aw-input', type: 'text', name: 'name', required: true, maxlength: 120, autocomplete: 'off' });
  const description = h('textarea', { id: ids.description, class: 'aw-textarea', name: 'audience-description', rows: 2, maxlength: 500 });
  const apply = h('button', { type: 'submit', class: 'aw-button aw-primary' }, 'Apply');
  const el = h(
    'form',
    {
      class: 'aw-apply',
      'aria-labelledby': ids.heading,
      onSubmit: (e) => {
        e.preventDefault();
        const n = name.value.trim();
        if (!n) return name.focus();
        onApply(n, description.value.trim());
      },
    },
    h('h3', { id: ids.heading, class: 'aw-subhead' }, 'Save this audience'),
    h('div', { class: 'aw-field' }, h('label', { for: ids.name, class: 'aw-label aw-small' }, 'Name'), name),
    h('div', { class: 'aw-field' }, h('label', { for: ids.description, class: 'aw-label aw-small' }, 'Description (optional)'), description),
    h('div', { class: 'aw-apply-row' }, apply),
  );
  return {
    el,
    prefill(prompt) {
      if (!name.value) name.value = defaultName(prompt);
    },
    reset() {
      name.value = '';
      description.value = '';
    },
    setBusy(busy) {
      apply.disabled = busy;
      apply.textContent = busy ? 'Saving…' : 'Apply';
    },
  };
}
