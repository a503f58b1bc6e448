/**
 * Which thread the page is on, kept where a reload finds it: the URL (`?thread=`, so a link
 * opens the same conversation) on the service's own page, and localStorage everywhere (an
 * embedded widget leaves its host page's URL alone).
 */

const storageKey = (scope) => `audience-agent:${scope}:thread`;

function storage() {
  try {
    return window.localStorage;
  } catch {
    // Storage can be blocked (privacy settings, sandboxed frames): the thread then lives in memory.
    return undefined;
  }
}

/**
 * @param {{ scope: string, useUrl: boolean }} o scope separates services and workspaces.
 */
export function createSession({ scope, useUrl }) {
  let memory;
  return {
    /** @returns {{ threadId?: string, runId?: string }} */
    load() {
      const fromUrl = useUrl ? new URL(window.location.href).searchParams.get('thread') ?? undefined : undefined;
      let saved = {};
      try {
        saved = JSON.parse(storage()?.getItem(storageKey(scope)) ?? 'null') ?? memory ?? {};
      } catch {
        saved = memory ?? {};
      }
      if (fromUrl && fromUrl !== saved.threadId) return { threadId: fromUrl };
      return { threadId: saved.threadId, runId: saved.runId };
    },
    /** @param {{ threadId?: string, runId?: string }} current */
    save(current) {
      memory = current;
      try {
        if (current.threadId) storage()?.setItem(storageKey(scope), JSON.stringify(current));
        else storage()?.removeItem(storageKey(scope));
      } catch {
        // Quota or blocked storage: the URL (or memory) still holds the thread.
      }
      if (!useUrl) return;
      const url = new URL(window.location.href);
      if (current.threadId) url.searchParams.set('thread', current.threadId);
      else url.searchParams.delete('thread');
      if (url.href !== window.location.href) window.history.replaceState(null, '', url);
    },
  };
}
