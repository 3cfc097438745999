/**
 * @module
 * A build folder's part written in chunks as it is made, its size and SHA-256 counted on the way (the manifest's
 * `parts`), so a part never has to exist whole in memory.
 */
import { createHash } from "node:crypto";
import { closeSync, openSync, writeSync } from "node:fs";

export interface PartSum {
  bytes: number;
  sha256: string;
}

/** Calls `write` with a function that appends bytes to `file` (created or truncated); returns the file's sum. */
export function writeHashedFile(file: string, write: (append: (chunk: Uint8Array) => void) => void): PartSum {
  const fd = openSync(file, "w");
  const hash = createHash("sha256");
  let bytes = 0;
  try {
    write((chunk) => {
      writeSync(fd, chunk);
      hash.update(chunk);
      bytes += chunk.length;
    });
  } finally {
    closeSync(fd);
  }
  return { bytes, sha256: hash.digest("hex") };
}
