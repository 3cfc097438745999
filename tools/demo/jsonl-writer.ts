/**
 * @module
 * Buffered, back-pressured writing of JSON Lines: lines collect in memory up to about a megabyte, then go to the
 * file stream, waiting for it to drain when the disk is slower than the generator.
 */
import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";

const FLUSH_CHARS = 1 << 20;

export class JsonlWriter {
  private readonly stream: WriteStream;
  private buffer: string[] = [];
  private chars = 0;
  lines = 0;

  constructor(readonly path: string) {
    this.stream = createWriteStream(path, { encoding: "utf8", highWaterMark: 1 << 22 });
  }

  push(line: string): void {
    this.buffer.push(line);
    this.chars += line.length + 1;
    this.lines++;
  }

  /** Hands the buffer to the stream once it is big enough (or always, with `force`). */
  async flush(force = false): Promise<void> {
    if (this.chars === 0 || (!force && this.chars < FLUSH_CHARS)) return;
    const text = `${this.buffer.join("\n")}\n`;
    this.buffer = [];
    this.chars = 0;
    if (!this.stream.write(text)) await once(this.stream, "drain");
  }

  async close(): Promise<void> {
    await this.flush(true);
    this.stream.end();
    await once(this.stream, "finish");
  }
}
