/**
 * @module
 * Growing a typed array: the one copy step of every append-only builder (candidate lists, mining results, blob
 * writers). Callers pick the new size, typically max(needed, 2 x current) so appends stay amortised O(1).
 */

export type TypedArray = Uint8Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array;

/** A new array of the same type and `size` entries: the first min(size, length) entries of `array`, then zeros. */
export function resized<T extends TypedArray>(array: T, size: number): T {
  const next = new (array.constructor as new (length: number) => T)(size);
  next.set(size < array.length ? array.subarray(0, size) : array);
  return next;
}
