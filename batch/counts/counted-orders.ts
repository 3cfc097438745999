/**
 * @module
 * Count tables laid onto a build's item dictionary: what the cross-sell sources read instead of counting the
 * orders themselves (`edgerec build --counts DIR`). Each view equals what the in-process miners compute from the
 * same orders:
 *
 *   cooccurrence       `computeCooccurrenceMatrix` (unweighted)
 *   sequentialPairs    `countSequentialPairs`, so `sequentialRules` gives `mineSequentialRules`'s rules
 *   pairRuleRows       the FP-Growth pair rules a -> j of the cross-sell sources (pairs in at least
 *                      max(2, ceil(1e-4 N)) baskets, lift > 1, by confidence C(a, j) / C(a)); the tables count
 *                      pairs in baskets of at most max_basket_size items only, so a basket above that size (none in
 *                      ordinary shops) counts toward these rules only when counted in process
 */
import { lift } from "../mining/association-rules";
import { type CooccurrenceMatrix, cooccurrenceFromPairs } from "../mining/cooccurrence";
import { bestOfEachRow, type ItemRows } from "../mining/item-rows";
import type { SequentialPairCounts } from "../mining/sequential-rules";
import type { CountTables } from "./count-tables";

export class CountedOrders {
  /** Baskets holding each item of the dictionary (0 for items the tables do not know). */
  readonly frequency: Float64Array;
  private readonly index: Uint32Array;

  constructor(
    readonly tables: CountTables,
    itemIndex: ReadonlyMap<string, number>,
    readonly items: number,
  ) {
    this.index = Uint32Array.from(tables.items.ids, (id) => {
      const i = itemIndex.get(id);
      if (i === undefined) throw new Error(`the counts know item "${id}", which the build's dictionary lacks: intern the tables' items first`);
      return i;
    });
    this.frequency = new Float64Array(items);
    tables.items.ids.forEach((_, row) => {
      this.frequency[this.index[row]] = tables.items.baskets[row];
    });
  }

  get baskets(): number {
    return this.tables.totals.baskets;
  }

  cooccurrence(maxPerItem?: number): CooccurrenceMatrix {
    const { a, b, baskets } = this.tables.pairs;
    return cooccurrenceFromPairs({ a: this.map(a), b: this.map(b), counts: baskets }, this.frequency, this.baskets, { maxPerItem });
  }

  sequentialPairs(): SequentialPairCounts {
    const { antecedents, consequents, users } = this.tables.sequential;
    const from = this.map(antecedents);
    const to = this.map(consequents);
    const order = Uint32Array.from(from.keys()).sort((x, y) => from[x] - from[y] || to[x] - to[y]);
    const buyers = new Uint32Array(this.items);
    this.tables.items.buyers.forEach((count, row) => {
      buyers[this.index[row]] = count;
    });
    return {
      antecedents: Uint32Array.from(order, (p) => from[p]),
      consequents: Uint32Array.from(order, (p) => to[p]),
      support: Uint32Array.from(order, (p) => users[p]),
      buyers,
      users: this.tables.totals.users,
      windowDays: this.tables.totals.windowDays,
    };
  }

  /** Rules a -> j between single items, the best `length` by confidence per antecedent (ties by index). */
  pairRuleRows(length: number): ItemRows {
    const n = this.items;
    const total = this.baskets;
    const minSupport = Math.max(2, Math.ceil(total * 1e-4));
    const a = this.map(this.tables.pairs.a);
    const b = this.map(this.tables.pairs.b);
    const counts = this.tables.pairs.baskets;
    const byAntecedent: Array<Array<[number, number]>> = Array.from({ length: n }, () => []);
    const rule = (x: number, y: number, count: number) => {
      if (lift(count, this.frequency[x], this.frequency[y], total) >= 1 + 1e-9) byAntecedent[x].push([y, count / this.frequency[x]]);
    };
    for (let p = 0; p < a.length; p++) {
      if (counts[p] < minSupport) continue;
      rule(a[p], b[p], counts[p]);
      rule(b[p], a[p], counts[p]);
    }
    return bestOfEachRow(byAntecedent, length);
  }

  private map(rows: Uint32Array): Uint32Array {
    return Uint32Array.from(rows, (row) => this.index[row]);
  }
}
