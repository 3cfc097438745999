import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Rng } from "../../core/random/rng";
import { BasketsBuilder } from "../io/baskets";
import type { CatalogProduct } from "../io/read-catalog";
import { readArtifacts, writeArtifacts } from "./artifacts";
import { buildFromBaskets } from "./build";
import { encodeApart } from "./edge-workers";
import { type PreviousParameters, readPreviousParameters } from "./previous-build";
import { readPreviousEdge } from "./previous-edge";

/** 300 products in 6 categories, 1,500 orders: every anchor blob kind (lists, bands, facts) is non-trivial. */
function smallShop(buildId = "apart", extraOrders = 0, previous?: PreviousParameters) {
  const rng = new Rng(5, "edge-workers");
  const catalog: CatalogProduct[] = Array.from({ length: 300 }, (_, i) => ({
    id: `p${i}`,
    title: `Product ${i}`,
    category: ["Shop", `Category ${i % 6}`],
    brand: `Brand ${i % 7}`,
    price: 10 + ((i * 37) % 500),
    currency: "EUR",
    attrs: {},
    lifecycle: "active",
  }));
  const builder = new BasketsBuilder();
  for (let o = 0; o < 1500 + extraOrders; o++) {
    const a = rng.int(300);
    builder.addIds(`o${o}`, [...new Set([`p${a}`, `p${(a + 6 * (1 + rng.int(3))) % 300}`, `p${rng.int(300)}`])]);
  }
  for (const p of catalog) builder.intern(p.id);
  return buildFromBaskets(builder.build(), catalog, { buildId, now: new Date(0), sequenceModel: false, ...(previous !== undefined ? { previous } : {}) });
}

describe("the edge format encoded in child processes", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "edgerec-edge-workers-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("make the same edge.bin, byte for byte, as the build's own process", async () => {
    const artifacts = smallShop();
    await writeArtifacts(path.join(dir, "here"), artifacts, { edgeWorkers: 1 });
    await writeArtifacts(path.join(dir, "apart"), artifacts, { edgeWorkers: 3 });
    const here = readFileSync(path.join(dir, "here", "edge.bin"));
    const apart = readFileSync(path.join(dir, "apart", "edge.bin"));
    expect(apart.length).toBe(here.length);
    expect(apart.equals(here)).toBe(true);
    expect(readArtifacts(path.join(dir, "apart")).manifest.kv).toEqual(readArtifacts(path.join(dir, "here")).manifest.kv);
    // Nothing of the parts is left beside the folder.
    expect(readdirSync(dir).sort()).toEqual(["apart", "here"]);
  }, 120_000);

  it("keep the same blobs of a previous build, byte for byte, as the build's own process", async () => {
    await writeArtifacts(path.join(dir, "first"), smallShop("first"), { edgeWorkers: 1 });
    const previous = readPreviousEdge(path.join(dir, "first"));
    if (typeof previous === "string") throw new Error(previous);
    // As `edgerec build --previous` follows it: its tuned weights, and its reasons in their places.
    const next = smallShop("next", 15, { ...readPreviousParameters(path.join(dir, "first")), reasons: previous.global.reasons });
    await writeArtifacts(path.join(dir, "next-here"), next, { edgeWorkers: 1, previous });
    await writeArtifacts(path.join(dir, "next-apart"), next, { edgeWorkers: 3, previous });
    const here = readFileSync(path.join(dir, "next-here", "edge.bin"));
    expect(readFileSync(path.join(dir, "next-apart", "edge.bin")).equals(here)).toBe(true);
    const kv = readArtifacts(path.join(dir, "next-here")).manifest.kv!;
    expect(kv.kept_keys).toBeGreaterThan(kv.keys);
    expect(readArtifacts(path.join(dir, "next-apart")).manifest.kv).toEqual(kv);

    // A previous build too large to hold is read from its edge.bin blob by blob: the same blobs.
    const indexed = readPreviousEdge(path.join(dir, "first"), () => true, 0);
    if (typeof indexed === "string") throw new Error(indexed);
    expect([...indexed.blobs.keys()].sort()).toEqual([...previous.blobs.keys()].sort());
    for (const name of previous.blobs.keys()) expect(indexed.blobs.get(name)).toEqual(previous.blobs.get(name));
    expect(indexed.global).toEqual(previous.global);
    rmSync(path.join(dir, "first"), { recursive: true });
    rmSync(path.join(dir, "next-here"), { recursive: true });
    rmSync(path.join(dir, "next-apart"), { recursive: true });
  }, 120_000);

  it("fail naming the range and the child's own error when a part cannot be made", async () => {
    const broken = path.join(dir, "broken");
    mkdirSync(broken);
    writeFileSync(path.join(broken, "meta.bin"), "not a meta blob");
    const parts = path.join(dir, "broken-parts");
    mkdirSync(parts);
    await expect(encodeApart(broken, 10, 2, parts)).rejects.toThrow(/^edge format: the process encoding (items 0-4|items 5-9|the group blobs) failed \(exit code 1\): edgerec edge-part: .*broken\/meta\.bin is unreadable \(not a meta blob \(bad magic\)\)$/);
  }, 120_000);
});
