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

/** 300 products in 6 categories, 1,500 orders: every anchor blob kind (lists, bands, facts) is non-trivial. */
function smallShop() {
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
  for (let o = 0; o < 1500; o++) {
    const a = rng.int(300);
    builder.addIds(`o${o}`, [...new Set([`p${a}`, `p${(a + 6 * (1 + rng.int(3))) % 300}`, `p${rng.int(300)}`])]);
  }
  for (const p of catalog) builder.intern(p.id);
  return buildFromBaskets(builder.build(), catalog, { buildId: "apart", now: new Date(0), sequenceModel: false });
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

  it("fail naming the range and the child's own error when a part cannot be made", async () => {
    const broken = path.join(dir, "broken");
    mkdirSync(broken);
    writeFileSync(path.join(broken, "meta.bin"), "not a meta blob");
    const parts = path.join(dir, "broken-parts");
    mkdirSync(parts);
    await expect(encodeApart(broken, 10, 2, parts)).rejects.toThrow(/^edge format: the process encoding (items 0-4|items 5-9|the group blobs) failed \(exit code 1\): edgerec edge-part: .*broken\/meta\.bin is unreadable \(not a meta blob \(bad magic\)\)$/);
  }, 120_000);
});
