/**
 * @module
 * One ranked candidate list on the wire:
 *
 *   count varint
 *   (count > 0) min f32, max f32       score range of the list
 *   count x [ item varint | score u16 | reason varint ]
 *
 * A score is stored as round((s - min) / (max - min) * 65535); lists are written best first, so decoded order is
 * the original order even where two scores quantise to the same step. The reader checks the count against the
 * bytes left and the dictionary, and every item and reason index against the dictionary (`ByteReader`).
 */
import type { CandidateList } from "../candidates";
import { type ByteReader, CorruptBlobError } from "./byte-reader";
import type { ByteWriter } from "./byte-writer";

const STEPS = 65535;

export function writeCandidateList(w: ByteWriter, list: CandidateList): void {
  const { items, scores, reasons } = list;
  const count = items.length;
  w.varint(count);
  if (count === 0) return;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < count; i++) {
    const s = Math.fround(scores[i]);
    if (!Number.isFinite(s)) throw new RangeError(`candidate score is not finite: ${scores[i]}`);
    if (s < min) min = s;
    if (s > max) max = s;
  }
  w.f32(min).f32(max);
  const range = max - min;
  for (let i = 0; i < count; i++) {
    w.varint(items[i]);
    w.u16(range > 0 ? Math.round(((Math.fround(scores[i]) - min) / range) * STEPS) : STEPS);
    w.varint(reasons[i]);
  }
}

/** Each candidate takes at least 4 bytes (item varint, score u16, reason varint); a list at most one per item. */
export function readCandidateList(r: ByteReader): CandidateList {
  const count = r.count("candidate list", 4, r.bounds?.items);
  const items = new Uint32Array(count);
  const scores = new Float32Array(count);
  const reasons = new Uint32Array(count);
  if (count > 0) {
    const min = r.f32();
    const max = r.f32();
    if (!(Number.isFinite(min) && Number.isFinite(max) && min <= max)) throw new CorruptBlobError(`candidate list: score range ${min}..${max}`);
    r.expect(count, "candidate list", 4);
    const step = (max - min) / STEPS;
    for (let i = 0; i < count; i++) {
      items[i] = r.item();
      scores[i] = min + r.u16() * step;
      reasons[i] = r.reason();
    }
  }
  return { items, scores, reasons };
}
