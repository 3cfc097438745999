/**
 * @module
 * A small shop with a real compatibility index, for the merchandising-rule and stock tests: a USB-C phone whose
 * co-purchase list also holds a Lightning cable (which must never show for it), accessories in distinct
 * categories (so slot restraint keeps them all), a stand that is no candidate (for pins), a sold-out stand, and a
 * Lightning phone. `publishShopBuild` writes it to KV; `SHOP_PRODUCTS_SQL` puts the catalogue rows in D1.
 */
import { encodeBase64 } from "../../core/blob/base64";
import { encodeItemBlob } from "../../core/blob/item-blob";
import { type BuildMeta, encodeMetaBlob, ItemFlag } from "../../core/blob/meta-blob";
import { compileCompatIndex } from "../../core/catalog/compat-index";
import { itemKey, LIVE_POINTER_KEY, metaKey } from "../../core/keys";

interface ShopItem {
  id: string;
  title: string;
  category: string;
  brand: string;
  price: number;
  stock: number;
  attrs: Record<string, unknown>;
}

export const SHOP: readonly ShopItem[] = [
  { id: "phone", title: "Acme One", category: "Phones", brand: "Acme", price: 800, stock: 20, attrs: { kind: "smartphone", device_model: "acme-one", connector: "usb-c" } },
  { id: "case", title: "Shell case for Acme One", category: "Cases", brand: "Shell", price: 30, stock: 50, attrs: { kind: "phone-case", fits_models: ["acme-one"] } },
  { id: "charger", title: "Volt 45 W USB-C charger", category: "Chargers", brand: "Volt", price: 40, stock: 50, attrs: { kind: "charger", charging: "wired", connectors: ["usb-c"], output_w: 45 } },
  { id: "lightning-cable", title: "Volt Lightning cable", category: "Cables", brand: "Volt", price: 15, stock: 50, attrs: { kind: "cable", connectors: ["lightning"] } },
  { id: "earbuds", title: "Sonic earbuds", category: "Earbuds", brand: "Sonic", price: 120, stock: 50, attrs: { kind: "earbuds", wireless: true } },
  { id: "power-bank", title: "Volt power bank", category: "Power Banks", brand: "Volt", price: 50, stock: 50, attrs: { kind: "power-bank", connectors: ["usb-c"], magsafe: false } },
  { id: "speaker", title: "Sonic speaker", category: "Speakers", brand: "Sonic", price: 90, stock: 50, attrs: { kind: "speaker", wireless: true } },
  { id: "stand", title: "Shell desk stand", category: "Stands", brand: "Shell", price: 25, stock: 50, attrs: { kind: "stand" } },
  { id: "sold-out-stand", title: "Shell travel stand", category: "Travel Stands", brand: "Shell", price: 20, stock: 0, attrs: { kind: "stand" } },
  { id: "old-phone", title: "Acme Classic", category: "Phones", brand: "Acme", price: 300, stock: 5, attrs: { kind: "smartphone", device_model: "acme-classic", connector: "lightning" } },
];

const at = (id: string) => SHOP.findIndex((item) => item.id === id);

/** The phone's co-purchase list, best first (the Lightning cable is there, as co-purchase data would put it). */
export const PHONE_LIST: ReadonlyArray<[string, number]> = [
  ["case", 0.9],
  ["charger", 0.8],
  ["lightning-cable", 0.75],
  ["earbuds", 0.6],
  ["power-bank", 0.5],
  ["speaker", 0.4],
];

export function shopMeta(buildId: string): BuildMeta {
  const categories = [...new Set(SHOP.map((item) => item.category))];
  const brands = [...new Set(SHOP.map((item) => item.brand))];
  const flags = Uint8Array.from(SHOP, (item) => ItemFlag.IN_CATALOG | (item.stock <= 0 ? ItemFlag.OUT_OF_STOCK : 0));
  flags[at("phone")] |= ItemFlag.HAS_LISTS;
  const none = { items: new Uint32Array(0), scores: new Float32Array(0), reasons: new Uint32Array(0) };
  return {
    buildId,
    createdAt: 1_780_000_000,
    items: SHOP.map((item) => item.id),
    titles: SHOP.map((item) => item.title),
    categories,
    itemCategory: Int32Array.from(SHOP, (item) => categories.indexOf(item.category)),
    brands,
    itemBrand: Int32Array.from(SHOP, (item) => brands.indexOf(item.brand)),
    prices: Float32Array.from(SHOP, (item) => item.price),
    flags,
    reasons: [{ code: "association", text: "Bought with {anchor}" }],
    popular: none,
    popularByCategory: new Map(),
    compat: compileCompatIndex(SHOP.map((item) => ({ brand: item.brand, attrs: item.attrs }))),
    stock: Int32Array.from(SHOP, (item) => item.stock),
  };
}

export async function publishShopBuild(kv: KVNamespace, buildId: string): Promise<void> {
  await kv.put(metaKey(buildId), encodeBase64(encodeMetaBlob(shopMeta(buildId))));
  const list = {
    items: Uint32Array.from(PHONE_LIST, ([id]) => at(id)),
    scores: Float32Array.from(PHONE_LIST, ([, score]) => score),
    reasons: new Uint32Array(PHONE_LIST.length),
  };
  await kv.put(itemKey(buildId, "phone"), encodeBase64(encodeItemBlob({ cross_sell: list })));
  await kv.put(LIVE_POINTER_KEY, JSON.stringify({ build: buildId, published_at: 1_780_000_000 }));
}

export async function insertShopProducts(db: D1Database): Promise<void> {
  await db.batch(
    SHOP.map((item) =>
      db.prepare("INSERT OR REPLACE INTO products (id, title, brand, price, attrs, stock) VALUES (?1, ?2, ?3, ?4, ?5, ?6)").bind(item.id, item.title, item.brand, item.price, JSON.stringify(item.attrs), item.stock),
    ),
  );
}
