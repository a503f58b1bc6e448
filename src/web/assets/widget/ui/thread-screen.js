/**
 * Draws a thread's view (model/thread-view.js) with the parts: the conversation, the pending
 * question or the draft, the saved notice, the error; and moves focus to what needs the user.
 */
import { formatCount } from '../model/format.js';
import { withSuggestion } from '../model/suggestion.js';
import { speak } from './words.js';
import { h } from './dom.js';

/**
 * @param {{ layout: any, composer: any, transcript: any, progress: any, question: any, draft: any, errors: any, savedNotice: HTMLElement, savedHost?: HTMLElement }} parts
 * @param {{ onNewThread: () => void, onResend: (prompt: string) => void,
 *           storedDraft: (audience: any, agentDraft: any) => Promise<any | undefined> }} actions
 *   storedDraft: the saved audience recounted when it differs from the agent's draft (hand edits).
 */
export function createThreadScreen(parts, actions) {
  const { layout, composer, transcript, progress, question, draft, errors, savedNotice, savedHost } = parts;
  /** Bumped on every drawing, so a late answer for an earlier one is dropped. */
  let drawing = 0;

  /** Everything of the previous thread off the screen. */
  function clear() {
    drawing += 1;
    transcript.show([]);
    progress.hide();
    question.hide();
    draft.hide();
    errors.hide();
    savedNotice.hidden = true;
    if (savedHost) savedHost.hidden = true;
  }

  function showSaved(view, focus) {
    progress.finish('Saved');
    savedNotice.replaceChildren(
      view.live
        ? h('p', {}, 'Saved as the live audience ', h('strong', {}, `“${view.audience.name}”`), ', at the top of the live audiences.')
        : h('p', {}, 'Saved as ', h('strong', {}, `“${view.audience.name}”`), '.'),
      h('button', { type: 'button', class: 'aw-button', onClick: actions.onNewThread }, 'Build another'),
    );
    savedNotice.hidden = false;
    if (focus) savedNotice.focus();
    layout.announce(view.live ? `Saved as the live audience ${view.audience.name}.` : `Saved as ${view.audience.name}.`);
    if (!view.draft) return;
    draft.show(view.draft, { readOnly: true });
    // A live audience is edited in the live list, not through hand edits of the draft.
    if (view.live) return;
    const mine = drawing;
    void actions.storedDraft(view.audience, view.draft).then((stored) => {
      if (stored && mine === drawing) draft.show(stored, { readOnly: true });
    });
  }

  /**
   * @param {ReturnType<typeof import('../model/thread-view.js').viewOfThread>} view
   * @param {{ focus?: boolean, afterTurn?: boolean }} o afterTurn: the live progress of the turn stays.
   */
  function render(view, { focus = false, afterTurn = false } = {}) {
    drawing += 1;
    transcript.show(view.transcript);
    if (!afterTurn) progress.showRecord(view.lookups);
    errors.hide();
    savedNotice.hidden = true;

    if (view.phase === 'question') {
      question.show(view.question);
      progress.finish('Waiting for your answer');
      if (focus) question.focus();
      layout.announce(`Question: ${view.question.question}`);
    } else question.hide();

    if (view.phase === 'draft') {
      draft.show(view.draft, { prompt: view.prompts[0] });
      progress.finish('Draft ready');
      if (focus) draft.focus();
      layout.announce(view.draft.kind === 'live'
        ? `Live audience draft ready: up to ${formatCount(view.draft.size)} known profiles could match.`
        : `Draft ready: ${formatCount(view.draft.size)} people.`);
    } else if (view.phase !== 'saved') draft.hide();

    if (view.phase === 'saved') showSaved(view, focus);
    void speak(layout.el, view.language);

    if (view.error) {
      progress.finish('Stopped');
      const prompt = view.prompts.at(-1);
      const retry = view.error.retryable && prompt ? () => actions.onResend(prompt) : undefined;
      errors.show(view.error, { retry, suggest: prompt ? (name) => useSuggestion(prompt, view.error.message, name) : undefined });
      if (view.error.code === 'invalid_prompt') composer.focus();
    }
  }

  /** The request sent again with the chosen name, or, when it does not hold the unknown one, handed back to edit. */
  function useSuggestion(prompt, message, name) {
    const fixed = withSuggestion(prompt, message, name);
    if (fixed) return actions.onResend(fixed);
    composer.setText(`${prompt} (${name})`);
    composer.focus();
  }

  return { render, clear };
}
