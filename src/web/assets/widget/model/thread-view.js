/**
 * What the page shows for a thread, read from the protocol's thread and state
 * (GET /threads/:id, GET /threads/:id/state): the pending question or draft, a saved audience,
 * the last error, and the conversation so far.
 */

/** The first pending interrupt's value (the graph asks one thing at a time). */
export function pendingInterrupt(state) {
  for (const task of state?.tasks ?? []) {
    for (const item of task.interrupts ?? []) if (item && typeof item === 'object' && item.value) return item.value;
  }
  return undefined;
}

/** The conversation as far as the state keeps it: requests, then the meanings chosen. */
export function transcriptOf(values) {
  const prompts = Array.isArray(values?.prompts) ? values.prompts : [];
  const answers = values?.answers && typeof values.answers === 'object' ? Object.entries(values.answers) : [];
  const lines = [];
  if (prompts[0]) lines.push({ role: 'user', text: prompts[0] });
  for (const [term, answer] of answers) lines.push({ role: 'answer', text: term ? `“${term}”: ${answer}` : String(answer) });
  for (const p of prompts.slice(1)) lines.push({ role: 'user', text: p });
  if (!lines.length && typeof values?.prompt === 'string' && values.prompt) lines.push({ role: 'user', text: values.prompt });
  return lines;
}

/**
 * @param {{ status?: string, title?: string } | undefined} thread
 * @param {{ values?: any, tasks?: any[] } | undefined} state
 */
export function viewOfThread(thread, state) {
  const values = state?.values ?? {};
  const interrupt = pendingInterrupt(state);
  const view = {
    title: thread?.title ?? '',
    busy: thread?.status === 'busy',
    phase: 'empty',
    question: undefined,
    draft: undefined,
    audience: undefined,
    /** Whether the saved audience is a live one (kept in the live audiences' order). */
    live: false,
    error: undefined,
    transcript: transcriptOf(values),
    lookups: Array.isArray(values.toolCalls) ? values.toolCalls.map((t) => t.summary).filter(Boolean) : [],
    prompts: Array.isArray(values.prompts) ? values.prompts : [],
    /** The conversation's language ('en', 'zh-TW', 'ja', 'th'). */
    language: typeof values.language === 'string' ? values.language : 'en',
  };
  if (view.busy) view.phase = 'working';
  else if (interrupt?.type === 'question') {
    view.phase = 'question';
    view.question = interrupt;
  } else if (interrupt?.type === 'confirm') {
    view.phase = 'draft';
    view.draft = interrupt.draft;
  } else if (values.status === 'saved' && (values.audience || values.liveAudience)) {
    view.phase = 'saved';
    view.audience = values.audience ?? values.liveAudience;
    view.live = !values.audience;
    view.draft = values.currentDraft ?? undefined;
  } else if (values.error) {
    view.phase = 'error';
    view.error = values.error;
  }
  // A failed save goes back to the draft with the error: both are shown.
  if (values.error && view.phase === 'draft') view.error = values.error;
  return view;
}

/** A short status for the threads list. */
export function threadStatusLabel(thread) {
  if (thread.status === 'busy') return 'Working…';
  const values = thread.values ?? {};
  if (values.status === 'saved') return 'Saved';
  if (values.status === 'confirming') return 'Draft ready';
  if (values.status === 'clarifying' || thread.status === 'interrupted') return 'Waiting for your answer';
  if (values.status === 'error' || thread.status === 'error') return 'Needs attention';
  return 'Started';
}
