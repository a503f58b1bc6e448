/** Reading SSE frames from a fetch response by hand, to cut a stream at a chosen point. */
export { sseFrames as frames, type SseFrame as Frame } from '../../../bench/service-sse.js';

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}, signal?: AbortSignal): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body), signal });
}
