/**
 * @module
 * Work several suites of a run share, made by whichever needs it first, in whichever worker runs that suite: the
 * first caller makes it into `dir`, the others wait until it is complete (their hook timeout bounds the wait) or
 * learn why it failed.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export async function madeOnce(dir: string, make: () => Promise<void>): Promise<void> {
  const ready = path.join(dir, ".ready");
  const failed = path.join(dir, ".failed");
  let first = false;
  try {
    mkdirSync(dir);
    first = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  if (first) {
    try {
      await make();
    } catch (error) {
      writeFileSync(failed, error instanceof Error ? (error.stack ?? error.message) : String(error));
      throw error;
    }
    writeFileSync(ready, "");
    return;
  }
  while (!existsSync(ready)) {
    if (existsSync(failed)) throw new Error(`${dir} could not be made by the suite that started it:\n${readFileSync(failed, "utf8")}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
