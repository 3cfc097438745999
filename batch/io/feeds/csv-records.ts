/**
 * @module
 * Delimited text (RFC 4180 CSV, and the tab-separated text of product feeds) as records of fields, streamed:
 * a field in double quotes may hold the delimiter, line breaks and `""` for a quote. Each record comes with the
 * line it starts on (1-based), so a bad row is named by the line a spreadsheet shows.
 */
import { readLines } from "../lines";

export interface CsvRecord {
  fields: string[];
  line: number;
  /** The file ended inside a quoted field. */
  unterminated?: boolean;
}

/** Splits `path` into records; a UTF-8 byte order mark before the header is dropped. */
export async function* csvRecords(path: string, delimiter: string): AsyncGenerator<CsvRecord> {
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let start = 0;
  for await (const [raw, lineNumber] of readLines(path)) {
    const text = lineNumber === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    if (!quoted) {
      if (text.length === 0) continue;
      start = lineNumber;
    } else field += "\n";
    let i = 0;
    while (i < text.length) {
      const c = text[i];
      if (quoted) {
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          quoted = false;
        } else field += c;
      } else if (c === '"' && field.length === 0) quoted = true;
      else if (c === delimiter) {
        fields.push(field);
        field = "";
      } else field += c;
      i++;
    }
    if (quoted) continue;
    fields.push(field);
    yield { fields, line: start };
    fields = [];
    field = "";
  }
  if (quoted) {
    fields.push(field);
    yield { fields, line: start, unterminated: true };
  }
}

/** The delimiter a header line uses: a tab when it has one, else a comma. */
export function headerDelimiter(header: string): string {
  return header.includes("\t") ? "\t" : ",";
}
