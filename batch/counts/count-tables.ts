/**
 * @module
 * The counting stage's output, the one interface between counting orders and mining them: four tables keyed by
 * item id, whichever engine made them (this process: `countTables`; DuckDB: `duckdb-counts.ts`; a distributed
 * engine running docs/counting-job.md: read back by `count-files.ts`).
 *
 *   totals            baskets N (every order), users U (users with a dated order), window_days W,
 *                     max_basket_size, max_pairs_per_user: the settings the counts were made with
 *   items             item_id, baskets = orders holding it, buyers = users who bought it in a dated order
 *   pairs             item_a < item_b, baskets = orders of 2 .. max_basket_size distinct items holding both
 *   sequential_pairs  antecedent, consequent, users = users with an antecedent order followed, more than 0 and at
 *                     most W days later, by a consequent order (each user's first max_pairs_per_user pairs,
 *                     earliest orders first)
 *
 * An order is dated when it has a user and a timestamp. Items of an order count once however often listed.
 */
import type { Baskets } from "../io/baskets";
import { itemFrequencies } from "../io/baskets";
import { computeCooccurrenceMatrix } from "../mining/cooccurrence";
import { countSequentialPairs } from "../mining/sequential-rules";

export interface CountTotals {
  baskets: number;
  users: number;
  windowDays: number;
  maxBasketSize: number;
  maxPairsPerUser: number;
}

export interface CountTables {
  totals: CountTotals;
  items: { ids: string[]; baskets: Uint32Array; buyers: Uint32Array };
  /** Indices into `items.ids`, each unordered pair once. */
  pairs: { a: Uint32Array; b: Uint32Array; baskets: Uint32Array };
  sequential: { antecedents: Uint32Array; consequents: Uint32Array; users: Uint32Array };
}

export interface CountOptions {
  /** Sequential window W in days (default 30). */
  windowDays?: number;
  /** Baskets with more distinct items add to item counts but not to pairs (default 1000). */
  maxBasketSize?: number;
  /** Sequential pairs counted per user at most (default 5000). */
  maxPairsPerUser?: number;
}

export const COUNT_DEFAULTS = { windowDays: 30, maxBasketSize: 1000, maxPairsPerUser: 5000 } as const;

/** The tables counted in this process from baskets in memory (items that occur in no basket are left out). */
export function countTables(baskets: Baskets, options: CountOptions = {}): CountTables {
  const o = { ...COUNT_DEFAULTS, ...options };
  const n = baskets.itemIds.length;
  const frequency = itemFrequencies(baskets);
  const sequential = countSequentialPairs(baskets, o);
  const row = new Int32Array(n).fill(-1);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    if (frequency[i] === 0) continue;
    row[i] = ids.length;
    ids.push(baskets.itemIds[i]);
  }
  const items = { ids, baskets: new Uint32Array(ids.length), buyers: new Uint32Array(ids.length) };
  for (let i = 0; i < n; i++) {
    if (row[i] < 0) continue;
    items.baskets[row[i]] = frequency[i];
    items.buyers[row[i]] = sequential.buyers[i];
  }
  const matrix = computeCooccurrenceMatrix(baskets, { maxBasketSize: o.maxBasketSize });
  const a: number[] = [];
  const b: number[] = [];
  const together: number[] = [];
  for (let x = 0; x < n; x++) {
    for (let p = matrix.offsets[x]; p < matrix.offsets[x + 1]; p++) {
      const y = matrix.neighbours[p];
      if (y <= x) continue;
      a.push(row[x]);
      b.push(row[y]);
      together.push(matrix.counts[p]);
    }
  }
  return {
    totals: { baskets: baskets.offsets.length - 1, users: sequential.users, windowDays: o.windowDays, maxBasketSize: o.maxBasketSize, maxPairsPerUser: o.maxPairsPerUser },
    items,
    pairs: { a: Uint32Array.from(a), b: Uint32Array.from(b), baskets: Uint32Array.from(together) },
    sequential: {
      antecedents: Uint32Array.from(sequential.antecedents, (i) => row[i]),
      consequents: Uint32Array.from(sequential.consequents, (i) => row[i]),
      users: sequential.support,
    },
  };
}

/** The tables as sorted text rows, whatever engine and row order made them: equal tables give equal rows. */
export function canonicalRows(tables: CountTables): { totals: string; items: string[]; pairs: string[]; sequential: string[] } {
  const id = tables.items.ids;
  const t = tables.totals;
  const sort = (rows: string[]) => rows.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  return {
    totals: `${t.baskets}\t${t.users}\t${t.windowDays}\t${t.maxBasketSize}\t${t.maxPairsPerUser}`,
    items: sort(id.map((item, i) => `${item}\t${tables.items.baskets[i]}\t${tables.items.buyers[i]}`)),
    pairs: sort(
      Array.from(tables.pairs.a, (a, p) => {
        const [x, y] = ordered(id[a], id[tables.pairs.b[p]]);
        return `${x}\t${y}\t${tables.pairs.baskets[p]}`;
      }),
    ),
    sequential: sort(Array.from(tables.sequential.antecedents, (a, p) => `${id[a]}\t${id[tables.sequential.consequents[p]]}\t${tables.sequential.users[p]}`)),
  };
}

/** Two ids in text order (the pairs table's item_a < item_b). */
export function ordered(x: string, y: string): [string, string] {
  return x < y ? [x, y] : [y, x];
}
