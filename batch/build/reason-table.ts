/**
 * @module
 * The build's reason table: every distinct (code, text) a candidate can carry, stored once in the meta blob and
 * referenced by index from each candidate.
 */
import type { Reason } from "../../core/blob/meta-blob";
import type { ReasonCode } from "../../core/types";

export class ReasonTable {
  private readonly entries: Reason[] = [];
  private readonly lookup = new Map<string, number>();

  /** Index of (code, text), adding it on first use. `text` may contain `{anchor}`. */
  intern(code: ReasonCode, text: string): number {
    const key = `${code}\u0000${text}`;
    let index = this.lookup.get(key);
    if (index === undefined) {
      index = this.entries.length;
      this.entries.push({ code, text });
      this.lookup.set(key, index);
    }
    return index;
  }

  /** The code of entry `index`. */
  codeOf(index: number): ReasonCode | undefined {
    return this.entries[index]?.code;
  }

  get size(): number {
    return this.entries.length;
  }

  toArray(): Reason[] {
    return this.entries.slice();
  }
}
