import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonPieces, parseJsonBytes } from "./json-pieces";

const value = fc.letrec((tie) => ({
  any: fc.oneof({ depthSize: "small" }, fc.jsonValue(), tie("array"), tie("object"), fc.constant(undefined), fc.constant(Number.NaN), fc.constant('a "quoted", {bracketed} [text]\\')),
  array: fc.array(tie("any"), { maxLength: 5 }),
  object: fc.dictionary(fc.string({ maxLength: 4 }), tie("any"), { maxKeys: 5 }),
})).any;

describe("JSON in pieces", () => {
  it("written: the pieces join to JSON.stringify's text at any depth, undefined members and array holes included", () => {
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 4 }), (v, depth) => {
        if (v === undefined) return;
        expect([...jsonPieces(v, depth)].join("")).toBe(JSON.stringify(v));
      }),
      { numRuns: 500, seed: 5 },
    );
    const odd = { a: Uint32Array.of(1, 2), b: [1, undefined, () => 1], c: undefined, "2": "x" };
    expect([...jsonPieces(odd, 3)].join("")).toBe(JSON.stringify(odd));
  });

  it("read: what JSON.parse gives, from bytes, spaces and line breaks between members included", () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 4 }), fc.boolean(), (v, depth, pretty) => {
        if (v === undefined) return;
        const text = pretty ? JSON.stringify(v, null, 2) : JSON.stringify(v);
        expect(parseJsonBytes(encoder.encode(text), depth)).toEqual(JSON.parse(text));
      }),
      { numRuns: 500, seed: 6 },
    );
  });

  it("read: refuses what JSON.parse refuses", () => {
    const encoder = new TextEncoder();
    for (const bad of ['{"a":1,}', "[1,]", '{"a" 1}', '{"a":[1,2}', '["unterminated]', "{1:2}", "[1 2]", ""]) {
      expect(() => JSON.parse(bad)).toThrow(SyntaxError);
      expect(() => parseJsonBytes(encoder.encode(bad), 3), bad).toThrow(SyntaxError);
    }
  });
});
