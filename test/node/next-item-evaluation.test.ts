import { describe, expect, it, vi } from "vitest";
import { main } from "../../batch/cli/main";
import { evaluateNextItem } from "../../batch/evaluate/next-item";
import { hasSharedData, sharedDataPath } from "./shared-data";

const DIGINETICA = "baskets/diginetica_sample.jsonl";

describe.runIf(hasSharedData(DIGINETICA))("next-item evaluation on diginetica_sample sessions", () => {
  it("draws the split an independent Python draw gives and serves home far above popularity", async () => {
    const runs = await evaluateNextItem({ orders: sharedDataPath(DIGINETICA) }, { seeds: [42], variants: [{ name: "blend", build: { sequenceModel: false } }], baselines: ["popularity", "v-sknn"] });
    const of = (name: string) => runs.find((r) => r.variant === name)!.metrics;
    // random.Random(42) over the sessions whose last item is new: 287 test sessions, 160 of them end on an item
    // no training session holds (the same counts from Python's own generator)
    expect(of("blend")).toMatchObject({ requests: 287, cold: 160 });
    expect(of("v-sknn").requests).toBe(287);
    expect(of("popularity").hr).toBeLessThan(0.03);
    expect(of("blend").hr).toBeGreaterThan(3 * of("popularity").hr);
    expect(of("blend").mrr).toBeGreaterThan(0);
    expect(of("blend").mrr).toBeLessThanOrEqual(of("blend").hr);
  }, 60_000);

  it("edgerec evaluate --task next-item prints a table per variant and seed, and rejects an unknown variant", async () => {
    const out: string[] = [];
    const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      out.push(String(chunk));
      return true;
    });
    const errors = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      expect(await main(["evaluate", "--task", "next-item", "--orders", sharedDataPath(DIGINETICA), "--seeds", "42", "--sources", "item-knn,edge-popular", "--quiet"])).toBe(0);
      expect(await main(["evaluate", "--task", "next-item", "--orders", sharedDataPath(DIGINETICA), "--sources", "nope"])).toBe(2);
    } finally {
      write.mockRestore();
      errors.mockRestore();
    }
    const table = out.join("");
    expect(table).toMatch(/^variant\s+seed\s+HR@10\s+MRR@20\s+coverage/m);
    expect(table).toMatch(/^item-knn\s+42\s+0\.\d{4}/m);
    expect(table).toMatch(/^edge-popular\s+mean\s+0\.\d{4}/m);
  }, 60_000);
});
