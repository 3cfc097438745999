/**
 * @module
 * The merchant's inputs to a build, as JSON Lines (also what `wrangler d1 execute --json` rows look like, one per
 * line):
 *
 *   complements  {"anchor_category": str, "complement_category": str, "weight"?: number in [0, 1] (default 0.5;
 *                0 removes a learned pair), "official_first"?: bool}        categories by path or leaf name
 *   rules        a MerchRule per line ({"id", "name", "action", "placement", "match", ...}) or one `cfg/rules`
 *                document; only permanent excludes act at build time (the edge applies every rule at serve time)
 */
import { readFile } from "node:fs/promises";
import { type MerchRule, merchRuleSchema } from "../../core/rules/merch-rule";
import { rulesOverlaySchema } from "../../core/rules/rules-overlay";
import { InputError } from "./input-error";

export interface MerchantComplement {
  anchor: string;
  complement: string;
  weight: number;
  officialFirst: boolean;
}

export async function readMerchantComplements(path: string): Promise<MerchantComplement[]> {
  const out: MerchantComplement[] = [];
  for (const [row, line] of await jsonLines(path)) {
    const r = row as Record<string, unknown>;
    const anchor = r.anchor_category ?? r.anchorCategory;
    const complement = r.complement_category ?? r.complementCategory;
    if (typeof anchor !== "string" || anchor.length === 0) throw new InputError(path, line, "anchor_category", "missing or not a string");
    if (typeof complement !== "string" || complement.length === 0) throw new InputError(path, line, "complement_category", "missing or not a string");
    const weight = r.weight ?? 0.5;
    if (typeof weight !== "number" || !(weight >= 0 && weight <= 1)) throw new InputError(path, line, "weight", "must be a number from 0 to 1");
    const official = r.official_first ?? r.officialFirst ?? false;
    if (typeof official !== "boolean" && official !== 0 && official !== 1) throw new InputError(path, line, "official_first", "must be true or false");
    out.push({ anchor, complement, weight, officialFirst: official === true || official === 1 });
  }
  return out;
}

export async function readMerchRules(path: string): Promise<MerchRule[]> {
  const rows = await jsonLines(path);
  if (rows.length === 1 && typeof rows[0][0] === "object" && rows[0][0] !== null && "rules" in (rows[0][0] as object)) {
    const parsed = rulesOverlaySchema.safeParse(rows[0][0]);
    if (!parsed.success) throw new InputError(path, rows[0][1], issuePath(parsed.error.issues[0]?.path), parsed.error.issues[0]?.message ?? "not a rules document");
    return parsed.data.rules;
  }
  return rows.map(([row, line]) => {
    let value = row;
    const match = typeof row === "object" && row !== null ? (row as { match?: unknown }).match : undefined;
    if (typeof match === "string") {
      try {
        value = { ...(row as object), match: JSON.parse(match) };
      } catch {
        throw new InputError(path, line, "match", "not valid JSON");
      }
    }
    const parsed = merchRuleSchema.safeParse(value);
    if (!parsed.success) throw new InputError(path, line, issuePath(parsed.error.issues[0]?.path), parsed.error.issues[0]?.message ?? "not a rule");
    return parsed.data;
  });
}

function issuePath(path: ReadonlyArray<PropertyKey> | undefined): string | undefined {
  return path === undefined || path.length === 0 ? undefined : path.map(String).join(".");
}

async function jsonLines(path: string): Promise<Array<[unknown, number]>> {
  const text = await readFile(path, "utf8");
  const rows: Array<[unknown, number]> = [];
  text.split("\n").forEach((raw, i) => {
    const line = raw.trim();
    if (line.length === 0) return;
    try {
      rows.push([JSON.parse(line), i + 1]);
    } catch (error) {
      throw new InputError(path, i + 1, undefined, `not valid JSON (${(error as Error).message})`);
    }
  });
  return rows;
}
