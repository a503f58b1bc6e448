/**
 * What the widget does when the user acts: build from a description (a new thread), answer a
 * question, change or apply the draft, open another thread or a new one, reorder and turn live
 * audiences on and off, and, on load, come back to the thread the page was on. Turns run in
 * turn-runner.js; the parts (ui/) draw.
 */
import { ApiError, isAbort } from './api/client.js';
import { sameValue } from './model/same-value.js';
import { movedOrder } from './model/live.js';
import { createThreadScreen } from './ui/thread-screen.js';
import { createTurnRunner } from './turn-runner.js';

const enc = encodeURIComponent;
const human = (text) => ({ messages: [{ type: 'human', content: text }] });

/**
 * @param {{ api: ReturnType<import('./api/client.js').createApiClient>, session: ReturnType<import('./model/session.js').createSession>,
 *           layout: any, composer: any, transcript: any, progress: any, question: any, draft: any, errors: any,
 *           threads: any, saved: any, savedHost: HTMLElement, live: any, savedNotice: HTMLElement }} parts
 */
export function createController(parts) {
  const { api, session, layout, composer, transcript, question, draft, errors, threads, saved, live } = parts;
  /** The thread on screen, the run being followed, and whether a turn is going. */
  const current = { threadId: undefined, runId: undefined, busy: false };

  function remember() {
    session.save({ threadId: current.threadId, runId: current.runId });
    composer.setCompact(Boolean(current.threadId));
  }

  function setBusy(value) {
    current.busy = value;
    composer.setBusy(value);
    question.setBusy(value);
    draft.setBusy(value);
  }

  function showError(err, retry, title) {
    if (isAbort(err)) return;
    const body = err instanceof ApiError ? err : new ApiError({ code: 'internal', message: '', retryable: true });
    const action = body.code === 'not_found' && !title ? { label: 'Start a new thread', run: newThread } : undefined;
    errors.show(body, { retry, action, title });
  }

  const screen = createThreadScreen(parts, {
    onNewThread: () => newThread(),
    onResend: (prompt) => void turns.send({ input: human(prompt) }),
    storedDraft,
  });
  const turns = createTurnRunner({ api, parts, screen, current, remember, setBusy, showError });
  /** What can be done to a saved audience, loaded when the first one is opened. */
  let savedActions;
  function savedAudience() {
    savedActions ??= import('./later/saved-actions.js').then(({ createSavedActions }) => createSavedActions({
      api, host: parts.savedHost, draft, saved, layout, loadSaved, showError,
      clearThread: () => screen.clear(),
      onClose: () => void closeSaved(),
    }));
    return savedActions;
  }

  async function openSaved(audience) {
    if (current.busy) return;
    (await savedAudience()).open(audience);
  }

  /** Back from a saved audience to the thread that was on screen. */
  async function closeSaved() {
    (await savedAudience()).close();
    screen.clear();
    if (current.threadId) await turns.refresh().catch((err) => showError(err));
  }

  async function loadSaved(highlightId) {
    try {
      const { audiences } = await api.get('/v1/audiences');
      saved.show(audiences ?? [], highlightId);
    } catch (err) {
      saved.failed('Saved audiences could not be loaded.');
      if (!(err instanceof ApiError)) throw err;
    }
  }

  async function loadLive(highlightId) {
    try {
      const { audiences } = await api.get('/v1/live-audiences');
      live.show(audiences ?? [], { highlightId });
    } catch (err) {
      live.failed('Live audiences could not be loaded.');
      if (!(err instanceof ApiError)) throw err;
    }
  }

  /** One change to the live audiences at a time; the list redraws from the service's answer. */
  let liveBusy = false;
  async function changeLive(change, retry) {
    if (liveBusy) return;
    liveBusy = true;
    live.setBusy(true);
    errors.hide();
    try {
      await change();
    } catch (err) {
      showError(err, retry, 'The live audiences could not be changed');
      // What the service holds now, whatever happened to the change.
      await loadLive().catch(() => undefined);
    } finally {
      liveBusy = false;
      live.setBusy(false);
    }
  }

  function moveLive(id, delta) {
    const ids = movedOrder(live.order(), id, delta);
    if (!ids) return;
    return changeLive(async () => {
      const { audiences } = await api.put('/v1/live-audiences/order', { ids });
      live.show(audiences ?? []);
      const moved = audiences?.find((a) => a.id === id);
      if (moved) layout.announce(`${moved.name} is now number ${moved.position}.`);
    }, () => void moveLive(id, delta));
  }

  function toggleLive(id, enabled) {
    return changeLive(async () => {
      const changed = await api.patch(`/v1/live-audiences/${enc(id)}`, { enabled });
      await loadLive();
      if (changed?.name) layout.announce(`${changed.name} is ${enabled ? 'on' : 'off'}.`);
    }, () => void toggleLive(id, enabled));
  }

  async function build(text) {
    if (current.busy) return;
    setBusy(true);
    screen.clear();
    try {
      // A new description is a new conversation: earlier threads stay in "All threads".
      const thread = await api.post('/threads', { metadata: { source: 'widget' } });
      current.threadId = thread.thread_id;
      current.runId = undefined;
      remember();
    } catch (err) {
      setBusy(false);
      return showError(err, () => void build(text));
    }
    setBusy(false);
    transcript.add({ role: 'user', text });
    await turns.send({ input: human(text) });
    if (errors.el.hidden) composer.setText('');
  }

  function answer(text) {
    if (current.busy) return;
    transcript.add({ role: 'answer', text });
    return turns.send({ command: { resume: text } });
  }

  async function refine(instruction) {
    if (current.busy) return;
    const edited = draft.editedDefinition();
    transcript.add({ role: 'user', text: instruction });
    draft.hide();
    const decision = { action: 'edit', instruction };
    if (!edited) return turns.send({ command: { resume: decision } });
    // Hand edits first become the draft of a thread of their own (a thread waiting on its
    // confirmation cannot be sent to its draft step), with the conversation so far; the words
    // then refine them. The earlier thread stays in "All threads" as it was.
    let prompts;
    try {
      prompts = (await api.get(`/threads/${enc(current.threadId)}/state`))?.values?.prompts ?? [];
      const thread = await api.post('/threads', { metadata: { source: 'widget' } });
      current.threadId = thread.thread_id;
      current.runId = undefined;
      remember();
    } catch (err) {
      return showError(err, () => void refine(instruction));
    }
    const seed = { proposal: { definition: edited, notUnderstood: [] }, ...(prompts.length ? { prompts, prompt: prompts.at(-1) } : {}) };
    await turns.send({ command: { update: seed, goto: 'draft' } });
    if (!errors.el.hidden) return;
    transcript.add({ role: 'user', text: instruction });
    return turns.send({ command: { resume: decision } });
  }

  /**
   * Saves through the confirm interrupt; a hand-edited definition then replaces the agent's. A
   * live draft goes with its duration and lands at the top of the live audiences.
   */
  function apply(name, description, duration) {
    if (current.busy) return;
    const target = draft.savedSource();
    if (target) {
      const definition = draft.definition();
      return savedAudience().then((actions) => actions.saveEdited(target, { name, description, definition })).catch((err) => showError(err, () => void apply(name, description), 'The changes could not be saved'));
    }
    const edited = draft.editedDefinition();
    const after = async () => {
      const state = await api.get(`/threads/${enc(current.threadId)}/state`);
      const liveAudience = state?.values?.liveAudience;
      if (liveAudience?.id) return loadLive(liveAudience.id);
      const audience = state?.values?.audience;
      if (edited && audience?.id) await api.patch(`/v1/audiences/${enc(audience.id)}`, { definition: edited });
      await loadSaved(audience?.id);
    };
    return turns.send({ command: { resume: { action: 'apply', name, description, ...(duration ? { duration } : {}) } } }, { after });
  }

  /** The workspace's catalog, fetched once (for the condition editor). */
  let catalogLoad;
  function catalog() {
    catalogLoad ??= api.get('/v1/catalog').catch((err) => {
      catalogLoad = undefined;
      throw err;
    });
    return catalogLoad;
  }

  /** What the condition editor picks from: the catalog and the saved audiences as they are now. */
  async function sources() {
    const [workspace, listed] = await Promise.all([catalog(), api.get('/v1/audiences')]);
    return { catalog: workspace, audiences: listed?.audiences ?? [] };
  }

  function recompute(definition, sampleSize) {
    return api.post('/v1/compute', { definition, ...(sampleSize !== undefined ? { sample_size: sampleSize } : {}) });
  }

  /** The saved audience recounted when it was saved with hand edits (else undefined). */
  async function storedDraft(audience, agentDraft) {
    try {
      const stored = await api.get(`/v1/audiences/${enc(audience.id)}`);
      if (!stored?.definition || sameValue(stored.definition, agentDraft.definition)) return undefined;
      const result = await recompute(stored.definition, Math.max(5, agentDraft.samples?.length ?? 0));
      return { ...result, notUnderstood: [] };
    } catch {
      // The agent's draft stays on screen; the saved list still has the audience.
      return undefined;
    }
  }

  function closeThreads() {
    threads.hide();
    layout.threadsButton.setAttribute('aria-expanded', 'false');
  }

  function newThread() {
    if (current.busy) return;
    current.threadId = undefined;
    current.runId = undefined;
    remember();
    screen.clear();
    closeThreads();
    composer.setText('');
    composer.focus();
  }

  async function openThread(id) {
    if (current.busy) return;
    closeThreads();
    current.threadId = id;
    current.runId = undefined;
    remember();
    screen.clear();
    try {
      await turns.refresh({ focus: true });
    } catch (err) {
      showError(err, () => void openThread(id));
    }
  }

  async function toggleThreads() {
    if (threads.isOpen()) return closeThreads();
    layout.threadsButton.setAttribute('aria-expanded', 'true');
    threads.loading();
    try {
      const list = await api.post('/threads/search', { limit: 20, sort_by: 'updated_at', sort_order: 'desc', select: ['thread_id', 'title', 'status', 'updated_at', 'values'] });
      threads.show(list ?? [], current.threadId);
    } catch (err) {
      threads.failed('Threads could not be loaded.');
      showError(err, () => {
        closeThreads();
        void toggleThreads();
      });
    }
  }

  /** On load: the saved audiences, and the thread the page was on (with its pending question). */
  async function start() {
    const stored = session.load();
    current.threadId = stored.threadId;
    current.runId = stored.runId;
    // The URL shows the thread even when it came from storage, so it can be shared or bookmarked.
    remember();
    const loading = Promise.all([loadSaved(), loadLive()]).catch(() => undefined);
    if (current.threadId) {
      try {
        await turns.refresh();
      } catch (err) {
        showError(err, () => void openThread(stored.threadId));
      }
    }
    await loading;
  }

  return { build, answer, refine, apply, recompute, newThread, openThread, toggleThreads, moveLive, toggleLive, start, openSaved, sources };
}
