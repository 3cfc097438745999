/**
 * @module
 * Reads what `ByteWriter` wrote; every read is bounds-checked and a short or malformed blob throws
 * `CorruptBlobError` rather than returning garbage.
 */

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

export class CorruptBlobError extends Error {
  override name = "CorruptBlobError";
}

export class ByteReader {
  private readonly view: DataView;
  offset: number;

  constructor(
    private readonly bytes: Uint8Array,
    start = 0,
    readonly end = bytes.length,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.offset = start;
  }

  get done(): boolean {
    return this.offset >= this.end;
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

  /** Reads a section header and returns a reader bounded to its payload; the outer reader skips past it. */
  section(): { tag: number; body: ByteReader } {
    const tag = this.u8();
    const length = this.varint();
    this.need(length);
    const body = new ByteReader(this.bytes, this.offset, this.offset + length);
    this.offset += length;
    return { tag, body };
  }

  private need(n: number): void {
    if (this.offset + n > this.end) throw new CorruptBlobError(`blob truncated at byte ${this.offset} (needs ${n} more)`);
  }
}
