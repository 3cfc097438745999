/**
 * @module
 * Reads what `ByteWriter` wrote. Every read is bounds-checked, and so is every number that sizes or indexes
 * something: a declared count is checked against the bytes left (each entry takes at least `minBytes`) and a
 * known bound before anything is allocated, and an index against the size of what it indexes (the item
 * dictionary, the reason table, a section's own table). A short or malformed blob throws `CorruptBlobError`, never
 * a RangeError, an out-of-bounds read or an allocation the blob's size does not justify.
 */

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

export class CorruptBlobError extends Error {
  override name = "CorruptBlobError";
}

/** What a blob's indices point into: item indices must be below `items`, reason indices below `reasons`. */
export interface DictionaryBounds {
  items: number;
  reasons: number;
}

export class ByteReader {
  private readonly view: DataView;
  offset: number;

  constructor(
    private readonly bytes: Uint8Array,
    start = 0,
    readonly end = bytes.length,
    /** Bounds for `item()` and `reason()`; without them only the bytes are checked. */
    readonly bounds?: DictionaryBounds,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.offset = start;
  }

  get done(): boolean {
    return this.offset >= this.end;
  }

  /** Bytes left to read. */
  get remaining(): number {
    return this.end - this.offset;
  }

  u8(): number {
    this.need(1);
    return this.bytes[this.offset++];
  }

  u16(): number {
    this.need(2);
    const value = this.view.getUint16(this.offset, true);
    this.offset += 2;
    return value;
  }

  f32(): number {
    this.need(4);
    const value = this.view.getFloat32(this.offset, true);
    this.offset += 4;
    return value;
  }

  varint(): number {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 8; i++) {
      this.need(1);
      const byte = this.bytes[this.offset++];
      result += (byte & 0x7f) * scale;
      if (byte < 0x80) return result;
      scale *= 128;
    }
    throw new CorruptBlobError(`varint longer than 8 bytes at ${this.offset}`);
  }

  /**
   * A count of entries that follow, each at least `minBytes` long (at least 1): refused when the bytes left
   * cannot hold them or when it exceeds `bound`. Read every count that sizes an allocation or a loop with it.
   */
  count(what: string, minBytes: number, bound = Number.MAX_SAFE_INTEGER): number {
    const at = this.offset;
    const n = this.varint();
    this.expect(n, what, minBytes, bound, at);
    return n;
  }

  /** Checks a count known from elsewhere (a header's item count) the way `count` checks a read one. */
  expect(n: number, what: string, minBytes: number, bound = Number.MAX_SAFE_INTEGER, at = this.offset): void {
    if (n > bound) throw new CorruptBlobError(`${what}: count ${n} at byte ${at} exceeds ${bound}`);
    if (n * Math.max(1, minBytes) > this.remaining) throw new CorruptBlobError(`${what}: count ${n} at byte ${at} needs more than the ${this.remaining} bytes left`);
  }

  /** An index below `size`. */
  index(size: number, what: string): number {
    const at = this.offset;
    const value = this.varint();
    if (value >= size) throw new CorruptBlobError(`${what}: index ${value} at byte ${at} is outside 0..${size - 1}`);
    return value;
  }

  /** An item index, checked against the item dictionary when the reader has bounds. */
  item(): number {
    return this.bounds === undefined ? this.varint() : this.index(this.bounds.items, "item");
  }

  /** A reason index, checked against the reason table when the reader has bounds. */
  reason(): number {
    return this.bounds === undefined ? this.varint() : this.index(this.bounds.reasons, "reason");
  }

  string(): string {
    const length = this.varint();
    this.need(length);
    const start = this.offset;
    this.offset += length;
    try {
      return decoder.decode(this.bytes.subarray(start, start + length));
    } catch {
      throw new CorruptBlobError(`invalid UTF-8 at ${start}`);
    }
  }

  /** `count` strings, the count checked first (each string takes at least its length byte). */
  /**
   * `count` strings as `string` reads them. When they are short and ASCII (fit tokens, most ids), their lengths and
   * text are all ASCII bytes, so the run is decoded with one call and sliced: a decoder call per string was most of
   * the cost of a table of short strings.
   */
  strings(count: number, what: string): string[] {
    this.expect(count, what, 1);
    const start = this.offset;
    const bytes = this.bytes;
    let ascii = true;
    for (let i = 0; i < count; i++) {
      const length = this.varint();
      this.need(length);
      if (length >= 0x80) ascii = false;
      for (let b = this.offset, end = this.offset + length; ascii && b < end; b++) ascii = bytes[b] < 0x80;
      this.offset += length;
    }
    const out: string[] = new Array(count);
    if (!ascii) {
      this.offset = start;
      for (let i = 0; i < count; i++) out[i] = this.string();
      return out;
    }
    const text = decoder.decode(bytes.subarray(start, this.offset));
    let at = 0;
    for (let i = 0; i < count; i++) {
      const length = text.charCodeAt(at);
      out[i] = text.slice(at + 1, at + 1 + length);
      at += 1 + length;
    }
    return out;
  }

  /** Reads a section header and returns a reader bounded to its payload; the outer reader skips past it. */
  section(): { tag: number; body: ByteReader } {
    const tag = this.u8();
    const length = this.varint();
    this.need(length);
    const body = new ByteReader(this.bytes, this.offset, this.offset + length, this.bounds);
    this.offset += length;
    return { tag, body };
  }

  /** The same bytes and bounds from `offset` (one this reader has passed), to read there again. */
  at(offset: number): ByteReader {
    return new ByteReader(this.bytes, offset, this.end, this.bounds);
  }

  /** Passes over `n` bytes. */
  skip(n: number): void {
    this.need(n);
    this.offset += n;
  }

  /** The same bytes from the current offset, with dictionary bounds for item and reason indices. */
  withBounds(bounds: DictionaryBounds): ByteReader {
    return new ByteReader(this.bytes, this.offset, this.end, bounds);
  }

  /** Refuses bytes left over after a structure that should fill its reader exactly. */
  finish(what: string): void {
    if (this.offset !== this.end) throw new CorruptBlobError(`${what}: ${this.end - this.offset} unread bytes at ${this.offset}`);
  }

  private need(n: number): void {
    if (n > this.end - this.offset) throw new CorruptBlobError(`blob truncated at byte ${this.offset} (needs ${n} more)`);
  }
}

