/**
 * @module
 * Drives simulated shopping sessions through a running edge: each browses devices of its favourite category
 * (a recommendation request per product page, with the dwell so far), sees the answer, maybe clicks, carts and
 * buys, and reports every event the way a storefront does (one batch at the end of the session). Sessions are
 * spread over a simulated time window and run `concurrency` at a time.
 */
import { assignVariant } from "../../core/experiments/assign";
import type { PublishedExperiment } from "../../core/experiments/experiment-config";
import { Rng } from "../../core/random/rng";
import type { SimCatalog } from "./sim-catalog";
import { clickProbability, drawShopper, dwellMs, pickClick, pickDevice, type ShopperParameters } from "./shopper-model";
import { StorefrontClient } from "./storefront-client";

export interface RunOptions {
  baseUrl: string;
  catalog: SimCatalog;
  sessions: number;
  seed: number;
  /** Session ids are `<runId>-<n>`: unique per run, so runs never share units. */
  runId: string;
  shopper: ShopperParameters;
  concurrency?: number;
  /** Simulated time of the first and last session start (unix seconds). */
  from: number;
  to: number;
  /**
   * A deliberately broken split: this share of the sessions the experiment would put in the treated variant
   * never arrive (predicted with the same pure assignment the edge uses), as when a variant's page fails to load.
   */
  skew?: { experiment: PublishedExperiment; share: number };
  onProgress?: (done: number, total: number) => void;
}

export interface RunResult {
  sessions: number;
  skipped: number;
  events: number;
  impressionsByVariant: Record<string, number>;
  clicksByVariant: Record<string, number>;
  purchases: number;
  client: StorefrontClient["stats"];
  seconds: number;
}

export async function runSessions(options: RunOptions): Promise<RunResult> {
  const client = new StorefrontClient(options.baseUrl);
  const result: RunResult = { sessions: 0, skipped: 0, events: 0, impressionsByVariant: {}, clicksByVariant: {}, purchases: 0, client: client.stats, seconds: 0 };
  const started = performance.now();
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < options.sessions) {
      const index = next++;
      await runOne(index, options, client, result);
      done++;
      if (done % 1000 === 0 || done === options.sessions) options.onProgress?.(done, options.sessions);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 12 }, worker));
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

async function runOne(index: number, options: RunOptions, client: StorefrontClient, result: RunResult): Promise<void> {
  const rng = new Rng(options.seed, `${options.runId}/${index}`);
  const sessionId = `${options.runId}-${index}`;
  const p = options.shopper;
  if (options.skew !== undefined) {
    const predicted = assignVariant(options.skew.experiment, `s:${sessionId}`).name;
    if (predicted === p.treatedVariant && rng.chance(options.skew.share)) {
      result.skipped++;
      return;
    }
  }
  result.sessions++;
  const shopper = drawShopper(options.catalog, rng, index, p);
  const ids = { session_id: sessionId, ...(shopper.userId !== undefined ? { user_id: shopper.userId } : {}) };
  let t = options.from + Math.floor(((options.to - options.from) * index) / Math.max(1, options.sessions - 1));
  let n = 0;
  const events: Array<Record<string, unknown>> = [];
  const emit = (type: string, fields: Record<string, unknown>) => {
    events.push({ event_id: `${sessionId}-${n++}`, type, ...ids, ts: t, ...fields });
    t += rng.between(2, 15);
  };
  const carted: Array<{ id: string; rec: string; slot: string }> = [];
  const viewed: Array<{ id: string; dwell_ms: number }> = [];

  const show = (answer: Awaited<ReturnType<StorefrontClient["recommend"]>>) => {
    const shown = answer.slots.filter((s) => s.items.length > 0);
    if (shown.length === 0) return;
    const variant = answer.variant ?? "none";
    emit("impression", { rec_id: answer.rec_id, items: shown.flatMap((s) => s.items.map((i) => i.id)).slice(0, 100), ...(answer.variant ? { variant } : {}) });
    result.impressionsByVariant[variant] = (result.impressionsByVariant[variant] ?? 0) + 1;
    if (!rng.chance(clickProbability(answer.variant, p))) return;
    const click = pickClick(shown, shopper.hesitant, rng);
    if (click === undefined) return;
    result.clicksByVariant[variant] = (result.clicksByVariant[variant] ?? 0) + 1;
    emit("click", { rec_id: answer.rec_id, item_id: click.item, slot: click.slot, position: click.position, ...(answer.variant ? { variant } : {}) });
    if (rng.chance(p.cartAfterClick) && !carted.some((c) => c.id === click.item)) {
      emit("add_to_cart", { item_id: click.item, rec_id: answer.rec_id, slot: click.slot });
      carted.push({ id: click.item, rec: answer.rec_id, slot: click.slot });
    }
  };

  if (rng.chance(0.4)) emit("search", { query: shopper.leaf.leaf.split(" > ").pop()!.toLowerCase() });
  let device = pickDevice(shopper, rng, shopper.hesitant);
  for (let v = 0; v < shopper.views; v++) {
    if (v > 0) device = pickDevice(shopper, rng, false);
    const dwell = dwellMs(rng, shopper.hesitant && v === 0);
    viewed.push({ id: device.id, dwell_ms: dwell });
    emit("view", { item_id: device.id, dwell_ms: dwell });
    t += Math.round(dwell / 1000);
    show(await client.recommend({ placement: "product", product_id: device.id, viewed: viewed.slice(-10), ...ids, k: 6 }));
  }

  const buysDevice = rng.chance(p.buyDevice);
  const lines: Array<Record<string, unknown>> = [];
  const line = (id: string, rec?: { rec: string; slot: string }) => {
    const product = options.catalog.byId.get(id);
    const echoed = rec !== undefined && rng.chance(p.echoRecId);
    lines.push({ id, qty: 1, ...(product ? { price: product.price } : {}), ...(echoed ? { rec_id: rec.rec, slot: rec.slot } : {}) });
  };
  if (buysDevice) {
    emit("add_to_cart", { item_id: device.id });
    show(await client.recommend({ placement: "checkout", cart: [device.id, ...carted.map((c) => c.id)], ...ids, k: 4 }));
    line(device.id);
    for (const c of carted) line(c.id, c);
    const companions = options.catalog.companions.get(device.id);
    if (companions !== undefined && rng.chance(p.organicAttach)) {
      const companion = rng.pick(companions);
      if (!lines.some((l) => l.id === companion)) line(companion);
    }
  } else if (carted.length > 0) {
    if (rng.chance(p.buyCartWithoutDevice)) for (const c of carted) line(c.id, c);
    else emit("remove_from_cart", { item_id: carted[0].id });
  }
  if (lines.length > 0) {
    emit("purchase", { order_id: `o-${sessionId}`, lines });
    result.purchases++;
  }
  result.events += events.length;
  await client.sendEvents(events);
}
