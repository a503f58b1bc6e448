/** Reads a JSONL file, gzipped or not, line by line, telling how many bytes of the file it has read. */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { StringDecoder } from 'node:string_decoder';

export interface LineProgress {
  bytesRead: number;
  totalBytes: number;
}

export async function fileSize(path: string): Promise<number> {
  return (await stat(path)).size;
}

export async function* readLines(path: string, onBytes?: (p: LineProgress) => void): AsyncGenerator<string> {
  const totalBytes = await fileSize(path);
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  let bytesRead = 0;
  file.on('data', (chunk) => {
    bytesRead += chunk.length;
    onBytes?.({ bytesRead, totalBytes });
  });
  const input = path.endsWith('.gz') ? file.pipe(createGunzip({ chunkSize: 1 << 20 })) : file;
  file.on('error', (err) => input.destroy(err));
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      const text = rest + decoder.write(chunk);
      let start = 0;
      let nl: number;
      while ((nl = text.indexOf('\n', start)) !== -1) {
        yield text.charCodeAt(nl - 1) === 13 ? text.slice(start, nl - 1) : text.slice(start, nl);
        start = nl + 1;
      }
      rest = text.slice(start);
    }
    rest += decoder.end();
    if (rest !== '') yield rest;
  } finally {
    file.destroy();
  }
}
