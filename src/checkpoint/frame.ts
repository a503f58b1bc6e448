/**
 * Binary frames for values stored in Redis: a JSON header line, then raw payload bytes.
 *
 * Serialized checkpoints and channel values are bytes (the serde may return any Uint8Array), so
 * they are stored as-is rather than re-encoded as text; the header carries what is needed to
 * read them back (serde type, lengths, ids). JSON escapes newlines inside strings, so the first
 * newline always ends the header.
 */

const NEWLINE = 0x0a;

export function encodeFrame(header: unknown, ...payloads: Uint8Array[]): Buffer {
  const head = Buffer.from(`${JSON.stringify(header)}\n`, 'utf8');
  return Buffer.concat([head, ...payloads.map(asBuffer)]);
}

export interface Frame {
  header: unknown;
  body: Buffer;
}

export function decodeFrame(frame: Buffer): Frame {
  const end = frame.indexOf(NEWLINE);
  if (end < 0) throw new Error('Corrupt checkpoint frame: no header line.');
  return {
    header: JSON.parse(frame.subarray(0, end).toString('utf8')) as unknown,
    body: frame.subarray(end + 1),
  };
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
