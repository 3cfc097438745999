/**
 * @module
 * `npm run bench:listing`: the listing placement's `recommend()` in Node on the demo store, in microseconds, for
 * every category page (each leaf and each parent), the same with a device of the category in the cart, and a set of
 * search queries. Two figures: a fresh build's first answers (the edge reads the titles it needs once per build
 * and isolate: kinds, fit facts) and warm answers (five rounds over all requests; the median round's p50 and p99).
 */
import { availableParallelism, loadavg } from "node:os";
import { ArtifactStore } from "../batch/recommend/artifact-store";
import { decodeMetaBlob } from "../core/blob/meta-blob";
import { itemReading } from "../core/recommend/item-reading";
import { loadBuild } from "../core/recommend/loaded-build";
import { recommend } from "../core/recommend/recommend";
import type { RecommendationRequest } from "../core/request-schema";
import { buildDemoStore, percentile } from "./demo-store";

const QUERIES = ["galaxy s25 case", "cheap headphones", "usb-c charger", "headphones under 100", "anker", "gaming monitor 27", "laptop sleeve", "iphone 15 screen protector", "tripod"];
const ROUNDS = 5;

const store = await buildDemoStore("listing");
try {
  const served = new ArtifactStore(store.built);
  const build = served.build;
  const paths = new Set<string>();
  for (const path of build.meta.categories) path.split(" > ").forEach((_, d, levels) => paths.add(levels.slice(0, d + 1).join(" > ")));
  const requests: RecommendationRequest[] = [];
  const reading = itemReading(build);
  for (const category of paths) {
    requests.push({ placement: "listing", category, k: 8 });
    const c = build.meta.categories.indexOf(category);
    const device = c < 0 ? undefined : Array.from(build.meta.popularByCategory.get(c)?.items ?? []).find((i) => reading.role(i) === "device");
    if (device !== undefined) requests.push({ placement: "listing", category, cart: [build.meta.items[device]], k: 8 });
  }
  for (const query of QUERIES) requests.push({ placement: "listing", query, k: 8 });
  const data = requests.map((r) => served.servingData(r));

  const fresh = loadBuild(decodeMetaBlob(store.built.meta));
  const cold = new Float64Array(requests.length);
  requests.forEach((request, i) => {
    const start = process.hrtime.bigint();
    recommend(request, { ...data[i], build: fresh }, { recId: "bench" });
    cold[i] = Number(process.hrtime.bigint() - start) / 1000;
  });
  const coldTotal = cold.reduce((s, x) => s + x, 0);
  cold.sort();

  const rounds: Array<{ p50: number; p99: number }> = [];
  let slots = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const samples = new Float64Array(requests.length * 20);
    for (let k = 0; k < samples.length; k++) {
      const i = k % requests.length;
      const start = process.hrtime.bigint();
      slots += recommend(requests[i], data[i], { recId: "bench" }).slots.length;
      samples[k] = Number(process.hrtime.bigint() - start) / 1000;
    }
    samples.sort();
    rounds.push({ p50: percentile(samples, 0.5), p99: percentile(samples, 0.99) });
  }
  rounds.sort((a, b) => a.p50 - b.p50);
  const median = rounds[ROUNDS >> 1];
  console.log(`listing requests: ${requests.length} (${paths.size} category pages, a device in the cart where the category sells one, ${QUERIES.length} queries); ${(slots / (ROUNDS * requests.length * 20)).toFixed(2)} slots per answer`);
  console.log(`fresh build, first answers: total ${(coldTotal / 1000).toFixed(1)} ms, p50 ${percentile(cold, 0.5).toFixed(0)} us, p99 ${percentile(cold, 0.99).toFixed(0)} us, max ${cold[cold.length - 1].toFixed(0)} us`);
  console.log(`warm: p50 ${median.p50.toFixed(1)} us, p99 ${median.p99.toFixed(1)} us`);
  console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(" ")} on ${availableParallelism()} cores`);
} finally {
  store.remove();
}
