/**
 * @module
 * The one place that reads what an answer's item shows on a card: title, price, currency, product link and
 * image URL, from the build (meta blob columns). Whatever carries these facts to the edge later, only this
 * function changes.
 */
import type { RecommendedItem } from "../recommendation-response";
import type { LoadedBuild } from "./loaded-build";

export type ItemDisplay = Pick<RecommendedItem, "title" | "price" | "currency" | "link" | "image_link">;

export function itemDisplay(build: LoadedBuild, item: number): ItemDisplay {
  const { meta } = build;
  const out: ItemDisplay = {};
  const title = meta.titles[item];
  if (title !== undefined && title.length > 0) out.title = title;
  const price = meta.prices[item];
  if (Number.isFinite(price)) out.price = Math.round(price * 100) / 100;
  const display = meta.display;
  if (display === undefined) return out;
  const currency = display.itemCurrency[item];
  if (currency >= 0) out.currency = display.currencies[currency];
  if (display.links[item]) out.link = display.links[item];
  if (display.images[item]) out.image_link = display.images[item];
  return out;
}
