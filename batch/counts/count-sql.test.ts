import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { countingScript } from "./count-sql";
import { COUNT_DEFAULTS } from "./count-tables";

describe("the counting job", () => {
  it("is the SQL docs/counting-job.md gives to distributed engines", () => {
    const doc = readFileSync(path.resolve(import.meta.dirname, "../../docs/counting-job.md"), "utf8");
    const shown = /<!-- counting-script:begin -->\n```sql\n([\s\S]*?)```\n<!-- counting-script:end -->/.exec(doc);
    expect(shown?.[1]).toBe(countingScript(COUNT_DEFAULTS));
  });

  it("takes whole, non-negative settings only", () => {
    expect(() => countingScript({ ...COUNT_DEFAULTS, windowDays: 1.5 })).toThrow(RangeError);
    expect(countingScript({ ...COUNT_DEFAULTS, windowDays: 7 })).toContain("<= 7 * 86400");
  });
});
