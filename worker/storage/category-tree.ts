/**
 * @module
 * The category tree from D1 (`categories`), kept per isolate for product search: publish writes it together
 * with the build, so it is trusted as long as the live pointer (`LIVE_POINTER_TTL_MS`).
 */
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { CategoryNode } from "../../core/search/category-match";
import { categories } from "../../db/schema";
import { TtlCache } from "./ttl-cache";

export interface CategoryTree {
  nodes: CategoryNode[];
  idByPath: Map<string, string>;
  pathById: Map<string, string>;
}

const DEFAULT_TTL_MS = 30_000;
let cache: TtlCache<string, Promise<CategoryTree>> | undefined;

/** The category tree of build `buildId`'s catalogue rows. */
export function categoryTree(env: Env, buildId: string): Promise<CategoryTree> {
  if (cache === undefined) {
    const ttl = Number(env.LIVE_POINTER_TTL_MS);
    cache = new TtlCache(1, Number.isFinite(ttl) ? ttl : DEFAULT_TTL_MS);
  }
  let tree = cache.get(buildId);
  if (tree === undefined) {
    tree = readTree(env.DB, buildId);
    cache.set(buildId, tree);
    tree.catch(() => cache?.clear());
  }
  return tree;
}

async function readTree(db: D1Database, buildId: string): Promise<CategoryTree> {
  const rows = await drizzle(db).select({ id: categories.id, path: categories.path }).from(categories).where(eq(categories.buildId, buildId));
  return {
    nodes: rows.map((r) => new CategoryNode(r.path)),
    idByPath: new Map(rows.map((r) => [r.path, r.id])),
    pathById: new Map(rows.map((r) => [r.id, r.path])),
  };
}
