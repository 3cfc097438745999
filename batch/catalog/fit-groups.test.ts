import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileCompatIndex, provenConflict } from "../../core/catalog/compat-index";
import type { CatalogItem } from "../../core/catalog/attributes";
import { firstPassing, fitSignatures, groupedPool, SignatureVerdicts } from "./fit-groups";

describe("fit groups", () => {
  it("read a pool as reading it in order until `take` items pass would", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }).chain((n) =>
          fc.record({
            signature: fc.array(fc.nat({ max: 6 }), { minLength: n, maxLength: n }),
            groupPasses: fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
            itemPasses: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
            order: fc.shuffledSubarray(
              Array.from({ length: n }, (_, i) => i),
              { minLength: 0, maxLength: n },
            ),
            take: fc.integer({ min: 0, max: 8 }),
            anchor: fc.nat({ max: n - 1 }),
          }),
        ),
        ({ signature, groupPasses, itemPasses, order, take, anchor }) => {
          const signatures = { of: Int32Array.from(signature), count: 7 };
          const group = (sample: number) => {
            expect(sample).not.toBe(anchor);
            return groupPasses[signature[sample]];
          };
          const item = (j: number) => j !== anchor && itemPasses[j];
          const expected: number[] = [];
          for (const j of order) if (expected.length < take && item(j) && groupPasses[signature[j]]) expected.push(j);
          expect(firstPassing(groupedPool(order, signatures), take, anchor, group, item)).toEqual(expected);
        },
      ),
      { numRuns: 500, seed: 21 },
    );
  });

  it("give equal fit entries one signature, and decide a signature once per anchor", () => {
    const phone = (model: string): CatalogItem => ({ brand: "Acme", attrs: { kind: "smartphone", device_model: model, connector: "usb-c" } });
    const caseFor = (model: string): CatalogItem => ({ brand: "Acme", attrs: { kind: "phone-case", fits_models: [model] } });
    const items = [phone("acme-a"), phone("acme-b"), caseFor("acme-a"), caseFor("acme-a"), caseFor("acme-b"), { brand: "Acme", attrs: { kind: "speaker" } }];
    const compat = compileCompatIndex(items);
    const signatures = fitSignatures(compat, items.length);
    expect(signatures.of[2]).toBe(signatures.of[3]);
    expect(new Set(signatures.of).size).toBe(5);
    let asked = 0;
    const verdicts = new SignatureVerdicts(signatures, (a, j) => {
      asked++;
      return !provenConflict(compat, a, j);
    });
    verdicts.reset();
    expect([2, 3, 4].map((j) => verdicts.of(0, j))).toEqual([2, 3, 4].map((j) => !provenConflict(compat, 0, j)));
    expect(verdicts.of(0, 4)).toBe(false);
    expect(asked).toBe(2);
    verdicts.reset();
    expect(verdicts.of(1, 4)).toBe(true);
    expect(asked).toBe(3);
  });
});
