/**
 * @module
 * `npm run bench:search [-- --products N]`: product search on a real local D1 (the SQLite file `wrangler dev`
 * serves, through `getPlatformProxy`), N products (default 100,000: the demo store's titles, and Amazon.in's real
 * ones where ../shared/data has them, repeated with distinct ids). For each query, the median of 15 calls of
 *
 *   search    the route's path: `parseQuery` + `matchCategories` + `searchProducts` (FTS5 MATCH, at most 300 rows
 *             ranked in the shared order, the first 48 read in full)
 *   like      what the route did before: `title LIKE '%q%'` ordered by category and price, 48 rows
 *
 * and each plan (`EXPLAIN QUERY PLAN`). Times include the proxy's round trip, the same for both; the first line
 * measures it alone (`SELECT 1`).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { drizzle } from "drizzle-orm/d1";
import { OFFLINE_ENV, PROJECT_ROOT, wrangler } from "../batch/publish/wrangler-cli";
import { slugOfPath } from "../core/recommend/build-index";
import { CategoryNode, matchCategories } from "../core/search/category-match";
import { parseQuery } from "../core/search/search-query";
import { searchProducts } from "../db/product-search";
import { generateDemo } from "../tools/demo/generate";
import { percentile } from "./demo-store";

const QUERIES = ["galaxy s25 case", "cheap headphones", "usb-c charger", "headphones under 100", "anker", "iphone 13 lightning cable", "laptop sleeve 14 inch", "samsung", "zzzz"];
const CALLS = 15;
const ROW_PARAMS = 7;
/** D1 binds at most 100 parameters per statement. */
const ROWS_PER_STATEMENT = Math.floor(100 / ROW_PARAMS);

/** The part of a D1 binding this benchmark uses (Workers types are not in the Node project). */
interface Statement {
  bind(...values: unknown[]): Statement;
  all<T = Record<string, unknown>>(): Promise<{ results: T[] }>;
}
interface Db {
  prepare(sql: string): Statement;
  batch(statements: Statement[]): Promise<unknown>;
}

interface Source {
  title: string;
  brand: string | null;
  category: string[];
  price: number | null;
}

const { values } = parseArgs({ options: { products: { type: "string", default: "100000" } } });
const target = Number(values.products);
const dir = mkdtempSync(path.join(tmpdir(), "edgerec-bench-search-"));
Object.assign(process.env, OFFLINE_ENV, { WRANGLER_LOG: "warn" });
try {
  process.stderr.write(`local D1 in ${dir}: migrations, then ${target.toLocaleString("en")} products\n`);
  await wrangler(["d1", "migrations", "apply", "DB"], "local", { persistTo: dir });
  const sources = await catalogueSources(dir);
  const { getPlatformProxy } = await import("wrangler");
  const proxy = await getPlatformProxy<{ DB: Db }>({ configPath: path.join(PROJECT_ROOT, "wrangler.toml"), persist: { path: path.join(dir, "v3") }, remoteBindings: false });
  try {
    const db = proxy.env.DB;
    const started = performance.now();
    const paths = await insertCatalogue(db, sources, target);
    process.stderr.write(`inserted in ${((performance.now() - started) / 1000).toFixed(1)} s (FTS5 triggers included)\n`);
    const nodes = [...paths].map((p) => new CategoryNode(p));
    const ids = new Map([...paths].map((p) => [p, slugOfPath(p)]));
    const pathById = new Map([...ids].map(([p, id]) => [id, p]));

    const search = async (q: string) => {
      const query = parseQuery(q);
      const named = matchCategories(query, nodes).map((m) => ({ ...m, id: ids.get(m.path)! }));
      return (await searchProducts(drizzle(db as never), { buildId: "", query, categories: named, categoryPath: (id) => pathById.get(id), window: 300 }, { offset: 0, limit: 48 })).rows.length;
    };
    const like = async (q: string) => (await db.prepare("SELECT * FROM products WHERE title LIKE ?1 ORDER BY category_id, price LIMIT 48").bind(`%${q}%`).all()).results.length;
    const plan = async (sql: string, ...bind: unknown[]) => ((await db.prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(...bind).all<{ detail: string }>()).results.map((r) => r.detail).join("; "));

    const roundTrip = await timed(async () => (await db.prepare("SELECT 1").all()).results.length);
    console.log(`products ${target.toLocaleString("en")} | query | search ms (rows) | like ms (rows); a bare round trip: ${roundTrip.ms.toFixed(1)} ms`);
    for (const q of QUERIES) {
      const a = await timed(() => search(q));
      const b = await timed(() => like(q));
      console.log(`${q.padEnd(26)} ${a.ms.toFixed(1).padStart(7)} (${a.rows})   ${b.ms.toFixed(1).padStart(7)} (${b.rows})`);
    }
    console.log(`plan search: ${await plan("SELECT p.* FROM products_fts JOIN products p ON p.rowid = products_fts.rowid WHERE products_fts MATCH ?1 ORDER BY bm25(products_fts) LIMIT 300", '"case"*')}`);
    console.log(`plan price words alone: ${await plan("SELECT * FROM products WHERE price IS NOT NULL AND price <= ?1 ORDER BY price LIMIT 300", 50)}`);
    console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(" ")} on ${availableParallelism()} cores`);
    console.log(`plan like: ${await plan("SELECT * FROM products WHERE title LIKE ?1 ORDER BY category_id, price LIMIT 48", "%case%")}`);
  } finally {
    await proxy.dispose();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

async function timed(call: () => Promise<number>): Promise<{ ms: number; rows: number }> {
  let rows = 0;
  const samples: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const start = performance.now();
    rows = await call();
    samples.push(performance.now() - start);
  }
  samples.sort((x, y) => x - y);
  return { ms: percentile(samples, 0.5), rows };
}

/** The demo store's products and, where present, Amazon.in's real electronics. */
async function catalogueSources(dir: string): Promise<Source[]> {
  const demo = path.join(dir, "demo");
  await generateDemo({ out: demo, orders: 1000, sessions: 0 });
  const rows: Source[] = [];
  for (const line of readFileSync(path.join(demo, "catalog.jsonl"), "utf8").split("\n")) {
    if (!line) continue;
    const p = JSON.parse(line) as { title: string; brand?: string; category: string[]; price?: number };
    rows.push({ title: p.title, brand: p.brand ?? null, category: p.category, price: p.price ?? null });
  }
  const amazon = path.resolve(PROJECT_ROOT, "../shared/data/catalog/amazon_in_products.jsonl");
  if (existsSync(amazon)) {
    for (const line of readFileSync(amazon, "utf8").split("\n")) {
      if (!line) continue;
      const p = JSON.parse(line) as { title: string; category_path: string[]; price?: number };
      rows.push({ title: p.title, brand: null, category: p.category_path, price: p.price ?? null });
    }
  } else process.stderr.write(`${amazon} is absent: demo titles only\n`);
  return rows;
}

/** Inserts `count` products cycling through `sources` (ids distinct), with their category paths; returns the paths. */
async function insertCatalogue(db: Db, sources: readonly Source[], count: number): Promise<Set<string>> {
  const paths = new Set<string>();
  for (const s of sources) for (let d = 1; d <= s.category.length; d++) paths.add(s.category.slice(0, d).join(" > "));
  const categoryRows = [...paths].map((p) => {
    const levels = p.split(" > ");
    return db.prepare("INSERT OR REPLACE INTO categories (id, name, parent_id, path, depth) VALUES (?1, ?2, ?3, ?4, ?5)").bind(slugOfPath(levels.join(" > ")), levels.at(-1), levels.length > 1 ? slugOfPath(levels.slice(0, -1).join(" > ")) : null, p, levels.length - 1);
  });
  await db.batch(categoryRows);
  const statements: Statement[] = [];
  const flush = async () => {
    if (statements.length > 0) await db.batch(statements.splice(0));
  };
  for (let start = 0; start < count; start += ROWS_PER_STATEMENT) {
    const n = Math.min(ROWS_PER_STATEMENT, count - start);
    const placeholders = Array.from({ length: n }, (_, r) => `(${Array.from({ length: ROW_PARAMS }, (_, c) => `?${r * ROW_PARAMS + c + 1}`).join(", ")})`).join(", ");
    const params: unknown[] = [];
    for (let i = start; i < start + n; i++) {
      const s = sources[i % sources.length];
      params.push(`p-${i}`, s.title, s.brand, slugOfPath(s.category.join(" > ")), s.price, "[]", "active");
    }
    statements.push(db.prepare(`INSERT INTO products (id, title, brand, category_id, price, compat_keys, lifecycle) VALUES ${placeholders}`).bind(...params));
    if (statements.length >= 50) await flush();
  }
  await flush();
  return paths;
}
