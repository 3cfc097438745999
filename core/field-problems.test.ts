import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldProblems } from "./field-problems";

const problems = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : fieldProblems(parsed.error).map((p) => p.field);
};

describe("fieldProblems", () => {
  it("names fields the way the contracts print them", () => {
    expect(problems(z.object({ cart: z.array(z.string()) }), { cart: ["a", "b", 3] })).toEqual(["cart[2]"]);
    expect(problems(z.object({ events: z.array(z.object({ item_id: z.string() })) }), { events: [{ item_id: "a" }, {}] })).toEqual(["events[1].item_id"]);
    expect(problems(z.object({ a: z.string() }), "text")).toEqual(["(body)"]);
  });

  it("names the field of the one union option an object fits, and the union itself otherwise", () => {
    const item = z.array(z.union([z.object({ id: z.string(), qty: z.int().min(1).optional() }), z.string().min(1)]));
    expect(problems(item, [{ id: "a", qty: 1.5 }])).toEqual(["[0].qty"]);
    expect(problems(item, [""])).toEqual(["[0]"]);
    expect(problems(item, [true])).toEqual(["[0]"]);
    expect(problems(z.union([z.array(z.string()), z.string()]), [1, 2])).toEqual(["(body)"]);
  });
});
