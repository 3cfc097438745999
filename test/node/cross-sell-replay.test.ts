import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeItemBlob } from "../../core/blob/item-blob";
import { decodeMetaBlob, encodeMetaBlob, ItemFlag } from "../../core/blob/meta-blob";
import type { CrossSellPolicy } from "../../core/recommend/cross-sell-policy";
import { Rng } from "../../core/random/rng";
import { generateDemo } from "../../tools/demo/generate";
import { ArtifactStore } from "../../batch/recommend/artifact-store";
import type { Artifacts } from "../../batch/build/artifacts";
import { buildFromFiles } from "../../batch/build/build";
import { CrossSellReplay, type ServedFold, type ServingPolicy } from "../../batch/build/cross-sell-replay";

const work = mkdtempSync(path.join(tmpdir(), "edgerec-replay-"));
let artifacts: Artifacts;

beforeAll(async () => {
  await generateDemo({ out: work, orders: 3000, sessions: 2000 });
  artifacts = await buildFromFiles({ orders: path.join(work, "orders.jsonl"), catalog: path.join(work, "catalog.jsonl") }, { crossSell: { tuning: false } });
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The build served under `policy`, and the replay of the same lists under the same policy. */
function both(policy: CrossSellPolicy) {
  const meta = decodeMetaBlob(artifacts.meta);
  meta.crossSellPolicy = policy;
  const store = new ArtifactStore({ ...artifacts, meta: encodeMetaBlob(meta) });
  const n = meta.items.length;
  const sellable = Uint8Array.from(meta.flags, (f) => ((f & (ItemFlag.EOL | ItemFlag.OUT_OF_STOCK)) === 0 ? 1 : 0));
  const replay = new CrossSellReplay({ itemCategory: meta.itemCategory, prices: meta.prices, sellable, ...(meta.compat !== undefined ? { compat: meta.compat } : {}) }, 10);
  const lists = new Map<number, { items: Uint32Array; scores: Float32Array; count: number }>();
  const listOf = (a: number) => {
    let list = lists.get(a);
    const blob = artifacts.itemBlobs[a];
    if (list === undefined && blob !== undefined) {
      const cross = decodeItemBlob(blob).cross_sell;
      if (cross !== undefined) lists.set(a, (list = { items: cross.items, scores: cross.scores, count: cross.items.length }));
    }
    return list;
  };
  const serving: ServingPolicy = { valueWeighting: policy.valueWeighting, perCategory: policy.cartPerCategory, essentialAttach: policy.essentialAttach, exclusive: policy.exclusive };
  const withLists: number[] = [];
  for (let i = 0; i < n; i++) if (artifacts.itemBlobs[i] !== undefined && (sellable[i] === 1)) withLists.push(i);
  return { store, meta, replay, listOf, serving, withLists };
}

describe("the validation replay serves checkout exactly as recommend() does", () => {
  const policies: Array<[string, (categories: number) => CrossSellPolicy]> = [
    ["no restraint", (c) => ({ valueWeighting: false, cartPerCategory: 0, essentialAttach: 0, exclusive: new Uint8Array(c) })],
    ["one-per-order categories, two per category, value weights", (c) => ({ valueWeighting: true, cartPerCategory: 2, essentialAttach: 0, exclusive: Uint8Array.from({ length: c }, (_, i) => (i % 3 === 0 ? 1 : 0)) })],
    ["essentials from 20% attach, one per category", (c) => ({ valueWeighting: false, cartPerCategory: 1, essentialAttach: 0.2, exclusive: new Uint8Array(c).fill(1) })],
  ];
  for (const [name, make] of policies) {
    it(`agrees slot for slot: ${name}`, () => {
      const categories = decodeMetaBlob(artifacts.meta).categories.length;
      const { store, meta, replay, listOf, serving, withLists } = both(make(categories));
      const rng = new Rng(7, name);
      const requests = Array.from({ length: 150 }, (_, r) => {
        const size = 1 + (r % 4);
        const cart = new Set<number>();
        while (cart.size < size) cart.add(withLists[rng.int(withLists.length)]);
        return { basket: r, item: -1, cart: Uint32Array.from(cart) };
      });
      const fold: ServedFold = {
        requests,
        prior: meta.crossSellPrior!,
        popular: meta.popular.items,
        complements: meta.complements ?? new Map(),
      };
      let compared = 0;
      let changedByPolicy = 0;
      const plain: ServingPolicy = { valueWeighting: false, perCategory: 0, essentialAttach: 0, exclusive: new Uint8Array(categories) };
      requests.forEach((request, r) => {
        const served = store.recommend({ placement: "checkout", cart: Array.from(request.cart, (i) => meta.items[i]), k: 10 }, "t");
        const ids = served.slots.find((s) => s.kind === "cross_sell")?.items.map((i) => i.id) ?? [];
        const replayed = replay.slotOf(fold, r, listOf, serving).map((i) => meta.items[i]);
        expect(replayed, `cart ${request.cart.join(",")}`).toEqual(ids);
        compared += ids.length;
        if (replay.slotOf(fold, r, listOf, plain).map((i) => meta.items[i]).join() !== ids.join()) changedByPolicy++;
      });
      expect(compared).toBeGreaterThan(1000);
      // The policy is exercised: it changes answers (except for the unrestrained one).
      if (name === "no restraint") expect(changedByPolicy).toBe(0);
      else expect(changedByPolicy).toBeGreaterThan(10);
    });
  }
});
