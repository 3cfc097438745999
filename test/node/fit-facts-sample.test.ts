import { describe, expect, it } from "vitest";
import { fitFactsOf } from "../../core/catalog/fit-facts/extract-fit-facts";
import { compare, FACT_TYPES, factStrings, joinRecords, labelStrings, missingSources, precision, readLabels, recall, type ScoredType, type Tally, total } from "../fixtures/fit-facts/sample";
import { sharedDataPath } from "./shared-data";

const labels = readLabels();
const missing = missingSources(labels);
if (missing.length > 0) console.warn(`SKIPPED: ${missing.map((m) => sharedDataPath(`catalog/${m}`)).join(", ")} absent (../shared/data is only on CI and team machines)`);

const FIT_TYPES = FACT_TYPES.filter((t) => t !== "role" && t !== "kind");

describe("the labelled sample of real products", () => {
  it("holds at least 200 hand-labelled records with a held-out part, ids and labels only", () => {
    expect(labels.length).toBeGreaterThanOrEqual(200);
    expect(new Set(labels.map((l) => `${l.source}:${l.id}`)).size).toBe(labels.length);
    const heldOut = labels.filter((l) => l.split === "heldout").length;
    expect(heldOut).toBeGreaterThanOrEqual(60);
    for (const l of labels) {
      expect(Object.keys(l).sort()).toEqual(["facts", "id", "role", "source", "split", ...(l.kind === undefined ? [] : ["kind"])].sort());
      for (const fact of l.facts) expect(FACT_TYPES as readonly string[]).toContain(fact.slice(0, fact.indexOf(":")));
      if (l.role === "other") expect(l.facts).toEqual([]);
    }
  });

  describe.skipIf(missing.length > 0)("extracted fit facts against the labels", () => {
    const records = missing.length > 0 ? [] : joinRecords(labels);
    const score = (split?: string) => {
      const tallies = new Map<ScoredType, Tally>();
      for (const { label, product } of records) if (split === undefined || label.split === split) compare(factStrings(fitFactsOf(product)), labelStrings(label), tallies);
      return tallies;
    };

    it("reach precision >= 0.9 and recall >= 0.8 on all labels and on the held-out part", () => {
      for (const split of [undefined, "heldout"]) {
        const fit = total(score(split), FIT_TYPES);
        expect(precision(fit), `precision ${split ?? "all"}`).toBeGreaterThanOrEqual(0.9);
        expect(recall(fit), `recall ${split ?? "all"}`).toBeGreaterThanOrEqual(0.8);
      }
    });

    it("tell devices from accessories and other products", () => {
      const roles = score().get("role")!;
      expect(precision(roles)).toBeGreaterThanOrEqual(0.95);
    });
  });
});
