import { describe, expect, it } from "vitest";
import { TIMESTAMP_PROBLEM, timestampSchema, unixSeconds } from "./timestamp";

describe("unixSeconds", () => {
  it("reads ISO-8601 text and unix seconds as whole seconds, rounded down", () => {
    expect(unixSeconds("2026-05-01T10:00:00Z")).toBe(Date.parse("2026-05-01T10:00:00Z") / 1000);
    expect(unixSeconds("2026-05-01T10:00:00.999Z")).toBe(Date.parse("2026-05-01T10:00:00Z") / 1000);
    expect(unixSeconds("2016-05-09")).toBe(Date.parse("2016-05-09") / 1000);
    expect(unixSeconds(1_780_000_000.7)).toBe(1_780_000_000);
  });

  it("takes 1970 up to 2100, so old orders are read and milliseconds are refused", () => {
    expect(unixSeconds("1998-12-04T00:00:00Z")).toBe(912_729_600);
    expect(unixSeconds(0)).toBe(0);
    expect(unixSeconds(4_102_444_800)).toBe(4_102_444_800);
    expect(unixSeconds(1_780_000_000_000)).toBeUndefined();
    expect(unixSeconds(-1)).toBeUndefined();
    expect(unixSeconds("1969-12-31T23:59:59Z")).toBeUndefined();
  });

  it("refuses what is no timestamp", () => {
    for (const value of ["yesterday", "", null, undefined, true, {}, [], Number.NaN, Number.POSITIVE_INFINITY]) expect(unixSeconds(value)).toBeUndefined();
  });
});

describe("timestampSchema", () => {
  it("parses to unix seconds or names the rule", () => {
    expect(timestampSchema.parse("2026-05-01T10:00:00.5Z")).toBe(Date.parse("2026-05-01T10:00:00Z") / 1000);
    const refused = timestampSchema.safeParse(1_780_000_000_000);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0].message).toBe(TIMESTAMP_PROBLEM);
    expect(timestampSchema.safeParse(true).success).toBe(false);
  });
});
