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
     * @param {{ retry?: () => void, action?: { label: string, run: () => void }, title?: string, suggest?: (name: string) => void }} [o]
     *   title: what failed, when the code's own title would speak of something else; suggest: a "Did you mean" name was chosen.
     */
    show(error, { retry, action, title, suggest } = {}) {
      const words = describeError(error);
      el.dataset.code = error.code;
      replace(
        el,
        h('p', { class: 'aw-error-title' }, title ?? words.title),
        h('p', { class: 'aw-error-detail' }, words.detail),
        words.suggestions.length
          ? h('div', { class: 'aw-error-detail aw-suggestions', role: 'group', 'aria-label': 'Did you mean' }, 'Did you mean: ',
            words.suggestions.map((name) => (suggest ? h('button', { type: 'button', class: 'aw-chip', onClick: () => suggest(name) }, name) : h('span', { class: 'aw-chip' }, name))))
          : null,
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
