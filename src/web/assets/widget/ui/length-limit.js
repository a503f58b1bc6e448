/**
 * Text over the service's limit is refused on the page, with the count, before anything is
 * sent: a browser's maxlength would cut a pasted text silently.
 */
import { h, uid } from './dom.js';

/** "352 characters: 52 over the limit of 300. Shorten it." or '' when it fits. */
export function overLimit(text, max) {
  const n = [...text.trim()].length;
  return n > max ? `${n} characters: ${n - max} over the limit of ${max}. Shorten it.` : '';
}

/**
 * Watches one input; `check()` says whether its text may be sent (and says why not, next to it).
 * @param {HTMLInputElement | HTMLTextAreaElement} input
 * @param {number} max
 */
export function limitLength(input, max) {
  const problem = h('p', { id: uid('aw-over'), class: 'aw-field-problem', role: 'alert' });
  input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), problem.id].filter(Boolean).join(' '));
  const show = () => {
    const words = overLimit(input.value, max);
    if (problem.textContent !== words) problem.textContent = words;
    if (words) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
    return !words;
  };
  input.addEventListener('input', show);
  return {
    problem,
    check() {
      const ok = show();
      if (!ok) input.focus();
      return ok;
    },
  };
}
