import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { decodeItemBlob } from "../../core/blob/item-blob";
import { decodeMetaBlob } from "../../core/blob/meta-blob";
import { Rng } from "../../core/random/rng";
import { type Artifacts, writeArtifacts } from "../build/artifacts";
import { buildFromFiles } from "../build/build";
import { ArtifactStore } from "../recommend/artifact-store";
import { readPreviousSequenceModel } from "./previous-sequence-model";
import type { SequenceModelReport } from "./sequence-model-build";

const ROOT = path.resolve(import.meta.dirname, "../..");
const TRAINING = { dim: 8, maxEpochs: 3, batchSize: 64, negatives: 32, learningRate: 0.02 };

/** 400 sessions walking a ring of 40 items (mostly one step, sometimes five), as order lines with a `sequence`. */
function ringOrders(dir: string, sessions = 400, name = "orders.jsonl"): string {
  const rng = new Rng(3, "ring-orders");
  const lines = Array.from({ length: sessions }, (_, s) => {
    const sequence = [rng.int(40)];
    const length = rng.between(3, 7);
    while (sequence.length < length) sequence.push((sequence[sequence.length - 1] + (rng.chance(0.8) ? 1 : 5)) % 40);
    const ids = sequence.map((i) => `r${i}`);
    return JSON.stringify({ order_id: `o${s}`, items: [...new Set(ids)], sequence: ids });
  });
  const file = path.join(dir, name);
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

const report = (artifacts: Artifacts) => artifacts.manifest.parameters.sequence_model as SequenceModelReport;

describe("the sequence model in edgerec build", () => {
  let dir: string;
  let orders: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "edgerec-sequence-"));
    orders = ringOrders(dir);
  });

  it("is skipped, and the build still serves, when the input has no sessions", async () => {
    const plain = path.join(dir, "plain.jsonl");
    writeFileSync(plain, '{"order_id":"1","items":["phone","case"]}\n{"order_id":"2","items":["phone","case","charger"]}\n');
    const artifacts = await buildFromFiles({ orders: plain }, { buildId: "plain", now: new Date(0) });
    expect(report(artifacts)).toMatchObject({ status: "skipped", blend_weight: 0, reason: expect.stringContaining("no sessions") });
    expect(decodeMetaBlob(artifacts.meta).sequenceModel).toBeUndefined();
    expect(new ArtifactStore(artifacts).recommend({ placement: "checkout", cart: ["phone"] }, "r").slots[0].items.map((i) => i.id)).toContain("case");
  });

  it("says so on the command line", () => {
    const plain = path.join(dir, "plain-cli.jsonl");
    writeFileSync(plain, '{"order_id":"1","items":["a","b"]}\n');
    const run = spawnSync(path.join(ROOT, "bin/edgerec.mjs"), ["build", "--orders", plain, "--out", path.join(dir, "plain-out"), "--quiet"], { cwd: ROOT, encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain("sequence model: skipped (no sessions");
  });

  it("ships the model with a set weight: weights in the meta blob, embeddings with every next_item list", async () => {
    const artifacts = await buildFromFiles({ orders }, { buildId: "ring", now: new Date(0), sequenceModel: { blendWeight: 0.5, training: TRAINING } });
    const r = report(artifacts);
    expect(r).toMatchObject({ status: "kept", blend_weight: 0.5 });
    expect(r.training).toMatchObject({ dim: 8, vocabulary: 40, backend: "wasm" });
    expect(r.training!.epochs).toBeLessThanOrEqual(3);
    expect(r.training!.peak_rss_bytes).toBeGreaterThan(0);
    expect(r.embedding_bytes).toBeGreaterThan(0);
    const meta = decodeMetaBlob(artifacts.meta);
    expect(meta.sequenceModel).toMatchObject({ dim: 8, blendWeight: 0.5, maxSteps: 12 });
    const own = new Map<number, Int8Array>();
    const lists = meta.items.map((_, i) => decodeItemBlob(artifacts.itemBlobs[i]!).next_item!);
    lists.forEach((list, i) => own.set(i, list.embeddings!.anchor));
    for (const list of lists) {
      list.items.forEach((item, p) => expect([...list.embeddings!.candidates.subarray(p * 8, (p + 1) * 8)]).toEqual([...own.get(item)!]));
    }
    const answer = new ArtifactStore(artifacts).recommend({ placement: "home", viewed: [{ id: "r3" }, { id: "r4" }], k: 5 }, "r");
    expect(answer.slots[0].items).toHaveLength(5);
  });

  it("learns at most maxVocabulary items, the most viewed: the others carry no embedding and still serve", async () => {
    const artifacts = await buildFromFiles({ orders }, { buildId: "ring-cap", now: new Date(0), sequenceModel: { blendWeight: 0.5, maxVocabulary: 10, training: TRAINING } });
    const r = report(artifacts);
    expect(r.training).toMatchObject({ vocabulary: 10, budget: { vocabulary: 10 } });
    const meta = decodeMetaBlob(artifacts.meta);
    const withEmbedding = meta.items.filter((_, i) => decodeItemBlob(artifacts.itemBlobs[i]!).next_item?.embeddings !== undefined);
    expect(withEmbedding).toHaveLength(10);
    const answer = new ArtifactStore(artifacts).recommend({ placement: "home", viewed: [{ id: "r3" }, { id: "r4" }], k: 5 }, "r");
    expect(answer.slots[0].items).toHaveLength(5);
  });

  it("fits the weight on the validation sessions and ships nothing when it is 0", async () => {
    const artifacts = await buildFromFiles({ orders }, { buildId: "ring-fit", now: new Date(0), sequenceModel: { training: TRAINING } });
    const r = report(artifacts);
    expect(r.validation!.by_weight.map((w) => w.weight)).toEqual([0, 0.1, 0.2, 0.3, 0.5, 0.7, 1]);
    expect(r.status).toBe(r.validation!.gain_z >= 2 ? "kept" : "dropped");
    expect(r.blend_weight > 0).toBe(r.status === "kept");
    expect(decodeMetaBlob(artifacts.meta).sequenceModel !== undefined).toBe(r.status === "kept");
  });

  it("keeps the previous build's model and embeddings while they still gain, and says why it trains afresh", async () => {
    // Enough sessions that a model of the ring gains over the lists alone.
    const many = ringOrders(dir, 3000, "many.jsonl");
    const first = await buildFromFiles({ orders: many }, { buildId: "ring-first", now: new Date(0), sequenceModel: { training: TRAINING } });
    expect(report(first).status).toBe("kept");
    const folder = path.join(dir, "ring-first");
    await writeArtifacts(folder, first);
    const previous = readPreviousSequenceModel(folder)!;
    expect(previous.embeddings.size).toBe(40);
    // The same sessions again: the new model is no better, the previous one ships, embeddings and all.
    const again = await buildFromFiles({ orders: many }, { buildId: "ring-again", now: new Date(0), sequenceModel: { training: TRAINING }, previous: { build: "ring-first", problems: [], sequenceModel: previous } });
    const r = report(again);
    expect(r).toMatchObject({ status: "kept", reason: expect.stringContaining("the previous build's model"), previous: { kept: true } });
    const meta = decodeMetaBlob(again.meta);
    expect(meta.sequenceModel!.inputWeights).toEqual(previous.model.inputWeights);
    meta.items.forEach((id, i) => expect([...decodeItemBlob(again.itemBlobs[i]!).next_item!.embeddings!.anchor]).toEqual([...previous.embeddings.get(id)!]));
    // A previous model that gains nothing here (embeddings of noise) is replaced.
    const noise = new Map([...previous.embeddings].map(([id, e], k) => [id, Int8Array.from(e, (_, j) => ((k * 31 + j * 17) % 255) - 127)]));
    const replaced = await buildFromFiles({ orders: many }, { buildId: "ring-noise", now: new Date(0), sequenceModel: { training: TRAINING }, previous: { build: "ring-first", problems: [], sequenceModel: { ...previous, embeddings: noise } } });
    expect(report(replaced).previous).toMatchObject({ kept: false });
    expect(report(replaced).reason).not.toContain("the previous build's model");
  });

  it("is skipped when turned off, or when training would overrun the memory budget", async () => {
    const off = await buildFromFiles({ orders }, { buildId: "off", now: new Date(0), sequenceModel: false });
    expect(report(off)).toMatchObject({ status: "skipped", reason: "turned off" });
    const small = await buildFromFiles({ orders }, { buildId: "small", now: new Date(0), sequenceModel: { maxMemoryBytes: 1000, training: TRAINING } });
    expect(report(small)).toMatchObject({ status: "skipped", reason: expect.stringContaining("over the memory budget of 1000") });
  });
});
