/**
 * An error in plain words (role=alert, so it is read out when it appears), with Retry when
 * retrying can help and the service's suggestions when it has some.
 */
import { describeError } from '../model/error-words.js';
import { h, replace } from './dom.js';

export function createErrorNotice() {
  const el = h('section', { class: 'aw-error', role: 'alert', hidden: true });

  return {
    el,
    /**
     * @param {{ code: string, message?: string, retryable?: boolean, suggestions?: string[] }} error
     * @param {{ retry?: () => void, action?: { label: string, run: () => void }, title?: string }} [o]
     *   title: what failed, when the code's own title would speak of something else.
     */
    show(error, { retry, action, title } = {}) {
      const words = describeError(error);
      el.dataset.code = error.code;
      replace(
        el,
        h('p', { class: 'aw-error-title' }, title ?? words.title),
        h('p', { class: 'aw-error-detail' }, words.detail),
        words.suggestions.length ? h('p', { class: 'aw-error-detail' }, `Did you mean: ${words.suggestions.join(', ')}?`) : null,
        h(
          'div',
          { class: 'aw-error-actions' },
          words.retryable && retry ? h('button', { type: 'button', class: 'aw-button', onClick: retry }, 'Retry') : null,
          action ? h('button', { type: 'button', class: 'aw-button', onClick: action.run }, action.label) : null,
        ),
      );
      el.hidden = false;
    },
    hide() {
      el.hidden = true;
      el.replaceChildren();
      delete el.dataset.code;
    },
  };
}
