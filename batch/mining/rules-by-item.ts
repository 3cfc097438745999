/**
 * @module
 * Cross-sell candidates from association rules: for every item A, the best rules A ∪ X -> B with a single item
 * on the right and few items on the left, so "bought together with A" can name B and the rule that says so.
 */
import { type AssociationRules, lift } from "./association-rules";

export interface BestRulesOptions {
  /** Most items on the left, A included (default 2: A -> B and A ∪ {X} -> B). */
  maxAntecedentSize?: number;
  /** Most rules kept per item (default 20). */
  perItem?: number;
  /** Ordering measure (default "confidence"). */
  rankBy?: "confidence" | "lift";
  /** Keep only the best rule for each consequent B of an item (default true). */
  distinctConsequents?: boolean;
}

/** The rules of item A are rule ids `ruleIds[offsets[A] .. offsets[A+1])`, best first. */
export interface RulesByItem {
  offsets: Uint32Array;
  ruleIds: Uint32Array;
}

/**
 * For every item A < itemCount, the rules with one consequent item whose antecedent contains A, ranked by the
 * chosen measure, then confidence, lift, support count, shorter antecedent and rule id.
 */
export function bestRulesByItem(rules: AssociationRules, itemCount: number, options: BestRulesOptions = {}): RulesByItem {
  const maxAntecedent = options.maxAntecedentSize ?? 2;
  const perItem = options.perItem ?? 20;
  const byLift = (options.rankBy ?? "confidence") === "lift";
  const distinct = options.distinctConsequents ?? true;
  const { antecedentOffsets, antecedentItems, consequentOffsets, consequentItems, counts, antecedentCounts, consequentCounts } = rules;
  const ruleTotal = counts.length;

  const eligible = (r: number): boolean =>
    consequentOffsets[r + 1] - consequentOffsets[r] === 1 && antecedentOffsets[r + 1] - antecedentOffsets[r] <= maxAntecedent;

  const start = new Uint32Array(itemCount + 1);
  for (let r = 0; r < ruleTotal; r++) {
    if (!eligible(r)) continue;
    for (let j = antecedentOffsets[r]; j < antecedentOffsets[r + 1]; j++) start[antecedentItems[j] + 1]++;
  }
  for (let a = 0; a < itemCount; a++) start[a + 1] += start[a];
  const candidates = new Uint32Array(start[itemCount]);
  const next = start.slice(0, itemCount);
  for (let r = 0; r < ruleTotal; r++) {
    if (!eligible(r)) continue;
    for (let j = antecedentOffsets[r]; j < antecedentOffsets[r + 1]; j++) candidates[next[antecedentItems[j]]++] = r;
  }

  const confidenceOf = (r: number) => counts[r] / antecedentCounts[r];
  const liftOf = (r: number) => lift(counts[r], antecedentCounts[r], consequentCounts[r], rules.basketCount);
  const compare = (p: number, q: number): number => {
    const cp = confidenceOf(p);
    const cq = confidenceOf(q);
    const lp = liftOf(p);
    const lq = liftOf(q);
    if (byLift && lp !== lq) return lq - lp;
    if (cp !== cq) return cq - cp;
    if (lp !== lq) return lq - lp;
    if (counts[p] !== counts[q]) return counts[q] - counts[p];
    const sizeP = antecedentOffsets[p + 1] - antecedentOffsets[p];
    const sizeQ = antecedentOffsets[q + 1] - antecedentOffsets[q];
    return sizeP - sizeQ || p - q;
  };

  const offsets = new Uint32Array(itemCount + 1);
  const kept: number[] = [];
  const seen = new Set<number>();
  for (let a = 0; a < itemCount; a++) {
    const ranked = Array.from(candidates.subarray(start[a], start[a + 1])).sort(compare);
    seen.clear();
    let taken = 0;
    for (const r of ranked) {
      if (taken >= perItem) break;
      const b = consequentItems[consequentOffsets[r]];
      if (distinct) {
        if (seen.has(b)) continue;
        seen.add(b);
      }
      kept.push(r);
      taken++;
    }
    offsets[a + 1] = kept.length;
  }
  return { offsets, ruleIds: Uint32Array.from(kept) };
}

/** Rule ids of item A, best first (a view). */
export function rulesOfItem(byItem: RulesByItem, item: number): Uint32Array {
  return byItem.ruleIds.subarray(byItem.offsets[item], byItem.offsets[item + 1]);
}
