/**
 * @module
 * The artifacts folder `edgerec build --out DIR` writes and `publish` / `recommend` read:
 *
 *   manifest.json   what was built from what: build id, inputs, counts, sizes, parameters
 *   meta.bin        the meta blob (core/blob/meta-blob.ts)
 *   items.bin       "ERP" | version u8 | item count varint | per item in dictionary order: length varint | item blob
 *                   (length 0 = the item has no lists)
 *   catalog.jsonl   the catalogue as read (only when the build had one), for publishing to D1
 *   catalog-intelligence.json   knowledge graph, category complements and mined bundles for D1 (with a catalogue)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ByteReader, CorruptBlobError } from "../../core/blob/byte-reader";
import { ByteWriter } from "../../core/blob/byte-writer";
import type { CatalogPublication } from "../catalog/catalog-intelligence";
import type { CatalogProduct } from "../io/read-catalog";
import type { KvFootprint } from "./kv-footprint";

const ARTIFACT_FILES = { manifest: "manifest.json", meta: "meta.bin", items: "items.bin", catalog: "catalog.jsonl", publication: "catalog-intelligence.json" } as const;
const PACK_MAGIC = [0x45, 0x52, 0x50]; // "ERP"
const PACK_VERSION = 1;

export interface Manifest {
  build_id: string;
  created_at: string;
  format: { meta: number; item: number; pack: number };
  inputs: Record<string, { path: string; lines: number; accepted: number; skipped: number }>;
  counts: Record<string, number>;
  bytes: { meta: number; items: number; candidates: number };
  /** What a publish of the build writes to KV (`kv-footprint.ts`). */
  kv?: KvFootprint;
  parameters: Record<string, unknown>;
  timings_ms: Record<string, number>;
}

export interface Artifacts {
  manifest: Manifest;
  meta: Uint8Array;
  /** Item blob per dictionary index; undefined where the item has no lists. */
  itemBlobs: Array<Uint8Array | undefined>;
  catalog?: CatalogProduct[];
  publication?: CatalogPublication;
}

export function writeArtifacts(dir: string, artifacts: Artifacts): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, ARTIFACT_FILES.meta), artifacts.meta);
  writeFileSync(path.join(dir, ARTIFACT_FILES.items), packItemBlobs(artifacts.itemBlobs));
  if (artifacts.catalog !== undefined) {
    writeFileSync(path.join(dir, ARTIFACT_FILES.catalog), `${artifacts.catalog.map((p) => JSON.stringify(catalogLine(p))).join("\n")}\n`);
  }
  if (artifacts.publication !== undefined) writeFileSync(path.join(dir, ARTIFACT_FILES.publication), JSON.stringify(artifacts.publication));
  writeFileSync(path.join(dir, ARTIFACT_FILES.manifest), `${JSON.stringify(artifacts.manifest, null, 2)}\n`);
}

export function readArtifacts(dir: string): Artifacts {
  const manifestPath = path.join(dir, ARTIFACT_FILES.manifest);
  if (!existsSync(manifestPath)) throw new Error(`${dir} is not an artifacts folder: ${ARTIFACT_FILES.manifest} is missing (run edgerec build --out ${dir})`);
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;
  const meta = new Uint8Array(readFileSync(path.join(dir, ARTIFACT_FILES.meta)));
  const itemBlobs = unpackItemBlobs(new Uint8Array(readFileSync(path.join(dir, ARTIFACT_FILES.items))));
  const catalogPath = path.join(dir, ARTIFACT_FILES.catalog);
  const artifacts: Artifacts = { manifest, meta, itemBlobs };
  const publicationPath = path.join(dir, ARTIFACT_FILES.publication);
  if (existsSync(publicationPath)) artifacts.publication = JSON.parse(readFileSync(publicationPath, "utf8")) as CatalogPublication;
  if (existsSync(catalogPath)) {
    artifacts.catalog = readFileSync(catalogPath, "utf8")
      .split("\n")
      .filter((l) => l.length > 0)
      .map((l) => fromCatalogLine(JSON.parse(l)));
  }
  return artifacts;
}

function packItemBlobs(blobs: ReadonlyArray<Uint8Array | undefined>): Uint8Array {
  let total = 16;
  for (const blob of blobs) total += (blob?.length ?? 0) + 4;
  const w = new ByteWriter(total);
  for (const byte of PACK_MAGIC) w.u8(byte);
  w.u8(PACK_VERSION).varint(blobs.length);
  for (const blob of blobs) {
    w.varint(blob?.length ?? 0);
    if (blob !== undefined) w.bytes(blob);
  }
  return w.finish();
}

function unpackItemBlobs(bytes: Uint8Array): Array<Uint8Array | undefined> {
  const r = new ByteReader(bytes);
  for (const byte of PACK_MAGIC) if (r.u8() !== byte) throw new CorruptBlobError("items.bin: bad magic");
  if (r.u8() !== PACK_VERSION) throw new CorruptBlobError("items.bin: unsupported version");
  const count = r.varint();
  const blobs: Array<Uint8Array | undefined> = new Array(count);
  for (let i = 0; i < count; i++) {
    const length = r.varint();
    if (length > 0) {
      if (r.offset + length > bytes.length) throw new CorruptBlobError("items.bin: truncated");
      blobs[i] = bytes.subarray(r.offset, r.offset + length);
      r.offset += length;
    }
  }
  return blobs;
}

function catalogLine(p: CatalogProduct): Record<string, unknown> {
  return {
    id: p.id,
    title: p.title,
    brand: p.brand,
    category: p.category,
    price: p.price,
    currency: p.currency,
    attrs: p.attrs,
    stock: p.stock,
    lifecycle: p.lifecycle,
    launched_at: p.launchedAt,
    margin: p.margin,
  };
}

function fromCatalogLine(r: Record<string, unknown>): CatalogProduct {
  const p: CatalogProduct = {
    id: r.id as string,
    title: (r.title as string) ?? "",
    category: (r.category as string[]) ?? [],
    currency: (r.currency as string) ?? "EUR",
    attrs: (r.attrs as Record<string, unknown>) ?? {},
    lifecycle: (r.lifecycle as CatalogProduct["lifecycle"]) ?? "active",
  };
  if (typeof r.brand === "string") p.brand = r.brand;
  if (typeof r.price === "number") p.price = r.price;
  if (typeof r.stock === "number") p.stock = r.stock;
  if (typeof r.launched_at === "string") p.launchedAt = r.launched_at;
  if (typeof r.margin === "number") p.margin = r.margin;
  return p;
}
