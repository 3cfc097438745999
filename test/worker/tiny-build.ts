/**
 * @module
 * A hand-made build small enough to reason about: two phones with their own cases, a charger, and a few
 * co-purchase lists. Tests publish it into the worker's KV with `publishTinyBuild`.
 */
import { encodeBase64 } from "../../core/blob/base64";
import { encodeItemBlob, type ItemLists } from "../../core/blob/item-blob";
import { type BuildMeta, encodeMetaBlob, ItemFlag } from "../../core/blob/meta-blob";
import { itemKey, LIVE_POINTER_KEY, metaKey } from "../../core/keys";

export const ITEMS = ["phone-a", "phone-b", "case-a", "case-b", "charger", "cable", "sold-out"] as const;
type Id = (typeof ITEMS)[number];
const idx = (id: Id) => ITEMS.indexOf(id);

function list(entries: Array<[Id, number, number]>) {
  return {
    items: Uint32Array.from(entries, (e) => idx(e[0])),
    scores: Float32Array.from(entries, (e) => e[1]),
    reasons: Uint32Array.from(entries, (e) => e[2]),
  };
}

export function tinyMeta(buildId: string): BuildMeta {
  const flags = new Uint8Array(ITEMS.length).fill(ItemFlag.IN_CATALOG);
  flags[idx("phone-a")] |= ItemFlag.HAS_LISTS;
  flags[idx("phone-b")] |= ItemFlag.HAS_LISTS;
  flags[idx("sold-out")] |= ItemFlag.OUT_OF_STOCK;
  return {
    buildId,
    createdAt: 1_780_000_000,
    items: [...ITEMS],
    titles: ["Phone A", "Phone B", "Case for Phone A", "Case for Phone B", "USB-C charger", "USB-C cable", "Sold-out thing"],
    categories: ["Phones", "Phones > Cases", "Accessories > Chargers", "Accessories > Cables", "Accessories > Other"],
    itemCategory: Int32Array.from([0, 0, 1, 1, 2, 3, 4]),
    brands: ["Acme"],
    itemBrand: new Int32Array(ITEMS.length).fill(0),
    prices: Float32Array.from([900, 500, 30, 25, 40, 15, 10]),
    flags,
    reasons: [
      { code: "association", text: "Bought with {anchor}" },
      { code: "compatible", text: "Fits {anchor}" },
      { code: "popular", text: "Popular right now" },
    ],
    popular: list([["cable", 50, 2], ["charger", 40, 2], ["sold-out", 30, 2], ["case-b", 20, 2]]),
    popularByCategory: new Map(),
  };
}

export const TINY_LISTS: Record<string, ItemLists> = {
  "phone-a": { cross_sell: list([["case-a", 0.9, 1], ["sold-out", 0.8, 0], ["charger", 0.5, 0]]) },
  "phone-b": { cross_sell: list([["case-b", 0.9, 1], ["cable", 0.4, 0]]) },
};

export async function publishTinyBuild(kv: KVNamespace, buildId: string): Promise<void> {
  await kv.put(metaKey(buildId), encodeBase64(encodeMetaBlob(tinyMeta(buildId))));
  for (const [id, lists] of Object.entries(TINY_LISTS)) {
    await kv.put(itemKey(buildId, id), encodeBase64(encodeItemBlob(lists)));
  }
  await kv.put(LIVE_POINTER_KEY, JSON.stringify({ build: buildId, published_at: 1_780_000_000 }));
}

export function post(body: unknown, headers: Record<string, string> = { "content-type": "application/json" }): RequestInit {
  return { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) };
}
