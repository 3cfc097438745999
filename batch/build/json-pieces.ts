/**
 * @module
 * JSON too large for one string (V8 stops at about 512 MiB): written as pieces, read from bytes. Containers down
 * to `depth` levels are split member by member; what lies deeper is one `JSON.stringify` / `JSON.parse` each.
 * `jsonPieces(v, d).join("")` is `JSON.stringify(v)`, and `parseJsonBytes` of its UTF-8 is `JSON.parse` of it.
 */

export function* jsonPieces(value: unknown, depth: number): Generator<string> {
  if (depth > 0 && Array.isArray(value)) {
    yield "[";
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ",";
      if (value[i] === undefined || typeof value[i] === "function") yield "null";
      else yield* jsonPieces(value[i], depth - 1);
    }
    yield "]";
    return;
  }
  if (depth > 0 && value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype && !("toJSON" in value)) {
    yield "{";
    let first = true;
    for (const [key, member] of Object.entries(value)) {
      if (member === undefined || typeof member === "function") continue;
      yield `${first ? "" : ","}${JSON.stringify(key)}:`;
      first = false;
      yield* jsonPieces(member, depth - 1);
    }
    yield "}";
    return;
  }
  yield JSON.stringify(value);
}

const decoder = new TextDecoder("utf-8", { fatal: true });
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN = new Set([0x5b, 0x7b]);
const CLOSE = new Set([0x5d, 0x7d]);

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/** JSON.parse of UTF-8 `bytes`, containers down to `depth` levels split by a scan of the bytes; throws SyntaxError on what JSON.parse refuses. */
export function parseJsonBytes(bytes: Uint8Array, depth: number): unknown {
  return parseRange(bytes, 0, bytes.length, depth);
}

function parseRange(bytes: Uint8Array, start: number, end: number, depth: number): unknown {
  while (start < end && isSpace(bytes[start])) start++;
  while (end > start && isSpace(bytes[end - 1])) end--;
  const first = bytes[start];
  if (depth > 0 && end - start >= 2 && OPEN.has(first)) {
    const array = first === 0x5b;
    if (bytes[end - 1] !== (array ? 0x5d : 0x7d)) throw new SyntaxError(`JSON: unterminated ${array ? "array" : "object"} at byte ${start}`);
    const members = topLevelCommas(bytes, start + 1, end - 1);
    if (array) return members.map(([from, to]) => parseRange(bytes, from, to, depth - 1));
    const object: Record<string, unknown> = {};
    for (const [from, to] of members) {
      const colon = keyEnd(bytes, from, to);
      const key = JSON.parse(decoder.decode(bytes.subarray(from, colon)));
      if (typeof key !== "string") throw new SyntaxError(`JSON: a member's name is not a string at byte ${from}`);
      object[key] = parseRange(bytes, colon + 1, to, depth - 1);
    }
    return object;
  }
  return JSON.parse(decoder.decode(bytes.subarray(start, end)));
}

/** The ranges between the commas of bytes[from, to) that lie outside strings and nested containers; none for blank. */
function topLevelCommas(bytes: Uint8Array, from: number, to: number): Array<[number, number]> {
  let blank = true;
  for (let i = from; i < to && blank; i++) blank = isSpace(bytes[i]);
  if (blank) return [];
  const ranges: Array<[number, number]> = [];
  let nesting = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    const byte = bytes[i];
    if (byte === QUOTE) i = stringEnd(bytes, i, to);
    else if (OPEN.has(byte)) nesting++;
    else if (CLOSE.has(byte)) nesting--;
    else if (byte === COMMA && nesting === 0) {
      ranges.push([start, i]);
      start = i + 1;
    }
  }
  if (nesting !== 0) throw new SyntaxError(`JSON: unbalanced brackets between bytes ${from} and ${to}`);
  ranges.push([start, to]);
  return ranges;
}

/** The position of the colon after a member's name in bytes[from, to). */
function keyEnd(bytes: Uint8Array, from: number, to: number): number {
  let i = from;
  while (i < to && isSpace(bytes[i])) i++;
  if (bytes[i] !== QUOTE) throw new SyntaxError(`JSON: expected a member's name at byte ${i}`);
  i = stringEnd(bytes, i, to) + 1;
  while (i < to && isSpace(bytes[i])) i++;
  if (bytes[i] !== COLON) throw new SyntaxError(`JSON: expected ":" at byte ${i}`);
  return i;
}

/** The position of the quote that closes the string opening at `open`. */
function stringEnd(bytes: Uint8Array, open: number, to: number): number {
  for (let i = open + 1; i < to; i++) {
    if (bytes[i] === BACKSLASH) i++;
    else if (bytes[i] === QUOTE) return i;
  }
  throw new SyntaxError(`JSON: unterminated string at byte ${open}`);
}
