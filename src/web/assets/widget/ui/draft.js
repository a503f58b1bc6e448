/**
 * The draft audience: its conditions as ✓ lines (each editable in place, the size recomputed
 * through POST /v1/compute), the size, reachability per channel, sample members, a box to change
 * it in words, and the form that saves it. A live draft (conditions on the visit) says so with
 * the agent's note, counts the known profiles who could match, and is saved with a duration; its
 * lines change in words only (the history engine cannot count a visit).
 */
import { describeError } from '../model/error-words.js';
import { formatCount, formatShare } from '../model/format.js';
import { createApplyForm } from './apply-form.js';
import { lineSize } from './condition-list.js';
import { createConditionLine } from './condition-line.js';
import { h, replace, uid } from './dom.js';
import { limitLength } from './length-limit.js';
import { reachChart } from './reach-chart.js';
import { samplesTable } from './samples-table.js';

/**
 * What of the request the draft does not hold, said on the draft; each part can be said again
 * in other words.
 * @param {string[]} parts
 * @param {((part: string) => void) | undefined} sayAgain
 */
function notUnderstoodNote(parts, sayAgain) {
  return h('div', { class: 'aw-warning', role: 'group', 'aria-label': 'Not understood' },
    h('p', { class: 'aw-warning-title' }, `Not in this audience, because ${parts.length === 1 ? 'it was' : 'they were'} not understood:`),
    h('ul', { class: 'aw-not-understood' }, parts.map((part) => h('li', {},
      h('q', {}, part),
      sayAgain ? h('button', { type: 'button', class: 'aw-link', onClick: () => sayAgain(part) }, 'Say it another way') : null))));
}

/**
 * @param {{ recompute: (definition: unknown, sampleSize: number) => Promise<any>,
 *           onApply: (name: string, description: string, duration?: { unit: string, amount?: number }) => void,
 *           onRefine: (instruction: string) => void, loadSources: () => Promise<{ catalog: any, audiences: any[] }> }} o
 *   loadSources: the workspace's catalog and saved audiences, for the condition editor and exclusions.
 */
export function createDraft({ recompute, onApply, onRefine, loadSources }) {
  const ids = { heading: uid('aw-draft'), refine: uid('aw-refine') };
  const heading = h('h2', { id: ids.heading, class: 'aw-card-title', tabindex: -1 }, 'Draft audience');
  const size = h('p', { class: 'aw-size', 'aria-live': 'polite' });
  const notes = h('div', { class: 'aw-notes' });
  const liveNote = h('p', { class: 'aw-live-note', hidden: true });
  const lines = h('ul', { class: 'aw-lines', 'aria-label': 'Conditions' });
  const reach = h('div', { class: 'aw-reach-wrap' });
  const samples = h('div', { class: 'aw-samples' });
  const refineBox = h('input', { id: ids.refine, class: 'aw-input', type: 'text', name: 'refine', autocomplete: 'off', placeholder: 'e.g. only gold members' });
  const refineLimit = limitLength(refineBox, 300);
  const refine = h(
    'form',
    {
      class: 'aw-refine',
      onSubmit: (e) => {
        e.preventDefault();
        const text = refineBox.value.trim();
        if (text && !busy && refineLimit.check()) onRefine(text);
      },
    },
    h('label', { for: ids.refine, class: 'aw-label aw-small', 'data-w': 'changeInWords' }, 'Change it in words'),
    h('div', { class: 'aw-free-row' }, refineBox, h('button', { type: 'submit', class: 'aw-button', 'data-w': 'change' }, 'Change')),
    refineLimit.problem,
  );
  const editorButton = h('button', { type: 'button', class: 'aw-button aw-small-button', 'aria-expanded': 'false', 'data-w': 'editConditions', onClick: () => void toggleEditor() }, 'Edit conditions');
  const editorHost = h('div', { class: 'aw-editor-host' });
  /** The condition editor once opened (later/condition-editor.js). */
  let editor;
  const applyForm = createApplyForm({ onApply: (name, description, duration) => !busy && onApply(name, description, duration) });
  const el = h(
    'section',
    { class: 'aw-card aw-draft', 'aria-labelledby': ids.heading, hidden: true },
    heading, liveNote, size, lines, h('div', { class: 'aw-line-actions' }, editorButton), editorHost, notes,
    h('div', { class: 'aw-draft-grid' }, reach, samples),
    refine, applyForm.el,
  );

  let current;
  /** As many sample members as the agent showed, so an edit does not change the table's length. */
  let sampleSize = 5;
  let edited = false;
  let readOnly = false;
  let busy = false;
  /** The saved audience this draft edits (saved back in place), else undefined. */
  let saved;

  function render(focusLine) {
    const total = current.totalProfiles ?? 0;
    const live = current.kind === 'live';
    replace(size, live ? 'Up to ' : null, h('strong', { class: 'aw-size-number' }, formatCount(current.size)),
      live ? ` known ${current.size === 1 ? 'profile' : 'profiles'} could match` : ` ${current.size === 1 ? 'person' : 'people'}`,
      total ? h('span', { class: 'aw-muted' }, ` · ${formatShare(current.size, total)} of ${formatCount(total)} profiles`) : null,
      edited && !readOnly ? h('span', { class: 'aw-badge' }, 'edited') : null);
    liveNote.hidden = !live;
    liveNote.textContent = live ? current.note ?? 'Live audience: evaluated when a visitor arrives.' : '';
    const editable = (i) => !live && i < current.definition.root.conditions.length;
    const made = current.explanation.map((text, i) =>
      createConditionLine({ text, index: i, ...(editable(i) && !readOnly ? { definition: current.definition, onEdit: (definition) => editLine(i, definition), onFull: () => void toggleEditor(true) } : {}) }),
    );
    made.forEach((m, i) => {
      // Sizes on their own belong to the conditions; the lines after them are the exclusions.
      const own = i < (current.definition?.root?.conditions?.length ?? 0) ? current.conditionSizes?.[i] : undefined;
      if (own) m.el.children[1].after(lineSize(own.size));
    });
    replace(lines, made.map((m) => m.el));
    replace(notes,
      current.readAs?.length
        ? h('p', { class: 'aw-muted' }, `Read ${current.readAs.map((r) => `“${r.from}” as “${r.to}”`).join(', ')}`)
        : null,
      current.notUnderstood?.length ? notUnderstoodNote(current.notUnderstood, readOnly || saved ? undefined : sayAgain) : null);
    // What is saved describes the audience as it is now, unless the user wrote their own.
    if (!readOnly && (edited || !saved)) applyForm.describe(current.explanation);
    // Decided by the visit alone, a live draft has no profiles to break down yet.
    const nothingToShow = live && !Object.keys(current.reachability ?? {}).length && !current.samples?.length;
    reach.parentElement.hidden = nothingToShow;
    replace(reach, nothingToShow ? null : reachChart(current.reachability, current.size));
    replace(samples, nothingToShow ? null : samplesTable(current.samples, current.size));
    // Words build on a conversation; a saved audience opened here has none.
    refine.hidden = readOnly || Boolean(saved);
    editorButton.parentElement.hidden = readOnly || live;
    applyForm.el.hidden = readOnly;
    if (focusLine !== undefined) made[focusLine]?.focus();
  }

  /** A part that was not understood, handed to the words box to say it another way. */
  function sayAgain(part) {
    refineBox.value = part;
    refineBox.focus();
    refineBox.select();
  }

  /** Opens the condition editor, or closes it when it is open (unless `open` says to keep it open). */
  async function toggleEditor(open = false) {
    if (editor && !editorHost.hidden) {
      if (open) return editor.focus();
      editorHost.hidden = true;
      editorButton.setAttribute('aria-expanded', 'false');
      return;
    }
    // Not disabled while it loads: a disabled button would drop the keyboard focus.
    if (editorButton.getAttribute('aria-busy') === 'true') return;
    editorButton.setAttribute('aria-busy', 'true');
    try {
      if (!editor) {
        const [{ createConditionEditor }, { createExclusions }, sources] = await Promise.all([
          import('../later/condition-editor.js'), import('../later/exclusions.js'), loadSources(),
        ]);
        const apply = (definition) => editLine(undefined, definition);
        const exclusions = createExclusions({
          sources: { audiences: sources.audiences, lists: sources.catalog.lists },
          excludeId: saved?.id,
          apply,
          count: async (definition) => (await recompute(definition, 0)).size,
        });
        editor = createConditionEditor({ catalog: sources.catalog, apply, more: exclusions });
        editorHost.append(editor.el);
      }
      editor.update(current.definition, current.size);
      editorHost.hidden = false;
      editorButton.setAttribute('aria-expanded', 'true');
      editor.focus();
    } catch (err) {
      const words = describeError(err);
      replace(notes, h('p', { class: 'aw-warning', role: 'alert' }, `The editor could not open: ${words.title}. ${words.detail}`));
    } finally {
      editorButton.removeAttribute('aria-busy');
    }
  }

  /** Recounts the draft with a changed definition; a problem comes back as words and the draft stays as it was. */
  async function editLine(index, definition) {
    try {
      const result = await recompute(definition, sampleSize);
      current = { ...current, definition: result.definition, explanation: result.explanation, size: result.size, totalProfiles: result.totalProfiles, reachability: result.reachability, samples: result.samples, conditionSizes: result.conditionSizes };
      edited = true;
      render(index);
      if (editor && !editorHost.hidden) editor.update(current.definition, current.size);
      return undefined;
    } catch (err) {
      const words = describeError(err);
      return `${words.title}. ${words.detail}`;
    }
  }

  return {
    el,
    /**
     * @param {any} draft the confirm interrupt's draft (or a saved thread's draft)
     * @param {{ prompt?: string, readOnly?: boolean, saved?: { id: string, name: string, description?: string } }} o
     *   saved: the saved audience being edited; Apply saves the changes to it.
     */
    show(draft, { prompt, readOnly: ro = false, saved: target } = {}) {
      current = { ...draft, notUnderstood: draft.notUnderstood ?? [] };
      sampleSize = Math.max(5, draft.samples?.length ?? 0);
      edited = false;
      readOnly = ro;
      const live = draft.kind === 'live';
      saved = target;
      // The editor is made for one draft (the saved audience it may not leave out, the lists as they were).
      editor = undefined;
      editorHost.replaceChildren();
      editorHost.hidden = true;
      editorButton.setAttribute('aria-expanded', 'false');
      heading.textContent = target ? `Editing “${target.name}”` : ro ? (live ? 'Saved live audience' : 'Saved audience') : live ? 'Live audience' : 'Draft audience';
      // Only the plain draft's heading has words in other languages (ui/words.js).
      heading.dataset.en = heading.textContent;
      if (!target && !ro && !live) heading.dataset.w = 'draftTitle';
      else delete heading.dataset.w;
      refineBox.value = '';
      applyForm.setLive(live);
      applyForm.setSaved(target);
      applyForm.prefill(prompt);
      el.hidden = false;
      render();
    },
    /** The definition to save when it was edited by hand, else undefined. */
    editedDefinition: () => (edited ? current.definition : undefined),
    /** The definition on screen, edited or not. */
    definition: () => current?.definition,
    savedSource: () => (el.hidden ? undefined : saved),
    setBusy(value) {
      busy = value;
      applyForm.setBusy(value);
      el.setAttribute('aria-busy', String(value));
    },
    hide() {
      el.hidden = true;
      saved = undefined;
      applyForm.reset();
    },
    focus: () => heading.focus(),
  };
}
