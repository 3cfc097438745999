import { describe, expect, it } from "vitest";
import { csv } from "./report-format";
import { inlineParameters } from "./sql-clients";

describe("remote SQL parameters", () => {
  it("writes numbered parameters as SQL literals, two-digit numbers included", () => {
    const params = ["O'Brien", 2, null, 4, 5, 6, 7, 8, 9, "ten"];
    expect(inlineParameters("SELECT ?1, ?2, ?3, ?10 FROM t WHERE a = ?1", params)).toBe("SELECT 'O''Brien', 2, NULL, 'ten' FROM t WHERE a = 'O''Brien'");
    expect(() => inlineParameters("SELECT ?3", [1])).toThrow("?3");
  });
});

describe("CSV", () => {
  it("quotes commas, quotes and newlines, leaves missing and non-finite values empty, joins arrays", () => {
    const text = csv([{ a: 'say "hi", then', b: Number.NaN, c: ["x", "y"] }, { a: "line\nbreak", b: 1.5 }], ["a", "b", "c"]);
    expect(text).toBe('a,b,c\n"say ""hi"", then",,x + y\n"line\nbreak",1.5,\n');
  });
});
