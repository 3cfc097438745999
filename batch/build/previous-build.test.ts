import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Rng } from "../../core/random/rng";
import { BasketsBuilder } from "../io/baskets";
import type { CatalogProduct } from "../io/read-catalog";
import type { Artifacts } from "./artifacts";
import { crossSellLists } from "../../test/node/cross-sell-lists";
import type { BlendParameters } from "./blend-parameters";
import type { TuningReport } from "./blend-tuning";
import { buildFromBaskets } from "./build";
import type { CatalogRankerFit } from "./catalog-tuning";
import { type PreviousParameters, previousParametersOf, readPreviousParameters } from "./previous-build";
import { complementShop } from "../../test/node/complement-shop";

/** The orders plus a seeded 1% of them again (what a day's orders add to a shop's history). */
function withOnePercentMore(orders: string[][]): string[][] {
  const rng = new Rng(2, "more");
  return [...orders, ...Array.from({ length: orders.length / 100 }, () => orders[rng.int(orders.length)])];
}

function build(orders: string[][], catalog: CatalogProduct[], previous?: PreviousParameters): Artifacts {
  const builder = new BasketsBuilder();
  orders.forEach((ids, o) => builder.addIds(`o${o}`, ids));
  for (const p of catalog) builder.intern(p.id);
  return buildFromBaskets(builder.build(), catalog, { buildId: previous === undefined ? "first" : "second", now: new Date(0), ...(previous !== undefined ? { previous } : {}) });
}

const blendOf = (a: Artifacts) => a.manifest.parameters.cross_sell as BlendParameters;
const blendTuning = (a: Artifacts) => a.manifest.parameters.cross_sell_tuning as TuningReport;
const rankerOf = (a: Artifacts) => a.manifest.parameters.catalog_ranker as CatalogRankerFit;


/** The JSON round trip a manifest makes on disk (tau = Infinity becomes null). */
const onDisk = (a: Artifacts) => previousParametersOf(JSON.parse(JSON.stringify(a.manifest)));

describe("a build that follows another (--previous)", () => {
  const { orders, catalog } = complementShop(1);
  const first = build(orders, catalog);
  const more = withOnePercentMore(orders);

  it("keeps the previous blend and catalogue ranker on 1% more orders, and with them the order of most lists", () => {
    const previous = onDisk(first);
    expect(previous.problems).toEqual([]);
    expect(rankerOf(first).adopted, rankerOf(first).decision).toBe(true);
    const second = build(more, catalog, previous);
    expect(blendTuning(second).previous).toMatchObject({ kept: true });
    expect(blendOf(second)).toEqual(blendOf(first));
    expect(rankerOf(second).previous).toMatchObject({ kept: true });
    expect(rankerOf(second).weights).toEqual(rankerOf(first).weights);
    expect(rankerOf(second).policy).toEqual(rankerOf(first).policy);
    expect(second.manifest.parameters.previous).toEqual({ build: "first" });

    const before = crossSellLists(first);
    const after = crossSellLists(second);
    const sameTop = (lists: Map<string, string[]>) => [...lists].filter(([id, list]) => before.get(id)?.slice(0, 10).join() === list.slice(0, 10).join()).length / lists.size;
    const followed = sameTop(after);
    const afresh = sameTop(crossSellLists(build(more, catalog)));
    expect(followed).toBeGreaterThanOrEqual(afresh);
    expect(followed).toBeGreaterThan(0.5);
  });

  it("replaces previous weights the new data beats by more than noise", () => {
    const weak = onDisk(first);
    // Pair rules alone and a ranker that buries the complement category: far worse on these orders.
    weak.crossSell = { ...weak.crossSell!, ease: 0, walk: 0, association: 0, rules: 1, sequential: 0, intercept: false, prior: 0, threshold: 0 };
    weak.ranker = { ...weak.ranker!, weights: { ...weak.ranker!.weights, attach: -10, lift: -10, category_rank: -10 } };
    const second = build(more, catalog, weak);
    const blend = blendTuning(second).previous as { kept: boolean; hr: number; margin: number };
    expect(blend.kept).toBe(false);
    expect(blend.hr).toBeLessThan(blendTuning(second).hr - blend.margin);
    expect(blendOf(second).ease).toBe(1);
    expect(rankerOf(second).previous).toMatchObject({ kept: false });
    expect(rankerOf(second).weights.attach).toBeGreaterThanOrEqual(0);
  });

  it("tunes afresh, saying why, where the previous blend cannot be served from this build's sources", () => {
    const previous = onDisk(first);
    previous.crossSell = { ...previous.crossSell!, sequential: 1 };
    const second = build(more, catalog, previous);
    expect(blendTuning(second).previous).toEqual({ kept: false, unusable: "it weighs sequential rules, which these orders lack" });
  });
});

describe("readPreviousParameters", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "edgerec-previous-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const folder = (name: string, manifest: unknown) => {
    const at = path.join(dir, name);
    mkdirSync(at, { recursive: true });
    writeFileSync(path.join(at, "manifest.json"), typeof manifest === "string" ? manifest : JSON.stringify(manifest));
    return at;
  };
  const blend = { lambda: 316.2, intercept: false, prior: 0, ease: 1, walk: 0.01, walkBeta: -0.5, association: 10, rules: 0, sequential: 0, threshold: null };

  it("reads the blend (tau written as null is Infinity) and an adopted ranker, a missing feature weighing 0", () => {
    const at = folder("good", { build_id: "b1", parts: {}, parameters: { cross_sell: blend, catalog_ranker: { adopted: true, weights: { attach: 1 }, policy: { valueWeighting: true, repeatBound: 0.05, perCategory: 2, essentialAttach: 0 } } } });
    const read = readPreviousParameters(at);
    expect(read.build).toBe("b1");
    expect(read.problems).toEqual([]);
    expect(read.crossSell).toEqual({ ...blend, threshold: Number.POSITIVE_INFINITY });
    expect(read.ranker?.weights.attach).toBe(1);
    expect(read.ranker?.weights.lift).toBe(0);
    expect(read.ranker?.policy).toEqual({ valueWeighting: true, repeatBound: 0.05, perCategory: 2, essentialAttach: 0 });
  });

  it("names each part it cannot take over and takes none of it", () => {
    const at = folder("bad", { build_id: "b2", parts: {}, parameters: { cross_sell: { ...blend, walk: "0.1" }, catalog_ranker: { adopted: true, weights: { attach: null }, policy: {} } } });
    const read = readPreviousParameters(at);
    expect(read.crossSell).toBeUndefined();
    expect(read.ranker).toBeUndefined();
    expect(read.problems).toEqual(["cross_sell.walk is not a finite number", "catalog_ranker.weights.attach is not a finite number"]);
    const notAdopted = readPreviousParameters(folder("plain", { build_id: "b3", parts: {}, parameters: { cross_sell: blend, catalog_ranker: { adopted: false, weights: {}, policy: {} } } }));
    expect(notAdopted.ranker).toBeUndefined();
    expect(notAdopted.problems).toEqual([]);
  });

  it("reads a manifest.json on its own as well as a build folder", () => {
    const at = folder("alone", { build_id: "b4", parts: {}, parameters: { cross_sell: blend } });
    const alone = readPreviousParameters(path.join(at, "manifest.json"));
    expect(alone).toEqual(readPreviousParameters(at));
    expect(alone.build).toBe("b4");
    expect(() => readPreviousParameters(path.join(folder("odd", { parameters: {} }), "manifest.json"))).toThrow(/is not a build's manifest \(no build_id\)/);
  });

  it("refuses a folder that is not a build, naming it", () => {
    expect(() => readPreviousParameters(path.join(dir, "missing"))).toThrow(/missing is not an artifacts folder: manifest.json is missing/);
    expect(() => readPreviousParameters(folder("garbled", "{ not json"))).toThrow(/manifest.json is not valid JSON/);
    expect(() => readPreviousParameters(folder("nameless", { parameters: {} }))).toThrow(/names no build id/);
  });
});
