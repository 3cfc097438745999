/**
 * @module
 * The devices a listing's "Complete the setup" serves, most relevant first:
 *
 *   1. the shopper's: devices in the cart, then viewed ones (latest first), of the listed categories (or any
 *      category when the listing holds no devices, as a listing of cases does);
 *   2. else the devices of the models the query names ("galaxy s25 case");
 *   3. else the listed categories' best-selling devices.
 *
 * In cases 1 and 2 the shopper is after those very devices: accessories made for one model may show. Only for
 * devices in the cart do the lists' own reasons ("made for your Galaxy S25") hold. In case 3 the devices stand
 * for the category.
 */
import type { RecommendationRequest } from "../request-schema";
import { itemReading } from "./item-reading";
import { listingScope } from "./listing-scope";
import { inBuildOrder, type LoadedBuild } from "./loaded-build";

export interface ListingDevices {
  devices: number[];
  /** Where they come from: the shopper's cart and views, the query's models, the category's best sellers. */
  source: "shopper" | "query" | "category";
  /** Those of them in the cart. */
  carted: ReadonlySet<number>;
}

/** Best sellers read at most when looking for the listed categories' devices. */
export const BEST_SELLERS_READ = 40;

const found = new WeakMap<RecommendationRequest, { build: LoadedBuild; devices: ListingDevices }>();

export function listingDevices(build: LoadedBuild, request: RecommendationRequest, cap: number): ListingDevices {
  const cached = found.get(request);
  if (cached !== undefined && cached.build === build) return cached.devices;
  const devices = readDevices(build, request, cap);
  found.set(request, { build, devices });
  return devices;
}

function readDevices(build: LoadedBuild, request: RecommendationRequest, cap: number): ListingDevices {
  const scope = listingScope(build, request);
  const reading = itemReading(build);
  const { itemCategory } = build.meta;
  const bestSellers = scope.categories === undefined ? [] : bestSellingDevices(build, scope.categories, cap);
  const shopper: number[] = [];
  const carted = new Set<number>();
  const consider = (id: string, inCart: boolean) => {
    const item = build.index.get(id);
    if (item === undefined || shopper.includes(item) || reading.role(item) !== "device") return;
    shopper.push(item);
    if (inCart) carted.add(item);
  };
  for (const id of request.cart ?? []) consider(id, true);
  for (const view of [...(request.viewed ?? [])].reverse()) consider(view.id, false);
  const inScope = scope.categories === undefined ? shopper : shopper.filter((d) => scope.categories!.has(itemCategory[d]));
  const mine = (inScope.length > 0 || bestSellers.length > 0 ? inScope : shopper).slice(0, cap);
  if (mine.length > 0) return { devices: mine, source: "shopper", carted };
  const named = [...new Set((scope.query?.models ?? []).flatMap((m) => reading.devicesOf(m)))];
  if (named.length > 0) return { devices: named.slice(0, cap), source: "query", carted: new Set() };
  return { devices: bestSellers, source: "category", carted: new Set() };
}

/** The listed categories' best-selling devices, by purchase count: the best sellers read in order, at most BEST_SELLERS_READ. */
function bestSellingDevices(build: LoadedBuild, categories: ReadonlySet<number>, cap: number): number[] {
  const reading = itemReading(build);
  const ranked: Array<{ item: number; score: number }> = [];
  for (const c of categories) {
    const list = build.meta.popularByCategory.get(c);
    if (list === undefined) continue;
    for (let i = 0; i < list.items.length && i < BEST_SELLERS_READ; i++) ranked.push({ item: list.items[i], score: list.scores[i] });
  }
  const before = inBuildOrder(build);
  ranked.sort((a, b) => b.score - a.score || before(a.item, b.item));
  const devices: number[] = [];
  for (let i = 0; i < ranked.length && i < BEST_SELLERS_READ && devices.length < cap; i++) if (reading.role(ranked[i].item) === "device") devices.push(ranked[i].item);
  return devices;
}
