/**
 * @module
 * `npm run bench:merge`: the checkout merge for a 10-item cart, in microseconds, in Node on the demo store (BENCH_PRODUCTS=<n>: a generated shop of n products, `bench/demo-store.ts`).
 * Three figures: `mergeCandidateLists` alone (the ten cart items' cross-sell lists, weighted, top 40 as the
 * checkout slot asks), the whole `recommend()` for that checkout (intent, slot plan, merge, restraint,
 * essentials, bundle, rendering), and `composeBuild`, which assembles the request's build from the global blob and
 * the ten anchors' decoded blobs as the worker does for checkout, whose plan reads no price band (the worker's
 * per-request cost of the edge format). 500 different carts, 3,000 warm-up calls, then five rounds of 20,000 timed calls
 * each; the figures are the median round's (other processes on a shared machine land in single rounds).
 * Third, what the sequence model adds at the edge for a 10-item session (`core/sequence/sequence-blend.ts`: the
 * GRU state over the 10 items and the blend of a 32-candidate pool), at the build's default shape (d = 32) with
 * weights and embeddings drawn at random: the time depends on the shapes, not the values. Target: p99 < 300 us.
 */
import { availableParallelism, loadavg } from "node:os";
import { ArtifactStore } from "../batch/recommend/artifact-store";
import type { ListKind } from "../core/blob/item-blob";
import { anchorWeights } from "../core/recommend/anchor-weights";
import { composeBuild } from "../core/recommend/compose-build";
import { mergeCandidateLists, type WeightedAnchor } from "../core/recommend/merge-cart";
import { recommend } from "../core/recommend/recommend";
import type { RecommendationRequest } from "../core/request-schema";
import { Rng } from "../core/random/rng";
import type { SequenceModel } from "../core/sequence/gru-model";
import { blendWithSequence } from "../core/sequence/sequence-blend";
import { buildDemoStore, cartSampler, percentile } from "./demo-store";

const CART_SIZE = 10;
const CARTS = 500;
const WARMUP = 3_000;
const RUNS = 20_000;
const ROUNDS = 5;

const store = await buildDemoStore("merge");
try {
  const served = new ArtifactStore(store.built);
  const sampleCart = cartSampler(store.built, new Rng(42));
  const requests: RecommendationRequest[] = Array.from({ length: CARTS }, () => ({ placement: "checkout", cart: sampleCart(CART_SIZE), k: 10 }));
  const data = requests.map((r) => served.servingData(r));
  const reads = requests.map((r) => served.readAnchors(r));
  const build = served.build;

  const anchors: WeightedAnchor[][] = requests.map((request, c) => {
    const view = data[c].build!;
    const items = request.cart!.map((id) => view.index.get(id)!);
    const weights = anchorWeights(items.map((i) => view.meta.prices[i]));
    return request.cart!.flatMap((id, a) => {
      const list = data[c].lists.get(id)?.cross_sell;
      return list === undefined ? [] : [{ list, weight: weights[a] }];
    });
  });
  const held = requests.map((r, c) => new Set(r.cart!.map((id) => data[c].build!.index.get(id)!)));
  const candidates = anchors.reduce((sum, a) => sum + a.reduce((s, x) => s + x.list.items.length, 0), 0) / CARTS;

  const time = (label: string, call: (c: number) => unknown) => {
    for (let i = 0; i < WARMUP; i++) call(i % CARTS);
    const rounds: Array<{ p50: number; p99: number; mean: number }> = [];
    let empty = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const samples = new Float64Array(RUNS);
      for (let i = 0; i < RUNS; i++) {
        const c = i % CARTS;
        const start = process.hrtime.bigint();
        const out = call(c);
        samples[i] = Number(process.hrtime.bigint() - start) / 1000;
        if (out === undefined) empty++;
      }
      samples.sort();
      rounds.push({ p50: percentile(samples, 0.5), p99: percentile(samples, 0.99), mean: samples.reduce((s, x) => s + x, 0) / RUNS });
    }
    const median = (pick: (r: (typeof rounds)[number]) => number) => rounds.map(pick).sort((a, b) => a - b)[ROUNDS >> 1];
    console.log(
      `${label.padEnd(42)} p50 ${median((r) => r.p50).toFixed(1).padStart(6)} us   p99 ${median((r) => r.p99).toFixed(1).padStart(6)} us   mean ${median((r) => r.mean).toFixed(1).padStart(6)} us` +
        `   (median of ${ROUNDS} rounds of ${RUNS} calls; p99 by round: ${rounds.map((r) => r.p99.toFixed(0)).join(" ")})${empty > 0 ? " EMPTY ANSWERS" : ""}`,
    );
  };

  console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(" ")} on ${availableParallelism()} cores`);
  console.log(`shop: ${build.meta.items.length} items; ${CARTS} carts of ${CART_SIZE} items with lists; ${candidates.toFixed(0)} candidates merged per cart on average`);
  time("mergeCandidateLists (10 anchors, top 40)", (c) => mergeCandidateLists(anchors[c], (item) => held[c].has(item), 40));
  time("recommend() checkout, k = 10", (c) => recommend(requests[c], data[c], { recId: "bench" }).slots[0]);
  const none = new Map();
  console.log(`edge format: a global blob of ${served.global.meta.items.length} items; a request's build adds ${(data.reduce((s, d) => s + d.build!.meta.items.length, 0) / CARTS - served.global.meta.items.length).toFixed(0)} items on average`);
  const bands = new Set<ListKind>(["price_band"]);
  time("composeBuild (the request's build, 10 anchors)", (c) => composeBuild(served.global, reads[c].blobs, none, none, bands).build);

  const D = 32;
  const rng = new Rng(7, "bench-sequence-model");
  const int8 = (length: number) => Int8Array.from({ length }, () => rng.between(-127, 127));
  const f32 = (length: number) => Float32Array.from({ length }, () => rng.normal() * 0.2);
  const model: SequenceModel = { dim: D, scale: 0.01, maxSteps: 12, blendWeight: 0.3, inputWeights: f32(3 * D * D), recurrentWeights: f32(3 * D * D), bias: f32(3 * D) };
  const embedded = anchors.map((weighted) => weighted.map(({ list, weight }) => ({ weight, list: { ...list, embeddings: { anchor: int8(D), candidates: int8(list.items.length * D) } } })));
  const sessions = embedded.map((weighted) => weighted.map((w) => w.list.embeddings.anchor).slice(0, CART_SIZE));
  const pools = embedded.map((weighted, c) => mergeCandidateLists(weighted, (item) => held[c].has(item), 32));
  const lists = embedded.map((weighted) => weighted.map((w) => w.list));
  console.log(`sequence model at the edge: sessions of ${(sessions.reduce((s, x) => s + x.length, 0) / CARTS).toFixed(1)} embedded items, pools of 32 (d ${D}); target p99 < 300 us`);
  time("GRU state + blend (the model's added time)", (c) => blendWithSequence(model, sessions[c], pools[c], lists[c])[0]);
} finally {
  store.remove();
}
