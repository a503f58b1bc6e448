/**
 * What the page does with one saved audience: open it (counted now), count it again, edit it
 * as a draft (saved back in place), duplicate it, delete it once the user said yes, download
 * its members and copy its SQL. Loaded when a saved audience is first opened, so the first page
 * load stays small.
 */
import { ApiError } from '../api/client.js';
import { downloadFile } from './download.js';
import { createSavedView } from './saved-view.js';
import { useLaterStyles } from './styles.js';

const enc = encodeURIComponent;

/**
 * @param {{ api: any, host: HTMLElement, draft: any, saved: any, layout: any,
 *           clearThread: () => void, onClose: () => void, loadSaved: (highlightId?: string) => Promise<void>,
 *           showError: (err: unknown, retry?: () => void, title?: string) => void, sampleSize?: number }} o
 *   host: where the opened audience is drawn (hidden again when the thread screen is cleared).
 */
export function createSavedActions({ api, host, draft, saved, layout, clearThread, onClose, loadSaved, showError, sampleSize = 5 }) {
  const view = createSavedView({
    onCount: () => void count({ keep: true }),
    onEdit: () => void edit(),
    onDuplicate: () => void duplicate(),
    onDelete: () => void remove(),
    onDownload: (format) => void download(format),
    onCopySql: () => void copySql(),
    onClose: () => onClose(),
  });
  host.append(view.el);
  useLaterStyles(host);

  /** The audience open, as the service last sent it. */
  let audience;
  /** Bumped on every open, so a late count of an earlier audience is dropped. */
  let opening = 0;

  /** Counts it now; `keep`: the count is also kept in its history (when the service keeps one). */
  async function count({ keep = false } = {}) {
    if (!audience) return;
    const mine = opening;
    view.setCounting(true);
    try {
      const result = await api.post('/v1/compute', { definition: audience.definition, sample_size: sampleSize });
      if (mine === opening) view.showCount(result, new Date().toISOString());
      if (mine === opening) void loadHistory(mine, keep);
      return result;
    } catch (err) {
      if (mine !== opening) return undefined;
      view.countFailed('It could not be counted.');
      showError(err, () => void count(), `“${audience.name}” could not be counted`);
      return undefined;
    } finally {
      if (mine === opening) view.setCounting(false);
    }
  }

  /** The counts kept of the open audience; none shown where the service keeps no history. */
  async function loadHistory(mine, keep) {
    const id = enc(audience.id);
    try {
      if (keep) await api.post(`/v1/audiences/${id}/refresh`, {});
      const { counts } = await api.get(`/v1/audiences/${id}/history`);
      if (mine === opening) view.showHistory(counts);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (mine === opening) view.showHistory(null);
    }
  }

  async function open(listed) {
    opening += 1;
    const mine = opening;
    clearThread();
    host.hidden = false;
    view.open(listed);
    try {
      const fresh = await api.get(`/v1/audiences/${enc(listed.id)}`);
      if (mine !== opening) return;
      audience = fresh;
      view.open(fresh);
      await count();
    } catch (err) {
      if (mine !== opening) return;
      view.countFailed('It could not be opened.');
      showError(err, () => void open(listed), `“${listed.name}” could not be opened`);
    }
  }

  async function edit() {
    if (!audience) return;
    const result = await count();
    if (!result) return;
    view.hide();
    draft.show({ ...result, kind: 'list', notUnderstood: [] }, { saved: audience });
    draft.focus();
  }

  async function duplicate() {
    if (!audience) return;
    try {
      const copy = await api.post(`/v1/audiences/${enc(audience.id)}/copies`, {});
      await loadSaved(copy.id);
      layout.announce(`Duplicated as ${copy.name}.`);
      await open(copy);
    } catch (err) {
      showError(err, () => void duplicate(), `“${audience.name}” could not be duplicated`);
    }
  }

  async function remove() {
    if (!audience) return;
    const gone = audience;
    try {
      await api.send('DELETE', `/v1/audiences/${enc(gone.id)}`);
    } catch (err) {
      // Deleted already (another tab): what the user wanted is done.
      if (!(err instanceof ApiError && err.code === 'not_found')) return showError(err, () => void remove(), `“${gone.name}” could not be deleted`);
    }
    audience = undefined;
    view.hide();
    await loadSaved();
    layout.announce(`Deleted ${gone.name}.`);
    saved.focusList();
  }

  async function download(format) {
    if (!audience) return;
    view.say(`Preparing the ${format.toUpperCase()} file…`);
    try {
      const bytes = await downloadFile(api, `/v1/audiences/${enc(audience.id)}/members?format=${format}`, `${fileName(audience.name)}.${format}`);
      view.say(`Downloaded the members as ${format.toUpperCase()} (${Math.max(1, Math.round(bytes / 1024))} KB).`);
    } catch (err) {
      view.say('');
      showError(err, () => void download(format), 'The members could not be downloaded');
    }
  }

  async function copySql() {
    if (!audience) return;
    try {
      const { sql, params } = await api.get(`/v1/audiences/${enc(audience.id)}/sql`);
      view.showSql(sql, params);
      try {
        await navigator.clipboard.writeText(sql);
        view.say('The SQL is copied. Its values are the parameters listed under it.');
      } catch {
        view.say('The SQL is below: select it to copy it.');
      }
    } catch (err) {
      showError(err, () => void copySql(), 'The SQL could not be made');
    }
  }

  /** After a draft of a saved audience was saved: the list and the audience as they are now. */
  async function saveEdited(target, { name, description, definition }) {
    const updated = await api.patch(`/v1/audiences/${enc(target.id)}`, { name, description, definition });
    await loadSaved(updated.id);
    draft.hide();
    layout.announce(`Saved the changes to ${updated.name}.`);
    await open(updated);
  }

  return {
    open,
    saveEdited,
    close() {
      opening += 1;
      audience = undefined;
      view.hide();
      saved.focusList();
    },
  };
}

/** A file name from the audience's name: letters, digits and dashes. */
export function fileName(name) {
  const base = String(name).normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return base || 'audience';
}
