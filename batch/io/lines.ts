/**
 * @module
 * Streams a text file line by line with 1-based line numbers, fast enough for millions of lines.
 */
import { createReadStream, statSync } from "node:fs";

export interface LineProgress {
  (bytesRead: number, totalBytes: number): void;
}

export async function* readLines(
  path: string,
  onProgress?: LineProgress,
): AsyncGenerator<[line: string, lineNumber: number]> {
  const total = statSync(path).size;
  const stream = createReadStream(path, { encoding: "utf8", highWaterMark: 1 << 20 });
  let carry = "";
  let lineNumber = 0;
  let bytes = 0;
  for await (const chunk of stream as AsyncIterable<string>) {
    bytes += Buffer.byteLength(chunk);
    const text = carry + chunk;
    let start = 0;
    let nl = text.indexOf("\n", start);
    while (nl !== -1) {
      lineNumber++;
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      yield [text.slice(start, end), lineNumber];
      start = nl + 1;
      nl = text.indexOf("\n", start);
    }
    carry = text.slice(start);
    onProgress?.(bytes, total);
  }
  if (carry.length > 0) {
    lineNumber++;
    yield [carry.endsWith("\r") ? carry.slice(0, -1) : carry, lineNumber];
  }
}
