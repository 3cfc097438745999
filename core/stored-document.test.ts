import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseStoredDocument } from "./stored-document";

describe("parseStoredDocument", () => {
  const schema = z.object({ version: z.literal(1), out: z.array(z.string()).default([]) });

  it("answers the validated document, defaults applied", () => {
    expect(parseStoredDocument(schema, '{"version":1}')).toEqual({ version: 1, out: [] });
  });

  it("answers null when the document is absent, not JSON or not valid", () => {
    expect(parseStoredDocument(schema, null)).toBeNull();
    expect(parseStoredDocument(schema, "{version")).toBeNull();
    expect(parseStoredDocument(schema, '{"version":2}')).toBeNull();
  });
});
