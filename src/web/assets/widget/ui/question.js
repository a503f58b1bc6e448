/**
 * A clarifying question: its options as buttons, and a free-text answer for anything else.
 * An option inviting the user to type ("Let me type a number") moves to the text box instead
 * of being sent as the answer.
 */
import { h, uid } from './dom.js';
import { limitLength } from './length-limit.js';

/** Options that mean "I'll type it myself", in the languages the agent speaks. */
const TYPE_IT = /^(let me type|type (a|my own)|other\b|数値を入力|讓我輸入|ขอพิมพ์)/i;

export const invitesTyping = (option) => TYPE_IT.test(option.trim());

/**
 * @param {{ onAnswer: (answer: string) => void }} o
 */
export function createQuestion({ onAnswer }) {
  const ids = { heading: uid('aw-q'), free: uid('aw-free') };
  const heading = h('h2', { id: ids.heading, class: 'aw-question-text', tabindex: -1 });
  const options = h('div', { class: 'aw-options', role: 'group', 'aria-labelledby': ids.heading });
  const free = h('input', { id: ids.free, class: 'aw-input', type: 'text', name: 'answer', autocomplete: 'off' });
  const limit = limitLength(free, 300);
  const send = h('button', { type: 'submit', class: 'aw-button', 'data-w': 'answer' }, 'Answer');
  const form = h(
    'form',
    { class: 'aw-free', onSubmit: (e) => { e.preventDefault(); answer(free.value); } },
    h('label', { for: ids.free, class: 'aw-label aw-small', 'data-w': 'ownWords' }, 'Or answer in your own words'),
    h('div', { class: 'aw-free-row' }, free, send),
    limit.problem,
  );
  const el = h('section', { class: 'aw-card aw-question', 'aria-labelledby': ids.heading, hidden: true }, heading, options, form);
  let busy = false;

  function answer(text) {
    const value = text.trim();
    if (!value || busy || !limit.check()) return;
    onAnswer(value);
  }

  return {
    el,
    /** @param {{ question: string, options: string[], term?: string }} q */
    show(q) {
      heading.textContent = q.question;
      options.replaceChildren(
        ...(q.options ?? []).map((option) =>
          h('button', {
            type: 'button',
            class: 'aw-button aw-option',
            onClick: () => {
              if (invitesTyping(option)) free.focus();
              else answer(option);
            },
          }, option),
        ),
      );
      free.value = '';
      el.hidden = false;
    },
    setBusy(value) {
      busy = value;
      for (const b of el.querySelectorAll('button')) b.disabled = value;
      free.readOnly = value;
    },
    hide() {
      el.hidden = true;
    },
    focus: () => heading.focus(),
  };
}
