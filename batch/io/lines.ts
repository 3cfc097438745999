/**
 * @module
 * Streams a text file line by line with 1-based line numbers, fast enough for millions of lines: the file is
 * read in 1 MiB chunks, cut at the last line break of each, and lines are handed out a chunk at a time (one await
 * per chunk, not per line). The text must be UTF-8: a byte-order mark at the start is dropped, and a line that is
 * not valid UTF-8 is never read as replacement characters: it is handed to `onInvalid` (and given out as an empty
 * line), or, without that callback, stops the read with an `InputError` naming it.
 */
import { createReadStream, statSync } from "node:fs";
import { InputError, InputRejectedError } from "./input-error";

export type LineProgress = (bytesRead: number, totalBytes: number) => void;

/** Told the number of a line that is not valid UTF-8; the reader reports it as it reports a bad line. */
export type InvalidLine = (lineNumber: number) => void;

const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const NEWLINE = 10;

/** Yields the lines of each chunk as an array, with the line number of the first one. */
export async function* readLineBatches(path: string, onProgress?: LineProgress, onInvalid?: InvalidLine): AsyncGenerator<[lines: string[], firstLineNumber: number]> {
  const stat = statSync(path);
  if (stat.isDirectory()) throw new InputRejectedError(`${path} is a folder, not a file`);
  const total = stat.size;
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  let carry: Buffer = Buffer.alloc(0);
  let lineNumber = 1;
  let bytes = 0;
  let first = true;
  const invalid = onInvalid ?? ((line: number) => {
    throw new InputError(path, line, undefined, "not valid UTF-8 text");
  });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    let data = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    if (first) {
      if (data.length < 3) {
        carry = data;
        continue;
      }
      data = withoutBom(data);
      first = false;
    }
    const end = data.lastIndexOf(NEWLINE);
    if (end < 0) {
      carry = data;
      onProgress?.(bytes, total);
      continue;
    }
    carry = data.subarray(end + 1);
    const lines = decodeLines(data.subarray(0, end), lineNumber, invalid);
    onProgress?.(bytes, total);
    yield [lines, lineNumber];
    lineNumber += lines.length;
  }
  if (first) carry = withoutBom(carry);
  if (carry.length > 0) yield [decodeLines(carry, lineNumber, invalid), lineNumber];
}

/** Line by line, for callers that handle few lines or do heavy work per line. */
export async function* readLines(path: string, onProgress?: LineProgress, onInvalid?: InvalidLine): AsyncGenerator<[line: string, lineNumber: number]> {
  for await (const [lines, first] of readLineBatches(path, onProgress, onInvalid)) {
    for (let i = 0; i < lines.length; i++) yield [lines[i], first + i];
  }
}

function withoutBom(data: Buffer): Buffer {
  return data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? data.subarray(3) : data;
}

/** The lines of `bytes` (no trailing line break), each without a final CR; a line that is not UTF-8 becomes "". */
function decodeLines(bytes: Buffer, firstLine: number, invalid: InvalidLine): string[] {
  let lines: string[];
  try {
    lines = strict.decode(bytes).split("\n");
  } catch {
    lines = [];
    let start = 0;
    for (;;) {
      const end = bytes.indexOf(NEWLINE, start);
      const line = bytes.subarray(start, end < 0 ? bytes.length : end);
      try {
        lines.push(strict.decode(line));
      } catch {
        invalid(firstLine + lines.length);
        lines.push("");
      }
      if (end < 0) break;
      start = end + 1;
    }
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.length > 0 && line.charCodeAt(line.length - 1) === 13) lines[i] = line.slice(0, -1);
  }
  return lines;
}
