import { describe, expect, it } from "vitest";
import { fieldProblems } from "../field-problems";
import { EVENT_TYPES, eventLineSchema, eventSchema } from "./event-schema";

const event = { event_id: "e", session_id: "s", ts: 1_780_000_000 };
const fieldOf = (schema: typeof eventSchema | typeof eventLineSchema, value: unknown) => {
  const parsed = schema.safeParse(value);
  return parsed.success ? "accepted" : fieldProblems(parsed.error)[0].field;
};

describe("eventLineSchema", () => {
  it("is the event contract of POST /v1/events: every event it refuses, a file line refuses, naming the same field", () => {
    const refused = [
      { ...event, type: "hover" },
      { ...event, type: "click", item_id: "a" },
      { ...event, type: "view" },
      { ...event, type: "view", item_id: "a", dwell_ms: -1 },
      { ...event, type: "view", item_id: "a", ts: "last tuesday" },
      { ...event, type: "view", item_id: "a", ts: 1_780_000_000_000 },
      { ...event, type: "search" },
      { ...event, type: "impression", items: ["a"] },
      { ...event, type: "purchase", lines: [] },
      { ...event, type: "purchase", lines: [{ id: "a", price: -1 }] },
      { type: "view", session_id: "s", ts: 1_780_000_000, item_id: "a" },
    ];
    for (const value of refused) {
      const field = fieldOf(eventSchema, value);
      expect(field, JSON.stringify(value)).not.toBe("accepted");
      expect(fieldOf(eventLineSchema, value), JSON.stringify(value)).toBe(field);
    }
  });

  it("takes a purchase without its lines (the orders file has them), which the HTTP route refuses", () => {
    const purchase = { ...event, type: "purchase", order_id: "o", order_value: 10 };
    expect(fieldOf(eventSchema, purchase)).toBe("lines");
    expect(eventLineSchema.parse(purchase)).toEqual(purchase);
  });

  it("knows every event type, under both contracts", () => {
    const types = (schema: typeof eventSchema | typeof eventLineSchema) => schema.options.map((option) => option.shape.type.value).sort();
    expect(types(eventSchema)).toEqual([...EVENT_TYPES].sort());
    expect(types(eventLineSchema)).toEqual([...EVENT_TYPES].sort());
  });
});
