/** "All threads": earlier conversations, newest first; choosing one opens it. */
import { threadStatusLabel } from '../model/thread-view.js';
import { formatAgo } from '../model/format.js';
import { h, uid } from './dom.js';

/**
 * @param {{ onOpen: (threadId: string) => void }} o
 */
export function createThreadsPanel({ onOpen }) {
  const id = uid('aw-threads');
  const list = h('ul', { class: 'aw-thread-list' });
  const status = h('p', { class: 'aw-muted', 'aria-live': 'polite' });
  const el = h('section', { id, class: 'aw-card aw-threads', 'aria-label': 'All threads', hidden: true }, h('h2', { class: 'aw-card-title' }, 'All threads'), status, list);

  return {
    el,
    id,
    isOpen: () => !el.hidden,
    loading() {
      el.hidden = false;
      status.textContent = 'Loading…';
      list.replaceChildren();
    },
    /** @param {any[]} threads @param {string | undefined} currentId */
    show(threads, currentId) {
      el.hidden = false;
      status.textContent = threads.length ? '' : 'No threads yet.';
      list.replaceChildren(
        ...threads.map((t) =>
          h(
            'li',
            {},
            h(
              'button',
              { type: 'button', class: 'aw-thread', 'aria-current': t.thread_id === currentId ? 'true' : undefined, onClick: () => onOpen(t.thread_id) },
              h('span', { class: 'aw-thread-title' }, t.title || 'Untitled conversation'),
              h('span', { class: 'aw-thread-meta' }, `${threadStatusLabel(t)} · ${formatAgo(t.updated_at)}`),
            ),
          ),
        ),
      );
    },
    failed(text) {
      el.hidden = false;
      status.textContent = text;
    },
    hide() {
      el.hidden = true;
    },
  };
}
