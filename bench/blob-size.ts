/**
 * @module
 * `npm run bench:blob`: bytes per candidate of the item blobs of a fresh demo build, against JSON encodings of
 * the very same lists:
 *
 *   binary       the item blobs as `core/blob/item-blob.ts` writes them (what the format costs)
 *   KV text      the same blobs base64-encoded, as KV stores them (bulk reads return text)
 *   JSON ids     {"cross_sell":[{"id":"sku-case-0003","score":0.8123,"reason":17},...],...} per item: item ids
 *                as strings, scores to 4 decimals, reason as an index into the same reason table
 *   JSON tuples  {"cross_sell":[[1234,0.8123,17],...],...}: item indices instead of ids (needs the dictionary
 *                the meta blob carries, like the binary)
 *
 * and what decoding costs, as the worker decodes (checksum, then every count and index checked against the build's
 * dictionary): microseconds per item blob over every item blob of the build (best of 5 passes), and per meta blob.
 */
import { decodeItemBlob, type ItemLists } from "../core/blob/item-blob";
import { crc32 } from "../core/blob/checksum";
import { decodeMetaBlob } from "../core/blob/meta-blob";
import { encodeBase64 } from "../core/blob/base64";
import { buildDemoStore } from "./demo-store";

const store = await buildDemoStore("blob");
try {
  const { built } = store;
  const meta = decodeMetaBlob(built.meta);
  const utf8 = new TextEncoder();
  let candidates = 0;
  let binary = 0;
  let base64 = 0;
  let jsonIds = 0;
  let jsonTuples = 0;
  const round = (s: number) => Math.round(s * 1e4) / 1e4;
  for (const blob of built.itemBlobs) {
    if (blob === undefined) continue;
    const lists: ItemLists = decodeItemBlob(blob);
    binary += blob.length;
    base64 += encodeBase64(blob).length;
    const withIds: Record<string, unknown> = {};
    const asTuples: Record<string, unknown> = {};
    for (const [kind, list] of Object.entries(lists)) {
      candidates += list.items.length;
      withIds[kind] = Array.from(list.items, (item, i) => ({ id: meta.items[item], score: round(list.scores[i]), reason: list.reasons[i] }));
      asTuples[kind] = Array.from(list.items, (item, i) => [item, round(list.scores[i]), list.reasons[i]]);
    }
    jsonIds += utf8.encode(JSON.stringify(withIds)).length;
    jsonTuples += utf8.encode(JSON.stringify(asTuples)).length;
  }
  const per = (bytes: number) => (bytes / candidates).toFixed(2).padStart(6);
  const times = (bytes: number) => `${(bytes / binary).toFixed(1)}x the binary, ${(bytes / base64).toFixed(1)}x the KV text`;
  console.log(`demo build ${built.manifest.build_id}: ${built.itemBlobs.filter((b) => b !== undefined).length} item blobs, ${candidates} candidates, ${meta.reasons.length} reasons`);
  console.log(`  binary item blobs   ${per(binary)} bytes/candidate   (${binary} bytes)`);
  console.log(`  KV text (base64)    ${per(base64)} bytes/candidate   (${base64} bytes)`);
  console.log(`  JSON ids            ${per(jsonIds)} bytes/candidate   ${times(jsonIds)}`);
  console.log(`  JSON tuples         ${per(jsonTuples)} bytes/candidate   ${times(jsonTuples)}`);
  console.log(`  meta blob           ${built.meta.length} bytes for ${meta.items.length} items`);
  const blobs = built.itemBlobs.filter((b): b is Uint8Array => b !== undefined);
  const bounds = { items: meta.items.length, reasons: meta.reasons.length };
  const best = (passes: number, run: () => void) => {
    let fastest = Infinity;
    for (let p = 0; p < passes; p++) {
      const t = performance.now();
      run();
      fastest = Math.min(fastest, performance.now() - t);
    }
    return fastest;
  };
  const itemMs = best(5, () => {
    for (const blob of blobs) decodeItemBlob(blob, bounds);
  });
  const checksumMs = best(5, () => {
    for (const blob of blobs) crc32(blob);
  });
  const metaMs = best(5, () => decodeMetaBlob(built.meta));
  const us = (ms: number, n: number) => ((ms * 1000) / n).toFixed(2).padStart(7);
  console.log(`  decode item blob    ${us(itemMs, blobs.length)} us/blob (${(binary / 1024 / 1024 / (itemMs / 1000)).toFixed(0)} MiB/s; checksum alone ${us(checksumMs, blobs.length)} us)`);
  console.log(`  decode meta blob    ${us(metaMs, 1)} us`);
} finally {
  store.remove();
}
