/**
 * @module
 * Google Merchant Center XML feeds, RSS 2.0 (`<rss><channel><item>`) and Atom 1.0 (`<feed><entry>`), with the
 * product attributes in the `g:` namespace (`http://base.google.com/ns/1.0`); `title`, `link` (Atom: its `href`)
 * and `description` (Atom: `summary`) may also come without the prefix. Streamed with sax: each item becomes a
 * `GmcRecord` with the line its element starts on. Only an item's direct children are attributes (so a
 * `g:shipping`'s own `g:price` is not the product's price), except the parts of `g:product_detail`.
 * Malformed XML stops the read with the line and column sax names.
 */
import { createReadStream } from "node:fs";
import sax from "sax";
import { InputError } from "../input-error";
import type { GmcRecord, ProductDetail } from "./gmc-product";

const ITEM_ELEMENTS = new Set(["item", "entry"]);
const ALIASES: Record<string, string> = { summary: "description", content: "description" };

export async function* gmcXmlRecords(path: string): AsyncGenerator<GmcRecord> {
  const parser = sax.parser(true, { trim: false, normalize: false, position: true });
  const ready: GmcRecord[] = [];
  let record: GmcRecord | undefined;
  let depth = 0;
  let itemDepth = -1;
  let field: string | undefined;
  let text = "";
  let detail: Partial<ProductDetail> | undefined;
  let failure: InputError | undefined;

  const localName = (name: string) => name.slice(name.lastIndexOf(":") + 1).toLowerCase();
  parser.onopentag = (tag) => {
    depth++;
    const name = localName(tag.name);
    if (record === undefined) {
      if (ITEM_ELEMENTS.has(name)) {
        record = { line: parser.line + 1, values: new Map(), details: [] };
        itemDepth = depth;
      }
      return;
    }
    text = "";
    if (depth === itemDepth + 1) {
      field = ALIASES[name] ?? name;
      if (field === "product_detail") detail = {};
      const href = tag.attributes.href;
      if (field === "link" && typeof href === "string") add(record, "link", href);
    } else if (detail !== undefined && depth === itemDepth + 2) field = name;
  };
  parser.ontext = (chunk) => {
    if (record !== undefined && field !== undefined) text += chunk;
  };
  parser.oncdata = parser.ontext;
  parser.onclosetag = () => {
    if (record !== undefined) {
      if (depth === itemDepth) {
        ready.push(record);
        record = undefined;
      } else if (depth === itemDepth + 1 && field !== undefined) {
        if (detail !== undefined) {
          if (detail.name !== undefined && detail.value !== undefined) record.details.push(detail as ProductDetail);
          detail = undefined;
        } else if (text.trim().length > 0) add(record, field, text.trim());
        field = undefined;
      } else if (detail !== undefined && depth === itemDepth + 2 && field !== undefined) {
        const value = text.trim();
        if (field === "section_name") detail.section = value;
        else if (field === "attribute_name") detail.name = value;
        else if (field === "attribute_value") detail.value = value;
        field = "product_detail";
      }
    }
    depth--;
  };
  parser.onerror = (error) => {
    failure ??= new InputError(path, parser.line + 1, undefined, `malformed XML: ${error.message.split("\n")[0]}`);
  };

  for await (const chunk of createReadStream(path, { encoding: "utf8", highWaterMark: 1 << 20 }) as AsyncIterable<string>) {
    parser.write(chunk);
    if (failure !== undefined) throw failure;
    yield* ready.splice(0);
  }
  parser.close();
  if (failure !== undefined) throw failure;
  yield* ready.splice(0);
}

function add(record: GmcRecord, name: string, value: string): void {
  const values = record.values.get(name);
  if (values === undefined) record.values.set(name, [value]);
  else values.push(value);
}
