/**
 * @module
 * Exact FP-Growth (Han, Pei & Yin, SIGMOD 2000): every itemset contained in at least `threshold` baskets, with its
 * support count. Items are re-indexed by descending frequency. The first tree is built from lexicographically
 * sorted baskets and read through its prefix paths; conditional trees live in parallel Int32Array columns
 * (item, count, parent, first child, next sibling, node-link) on one stack-like arena: a tree is built on top of
 * its parent and dropped when its part of the search is done, so nothing is allocated per node or per itemset.
 */
import { resized } from "../../core/typed-arrays";
import type { Baskets } from "../io/baskets";
import { type FrequentItemsets, ItemsetsBuilder, supportThreshold } from "./frequent-itemsets";
import { sortRowsLexicographically } from "./sort-rows";

export interface FpGrowthOptions {
  /** A fraction of the N baskets when < 1 (threshold = ceil(minSupport × N)), an absolute basket count when >= 1. */
  minSupport: number;
  /** Largest itemset size mined (default: no limit). */
  maxSize?: number;
  /** Called as the top-level items are mined: `done` of `total` frequent items. */
  onProgress?: (done: number, total: number) => void;
}

export type BasketColumns = Pick<Baskets, "offsets" | "items" | "itemIds">;

const NONE = -1;
const SHORT_SORT = 32;

/** Mines every frequent itemset of `baskets`; items in each itemset ascend by item index. */
export function fpGrowth(baskets: BasketColumns, options: FpGrowthOptions): FrequentItemsets {
  const basketTotal = baskets.offsets.length - 1;
  const threshold = supportThreshold(options.minSupport, basketTotal);
  const maxSize = options.maxSize ?? Number.POSITIVE_INFINITY;
  if (!(maxSize >= 1)) throw new RangeError(`maximum itemset size must be at least 1, got ${maxSize}`);
  const out = new ItemsetsBuilder();
  const miner = new FpMiner(baskets, threshold, maxSize, out, options.onProgress);
  miner.mine();
  return out.build(basketTotal, threshold);
}

class FpMiner {
  // Node columns. A tree's root has item NONE; `link` chains the nodes of one item (the header's node-link).
  private nodeItem: Int32Array;
  private nodeCount: Int32Array;
  private nodeParent: Int32Array;
  private nodeChild: Int32Array;
  private nodeSibling: Int32Array;
  private nodeLink: Int32Array;
  private nodeTop = 0;

  // Header columns: a tree with k items owns [base, base + k); local item r is its r-th most frequent item.
  private headerFirst: Int32Array;
  private headerCount: Int32Array;
  private headerItem: Int32Array;
  private headerTop = 0;

  // Scratch indexed by a parent tree's local item; counts and ranks are reset after each use.
  private readonly conditionalCount: Int32Array;
  private readonly touched: Int32Array;
  private readonly conditionalRank: Int32Array;
  private readonly frequentLocal: Int32Array;
  private readonly frequentCount: Int32Array;
  private readonly path: Int32Array;
  private readonly prefix: Int32Array;
  private readonly sortKeys: Float64Array;
  private readonly basketTotal: number;

  // The conditional pattern base of the item being mined: path p is `baseItems[baseStart[p] .. baseStart[p+1])`,
  // with weight baseCount[p].
  private baseItems = new Int32Array(1 << 16);
  private baseStart = new Int32Array(1 << 12);
  private baseCount = new Int32Array(1 << 12);
  private basePaths = 0;

  // The first tree's nodes of item r (those below the root's children) are j in [topStart[r], topStart[r+1]),
  // with count topCount[j]; the items above node j are `topPathItems[topOrigin[j] .. topOrigin[j] + topDepth[j])`.
  private topStart = new Int32Array(0);
  private topCount = new Int32Array(0);
  private topOrigin = new Int32Array(0);
  private topDepth = new Int32Array(0);
  private topPathItems = new Int32Array(0);

  private readonly itemTotal: number;
  private readonly frequentItems: Int32Array;
  private readonly frequency: Int32Array;

  constructor(
    private readonly baskets: BasketColumns,
    private readonly threshold: number,
    private readonly maxSize: number,
    private readonly out: ItemsetsBuilder,
    private readonly onProgress?: (done: number, total: number) => void,
  ) {
    const frequency = new Int32Array(baskets.itemIds.length);
    const items = baskets.items;
    for (let i = 0; i < items.length; i++) frequency[items[i]]++;
    const frequent: number[] = [];
    for (let x = 0; x < frequency.length; x++) if (frequency[x] >= threshold) frequent.push(x);
    frequent.sort((a, b) => frequency[b] - frequency[a] || a - b);
    this.frequentItems = Int32Array.from(frequent);
    this.frequency = frequency;
    const k = frequent.length;
    this.itemTotal = k;

    const nodeCapacity = 1 << 12;
    this.nodeItem = new Int32Array(nodeCapacity);
    this.nodeCount = new Int32Array(nodeCapacity);
    this.nodeParent = new Int32Array(nodeCapacity);
    this.nodeChild = new Int32Array(nodeCapacity);
    this.nodeSibling = new Int32Array(nodeCapacity);
    this.nodeLink = new Int32Array(nodeCapacity);
    const headerCapacity = Math.max(1024, 4 * k);
    this.headerFirst = new Int32Array(headerCapacity);
    this.headerCount = new Int32Array(headerCapacity);
    this.headerItem = new Int32Array(headerCapacity);

    this.conditionalCount = new Int32Array(k);
    this.touched = new Int32Array(k);
    this.conditionalRank = new Int32Array(k).fill(NONE);
    this.frequentLocal = new Int32Array(k);
    this.frequentCount = new Int32Array(k);
    this.path = new Int32Array(k + 1);
    this.prefix = new Int32Array(k + 1);
    this.sortKeys = new Float64Array(k);
    this.basketTotal = baskets.offsets.length - 1;
  }

  mine(): void {
    const k = this.itemTotal;
    if (k === 0) return;
    const chain = this.buildTopTree();
    if (chain !== undefined) {
      this.emitCombinations(chain.items, chain.counts, 0, 0);
      this.onProgress?.(k, k);
      return;
    }
    const canGrow = this.maxSize >= 2;
    for (let i = k - 1; i >= 0; i--) {
      this.onProgress?.(k - 1 - i, k);
      this.prefix[0] = this.headerItem[i];
      this.out.push(this.prefix, 1, this.headerCount[i]);
      if (!canGrow || i === 0) continue;
      const f = this.collectTopBase(i);
      if (f > 0) this.growConditional(0, f, 1, false);
    }
    this.onProgress?.(k, k);
  }

  /**
   * Builds the first FP-tree from the baskets' frequent items ranked by descending frequency. Sorted
   * lexicographically, a basket shares its prefix path with the basket just before it, so nodes are appended in
   * depth-first order with no child search. Mining the first tree only needs each node's item, count and the
   * items above it, which are the first `depth` items of the basket that created the node: the tree is kept in
   * that prefix-path form, grouped by item, and needs no parent, child or link columns. Returns the tree's only
   * path when it has no branch.
   */
  private buildTopTree(): { items: number[]; counts: number[] } | undefined {
    const { offsets, items } = this.baskets;
    const k = this.itemTotal;
    const rank = new Int32Array(this.frequency.length).fill(NONE);
    for (let r = 0; r < k; r++) rank[this.frequentItems[r]] = r;
    const base = this.allocHeaders(k);
    for (let r = 0; r < k; r++) {
      this.headerFirst[base + r] = NONE;
      this.headerCount[base + r] = this.frequency[this.frequentItems[r]];
      this.headerItem[base + r] = this.frequentItems[r];
    }

    const basketTotal = offsets.length - 1;
    const rowStart = new Int32Array(basketTotal + 1);
    const rowItems = new Int32Array(items.length);
    let length = 0;
    for (let b = 0; b < basketTotal; b++) {
      const start = length;
      for (let j = offsets[b]; j < offsets[b + 1]; j++) {
        const r = rank[items[j]];
        if (r === NONE) continue;
        let p = length++;
        while (p > start && rowItems[p - 1] > r) {
          rowItems[p] = rowItems[p - 1];
          p--;
        }
        rowItems[p] = r;
      }
      rowStart[b + 1] = length;
    }
    const order = sortRowsLexicographically(rowStart, rowItems, basketTotal, k);

    const nodeItem = new Int32Array(length);
    const nodeCount = new Int32Array(length);
    const nodeOrigin = new Int32Array(length);
    const nodeDepth = new Int32Array(length);
    const pathItems = new Int32Array(length);
    // pathNodes[q]: the node of the previous basket's q-th item.
    const pathNodes = new Int32Array(k);
    let n = 0;
    let copied = 0;
    let branched = false;
    let previousStart = 0;
    let previousLength = 0;
    for (let o = 0; o < order.length; o++) {
      const b = order[o];
      const start = rowStart[b];
      const m = rowStart[b + 1] - start;
      let shared = 0;
      const limit = Math.min(m , previousLength);
      while (shared < limit && rowItems[start + shared] === rowItems[previousStart + shared]) shared++;
      for (let q = 0; q < shared; q++) nodeCount[pathNodes[q]]++;
      if (shared < m) {
        if (shared < previousLength) branched = true;
        const origin = copied;
        for (let q = 0; q < m; q++) pathItems[copied++] = rowItems[start + q];
        for (let q = shared; q < m; q++) {
          nodeItem[n] = rowItems[start + q];
          nodeCount[n] = 1;
          nodeOrigin[n] = origin;
          nodeDepth[n] = q;
          pathNodes[q] = n;
          n++;
        }
      }
      previousStart = start;
      previousLength = m;
    }
    if (!branched) {
      return {
        items: Array.from(nodeItem.subarray(0, n), (r) => this.frequentItems[r]),
        counts: Array.from(nodeCount.subarray(0, n)),
      };
    }

    const groupStart = new Int32Array(k + 1);
    for (let j = 0; j < n; j++) if (nodeDepth[j] > 0) groupStart[nodeItem[j] + 1]++;
    for (let r = 0; r < k; r++) groupStart[r + 1] += groupStart[r];
    const grouped = groupStart[k];
    const groupCount = new Int32Array(grouped);
    const groupOrigin = new Int32Array(grouped);
    const groupDepth = new Int32Array(grouped);
    const next = groupStart.slice(0, k);
    for (let j = 0; j < n; j++) {
      if (nodeDepth[j] === 0) continue;
      const g = next[nodeItem[j]]++;
      groupCount[g] = nodeCount[j];
      groupOrigin[g] = nodeOrigin[j];
      groupDepth[g] = nodeDepth[j];
    }
    this.topStart = groupStart;
    this.topCount = groupCount;
    this.topOrigin = groupOrigin;
    this.topDepth = groupDepth;
    this.topPathItems = pathItems.subarray(0, copied);
    return undefined;
  }

  /** Copies the prefix paths of first-tree item i into the base buffers; returns its frequent-item count. */
  private collectTopBase(i: number): number {
    const count = this.conditionalCount;
    const touched = this.touched;
    let seen = 0;
    const topCount = this.topCount;
    const topOrigin = this.topOrigin;
    const topDepth = this.topDepth;
    const pathItems = this.topPathItems;
    const from = this.topStart[i];
    const to = this.topStart[i + 1];
    let length = 0;
    for (let j = from; j < to; j++) length += topDepth[j];
    const paths = to - from;
    const baseItems = this.baseItems.length >= length ? this.baseItems : this.growBaseItems(length);
    if (paths + 1 > this.baseStart.length) this.growBasePaths(paths + 1);
    const baseStart = this.baseStart;
    const baseCount = this.baseCount;
    length = 0;
    for (let j = from; j < to; j++) {
      const c = topCount[j];
      const origin = topOrigin[j];
      const end = origin + topDepth[j];
      baseStart[j - from] = length;
      baseCount[j - from] = c;
      for (let q = origin; q < end; q++) {
        const x = pathItems[q];
        const before = count[x];
        if (before === 0) touched[seen++] = x;
        count[x] = before + c;
        baseItems[length++] = x;
      }
    }
    baseStart[paths] = length;
    this.basePaths = paths;
    return this.selectFrequent(seen);
  }

  /**
   * Walks up from every node of local item i (through its node-link), copying the prefix paths, deepest item
   * first, into the base buffers while counting each item; returns the frequent-item count.
   */
  private collectBase(root: number, first: number, i: number): number {
    const nodeItem = this.nodeItem;
    const nodeCount = this.nodeCount;
    const nodeParent = this.nodeParent;
    const nodeLink = this.nodeLink;
    const count = this.conditionalCount;
    const touched = this.touched;
    let seen = 0;
    let baseItems = this.baseItems;
    let baseStart = this.baseStart;
    let baseCount = this.baseCount;
    let length = 0;
    let paths = 0;
    for (let node = first; node !== NONE; node = nodeLink[node]) {
      let p = nodeParent[node];
      if (p === root) continue;
      if (length + i > baseItems.length) baseItems = this.growBaseItems(length + i);
      if (paths + 2 > baseStart.length) {
        this.growBasePaths(paths + 2);
        baseStart = this.baseStart;
        baseCount = this.baseCount;
      }
      const c = nodeCount[node];
      baseStart[paths] = length;
      baseCount[paths] = c;
      paths++;
      do {
        const x = nodeItem[p];
        const before = count[x];
        if (before === 0) touched[seen++] = x;
        count[x] = before + c;
        baseItems[length++] = x;
        p = nodeParent[p];
      } while (p !== root);
    }
    baseStart[paths] = length;
    this.basePaths = paths;
    return this.selectFrequent(seen);
  }

  /**
   * Keeps the `seen` items counted in `conditionalCount` (listed in `touched`) that reach the threshold, most
   * frequent first, ties by the parent's rank, in `frequentLocal` / `frequentCount`, with their new ranks in
   * `conditionalRank`; clears the counts and returns how many there are.
   */
  private selectFrequent(seen: number): number {
    const count = this.conditionalCount;
    const touched = this.touched;
    const threshold = this.threshold;
    const frequentLocal = this.frequentLocal;
    const frequentCount = this.frequentCount;
    let f = 0;
    for (let t = 0; t < seen; t++) {
      const x = touched[t];
      const c = count[x];
      count[x] = 0;
      if (c < threshold) continue;
      frequentLocal[f] = x;
      frequentCount[f] = c;
      f++;
    }
    if (f <= SHORT_SORT) {
      for (let a = 1; a < f; a++) {
        const x = frequentLocal[a];
        const c = frequentCount[a];
        let q = a;
        while (q > 0 && (frequentCount[q - 1] < c || (frequentCount[q - 1] === c && frequentLocal[q - 1] > x))) {
          frequentCount[q] = frequentCount[q - 1];
          frequentLocal[q] = frequentLocal[q - 1];
          q--;
        }
        frequentCount[q] = c;
        frequentLocal[q] = x;
      }
    } else {
      const stride = this.itemTotal + 1;
      const keys = this.sortKeys.subarray(0, f);
      for (let r = 0; r < f; r++) keys[r] = (this.basketTotal - frequentCount[r]) * stride + frequentLocal[r];
      keys.sort();
      for (let r = 0; r < f; r++) {
        const x = keys[r] % stride;
        frequentLocal[r] = x;
        frequentCount[r] = this.basketTotal - (keys[r] - x) / stride;
      }
    }
    const rank = this.conditionalRank;
    for (let r = 0; r < f; r++) rank[frequentLocal[r]] = r;
    return f;
  }


  /** Builds the conditional tree of the collected base on top of the arena, mines it, then drops it. */
  private growConditional(parentBase: number, f: number, depth: number, deepestFirst: boolean): void {
    const nodeMark = this.nodeTop;
    const headerMark = this.headerTop;
    const base = this.allocHeaders(f);
    const root = this.buildConditionalTree(parentBase, base, f, deepestFirst);
    if (this.isSinglePath(root)) this.mineSinglePath(root, base, depth);
    else this.mineTree(root, base, f, depth);
    this.nodeTop = nodeMark;
    this.headerTop = headerMark;
  }

  /**
   * Mines the conditional tree at `root` (k items, headers at `base`) for the itemsets extending the current
   * prefix of `depth` items, least frequent item first.
   */
  private mineTree(root: number, base: number, k: number, depth: number): void {
    const prefix = this.prefix;
    const canGrow = depth + 2 <= this.maxSize;
    for (let i = k - 1; i >= 0; i--) {
      prefix[depth] = this.headerItem[base + i];
      this.out.push(prefix, depth + 1, this.headerCount[base + i]);
      if (!canGrow || i === 0) continue;
      const f = this.collectBase(root, this.headerFirst[base + i], i);
      if (f > 0) this.growConditional(base, f, depth + 1, true);
    }
  }

  /** Builds the conditional FP-tree of the collected base, re-ranked by conditional count; resets the ranks. */
  private buildConditionalTree(parentBase: number, base: number, f: number, deepestFirst: boolean): number {
    const rank = this.conditionalRank;
    const frequentLocal = this.frequentLocal;
    for (let r = 0; r < f; r++) {
      this.headerFirst[base + r] = NONE;
      this.headerCount[base + r] = this.frequentCount[r];
      this.headerItem[base + r] = this.headerItem[parentBase + frequentLocal[r]];
    }
    const baseItems = this.baseItems;
    const baseStart = this.baseStart;
    const baseCount = this.baseCount;
    const paths = this.basePaths;
    this.ensureNodes(baseStart[paths] + 1);
    const root = this.newRoot();
    const path = this.path;
    for (let p = 0; p < paths; p++) {
      let m = 0;
      const start = baseStart[p];
      const end = baseStart[p + 1];
      if (deepestFirst) {
        for (let j = end - 1; j >= start; j--) {
          const r = rank[baseItems[j]];
          if (r !== NONE) m = insertSorted(path, m, r);
        }
      } else {
        for (let j = start; j < end; j++) {
          const r = rank[baseItems[j]];
          if (r !== NONE) m = insertSorted(path, m, r);
        }
      }
      if (m !== 0) this.insertPath(root, base, path, m, baseCount[p]);
    }
    for (let r = 0; r < f; r++) rank[frequentLocal[r]] = NONE;
    return root;
  }

  /** Adds `path[0 .. m)` (local items, ascending) with weight c below root; capacity must be ensured. */
  private insertPath(root: number, base: number, path: Int32Array, m: number, c: number): void {
    const nodeItem = this.nodeItem;
    const nodeCount = this.nodeCount;
    const nodeChild = this.nodeChild;
    const nodeSibling = this.nodeSibling;
    let current = root;
    let q = 0;
    for (; q < m; q++) {
      const x = path[q];
      let child = nodeChild[current];
      if (child !== NONE && nodeItem[child] !== x) {
        let previous = child;
        child = nodeSibling[child];
        while (child !== NONE && nodeItem[child] !== x) {
          previous = child;
          child = nodeSibling[child];
        }
        if (child === NONE) break;
        nodeSibling[previous] = nodeSibling[child];
        nodeSibling[child] = nodeChild[current];
        nodeChild[current] = child;
      }
      if (child === NONE) break;
      nodeCount[child] += c;
      current = child;
    }
    if (q === m) return;
    const nodeParent = this.nodeParent;
    const nodeLink = this.nodeLink;
    const headerFirst = this.headerFirst;
    let n = this.nodeTop;
    for (; q < m; q++) {
      const x = path[q];
      nodeItem[n] = x;
      nodeCount[n] = c;
      nodeParent[n] = current;
      nodeChild[n] = NONE;
      nodeSibling[n] = nodeChild[current];
      nodeChild[current] = n;
      nodeLink[n] = headerFirst[base + x];
      headerFirst[base + x] = n;
      current = n;
      n++;
    }
    this.nodeTop = n;
  }

  private isSinglePath(root: number): boolean {
    const nodeChild = this.nodeChild;
    const nodeSibling = this.nodeSibling;
    for (let node = nodeChild[root]; node !== NONE; node = nodeChild[node]) {
      if (nodeSibling[node] !== NONE) return false;
    }
    return true;
  }

  /**
   * A single-path tree holds every combination of its items: a combination's support is the count of its
   * deepest node, since counts never grow going down.
   */
  private mineSinglePath(root: number, base: number, depth: number): void {
    const items: number[] = [];
    const counts: number[] = [];
    for (let node = this.nodeChild[root]; node !== NONE; node = this.nodeChild[node]) {
      items.push(this.headerItem[base + this.nodeItem[node]]);
      counts.push(this.nodeCount[node]);
    }
    this.emitCombinations(items, counts, 0, depth);
  }

  private emitCombinations(items: number[], counts: number[], from: number, depth: number): void {
    if (depth >= this.maxSize) return;
    for (let j = from; j < items.length; j++) {
      this.prefix[depth] = items[j];
      this.out.push(this.prefix, depth + 1, counts[j]);
      this.emitCombinations(items, counts, j + 1, depth + 1);
    }
  }

  private newRoot(): number {
    const root = this.nodeTop++;
    this.nodeItem[root] = NONE;
    this.nodeCount[root] = 0;
    this.nodeParent[root] = NONE;
    this.nodeChild[root] = NONE;
    this.nodeSibling[root] = NONE;
    this.nodeLink[root] = NONE;
    return root;
  }

  private allocHeaders(k: number): number {
    const base = this.headerTop;
    if (base + k > this.headerFirst.length) {
      const size = Math.max(base + k, this.headerFirst.length * 2);
      this.headerFirst = resized(this.headerFirst, size);
      this.headerCount = resized(this.headerCount, size);
      this.headerItem = resized(this.headerItem, size);
    }
    this.headerTop = base + k;
    return base;
  }

  /** Makes room for n more nodes (plus a root); columns are only ever replaced here, outside hot loops. */
  private ensureNodes(n: number): void {
    const need = this.nodeTop + n + 1;
    if (need <= this.nodeItem.length) return;
    const size = Math.max(need, this.nodeItem.length * 2);
    this.nodeItem = resized(this.nodeItem, size);
    this.nodeCount = resized(this.nodeCount, size);
    this.nodeParent = resized(this.nodeParent, size);
    this.nodeChild = resized(this.nodeChild, size);
    this.nodeSibling = resized(this.nodeSibling, size);
    this.nodeLink = resized(this.nodeLink, size);
  }

  private growBaseItems(need: number): Int32Array<ArrayBuffer> {
    this.baseItems = resized(this.baseItems, Math.max(need, this.baseItems.length * 2));
    return this.baseItems;
  }

  private growBasePaths(need: number): void {
    const size = Math.max(need, this.baseStart.length * 2);
    this.baseStart = resized(this.baseStart, size);
    this.baseCount = resized(this.baseCount, size);
  }
}

/** Inserts r into the ascending run `array[0 .. m)`; returns the new length. */
function insertSorted(array: Int32Array, m: number, r: number): number {
  let p = m;
  while (p > 0 && array[p - 1] > r) {
    array[p] = array[p - 1];
    p--;
  }
  array[p] = r;
  return m + 1;
}
