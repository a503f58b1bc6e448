/**
 * The widget's frame: a header with "All threads" and "New thread", the live region that reads
 * out what changed, and the areas the parts go in.
 */
import { h, uid } from './dom.js';

/**
 * @param {{ title: string, onToggleThreads: () => void, onNewThread: () => void }} o
 */
export function createLayout({ title, onToggleThreads, onNewThread }) {
  const threadsButton = h('button', { type: 'button', class: 'aw-button aw-ghost', 'aria-expanded': 'false', onClick: onToggleThreads }, 'All threads');
  const newButton = h('button', { type: 'button', class: 'aw-button aw-ghost', onClick: onNewThread }, 'New thread');
  const announcer = h('p', { class: 'aw-sr-only', 'aria-live': 'polite', role: 'status' });
  const headingId = uid('aw-title');
  const top = h('div', { class: 'aw-top' });
  const main = h('div', { class: 'aw-main' });
  const side = h('div', { class: 'aw-side' });
  const el = h(
    'div',
    { class: 'aw', role: 'region', 'aria-labelledby': headingId },
    h('header', { class: 'aw-header' }, h('h1', { id: headingId, class: 'aw-title' }, title), h('nav', { class: 'aw-nav', 'aria-label': 'Threads' }, threadsButton, newButton)),
    top,
    h('div', { class: 'aw-body' }, main, side),
    announcer,
  );
  return {
    el,
    top,
    main,
    side,
    threadsButton,
    /** Says something to screen-reader users without moving their focus. */
    announce(text) {
      announcer.textContent = '';
      // A change of text in a separate task is announced even when the words repeat.
      setTimeout(() => { announcer.textContent = text; }, 50);
    },
  };
}
