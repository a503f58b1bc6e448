/**
 * Running the turns of the current thread: send a message or an answer and follow the run
 * (progress and lookups as they happen), rejoin a run still going after a reload, and draw the
 * thread once the run has ended. A failed turn offers a retry that only resends while the
 * thread is still where it was.
 */
import { ApiError } from './api/client.js';
import { joinTurn, startTurn } from './api/run-stream.js';
import { viewOfThread } from './model/thread-view.js';

const enc = encodeURIComponent;
const keyOf = (view) => JSON.stringify(view.question ?? view.draft ?? null);

/**
 * @param {{ api: any, parts: any, screen: ReturnType<typeof import('./ui/thread-screen.js').createThreadScreen>,
 *           current: { threadId?: string, runId?: string, busy: boolean },
 *           remember: () => void, setBusy: (busy: boolean) => void, showError: (err: unknown, retry?: () => void) => void }} o
 */
export function createTurnRunner({ api, parts, screen, current, remember, setBusy, showError }) {
  const { progress, question, errors, savedNotice } = parts;
  /** The interrupt on screen when a turn started. */
  let pendingKey = 'null';

  async function readThread() {
    const id = enc(current.threadId);
    const [thread, state] = await Promise.all([api.get(`/threads/${id}`), api.get(`/threads/${id}/state`)]);
    return viewOfThread(thread, state);
  }

  function draw(view, o) {
    pendingKey = keyOf(view);
    screen.render(view, o);
  }

  /** Reads the thread and draws it; follows its run first when one is going. */
  async function refresh(o = {}) {
    if (!current.threadId) return;
    const view = await readThread();
    if (view.busy) return join();
    draw(view, o);
  }

  function onEvent(frame) {
    if (frame.event !== 'custom' || !frame.data || typeof frame.data !== 'object') return;
    if (frame.data.type === 'progress') progress.progress(frame.data);
    else if (frame.data.type === 'tool') progress.tool(frame.data);
  }

  function follow() {
    return {
      api,
      threadId: current.threadId,
      runId: current.runId,
      onEvent,
      onRun: (id) => {
        current.runId = id;
        remember();
      },
    };
  }

  function ended() {
    current.runId = undefined;
    remember();
  }

  /**
   * Sends one turn (`{ input }` or `{ command }`) and draws its outcome; `after` runs once the
   * run has ended, before the drawing (e.g. saving hand edits).
   */
  async function send(payload, { after } = {}) {
    if (!current.threadId) return;
    const expected = pendingKey;
    setBusy(true);
    errors.hide();
    question.hide();
    savedNotice.hidden = true;
    progress.start();
    try {
      await startTurn(follow(), payload);
      ended();
      await after?.();
      await refresh({ focus: true, afterTurn: true });
    } catch (err) {
      progress.finish('Stopped');
      // Unless the service is out of reach, show where the thread is now (the answer may have
      // been taken before the failure), with the error above it.
      if (!(err instanceof ApiError && err.code === 'network')) await refresh({ afterTurn: true }).catch(() => undefined);
      showError(err, () => void retry(payload, expected));
    } finally {
      setBusy(false);
    }
  }

  async function retry(payload, expected) {
    errors.hide();
    try {
      const view = await readThread();
      if (view.busy) return join();
      if (payload.command && keyOf(view) !== expected) return draw(view, { focus: true });
      await send(payload);
    } catch (err) {
      showError(err, () => void retry(payload, expected));
    }
  }

  /** Follows a run already going on the thread (after a reload), then draws the result. */
  async function join() {
    if (!current.runId) {
      const id = enc(current.threadId);
      const running = await api.get(`/threads/${id}/runs?status=running&limit=1`);
      const pending = running?.length ? running : await api.get(`/threads/${id}/runs?status=pending&limit=1`);
      current.runId = pending?.[0]?.run_id;
    }
    if (!current.runId) return;
    setBusy(true);
    progress.start('Picking up where it was…');
    try {
      await joinTurn(follow());
    } finally {
      ended();
      setBusy(false);
    }
    const view = await readThread();
    // The run has ended even if the thread's record has not caught up yet.
    draw(view.busy ? viewOfThread({ status: 'idle' }, await api.get(`/threads/${enc(current.threadId)}/state`)) : view, { focus: true, afterTurn: true });
  }

  return { send, refresh };
}
