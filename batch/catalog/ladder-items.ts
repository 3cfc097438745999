/**
 * @module
 * Catalogue products as down-sell ladder inputs: leaf category, specs, sellability, clearance, margin, model and
 * fit (so a cheaper case is only suggested for the same phone).
 */
import { attrString } from "../../core/catalog/attributes";
import { type CatalogProduct, categoryPath } from "../io/read-catalog";
import type { LadderItem } from "./down-sell";
import { specsOf } from "./spec-distance";
import { fitSignature } from "./spec-features";

export function ladderItem(product: CatalogProduct): LadderItem {
  const fit = fitSignature(product);
  const model = attrString(product.attrs, "device_model");
  return {
    price: product.price ?? Number.NaN,
    category: product.category.length > 0 ? categoryPath(product) : undefined,
    specs: specsOf(product),
    sellable: product.lifecycle !== "eol" && (product.stock === undefined || product.stock > 0),
    clearance: product.lifecycle === "clearance",
    ...(product.margin !== undefined ? { margin: product.margin } : {}),
    ...(model !== undefined ? { model } : {}),
    ...(fit !== undefined ? { fitKey: fit } : {}),
  };
}
