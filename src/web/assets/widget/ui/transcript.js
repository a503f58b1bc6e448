/** The conversation so far: the request, the answers given, refinements. */
import { h } from './dom.js';

const ROLE_LABEL = { user: 'You', answer: 'Your answer', agent: 'Agent' };

export function createTranscript() {
  const list = h('ol', { class: 'aw-transcript', 'aria-label': 'Conversation' });
  return {
    el: list,
    /** @param {{ role: 'user' | 'answer' | 'agent', text: string }[]} lines */
    show(lines) {
      list.replaceChildren(...lines.map((l) => h('li', { class: `aw-msg aw-msg-${l.role}` }, h('span', { class: 'aw-msg-role' }, ROLE_LABEL[l.role] ?? ''), h('span', { class: 'aw-msg-text' }, l.text))));
      list.hidden = lines.length === 0;
    },
    add(line) {
      list.hidden = false;
      list.append(h('li', { class: `aw-msg aw-msg-${line.role}` }, h('span', { class: 'aw-msg-role' }, ROLE_LABEL[line.role] ?? ''), h('span', { class: 'aw-msg-text' }, line.text)));
    },
  };
}
