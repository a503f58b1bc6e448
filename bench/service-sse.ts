/** Reading the service's SSE frames from a fetch response as they arrive (the bench times them; tests cut streams). */
export interface SseFrame {
  id?: string;
  event: string;
  data: unknown;
}

export async function* sseFrames(res: Response): AsyncGenerator<SseFrame> {
  if (!res.body) throw new Error('the stream response has no body');
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    while (true) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const frame: SseFrame = { event: 'message', data: null };
        let comment = true;
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) continue;
          comment = false;
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'id') frame.id = value;
          else if (field === 'event') frame.event = value;
          else if (field === 'data') frame.data = JSON.parse(value);
        }
        // Keep-alive comments are not events.
        if (!comment) yield frame;
      }
    }
  } finally {
    reader.releaseLock();
  }
}

export function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}
