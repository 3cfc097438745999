import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonPieces } from "./artifacts";

describe("jsonPieces", () => {
  it("joins to JSON.stringify's text at any depth, undefined members and array holes included", () => {
    const value = fc.letrec((tie) => ({
      any: fc.oneof({ depthSize: "small" }, fc.jsonValue(), tie("array"), tie("object"), fc.constant(undefined), fc.constant(Number.NaN)),
      array: fc.array(tie("any"), { maxLength: 5 }),
      object: fc.dictionary(fc.string({ maxLength: 4 }), tie("any"), { maxKeys: 5 }),
    })).any;
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 4 }), (v, depth) => {
        if (v === undefined) return;
        expect([...jsonPieces(v, depth)].join("")).toBe(JSON.stringify(v));
      }),
      { numRuns: 500, seed: 5 },
    );
    expect([...jsonPieces({ a: Uint32Array.of(1, 2), b: [1, undefined, () => 1], c: undefined, "2": "x" }, 3)].join("")).toBe(
      JSON.stringify({ a: Uint32Array.of(1, 2), b: [1, undefined, () => 1], c: undefined, "2": "x" }),
    );
  });
});
