import { describe, expect, it } from "vitest";
import { sampleRatioMismatch } from "../stats/srm";
import { assignRequest, assignVariant, bucketOf, unitOf, variantAt, variantLabel } from "./assign";
import { controlVariant, type ExperimentsDocument, parseExperimentsDocument, publishedExperimentSchema, type PublishedExperiment } from "./experiment-config";
import { murmur3 } from "./murmur3";

const experiment = (overrides: Partial<PublishedExperiment> = {}): PublishedExperiment => ({
  id: "exp",
  salt: "salt-1",
  unit: "session",
  placement: null,
  starts_at: null,
  ends_at: null,
  variants: [
    { name: "control", weight: 50, config: {} },
    { name: "treatment", weight: 30, config: { slot_size: 4 } },
    { name: "holdout", weight: 20, config: { holdout: true } },
  ],
  ...overrides,
});

describe("murmur3", () => {
  it("matches the reference implementation's published vectors", () => {
    expect(murmur3("", 0)).toBe(0);
    expect(murmur3("", 1)).toBe(0x514e28b7);
    expect(murmur3("hello", 0)).toBe(0x248bfa47);
    expect(murmur3("Hello, world!", 1234)).toBe(0xfaf6cdb3);
    expect(murmur3("The quick brown fox jumps over the lazy dog", 0)).toBe(0x2e4ff723);
  });
});

describe("assignment", () => {
  it("is deterministic: the same unit and salt always get the same variant", () => {
    const e = experiment();
    for (let i = 0; i < 500; i++) {
      const unit = `s:session-${i}`;
      const first = assignVariant(e, unit).name;
      expect(assignVariant(structuredClone(e), unit).name).toBe(first);
    }
  });

  it("splits 60,000 units in the configured proportions (chi-square against the weights)", () => {
    const e = experiment();
    const counts = new Map<string, number>();
    for (let i = 0; i < 60_000; i++) {
      const name = assignVariant(e, `s:${i}`).name;
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    const observed = e.variants.map((v) => counts.get(v.name) ?? 0);
    expect(sampleRatioMismatch(observed, e.variants.map((v) => v.weight), 0.01).passed).toBe(true);
    expect(observed[0] / 60_000).toBeCloseTo(0.5, 1);
    expect(observed[2] / 60_000).toBeCloseTo(0.2, 1);
  });

  it("a new salt reshuffles units independently of the old assignment", () => {
    const a = experiment({ variants: [{ name: "a", weight: 1, config: {} }, { name: "b", weight: 1, config: {} }] });
    const b = { ...a, salt: "salt-2" };
    const table = [[0, 0], [0, 0]];
    for (let i = 0; i < 20_000; i++) {
      const x = assignVariant(a, `s:${i}`).name === "a" ? 0 : 1;
      const y = assignVariant(b, `s:${i}`).name === "a" ? 0 : 1;
      table[x][y]++;
    }
    for (const row of table) for (const cell of row) expect(cell / 20_000).toBeGreaterThan(0.23);
  });

  it("variantAt walks the cumulative weights", () => {
    expect(variantAt([1, 1], 0)).toBe(0);
    expect(variantAt([1, 1], 0.4999)).toBe(0);
    expect(variantAt([1, 1], 0.5)).toBe(1);
    expect(variantAt([1, 3], 0.26)).toBe(1);
    expect(variantAt([2, 0, 2], 0.5)).toBe(2);
    expect(bucketOf("s", "u")).toBeGreaterThanOrEqual(0);
    expect(bucketOf("s", "u")).toBeLessThan(1);
  });
});

describe("assignRequest", () => {
  const doc = (experiments: PublishedExperiment[]): ExperimentsDocument => ({ published_at: 1, experiments });

  it("uses the user id for user experiments when known, else the session id", () => {
    expect(unitOf({ unit: "user" }, { placement: "cart", user_id: "u1", session_id: "s1" })).toBe("u:u1");
    expect(unitOf({ unit: "user" }, { placement: "cart", session_id: "s1" })).toBe("s:s1");
    expect(unitOf({ unit: "session" }, { placement: "cart", user_id: "u1", session_id: "s1" })).toBe("s:s1");
    expect(unitOf({ unit: "session" }, { placement: "cart", user_id: "u1" })).toBeUndefined();
  });

  it("honours placement and time window, first matching experiment wins", () => {
    const checkout = experiment({ id: "checkout-only", placement: "checkout" });
    const later = experiment({ id: "later", starts_at: 2000 });
    const everywhere = experiment({ id: "everywhere" });
    const document = doc([checkout, later, everywhere]);
    expect(assignRequest(document, { placement: "checkout", session_id: "s" }, 1000)?.experiment).toBe("checkout-only");
    expect(assignRequest(document, { placement: "product", session_id: "s" }, 1000)?.experiment).toBe("everywhere");
    expect(assignRequest(document, { placement: "product", session_id: "s" }, 2500)?.experiment).toBe("later");
    expect(assignRequest(doc([experiment({ ends_at: 900 })]), { placement: "product", session_id: "s" }, 1000)).toBeUndefined();
    expect(assignRequest(document, { placement: "product" }, 1000)).toBeUndefined();
  });

  it("labels a variant as experiment/variant and picks the control", () => {
    const a = assignVariant(experiment(), "s:x");
    expect(variantLabel(a)).toBe(`exp/${a.name}`);
    expect(controlVariant(experiment().variants)).toBe("control");
    expect(controlVariant([{ name: "a" }, { name: "b" }])).toBe("a");
  });
});

describe("experiments document", () => {
  it("reads nothing from a missing or corrupt document instead of failing", () => {
    expect(parseExperimentsDocument(null).experiments).toEqual([]);
    expect(parseExperimentsDocument("{not json").experiments).toEqual([]);
    expect(parseExperimentsDocument(JSON.stringify({ published_at: 1, experiments: [{ id: "x" }] })).experiments).toEqual([]);
    const good = { published_at: 5, experiments: [experiment()] };
    expect(parseExperimentsDocument(JSON.stringify(good))).toEqual(good);
  });

  it("refuses duplicate variant names, a single variant and unknown config keys", () => {
    expect(publishedExperimentSchema.safeParse(experiment({ variants: [{ name: "a", weight: 1, config: {} }, { name: "a", weight: 1, config: {} }] })).success).toBe(false);
    expect(publishedExperimentSchema.safeParse(experiment({ variants: [{ name: "a", weight: 1, config: {} }] })).success).toBe(false);
    const typo = { ...experiment(), variants: [{ name: "a", weight: 1, config: { slot_sise: 3 } }, { name: "b", weight: 1 }] };
    expect(publishedExperimentSchema.safeParse(typo).success).toBe(false);
  });
});
