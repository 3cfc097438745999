/**
 * @module
 * Locates the real data sets in `../shared/data`. Tests that need them skip, visibly, where the folder is absent
 * (a user's clone); CI always has it.
 */
import { existsSync } from "node:fs";
import path from "node:path";

export const SHARED_DATA_DIR = path.resolve(import.meta.dirname, "../../../shared/data");

export function sharedDataPath(relative: string): string {
  return path.join(SHARED_DATA_DIR, relative);
}

/** True when the file exists; otherwise prints why the calling suite is skipped and returns false. */
export function hasSharedData(relative: string): boolean {
  const file = sharedDataPath(relative);
  if (existsSync(file)) return true;
  console.warn(`SKIPPED: ${file} is absent (../shared/data is only on CI and team machines)`);
  return false;
}
