/**
 * @module
 * Items grouped by their whole fit entry (the tokens they provide, the clauses they require, the tokens they pin):
 * whether an accessory fits an anchor, or is proven to conflict with it, depends on nothing else. A pool read "until
 * k items pass" is then read group by group: a group the anchor rules out costs one check, not one per member, so
 * the work per anchor grows with the kinds of accessory in a category (a case per phone model), not with its size.
 */
import type { CompatIndex } from "../../core/catalog/compat-index";

/** Each item's fit entry as a small integer (equal entries, equal ids; items the index lacks share one id). */
export interface FitSignatures {
  of: Int32Array;
  count: number;
}

export function fitSignatures(compat: CompatIndex, n: number): FitSignatures {
  const ids = new Map<string, number>();
  const of = new Int32Array(n);
  const { provideStart, provideTokens, clauseStart, clauseTokenStart, clauseTokens, pinStart, pinTokens } = compat;
  const indexed = provideStart.length - 1;
  for (let i = 0; i < n; i++) {
    let key = "";
    if (i < indexed) {
      key = provideTokens.subarray(provideStart[i], provideStart[i + 1]).join(",");
      for (let c = clauseStart[i]; c < clauseStart[i + 1]; c++) key += `|${clauseTokens.subarray(clauseTokenStart[c], clauseTokenStart[c + 1]).join(",")}`;
      key += `#${pinTokens.subarray(pinStart[i], pinStart[i + 1]).join(",")}`;
    }
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    of[i] = id;
  }
  return { of, count: ids.size };
}

/** One verdict per fit signature, decided once per anchor (`reset` between anchors). */
export class SignatureVerdicts {
  private readonly stamp: Int32Array;
  private readonly verdict: Uint8Array;
  private generation = 0;

  constructor(
    private readonly signatures: FitSignatures,
    private readonly decide: (anchor: number, sample: number) => boolean,
  ) {
    this.stamp = new Int32Array(signatures.count);
    this.verdict = new Uint8Array(signatures.count);
  }

  reset(): void {
    this.generation++;
  }

  /** The verdict on `sample`'s signature for `anchor` (the anchor set since the last reset; `sample` is not the anchor). */
  of(anchor: number, sample: number): boolean {
    const s = this.signatures.of[sample];
    if (this.stamp[s] !== this.generation) {
      this.stamp[s] = this.generation;
      this.verdict[s] = this.decide(anchor, sample) ? 1 : 0;
    }
    return this.verdict[s] === 1;
  }
}

/** A pool's items (in its order) split by fit signature, groups in the order of their first member; `positions` give each member's place in the pool. */
export interface GroupedPool {
  groups: ReadonlyArray<{ items: Uint32Array; positions: Uint32Array }>;
}

export function groupedPool(items: ArrayLike<number>, signatures: FitSignatures): GroupedPool {
  const bySignature = new Map<number, { items: number[]; positions: number[] }>();
  for (let p = 0; p < items.length; p++) {
    const s = signatures.of[items[p]];
    let group = bySignature.get(s);
    if (group === undefined) bySignature.set(s, (group = { items: [], positions: [] }));
    group.items.push(items[p]);
    group.positions.push(p);
  }
  return { groups: [...bySignature.values()].map((g) => ({ items: Uint32Array.from(g.items), positions: Uint32Array.from(g.positions) })) };
}

/**
 * The first `take` items of the pool, in its order, that pass `group` (asked of one member other than `anchor`,
 * and so of the whole group) and `item`: what reading the pool in order until `take` pass gives. Groups are read in
 * the order of their first member, until no later group can place an item before the `take` found.
 */
export function firstPassing(pool: GroupedPool, take: number, anchor: number, group: (sample: number) => boolean, item: (j: number) => boolean): number[] {
  if (take <= 0) return [];
  const items: number[] = [];
  const positions: number[] = [];
  for (const g of pool.groups) {
    if (items.length >= take && positions[take - 1] < g.positions[0]) break;
    const sample = g.items[0] !== anchor ? g.items[0] : g.items[1];
    if (sample === undefined || !group(sample)) continue;
    let taken = 0;
    for (let k = 0; k < g.items.length && taken < take; k++) {
      if (!item(g.items[k])) continue;
      insertSorted(items, positions, g.items[k], g.positions[k], take);
      taken++;
    }
  }
  return items;
}

/** Inserts (item, position) into the lists kept by position, at most `keep` long. */
function insertSorted(items: number[], positions: number[], item: number, position: number, keep: number): void {
  let at = positions.length;
  while (at > 0 && positions[at - 1] > position) at--;
  if (at >= keep) return;
  items.splice(at, 0, item);
  positions.splice(at, 0, position);
  if (items.length > keep) {
    items.pop();
    positions.pop();
  }
}
