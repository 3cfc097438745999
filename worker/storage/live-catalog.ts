/**
 * @module
 * Which version of the D1 catalogue the storefront reads: the rows the live build's publish wrote (`build_id` of
 * `products` and `categories`), so the catalogue switches with the live pointer and never before it. Rows written
 * before catalogue versions existed carry "" and are read while no build is live.
 */
import { servingStore } from "./serving-store-instance";

export async function liveCatalogId(env: Env): Promise<string> {
  return (await servingStore(env).liveBuildId(env.KV)) ?? "";
}
