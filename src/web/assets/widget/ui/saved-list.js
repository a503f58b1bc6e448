/** The workspace's saved audiences (GET /v1/audiences), newest first; a name opens the audience. */
import { formatDateTime } from '../model/format.js';
import { h, uid } from './dom.js';

/** @param {{ onOpen: (audience: any) => void }} o */
export function createSavedList({ onOpen }) {
  const id = uid('aw-saved');
  const list = h('ul', { class: 'aw-saved-list' });
  const status = h('p', { class: 'aw-muted' });
  const el = h('section', { class: 'aw-card aw-saved', 'aria-labelledby': id }, h('h2', { id, class: 'aw-card-title', tabindex: -1 }, 'Saved audiences'), status, list);

  return {
    el,
    /** @param {{ id: string, name: string, description?: string, createdAt?: string }[]} audiences @param {string} [highlightId] */
    show(audiences, highlightId) {
      const sorted = [...audiences].sort((a, b) => String(b.createdAt ?? '').localeCompare(String(a.createdAt ?? '')));
      status.textContent = sorted.length ? '' : 'None yet. Apply a draft to save it here.';
      list.replaceChildren(
        ...sorted.map((a) =>
          h(
            'li',
            { class: a.id === highlightId ? 'aw-saved-item aw-new' : 'aw-saved-item', 'data-audience-id': a.id },
            h('button', { type: 'button', class: 'aw-saved-open', onClick: () => onOpen(a) }, h('span', { class: 'aw-saved-name' }, a.name)),
            a.description ? h('span', { class: 'aw-saved-description' }, a.description) : null,
            a.createdAt ? h('span', { class: 'aw-muted aw-small' }, `Saved ${formatDateTime(a.createdAt)}`) : null,
          ),
        ),
      );
    },
    /** Focus on the audience's name (after it was saved or duplicated). */
    focus(id) {
      list.querySelector(`[data-audience-id="${CSS.escape(id)}"] .aw-saved-open`)?.focus();
    },
    focusList: () => el.querySelector('h2')?.focus(),
    failed(text) {
      status.textContent = text;
    },
  };
}
