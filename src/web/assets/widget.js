/**
 * The audience builder chat widget. `mountWidget(container, options)` draws it into any element
 * (or shadow root); the service's page at `/` and the embed loader (`/embed.js`) both use it.
 * It talks to the service only through the public API.
 */
import { createApiClient } from './widget/api/client.js';
import { createController } from './widget/controller.js';
import { createSession } from './widget/model/session.js';
import { createComposer } from './widget/ui/composer.js';
import { createDraft } from './widget/ui/draft.js';
import { h } from './widget/ui/dom.js';
import { createErrorNotice } from './widget/ui/error-notice.js';
import { createLayout } from './widget/ui/layout.js';
import { createLiveList } from './widget/ui/live-list.js';
import { createProgress } from './widget/ui/progress.js';
import { createQuestion } from './widget/ui/question.js';
import { createSavedList } from './widget/ui/saved-list.js';
import { createThreadsPanel } from './widget/ui/threads-panel.js';
import { createTranscript } from './widget/ui/transcript.js';

/**
 * @param {Element | ShadowRoot} container
 * @param {{ baseUrl?: string, apiKey?: string, title?: string, examples?: string[], useUrl?: boolean }} [options]
 *   baseUrl: the service ('' = this page's origin); useUrl: keep the thread id in the page URL.
 */
export function mountWidget(container, options = {}) {
  const baseUrl = options.baseUrl ?? '';
  const api = createApiClient({ baseUrl, apiKey: options.apiKey });
  const session = createSession({ scope: baseUrl || window.location.origin, useUrl: options.useUrl ?? !baseUrl });
  /** @type {ReturnType<typeof createController>} */
  let controller;

  const layout = createLayout({
    title: options.title ?? 'Audience builder',
    onToggleThreads: () => void controller.toggleThreads(),
    onNewThread: () => controller.newThread(),
  });
  const composer = createComposer({ onBuild: (text) => void controller.build(text), examples: options.examples });
  const transcript = createTranscript();
  const progress = createProgress();
  const question = createQuestion({ onAnswer: (text) => void controller.answer(text) });
  const draft = createDraft({
    recompute: (definition, sampleSize) => controller.recompute(definition, sampleSize),
    onApply: (name, description, duration) => void controller.apply(name, description, duration),
    onRefine: (text) => void controller.refine(text),
    loadSources: () => controller.sources(),
  });
  const errors = createErrorNotice();
  const threads = createThreadsPanel({ onOpen: (id) => void controller.openThread(id) });
  const saved = createSavedList({ onOpen: (audience) => void controller.openSaved(audience) });
  const savedHost = h('div', { class: 'aw-saved-host', hidden: true });
  const live = createLiveList({ onMove: (id, delta) => void controller.moveLive(id, delta), onToggle: (id, enabled) => void controller.toggleLive(id, enabled) });
  const savedNotice = h('section', { class: 'aw-card aw-saved-notice', 'aria-label': 'Saved', tabindex: -1, hidden: true });
  layout.threadsButton.setAttribute('aria-controls', threads.id);

  layout.top.append(threads.el);
  layout.main.append(composer.el, savedHost, transcript.el, errors.el, progress.el, question.el, savedNotice, draft.el);
  layout.side.append(saved.el, live.el);
  container.append(layout.el);

  controller = createController({ api, session, layout, composer, transcript, progress, question, draft, errors, threads, saved, savedHost, live, savedNotice });
  const ready = controller.start();
  return { ready, element: layout.el };
}

// The service's own page marks its container; anything else mounts explicitly.
const auto = typeof document !== 'undefined' ? document.querySelector('[data-audience-widget]') : null;
if (auto && !auto.hasChildNodes()) mountWidget(auto, { title: auto.getAttribute('data-title') ?? undefined });
