/**
 * The description box: a live character counter (the service accepts 20–300 characters, 8–300
 * for Chinese or Japanese), example prompts to start from, and Build. The service is the judge
 * of a short description: it is sent and its answer shown, so that rule lives in one place. Over
 * the maximum, nothing is sent and the counter says by how much (a paste is never cut).
 */
import { h, uid } from './dom.js';

export const MAX_LENGTH = 300;

export const DEFAULT_EXAMPLES = [
  "Customers who haven't purchased in the last 30 days",
  'High-spending loyal customers who bought in the last 90 days',
  'Gold members who opened an email in the last 2 weeks',
  "Customers who added a product to the cart but didn't purchase in the last 7 days",
];

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** The shortest description the service takes for this text. */
export const minimumLength = (text) => (CJK.test(text) ? 8 : 20);

/**
 * @param {{ onBuild: (text: string) => void, examples?: string[] }} o
 */
export function createComposer({ onBuild, examples = DEFAULT_EXAMPLES }) {
  const ids = { box: uid('aw-desc'), counter: uid('aw-count'), examples: uid('aw-ex') };
  const counter = h('span', { id: ids.counter, class: 'aw-counter' });
  const box = h('textarea', {
    id: ids.box,
    class: 'aw-textarea',
    name: 'description',
    rows: 3,
    placeholder: 'e.g. Customers in Japan who bought twice in the last 60 days',
    'aria-describedby': ids.counter,
    autocomplete: 'off',
    onInput: update,
    onKeydown: (e) => {
      // Enter sends, Shift+Enter starts a new line, as in chat boxes.
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        form.requestSubmit();
      }
    },
  });
  const build = h('button', { type: 'submit', class: 'aw-button aw-primary', 'data-w': 'build' }, 'Build');
  const exampleButtons = examples.map((text) =>
    h('li', {}, h('button', { type: 'button', class: 'aw-chip', onClick: () => useExample(text) }, text)),
  );
  const form = h(
    'form',
    { class: 'aw-composer', 'aria-label': 'New audience', onSubmit: submit },
    h('label', { for: ids.box, class: 'aw-label', 'data-w': 'describe' }, 'Describe the audience you want'),
    box,
    h('div', { class: 'aw-composer-row' }, counter, build),
    h('div', { class: 'aw-examples-wrap' },
      h('p', { id: ids.examples, class: 'aw-examples-title' }, 'Or start from an example:'),
      h('ul', { class: 'aw-examples', 'aria-labelledby': ids.examples }, exampleButtons)),
  );
  const examplesWrap = form.querySelector('.aw-examples-wrap');
  let busy = false;

  function update() {
    const text = box.value.trim();
    const min = minimumLength(text);
    const n = box.value.length;
    const state = n === 0 ? 'empty' : text.length < min ? 'short' : n > MAX_LENGTH ? 'long' : 'ok';
    counter.textContent = `${n} / ${MAX_LENGTH}${state === 'short' ? ` · at least ${min}` : state === 'long' ? ` · ${n - MAX_LENGTH} too many: shorten it to send` : ''}`;
    counter.dataset.state = state;
    if (state === 'long') box.setAttribute('aria-invalid', 'true');
    else box.removeAttribute('aria-invalid');
    build.disabled = busy || text.length === 0 || state === 'long';
  }

  function useExample(text) {
    box.value = text;
    update();
    box.focus();
  }

  function submit(e) {
    e.preventDefault();
    const text = box.value.trim();
    // Refused here with the count (see the counter) rather than cut: nothing of it is sent.
    if (!text || busy || box.value.length > MAX_LENGTH) return;
    onBuild(text);
  }

  update();
  return {
    el: form,
    setBusy(value) {
      busy = value;
      box.readOnly = value;
      for (const b of examplesWrap.querySelectorAll('button')) b.disabled = value;
      form.setAttribute('aria-busy', String(value));
      update();
    },
    setText(text) {
      box.value = text;
      update();
    },
    /** During a conversation the examples step aside; a new thread brings them back. */
    setCompact(compact) {
      examplesWrap.hidden = compact;
      box.rows = compact ? 2 : 3;
    },
    focus: () => box.focus(),
  };
}
