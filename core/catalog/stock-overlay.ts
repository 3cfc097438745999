/**
 * @module
 * The document at KV `cfg/stock`: which catalogue items are out of stock right now, republished by the admin
 * stock route and every few minutes by the worker's cron from D1 `products.stock`, so stock changes reach the
 * edge without a rebuild.
 *
 *   {"version": 1, "updated_at": unix seconds, "build"?: build id, "out": [item id, ...]}
 *   {"version": 2, "updated_at": unix seconds, "build": build id, "out": [item id, ...], "back": [item id, ...]}
 *
 * Version 1, while the shop has at most FULL_LIST_LIMIT items out of stock: a catalogue item is out of stock exactly
 * when its id is listed (items restocked since the build come back). Version 2 beyond that, so the document (read by
 * every isolate) stays the size of the day's changes, not of the catalogue: the changes against the build's
 * OUT_OF_STOCK flags, `out` sold out since, `back` restocked since. Without an overlay, the build's flags stand. An overlay computed from one build's
 * catalogue names that build and applies to it alone (`overlayFor`): a publish killed after the pointer flip
 * leaves the new build on its own stock flags, never on the previous build's overlay.
 */
import { z } from "zod";
import { type BuildMeta, ItemFlag } from "../blob/meta-blob";
import { parseStoredDocument } from "../stored-document";

const stockOverlaySchema = z.discriminatedUnion("version", [
  z.object({ version: z.literal(1), updated_at: z.number().int(), build: z.string().optional(), out: z.array(z.string()) }),
  z.object({ version: z.literal(2), updated_at: z.number().int(), build: z.string().min(1), out: z.array(z.string()), back: z.array(z.string()) }),
]);

export type StockOverlay = z.infer<typeof stockOverlaySchema>;

/** Items out of stock a full list (version 1) names at most; beyond, the overlay lists changes (version 2). */
export const FULL_LIST_LIMIT = 2_000;

export function stockOverlay(outOfStock: Iterable<string>, now: number, build?: string): StockOverlay {
  return { version: 1, updated_at: now, ...(build !== undefined && build !== "" ? { build } : {}), out: [...new Set(outOfStock)].sort() };
}

/** The changes against `build`'s stock flags: sold out since it (`out`), restocked since it (`back`). */
export function stockDelta(out: Iterable<string>, back: Iterable<string>, now: number, build: string): StockOverlay {
  return { version: 2, updated_at: now, build, out: [...new Set(out)].sort(), back: [...new Set(back)].sort() };
}

/** The overlay a publish writes with its build: the full list while short, else no change against the build. */
export function publishedStockOverlay(outOfStock: readonly string[], now: number, build: string, limit = FULL_LIST_LIMIT): StockOverlay {
  return outOfStock.length <= limit ? stockOverlay(outOfStock, now, build) : stockDelta([], [], now, build);
}

/** The overlay if it applies to `build` (it names that build, or none and lists every item out), else null. */
export function overlayFor(overlay: StockOverlay | null | undefined, build: string): StockOverlay | null {
  if (overlay === null || overlay === undefined) return null;
  return overlay.build === undefined || overlay.build === build ? overlay : null;
}

export function parseStockOverlay(text: string | null): StockOverlay | null {
  return parseStoredDocument(stockOverlaySchema, text);
}

/** Stock as one build sees it under an overlay (or none): out-of-stock test and units for rule matching. */
export interface StockView {
  isOutOfStock(item: number): boolean;
  /** Units on hand; 0 when out of stock, -1 when unknown. */
  units(item: number): number;
}

const listed = new WeakMap<StockOverlay, { out: ReadonlySet<string>; back: ReadonlySet<string> }>();
const views = new WeakMap<StockOverlay, WeakMap<object, StockView>>();

/**
 * The view of `overlay` over a build (cached per overlay and build). Costs O(1) per question: the overlay's ids are
 * made sets once per overlay, so a build assembled per request (the edge format) pays nothing per overlay entry.
 */
export function stockView(meta: Pick<BuildMeta, "items" | "flags" | "stock">, overlay: StockOverlay | null): StockView {
  if (overlay === null) return buildStockView(meta);
  let ids = listed.get(overlay);
  if (ids === undefined) listed.set(overlay, (ids = { out: new Set(overlay.out), back: new Set(overlay.version === 2 ? overlay.back : []) }));
  let perBuild = views.get(overlay);
  if (perBuild === undefined) views.set(overlay, (perBuild = new WeakMap()));
  let view = perBuild.get(meta);
  if (view === undefined) {
    const { items, flags, stock } = meta;
    const { out, back } = ids;
    const delta = overlay.version === 2;
    const isOut = (item: number) => {
      if (out.has(items[item])) return true;
      if (delta) return (flags[item] & ItemFlag.OUT_OF_STOCK) !== 0 && !back.has(items[item]);
      return (flags[item] & ItemFlag.IN_CATALOG) === 0 && (flags[item] & ItemFlag.OUT_OF_STOCK) !== 0;
    };
    view = {
      isOutOfStock: (item) => item < items.length && isOut(item),
      units: (item) => {
        if (item >= items.length) return -1;
        if (isOut(item)) return 0;
        const units = stock?.[item] ?? -1;
        return units > 0 ? units : -1;
      },
    };
    perBuild.set(meta, view);
  }
  return view;
}

const buildViews = new WeakMap<object, StockView>();

function buildStockView(meta: Pick<BuildMeta, "flags" | "stock">): StockView {
  let view = buildViews.get(meta);
  if (view === undefined) {
    const { flags, stock } = meta;
    view = {
      isOutOfStock: (item) => item < flags.length && (flags[item] & ItemFlag.OUT_OF_STOCK) !== 0,
      units: (item) => (item >= flags.length ? -1 : (flags[item] & ItemFlag.OUT_OF_STOCK) !== 0 ? 0 : (stock?.[item] ?? -1)),
    };
    buildViews.set(meta, view);
  }
  return view;
}
