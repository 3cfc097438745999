/**
 * @module
 * `npm run bench:latency`: the checkout route against a bare KV read, on real workerd (`wrangler dev`, its own
 * --persist-to folder holding a freshly published demo build), over loopback, in the same run.
 *
 *   checkout    POST /v1/recommendations, placement checkout, a 10-item cart and the session token of an earlier
 *               answer (the request verifies and signs one): validation, session, KV, recommend(), JSON
 *   bare POST   POST /v1/_bench/kv-read with the very same body: reads the cart's item blobs with the same bulk
 *               get, nothing else; the request on the wire is identical, only the work differs
 *   bare GET    GET /v1/_bench/kv-read?ids=<the same 10 items>: the same read behind a GET without a body
 * (the bench routes exist only with BENCH_ROUTES=on), and the floor: GET /healthz (the live pointer, cached), what
 * any request costs over loopback. BENCH_PRODUCTS=<n> measures a generated shop of n products
 * instead of the demo store (`bench/demo-store.ts`).
 *
 * Two modes; in each the four routes take turns request by request (the order rotates), one request at a time:
 *   item cache warm      the isolate keeps decoded item blobs: the checkout route reads no KV at all
 *   item cache bypassed  header x-edgerec-bypass-item-cache: 1 makes the checkout route read and decode the ten
 *                        item blobs on every request, exactly the keys the bare routes read
 * In both modes the live pointer and the decoded meta blob stay cached (30 s pointer TTL), as in production.
 * Prints p50/p99 per route and the checkout/bare ratios of the p50s and p99s.
 */
import { mkdirSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import { main } from "../batch/cli/main";
import { startDevServer } from "../tools/dev-server/wrangler-dev";
import { Rng } from "../core/random/rng";
import { buildDemoStore, cartSampler, percentile } from "./demo-store";

const WARMUP = 300;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 3000);
const BYPASS_HEADER = "x-edgerec-bypass-item-cache";

const store = await buildDemoStore("latency");
const state = path.join(store.dir, "state");
mkdirSync(state, { recursive: true });
let server: Awaited<ReturnType<typeof startDevServer>> | undefined;
try {
  if ((await main(["publish", "--artifacts", store.artifacts, "--local", "--persist-to", state, "--quiet"])) !== 0) throw new Error("publish failed");
  server = await startDevServer({ persistTo: state, vars: { BENCH_ROUTES: "on", LIVE_POINTER_TTL_MS: "30000", SESSION_SECRET: "bench-session-secret" } });
  const base = server.url;
  const cart = cartSampler(store.built, new Rng(7))(10);

  const first = (await (await fetch(`${base}/v1/recommendations`, post({ placement: "checkout", cart }))).json()) as { session_token?: string; slots: unknown[]; build: string };
  if (first.session_token === undefined || first.slots.length === 0) throw new Error(`unexpected first answer: ${JSON.stringify(first).slice(0, 300)}`);
  const checkoutBody = JSON.stringify({ placement: "checkout", cart, session_token: first.session_token });
  const bareUrl = `${base}/v1/_bench/kv-read?ids=${encodeURIComponent(cart.join(","))}`;
  const bare = (await (await fetch(bareUrl)).json()) as { keys: number; found: number; bytes: number };
  if (bare.found !== cart.length) throw new Error(`the bare route found ${bare.found} of ${cart.length} keys`);

  console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(" ")} on ${availableParallelism()} cores; build ${first.build} of ${store.built.manifest.counts.items} items`);
  console.log(`cart of ${cart.length} items: ${cart.join(" ")}; the bare route reads ${bare.found} keys, ${bare.bytes} bytes of base64`);
  for (const mode of ["item cache warm", "item cache bypassed"] as const) {
    const headers: Record<string, string> = mode === "item cache bypassed" ? { [BYPASS_HEADER]: "1" } : {};
    const routes = [
      { name: "checkout  POST /v1/recommendations", send: () => fetch(`${base}/v1/recommendations`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: checkoutBody }) },
      { name: "bare      POST /v1/_bench/kv-read ", send: () => fetch(`${base}/v1/_bench/kv-read`, { method: "POST", headers: { "content-type": "application/json" }, body: checkoutBody }) },
      { name: "bare      GET  /v1/_bench/kv-read ", send: () => fetch(bareUrl) },
      { name: "floor     GET  /healthz            ", send: () => fetch(`${base}/healthz`) },
    ];
    for (let i = 0; i < WARMUP; i++) for (const route of routes) await timed(route.send);
    const samples: number[][] = routes.map(() => []);
    for (let i = 0; i < REQUESTS; i++) {
      for (let k = 0; k < routes.length; k++) {
        const r = (i + k) % routes.length;
        samples[r].push(await timed(routes[r].send));
      }
    }
    const stats = samples.map((v) => {
      v.sort((x, y) => x - y);
      return { p50: percentile(v, 0.5), p99: percentile(v, 0.99) };
    });
    console.log(`\n${mode}: ${REQUESTS} requests per route, taking turns`);
    routes.forEach((route, r) => console.log(`  ${route.name}  p50 ${stats[r].p50.toFixed(2).padStart(6)} ms   p99 ${stats[r].p99.toFixed(2).padStart(6)} ms`));
    console.log(`  ratio checkout / bare POST            p50 ${(stats[0].p50 / stats[1].p50).toFixed(2).padStart(6)}      p99 ${(stats[0].p99 / stats[1].p99).toFixed(2).padStart(6)}`);
    console.log(`  ratio checkout / bare GET             p50 ${(stats[0].p50 / stats[2].p50).toFixed(2).padStart(6)}      p99 ${(stats[0].p99 / stats[2].p99).toFixed(2).padStart(6)}`);
    console.log(`  above the floor (p50): checkout ${(stats[0].p50 - stats[3].p50).toFixed(2)} ms, bare POST ${(stats[1].p50 - stats[3].p50).toFixed(2)} ms`);
  }
} finally {
  await server?.stop();
  store.remove();
}

function post(body: unknown): RequestInit {
  return { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
}

/** Milliseconds from sending the request to the last byte of the answer. */
async function timed(send: () => Promise<Response>): Promise<number> {
  const start = performance.now();
  const response = await send();
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return performance.now() - start;
}
