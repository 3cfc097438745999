/**
 * @module
 * Streams a text file line by line with 1-based line numbers, fast enough for millions of lines: the file is
 * read in 1 MiB chunks and lines are handed out a chunk at a time (one await per chunk, not per line).
 */
import { createReadStream, statSync } from "node:fs";

export type LineProgress = (bytesRead: number, totalBytes: number) => void

/** Yields the lines of each chunk as an array, with the line number of the first one. */
export async function* readLineBatches(path: string, onProgress?: LineProgress): AsyncGenerator<[lines: string[], firstLineNumber: number]> {
  const total = statSync(path).size;
  const stream = createReadStream(path, { encoding: "utf8", highWaterMark: 1 << 20 });
  let carry = "";
  let lineNumber = 1;
  let bytes = 0;
  for await (const chunk of stream as AsyncIterable<string>) {
    bytes += Buffer.byteLength(chunk);
    const lines = (carry + chunk).split("\n");
    carry = lines.pop()!;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (line.length > 0 && line.charCodeAt(line.length - 1) === 13) lines[i] = line.slice(0, -1);
    }
    onProgress?.(bytes, total);
    if (lines.length > 0) {
      yield [lines, lineNumber];
      lineNumber += lines.length;
    }
  }
  if (carry.length > 0) yield [[carry.endsWith("\r") ? carry.slice(0, -1) : carry], lineNumber];
}

/** Line by line, for callers that handle few lines or do heavy work per line. */
export async function* readLines(path: string, onProgress?: LineProgress): AsyncGenerator<[line: string, lineNumber: number]> {
  for await (const [lines, first] of readLineBatches(path, onProgress)) {
    for (let i = 0; i < lines.length; i++) yield [lines[i], first + i];
  }
}
