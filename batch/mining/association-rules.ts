/**
 * @module
 * Association rules X -> Y from frequent itemsets (Agrawal, Imielinski & Swami 1993), stored as exact support
 * counts in flat columns; the interest measures are computed from those counts. With N baskets and n(S) the
 * number of baskets containing every item of S, a rule X -> Y (X, Y disjoint, both non-empty) comes from the
 * frequent itemset X ∪ Y.
 */
import { resized } from "../../core/typed-arrays";
import type { FrequentItemsets } from "./frequent-itemsets";
import { ItemsetIndex } from "./itemset-index";

export interface RuleOptions {
  /** Keep rules with confidence >= this (default 0.5). */
  minConfidence?: number;
  /** Keep rules with lift >= this (default 0: no limit). */
  minLift?: number;
  /** Most items on the right-hand side (default 1). */
  maxConsequentSize?: number;
  /** Most items on the left-hand side (default: no limit). */
  maxAntecedentSize?: number;
}

export interface AssociationRules {
  basketCount: number;
  /** Antecedent X of rule r: `antecedentItems[antecedentOffsets[r] .. antecedentOffsets[r+1])`, ascending. */
  antecedentOffsets: Uint32Array;
  antecedentItems: Uint32Array;
  /** Consequent Y of rule r, likewise. */
  consequentOffsets: Uint32Array;
  consequentItems: Uint32Array;
  /** n(X ∪ Y). */
  counts: Uint32Array;
  /** n(X). */
  antecedentCounts: Uint32Array;
  /** n(Y). */
  consequentCounts: Uint32Array;
  /** Position of X ∪ Y among the frequent itemsets the rules came from. */
  itemsets: Uint32Array;
}

/** One rule, materialised. `conviction` is Infinity when confidence is 1. */
export interface Rule {
  antecedent: number[];
  consequent: number[];
  count: number;
  support: number;
  confidence: number;
  lift: number;
  leverage: number;
  conviction: number;
}

/** support(X -> Y) = n(X ∪ Y) / N. */
export function support(count: number, basketCount: number): number {
  return count / basketCount;
}

/** confidence(X -> Y) = n(X ∪ Y) / n(X), the estimate of P(Y | X). */
export function confidence(count: number, antecedentCount: number): number {
  return count / antecedentCount;
}

/** lift(X -> Y) = confidence(X -> Y) / support(Y) = N · n(X ∪ Y) / (n(X) · n(Y)); 1 means independence. */
export function lift(count: number, antecedentCount: number, consequentCount: number, basketCount: number): number {
  return (count / antecedentCount) * (basketCount / consequentCount);
}

/** leverage(X -> Y) = support(X ∪ Y) − support(X) · support(Y); 0 means independence. */
export function leverage(count: number, antecedentCount: number, consequentCount: number, basketCount: number): number {
  return count / basketCount - (antecedentCount / basketCount) * (consequentCount / basketCount);
}

/** conviction(X -> Y) = (1 − support(Y)) / (1 − confidence(X -> Y)); Infinity when confidence is 1. */
export function conviction(count: number, antecedentCount: number, consequentCount: number, basketCount: number): number {
  const c = count / antecedentCount;
  if (c >= 1) return Number.POSITIVE_INFINITY;
  return (1 - consequentCount / basketCount) / (1 - c);
}

/**
 * Every rule X -> Y with X ∪ Y frequent, |Y| <= maxConsequentSize and |X| <= maxAntecedentSize that reaches the
 * confidence and lift floors; in the order of the itemsets, then of their consequents.
 */
export function associationRules(sets: FrequentItemsets, options: RuleOptions = {}): AssociationRules {
  const minConfidence = options.minConfidence ?? 0.5;
  const minLift = options.minLift ?? 0;
  const maxConsequent = options.maxConsequentSize ?? 1;
  const maxAntecedent = options.maxAntecedentSize ?? Number.POSITIVE_INFINITY;
  if (!(maxConsequent >= 1)) throw new RangeError(`maximum consequent size must be at least 1, got ${maxConsequent}`);
  const n = sets.basketCount;
  const index = new ItemsetIndex(sets);
  const out = new RulesBuilder();
  const { offsets, items, counts } = sets;
  let largestItemset = 0;
  for (let s = 0; s < counts.length; s++) largestItemset = Math.max(largestItemset, offsets[s + 1] - offsets[s]);
  const antecedent = new Uint32Array(largestItemset);
  const consequent = new Uint32Array(largestItemset);
  const chosen = new Int32Array(largestItemset);

  for (let s = 0; s < counts.length; s++) {
    const from = offsets[s];
    const size = offsets[s + 1] - from;
    if (size < 2) continue;
    const count = counts[s];
    const largest = Math.min(maxConsequent, size - 1);
    for (let m = Math.max(1, size - maxAntecedent); m <= largest; m++) {
      // Enumerates the m-subsets of positions as `chosen[0 .. m)`, ascending.
      for (let j = 0; j < m; j++) chosen[j] = j;
      for (;;) {
        let a = 0;
        let c = 0;
        for (let j = 0, q = 0; j < size; j++) {
          if (q < m && chosen[q] === j) {
            consequent[c++] = items[from + j];
            q++;
          } else {
            antecedent[a++] = items[from + j];
          }
        }
        const antecedentCount = index.countOf(antecedent, 0, a);
        if (antecedentCount === 0) throw new Error(`itemset ${s} has a subset missing from the itemsets: mine them with the same threshold`);
        if (confidence(count, antecedentCount) >= minConfidence) {
          const consequentCount = index.countOf(consequent, 0, c);
          if (minLift <= 0 || lift(count, antecedentCount, consequentCount, n) >= minLift) {
            out.push(antecedent, a, consequent, c, count, antecedentCount, consequentCount, s);
          }
        }
        let j = m - 1;
        while (j >= 0 && chosen[j] === size - m + j) j--;
        if (j < 0) break;
        chosen[j]++;
        for (let q = j + 1; q < m; q++) chosen[q] = chosen[q - 1] + 1;
      }
    }
  }
  return out.build(n);
}

function antecedentOf(rules: AssociationRules, r: number): Uint32Array {
  return rules.antecedentItems.subarray(rules.antecedentOffsets[r], rules.antecedentOffsets[r + 1]);
}

function consequentOf(rules: AssociationRules, r: number): Uint32Array {
  return rules.consequentItems.subarray(rules.consequentOffsets[r], rules.consequentOffsets[r + 1]);
}

export function ruleLift(rules: AssociationRules, r: number): number {
  return lift(rules.counts[r], rules.antecedentCounts[r], rules.consequentCounts[r], rules.basketCount);
}

/** Rule r with all its measures. */
function rule(rules: AssociationRules, r: number): Rule {
  const count = rules.counts[r];
  const x = rules.antecedentCounts[r];
  const y = rules.consequentCounts[r];
  const n = rules.basketCount;
  return {
    antecedent: Array.from(antecedentOf(rules, r)),
    consequent: Array.from(consequentOf(rules, r)),
    count,
    support: support(count, n),
    confidence: confidence(count, x),
    lift: lift(count, x, y, n),
    leverage: leverage(count, x, y, n),
    conviction: conviction(count, x, y, n),
  };
}

export function* eachRule(rules: AssociationRules): Generator<Rule> {
  for (let r = 0; r < rules.counts.length; r++) yield rule(rules, r);
}

/** A readable key naming the rule by its item ids, stable across builds: `a+b=>c`. */
export function ruleKey(rules: AssociationRules, r: number, itemIds: readonly string[]): string {
  const names = (items: Uint32Array) => Array.from(items, (x) => itemIds[x]).join("+");
  return `${names(antecedentOf(rules, r))}=>${names(consequentOf(rules, r))}`;
}

class RulesBuilder {
  private antecedentOffsets = new Uint32Array(1024);
  private consequentOffsets = new Uint32Array(1024);
  private antecedentItems = new Uint32Array(4096);
  private consequentItems = new Uint32Array(2048);
  private counts = new Uint32Array(1024);
  private antecedentCounts = new Uint32Array(1024);
  private consequentCounts = new Uint32Array(1024);
  private itemsets = new Uint32Array(1024);
  private total = 0;

  push(
    antecedent: Uint32Array,
    a: number,
    consequent: Uint32Array,
    c: number,
    count: number,
    antecedentCount: number,
    consequentCount: number,
    itemset: number,
  ): void {
    const r = this.total;
    if (r + 2 > this.counts.length) {
      const size = this.counts.length * 2;
      this.antecedentOffsets = resized(this.antecedentOffsets, size);
      this.consequentOffsets = resized(this.consequentOffsets, size);
      this.counts = resized(this.counts, size);
      this.antecedentCounts = resized(this.antecedentCounts, size);
      this.consequentCounts = resized(this.consequentCounts, size);
      this.itemsets = resized(this.itemsets, size);
    }
    const aStart = this.antecedentOffsets[r];
    const cStart = this.consequentOffsets[r];
    if (aStart + a > this.antecedentItems.length) this.antecedentItems = resized(this.antecedentItems, Math.max(aStart + a, this.antecedentItems.length * 2));
    if (cStart + c > this.consequentItems.length) this.consequentItems = resized(this.consequentItems, Math.max(cStart + c, this.consequentItems.length * 2));
    this.antecedentItems.set(antecedent.subarray(0, a), aStart);
    this.consequentItems.set(consequent.subarray(0, c), cStart);
    this.antecedentOffsets[r + 1] = aStart + a;
    this.consequentOffsets[r + 1] = cStart + c;
    this.counts[r] = count;
    this.antecedentCounts[r] = antecedentCount;
    this.consequentCounts[r] = consequentCount;
    this.itemsets[r] = itemset;
    this.total = r + 1;
  }

  build(basketCount: number): AssociationRules {
    const r = this.total;
    return {
      basketCount,
      antecedentOffsets: this.antecedentOffsets.slice(0, r + 1),
      antecedentItems: this.antecedentItems.slice(0, this.antecedentOffsets[r]),
      consequentOffsets: this.consequentOffsets.slice(0, r + 1),
      consequentItems: this.consequentItems.slice(0, this.consequentOffsets[r]),
      counts: this.counts.slice(0, r),
      antecedentCounts: this.antecedentCounts.slice(0, r),
      consequentCounts: this.consequentCounts.slice(0, r),
      itemsets: this.itemsets.slice(0, r),
    };
  }
}
