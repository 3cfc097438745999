/**
 * @module
 * Google Merchant Center text feeds: tab-separated, a header of attribute names (`id`, `title`, `price`, ...;
 * spaces or a `g:` prefix tolerated, a repeated header repeats the attribute) and one product per row.
 * `product_detail` takes the sub-attributes its header names in parentheses (default
 * `section_name:attribute_name:attribute_value`), several details separated by commas, a part with a comma, colon
 * or quote written in double quotes: `General:Product Type:Digital player,Display:Diagonal Size:"2.5"""`.
 */
import { InputError } from "../input-error";
import { csvRecords } from "./csv-records";
import type { GmcRecord, ProductDetail } from "./gmc-product";

const DEFAULT_DETAIL_PARTS = ["section_name", "attribute_name", "attribute_value"];

interface Column {
  name: string;
  /** product_detail: the order of its sub-attributes. */
  parts?: string[];
}

/** Records of the feed, or an `InputError` per row that cannot be read (yielded, so the caller can skip it). */
export async function* gmcTsvRecords(path: string): AsyncGenerator<GmcRecord | InputError> {
  let columns: Column[] | undefined;
  for await (const { fields, line, unterminated } of csvRecords(path, "\t")) {
    if (columns === undefined) {
      columns = fields.map(headerColumn);
      if (!columns.some((c) => c.name === "id")) throw new InputError(path, line, "id", "the header has no id column");
      continue;
    }
    if (unterminated) {
      yield new InputError(path, line, undefined, "a quoted field is never closed");
      continue;
    }
    if (fields.length > columns.length) {
      yield new InputError(path, line, undefined, `${fields.length} fields for the header's ${columns.length}`);
      continue;
    }
    const record: GmcRecord = { line, values: new Map(), details: [] };
    try {
      for (let i = 0; i < fields.length; i++) {
        const value = fields[i].trim();
        if (value.length === 0) continue;
        const column = columns[i];
        if (column.parts !== undefined) record.details.push(...productDetails(value, column.parts, path, line));
        else {
          const values = record.values.get(column.name);
          if (values === undefined) record.values.set(column.name, [value]);
          else values.push(value);
        }
      }
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      yield error;
      continue;
    }
    yield record;
  }
}

function headerColumn(header: string): Column {
  const match = /^\s*(?:g:)?([^(]*?)\s*(?:\(([^)]*)\))?\s*$/i.exec(header)!;
  const name = match[1].toLowerCase().replace(/\s+/g, "_");
  if (name !== "product_detail") return { name };
  const parts = match[2]?.split(":").map((p) => p.trim().toLowerCase());
  return { name, parts: parts !== undefined && parts.length > 0 ? parts : DEFAULT_DETAIL_PARTS };
}

function productDetails(value: string, parts: string[], file: string, line: number): ProductDetail[] {
  return splitQuoted(value, ",", false).map((entry) => {
    const values = splitQuoted(entry, ":", true);
    if (values.length !== parts.length) throw new InputError(file, line, "product_detail", `"${entry}" has ${values.length} parts, expected ${parts.join(":")}`);
    const detail: Partial<ProductDetail> = {};
    for (const [i, part] of parts.entries()) {
      if (part === "section_name") detail.section = values[i];
      else if (part === "attribute_name") detail.name = values[i];
      else if (part === "attribute_value") detail.value = values[i];
    }
    if (!detail.name || !detail.value) throw new InputError(file, line, "product_detail", `"${entry}" needs an attribute name and value`);
    return detail as ProductDetail;
  });
}

/** Splits on `separator` outside double quotes; with `unquote`, a part in quotes loses them (`""` -> `"`). */
function splitQuoted(text: string, separator: string, unquote: boolean): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      if (quoted && text[i + 1] === '"') {
        current += unquote ? '"' : '""';
        i++;
      } else {
        quoted = !quoted;
        if (!unquote) current += c;
      }
    } else if (c === separator && !quoted) {
      out.push(current.trim());
      current = "";
    } else current += c;
  }
  out.push(current.trim());
  return out;
}
