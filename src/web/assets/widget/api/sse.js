/**
 * Server-sent events read from a fetch() response (EventSource cannot POST or send an API key).
 * Yields `{ id, event, data }` per frame; keep-alive comments are skipped.
 */

function parseFrame(block) {
  const frame = { id: undefined, event: 'message', data: null };
  const data = [];
  let comment = true;
  for (const line of block.split(/\r?\n/)) {
    if (line === '' || line.startsWith(':')) continue;
    comment = false;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'id') frame.id = value;
    else if (field === 'event') frame.event = value;
    else if (field === 'data') data.push(value);
  }
  if (comment) return undefined;
  const text = data.join('\n');
  try {
    frame.data = text ? JSON.parse(text) : null;
  } catch {
    frame.data = text;
  }
  return frame;
}

/** @param {Response} res */
export async function* readSse(res) {
  if (!res.body) return;
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    while (true) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let cut;
      while ((cut = buffer.search(/\r?\n\r?\n/)) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut).replace(/^\r?\n\r?\n/, '');
        const frame = parseFrame(block);
        if (frame) yield frame;
      }
    }
    const last = parseFrame(buffer);
    if (last) yield last;
  } finally {
    reader.releaseLock();
  }
}
