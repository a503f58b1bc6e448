/**
 * A file of lines, gzipped or not, written in large buffers and waiting when the disk or the
 * compressor falls behind (backpressure), so memory stays flat however many lines are written.
 * The file is written under a temporary name and renamed when complete, so an interrupted run
 * never leaves a truncated file that looks like a finished workspace.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { TransformOptions, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type ZlibOptions, createGzip } from 'node:zlib';

const BUFFER = 1 << 20;
/**
 * Up to this much may wait for the compressor: several buffers, so the main thread keeps
 * generating while zlib compresses on the thread pool, instead of the two taking turns.
 */
const IN_FLIGHT = 8 << 20;

export interface OutputFileOptions {
  gzip: boolean;
  /** zlib level 1–9; 1 is several times faster than the default and still shrinks JSONL ~10x. */
  level: number;
}

export class OutputFile {
  private buffer = Buffer.allocUnsafe(BUFFER);
  private used = 0;
  private readonly input: Writable;
  private readonly done: Promise<void>;

  private constructor(private readonly path: string, private readonly partial: string, options: OutputFileOptions) {
    const file = createWriteStream(partial, { highWaterMark: IN_FLIGHT });
    if (options.gzip) {
      // zlib streams pass stream options through to their Transform, though ZlibOptions omits them.
      const gzipOptions: ZlibOptions & TransformOptions = {
        level: options.level,
        chunkSize: 256 << 10,
        writableHighWaterMark: IN_FLIGHT,
      };
      const gzip = createGzip(gzipOptions);
      this.input = gzip;
      this.done = pipeline(gzip, file);
    } else {
      this.input = file;
      this.done = once(file, 'close').then(() => undefined);
    }
    // A failure surfaces through writeLine()/close(); this only keeps it from going unhandled meanwhile.
    this.done.catch(() => undefined);
  }

  static open(path: string, options: OutputFileOptions): OutputFile {
    return new OutputFile(path, `${path}.partial`, options);
  }

  /**
   * Appends a line (the caller includes the newline). Returns a promise only when a full buffer
   * had to wait for the stream to drain: `const wait = out.writeLine(l); if (wait) await wait;`
   * keeps the common case free of a promise per line.
   */
  writeLine(line: string): Promise<void> | undefined {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    const room = line.length * 3;
    const wait = this.used + room > this.buffer.length ? this.flush(room) : undefined;
    this.used += this.buffer.write(line, this.used, 'utf8');
    return wait;
  }

  async close(): Promise<void> {
    await this.flush();
    this.input.end();
    await this.done;
    await rename(this.partial, this.path);
  }

  /** Gives up on the file: stops the streams and removes what was written. */
  async abort(): Promise<void> {
    this.input.destroy();
    await this.done.catch(() => undefined);
    await rm(this.partial, { force: true });
  }

  /** Hands the filled part of the buffer to the stream and starts a new one with at least `room` bytes. */
  private flush(room = 0): Promise<void> | undefined {
    const full = this.buffer.subarray(0, this.used);
    this.buffer = Buffer.allocUnsafe(Math.max(BUFFER, room));
    this.used = 0;
    if (full.length === 0 || this.input.write(full)) return undefined;
    return Promise.race([once(this.input, 'drain').then(() => undefined), this.done]);
  }
}
