import { beforeAll, describe, expect, it } from "vitest";
import { Rng } from "../../core/random/rng";
import { itemLogit, type SequenceModel, sessionState } from "../../core/sequence/gru-model";
import { gruLogits, type GruTrainingData, type TrainedGru, trainGru } from "./gru-training";
import { quantise } from "./sequence-model-build";
import { prepareTrainingBackend } from "./training-backend";

const ITEMS = 30;

/** Sessions that walk a ring of 30 items, mostly one step forward, sometimes seven: an order a model can learn. */
function ringSessions(count: number, seed: number): Int32Array[] {
  const rng = new Rng(seed, "ring");
  return Array.from({ length: count }, () => {
    const session = [rng.int(ITEMS)];
    const length = rng.between(3, 8);
    while (session.length < length) session.push((session[session.length - 1] + (rng.chance(0.8) ? 1 : 7)) % ITEMS);
    return Int32Array.from(session);
  });
}

const data: GruTrainingData = {
  vocabSize: ITEMS,
  sessions: ringSessions(300, 1),
  validation: ringSessions(40, 2).map((s) => ({ prefix: s.subarray(0, s.length - 1), target: s[s.length - 1] })),
};
const OPTIONS = { dim: 8, maxEpochs: 4, batchSize: 32, negatives: 16, learningRate: 0.02, seed: 5 };

describe("GRU training with TensorFlow.js", () => {
  let trained: TrainedGru;
  beforeAll(async () => {
    await prepareTrainingBackend();
    trained = trainGru(data, OPTIONS);
  });

  it("repeats bit for bit under a seed, and another seed gives another model", () => {
    const again = trainGru(data, OPTIONS);
    expect(again.embeddings).toEqual(trained.embeddings);
    expect(again.recurrentWeights).toEqual(trained.recurrentWeights);
    expect(again.history).toEqual(trained.history);
    expect(trainGru(data, { ...OPTIONS, seed: 6 }).embeddings).not.toEqual(trained.embeddings);
  });

  it("stops mid-epoch when the time budget is spent, and still returns validated weights", () => {
    const cut = trainGru(data, { ...OPTIONS, maxSeconds: 0 });
    expect(cut.stoppedBy).toBe("time_budget");
    expect(cut.epochs).toBe(1);
    expect(cut.batches).toBe(1);
    expect(cut.history).toHaveLength(1);
    expect(trained.batches).toBe(trained.epochs * Math.ceil(data.sessions.length / OPTIONS.batchSize));
  });

  it("learns the ring: the next item ranks first far more often than chance", () => {
    const prefixes = data.validation.map((v) => v.prefix);
    const logits = gruLogits(trained, prefixes);
    let top = 0;
    data.validation.forEach(({ target }, r) => {
      const row = logits.subarray(r * ITEMS, (r + 1) * ITEMS);
      if (row.indexOf(Math.max(...row)) === target) top++;
    });
    expect(top / data.validation.length).toBeGreaterThan(0.4);
    expect(trained.bestEpoch).toBeLessThan(trained.epochs);
    expect(trained.history).toHaveLength(trained.epochs);
  });

  it("is what the edge's forward pass computes from the int8 blobs, within quantisation error", () => {
    const { quantised, scale } = quantise(trained.embeddings);
    const d = trained.dim;
    const model: SequenceModel = { dim: d, scale, maxSteps: trained.maxSteps, blendWeight: 1, inputWeights: trained.inputWeights, recurrentWeights: trained.recurrentWeights, bias: trained.bias };
    const prefixes = data.validation.map((v) => v.prefix);
    const reference = gruLogits(trained, prefixes);
    let spread = 0;
    for (const v of reference) spread = Math.max(spread, Math.abs(v));
    prefixes.forEach((prefix, r) => {
      const state = sessionState(model, Array.from(prefix, (item) => quantised.subarray(item * d, (item + 1) * d)));
      for (let j = 0; j < ITEMS; j++) expect(Math.abs(itemLogit(model, state, quantised, j * d) - reference[r * ITEMS + j])).toBeLessThan(0.01 * spread);
    });
  });
});
