/**
 * @module
 * "Complete the setup" on a listing: accessories of the devices the listing is about (`listing-devices.ts`),
 * never a device, never an item of a device's category or of the listed category (a parent category, which
 * holds the accessories too, excludes only its devices' categories). A candidate x is taken when
 *
 *   x is no device                      (role from fit facts' kind words; constrained by the compatibility index)
 *   and fit(x, devices) != no_fit       (it fits none of them: a Lightning cable for a USB-C phone)
 *   and x is not made for named models, or it fits one and the devices are the shopper's or the query's
 *                                       (no iPhone 15 case for a shopper with no iPhone)
 *   and fit(x, devices) = fits, or x's category is bought with a listed or device category (complements)
 *   and x is within the query's price bounds
 *
 * Candidates: the devices' cross-sell lists merged (weight 1 / (1 + 0.2 rank)), the build's scenario list of a
 * listed category, then the best sellers of the complement categories. Reasons: the lists' own for devices in
 * the cart ("made for your Galaxy S25"); otherwise "Completes the setup with {device}".
 */
import type { CandidateList } from "../candidates";
import { withinPrice } from "../search/price-words";
import { pushComplements } from "./category-rules";
import { itemReading } from "./item-reading";
import { mergeCandidateLists, type WeightedAnchor } from "./merge-cart";
import type { Candidate, RequestContext } from "./request-context";
import { RuleReason, ruleReason } from "./rule-reasons";

export interface SetupSource {
  pool: Candidate[];
  fallbacks: Array<() => Candidate[]>;
  anchor: number;
}

export function listingSetup(ctx: RequestContext, limit: number): SetupSource {
  const { devices, source, carted } = ctx.listingDevices ?? { devices: [], source: "category", carted: new Set<number>() };
  if (devices.length === 0) return { pool: [], fallbacks: [], anchor: -1 };
  const reading = itemReading(ctx.build);
  const scope = ctx.scope ?? {};
  const listed = new Set<number>(scope.categories ?? []);
  const deviceCategories = devices.map((d) => ctx.categoryOf(d)).filter((c) => c >= 0);
  const skip = new Set<number>(scope.parent === true ? deviceCategories : [...listed, ...deviceCategories]);
  const complements = new Set<number>();
  for (const c of new Set([...listed, ...deviceCategories])) for (const b of ctx.build.meta.complements?.get(c)?.categories ?? []) complements.add(b);
  const price = scope.query?.price ?? {};
  const verdicts = new Map<number, boolean>();
  const accepts = (item: number): boolean => {
    let verdict = verdicts.get(item);
    if (verdict === undefined) {
      verdict = false;
      if (reading.role(item) !== "device" && withinPrice(ctx.priceOf(item), price)) {
        const { fit, pinned } = reading.fitOn(item, devices);
        verdict = fit !== "no_fit" && !(pinned && (fit !== "fits" || source === "category")) && (fit === "fits" || complements.has(ctx.categoryOf(item)));
      }
      verdicts.set(item, verdict);
    }
    return verdict;
  };
  const excluded = (item: number) => !ctx.eligible(item) || skip.has(ctx.categoryOf(item)) || !accepts(item);
  const own = (c: Candidate): Candidate => (c.anchor >= 0 && carted.has(c.anchor) ? c : { ...c, reason: ruleReason(RuleReason.SCENARIO), anchor: c.anchor >= 0 ? c.anchor : devices[0] });

  const weighted: WeightedAnchor[] = [];
  const anchors: number[] = [];
  devices.forEach((device, rank) => {
    const lists = ctx.lists(device);
    const list = lists?.cross_sell ?? lists?.scenario;
    if (list === undefined) return;
    weighted.push({ list, weight: 1 / (1 + 0.2 * rank) });
    anchors.push(device);
  });
  const pool = mergeCandidateLists(weighted, excluded, limit, undefined, ctx.tieOrder).map((m) =>
    own({ item: m.item, score: m.score, reason: m.reason, anchor: m.anchor >= 0 ? anchors[m.anchor] : -1 }),
  );
  for (const c of listed) {
    const curated = ctx.build.meta.scenarioLists?.get(ctx.build.meta.categories[c]);
    if (curated !== undefined) pool.push(...fromList(curated, excluded, devices[0], limit).map(own));
  }
  const fallback = () => {
    const out: Candidate[] = [];
    for (const c of new Set(deviceCategories)) pushComplements(ctx, c, devices[0], out, skip);
    return out.filter((candidate) => !excluded(candidate.item)).map(own);
  };
  return { pool, fallbacks: [fallback], anchor: devices[0] };
}

function fromList(list: CandidateList, excluded: (item: number) => boolean, anchor: number, limit: number): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < list.items.length && out.length < limit; i++) if (!excluded(list.items[i])) out.push({ item: list.items[i], score: list.scores[i], reason: list.reasons[i], anchor });
  return out;
}
