/**
 * @module
 * A growable little-endian byte writer with unsigned LEB128 varints and length-prefixed UTF-8 strings.
 */
import { resized } from "../typed-arrays";

const encoder = new TextEncoder();

export class ByteWriter {
  private buffer: Uint8Array;
  private view: DataView;
  length = 0;

  constructor(capacity = 256) {
    this.buffer = new Uint8Array(capacity);
    this.view = new DataView(this.buffer.buffer);
  }

  u8(value: number): this {
    this.reserve(1);
    this.buffer[this.length++] = value;
    return this;
  }

  u16(value: number): this {
    this.reserve(2);
    this.view.setUint16(this.length, value, true);
    this.length += 2;
    return this;
  }

  f32(value: number): this {
    this.reserve(4);
    this.view.setFloat32(this.length, value, true);
    this.length += 4;
    return this;
  }

  /** Unsigned LEB128: 7 bits a byte, high bit set on every byte but the last. */
  varint(value: number): this {
    if (!Number.isInteger(value) || value < 0 || value > Number.MAX_SAFE_INTEGER) {
      throw new RangeError(`varint out of range: ${value}`);
    }
    this.reserve(8);
    while (value >= 0x80) {
      this.buffer[this.length++] = (value & 0x7f) | 0x80;
      value = Math.floor(value / 128);
    }
    this.buffer[this.length++] = value;
    return this;
  }

  /** Length varint, then UTF-8, encoded in place (room for the longest encoding, moved back if its length takes fewer bytes). */
  string(value: string): this {
    const most = value.length * 3;
    const room = varintSize(most);
    this.reserve(room + most);
    const start = this.length + room;
    const { written } = encoder.encodeInto(value, this.buffer.subarray(start, start + most));
    const size = varintSize(written);
    if (size < room) this.buffer.copyWithin(this.length + size, start, start + written);
    let n = written;
    while (n >= 0x80) {
      this.buffer[this.length++] = (n & 0x7f) | 0x80;
      n = Math.floor(n / 128);
    }
    this.buffer[this.length++] = n;
    this.length += written;
    return this;
  }

  bytes(bytes: Uint8Array): this {
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
    return this;
  }

  /** A section: tag byte, varint length, then the payload written by `write`. */
  section(tag: number, write: (w: ByteWriter) => void): this {
    const inner = new ByteWriter();
    write(inner);
    return this.u8(tag).varint(inner.length).bytes(inner.finish());
  }

  finish(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }

  private reserve(n: number): void {
    if (this.length + n <= this.buffer.length) return;
    this.buffer = resized(this.buffer, Math.max(this.length + n, this.buffer.length * 2));
    this.view = new DataView(this.buffer.buffer);
  }
}

/** Bytes of the LEB128 varint of `value`. */
function varintSize(value: number): number {
  let size = 1;
  while (value >= 0x80) {
    value = Math.floor(value / 128);
    size++;
  }
  return size;
}
