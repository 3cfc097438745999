import { describe, expect, it } from "vitest";
import golden from "../../test/fixtures/sequence-golden.json";
import { SEQUENCE_SESSIONS, sequenceBuild, sequenceNumbers, sequenceServingData } from "../../test/fixtures/sequence-build";
import { recommend } from "../recommend/recommend";
import { itemLogit, type SequenceModel, sessionState } from "./gru-model";
import { blendWithSequence } from "./sequence-blend";

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** d = 1: W = [w_z, w_r, w_h], U = [u_z, u_r, u_h], b = [b_z, b_r, b_h]. */
const ONE: SequenceModel = {
  dim: 1,
  scale: 0.5,
  maxSteps: 2,
  blendWeight: 0.5,
  inputWeights: Float32Array.of(0.5, -1, 2),
  recurrentWeights: Float32Array.of(1, 0.25, -0.5),
  bias: Float32Array.of(0.125, 0, -0.25),
};

/** The GRU step written out from the formula, independently of the implementation. */
function step(h: number, x: number): number {
  const [wz, wr, wh] = ONE.inputWeights;
  const [uz, ur, uh] = ONE.recurrentWeights;
  const [bz, br, bh] = ONE.bias;
  const z = sigmoid(x * wz + h * uz + bz);
  const r = sigmoid(x * wr + h * ur + br);
  const candidate = Math.tanh(x * wh + r * h * uh + bh);
  return (1 - z) * h + z * candidate;
}

describe("the GRU forward pass", () => {
  it("follows the formula, from h = 0, reading int8 embeddings times the scale", () => {
    const h = sessionState(ONE, [Int8Array.of(2), Int8Array.of(-3)]);
    expect(h[0]).toBeCloseTo(step(step(0, 1), -1.5), 14);
    expect(itemLogit(ONE, h, Int8Array.of(7, 4), 1)).toBeCloseTo(h[0] * 4 * 0.5, 14);
  });

  it("reads only the last maxSteps items", () => {
    const last = [Int8Array.of(2), Int8Array.of(-3)];
    expect(sessionState(ONE, [Int8Array.of(100), ...last])).toEqual(sessionState(ONE, last));
  });
});

describe("the sequence blend of the next-item pool", () => {
  const lists = [{ items: Uint32Array.of(10, 11, 12), scores: Float32Array.of(3, 2, 1), reasons: new Uint32Array(3), embeddings: { anchor: Int8Array.of(1), candidates: Int8Array.of(-4, 0, 6) } }];
  const pool = [
    { item: 10, score: 3, reason: 0, anchor: 0 },
    { item: 11, score: 2, reason: 0, anchor: 0 },
    { item: 12, score: 1, reason: 0, anchor: 0 },
    { item: 13, score: 0.5, reason: 0, anchor: -1 },
  ];

  it("scores (1 - w) s / max s + w exp(z - max z), a candidate without an embedding by its list score alone", () => {
    const session = [Int8Array.of(5)];
    const h = sessionState(ONE, session);
    const z = [-4, 0, 6].map((q) => h[0] * q * ONE.scale);
    const maxZ = Math.max(...z);
    const expected = new Map([
      [10, 0.5 * (3 / 3) + 0.5 * Math.exp(z[0] - maxZ)],
      [11, 0.5 * (2 / 3) + 0.5 * Math.exp(z[1] - maxZ)],
      [12, 0.5 * (1 / 3) + 0.5 * Math.exp(z[2] - maxZ)],
      [13, 0.5 * (0.5 / 3)],
    ]);
    const blended = blendWithSequence(ONE, session, pool, lists);
    expect(blended.map((c) => c.item)).toEqual([...expected].sort((a, b) => b[1] - a[1]).map(([item]) => item));
    for (const c of blended) expect(c.score).toBeCloseTo(expected.get(c.item)!, 14);
  });

  it("leaves the pool as merged at weight 0 or without an embedded session item", () => {
    expect(blendWithSequence({ ...ONE, blendWeight: 0 }, [Int8Array.of(5)], pool, lists)).toEqual(pool);
    expect(blendWithSequence(ONE, [], pool, lists)).toEqual(pool);
  });
});

describe("the sequence build fixture served offline", () => {
  it("computes the golden numbers bit for bit (the workerd suite checks the same file)", () => {
    SEQUENCE_SESSIONS.forEach((viewed, s) => {
      expect(sequenceNumbers(sequenceServingData(viewed), viewed)).toEqual({ state: golden[s].state, blended: golden[s].blended });
    });
  });

  it("answers home with the blended order, which differs from the lists' own order", () => {
    const viewed = SEQUENCE_SESSIONS[0];
    const request = { placement: "home" as const, viewed: viewed.map((id) => ({ id })), k: 10 };
    const blended = recommend(request, sequenceServingData(viewed), { recId: "golden" });
    expect(blended.slots).toEqual(golden[0].slots);
    const listsOnly = recommend(request, sequenceServingData(viewed, sequenceBuild("sequence-0", 0)), { recId: "golden" });
    expect(listsOnly.slots[0].items.map((i) => i.id)).not.toEqual(blended.slots[0].items.map((i) => i.id));
  });
});
