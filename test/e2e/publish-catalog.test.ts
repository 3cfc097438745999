import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readArtifacts } from "../../batch/build/artifacts";
import { wrangler } from "../../batch/publish/wrangler-cli";
import { CONFIG_KEYS } from "../../core/keys";
import { demoFile } from "../node/demo-store";
import { buildShop, publishLocal, queryLocalD1 } from "./local-edge";

const work = mkdtempSync(path.join(tmpdir(), "edgerec-e2e-catalog-"));
const state = path.join(work, "state");
const artifacts = path.join(work, "artifacts");
const SMARTPHONES = "Phones & Tablets > Smartphones";
const DRONES = "Drones > Camera Drones";

const query = (...statements: string[]) => queryLocalD1(state, ...statements);
const publish = () => publishLocal(artifacts, state);

interface DemoProduct {
  id: string;
  category: string[];
  attrs: { kind?: string; connectors?: string[]; scenarios?: string[] };
}

/** The demo catalogue, and its Lightning-only cables (read when the suite starts). */
let catalog: DemoProduct[] = [];
let lightningCables: string[] = [];

const snapshot = () => [
  "SELECT count(*) AS n FROM kg_nodes",
  "SELECT count(*) AS n FROM kg_edges",
  `SELECT DISTINCT dst FROM kg_edges WHERE rel = 'requires' AND src IN (${lightningCables.map((id) => `'product:${id}'`).join(",")})`,
  `SELECT dst FROM kg_edges WHERE src = 'category:${DRONES}' AND rel = 'used_for'`,
  `SELECT complement_category, weight, source, official_first FROM category_complements WHERE anchor_category = '${SMARTPHONES}' ORDER BY weight DESC`,
  "SELECT source, status, count(*) AS n FROM bundles GROUP BY source, status ORDER BY source",
  "SELECT id FROM products WHERE stock <= 0 ORDER BY id",
];

describe("publish writes the catalogue intelligence to local D1 and KV", () => {
  let first: Array<Array<Record<string, unknown>>>;

  beforeAll(async () => {
    const migrating = wrangler(["d1", "migrations", "apply", "DB"], "local", { persistTo: state });
    migrating.catch(() => {});
    catalog = readFileSync(await demoFile("catalog.jsonl"), "utf8")
      .split("\n")
      .filter((line) => line.length > 0)
      .map((line) => JSON.parse(line) as DemoProduct);
    lightningCables = catalog
      .filter((p) => p.attrs.kind === "cable" && p.attrs.connectors?.length === 1 && p.attrs.connectors[0] === "lightning")
      .map((p) => p.id);
    const complements = path.join(work, "complements.jsonl");
    writeFileSync(complements, `${JSON.stringify({ anchor_category: "Smartphones", complement_category: "Bluetooth Speakers", weight: 0.3 })}\n`);
    await buildShop({ orders: await demoFile("orders.jsonl"), catalog: await demoFile("catalog.jsonl") }, artifacts, "--complements", complements);
    await migrating;
    await query(
      `INSERT INTO category_complements (anchor_category, complement_category, weight, source, official_first) VALUES ('${SMARTPHONES}', 'Phones & Tablets > Phone Accessories > Cases', 0.99, 'merchant', 1)`,
      "INSERT INTO bundles (id, title, items, discount_pct, source, status) VALUES ('merchant-kit', 'Kit', '[\"a\",\"b\"]', 10, 'merchant', 'active')",
    );
    await publish();
    first = await query(...snapshot());
  }, 180_000);

  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
  });

  it("replaces the knowledge graph with the build's: compatibility and scenario edges as the catalogue says", () => {
    const { publication } = readArtifacts(artifacts);
    expect(first[0][0].n).toBe(publication!.graph.nodes.length);
    expect(first[1][0].n).toBe(publication!.graph.edges.length);
    expect(lightningCables.length).toBeGreaterThan(0);
    expect(first[2]).toEqual([{ dst: "spec:conn:lightning" }]);
    const droneScenarios = new Set<string>();
    for (const p of catalog) if (p.category.join(" > ") === DRONES) for (const s of p.attrs.scenarios ?? []) droneScenarios.add(`scenario:${s}`);
    expect(first[3].map((r) => r.dst).sort()).toEqual([...droneScenarios].sort());
  });

  it("writes learned complements without touching the merchant's, and the build's merchant rows as merchant", () => {
    const rows = first[4];
    expect(rows[0]).toMatchObject({ complement_category: "Phones & Tablets > Phone Accessories > Cases", source: "merchant", weight: 0.99, official_first: 1 });
    expect(rows.find((r) => r.complement_category === "Audio > Bluetooth Speakers")).toMatchObject({ source: "merchant", weight: 0.3 });
    expect(rows.filter((r) => r.source === "learned").length).toBeGreaterThan(2);
  });

  it("writes the stock overlay for the catalogue it published", async () => {
    const text = await wrangler(["kv", "key", "get", CONFIG_KEYS.stock, "--binding", "KV", "--text"], "local", { persistTo: state });
    const overlay = JSON.parse(text) as { out: string[] };
    expect(overlay.out.length).toBeGreaterThan(0);
    expect(overlay.out).toEqual(first[6].map((r) => r.id));
  });

  it("proposes the mined bundles next to a merchant's active one; publishing again changes nothing", async () => {
    const { publication } = readArtifacts(artifacts);
    expect(publication!.bundles.length).toBeGreaterThan(0);
    expect(first[5]).toEqual([
      { source: "merchant", status: "active", n: 1 },
      { source: "mined", status: "proposed", n: publication!.bundles.length },
    ]);
    await publish();
    expect(await query(...snapshot())).toEqual(first);
  }, 90_000);
});
