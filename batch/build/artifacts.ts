/**
 * @module
 * The artifacts folder `edgerec build --out DIR` writes and `publish` / `recommend` read:
 *
 *   manifest.json   what was built from what: build id, inputs, counts, sizes, parameters, and `parts`: the size
 *                   and SHA-256 of every other file
 *   meta.bin        the meta blob (core/blob/meta-blob.ts)
 *   items.bin       "ERP" | version u8 | item count varint | per item in dictionary order: length varint | item blob
 *                   (length 0 = the item has no lists)
 *   edge.bin        every KV blob of the build's edge format, as publish writes them (`edge-pack.ts`), encoded once
 *                   here; the manifest's `kv` counts them
 *   catalog.jsonl   the catalogue as read (only when the build had one), for publishing to D1
 *   catalog-intelligence.json   knowledge graph, category complements and mined bundles for D1 (with a catalogue)
 *
 * The folder is written whole or not at all: every part goes into a temporary sibling folder, the manifest last,
 * and the folder is renamed into place (a previous build there is moved aside first, then deleted). A build
 * killed midway leaves the previous folder, or none, never a mix. Reading checks every part against the manifest
 * (size, checksum, the meta blob's build id), so parts of two builds are refused, whoever put them together.
 */
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { type PreviousEdge, planHomes } from "../../core/blob/blobs-kept";
import type { EdgeBlob } from "../../core/blob/edge-format";
import { type BuildMeta, decodeMetaBlob } from "../../core/blob/meta-blob";
import { InputRejectedError } from "../io/input-error";
import { ByteReader, CorruptBlobError } from "../../core/blob/byte-reader";
import { ByteWriter } from "../../core/blob/byte-writer";
import type { CatalogPublication } from "../catalog/catalog-intelligence";
import type { CatalogProduct } from "../io/read-catalog";
import { readEdgePack, writeEdgePack } from "./edge-pack";
import { encodeApart, readVerdicts } from "./edge-workers";
import { type PartSum, writeHashedFile } from "./hashed-file";
import { jsonPieces, parseJsonBytes } from "./json-pieces";
import { edgeBlobsOf, KvCounter, type KvFootprint } from "./kv-footprint";

const ARTIFACT_FILES = {
  manifest: "manifest.json",
  meta: "meta.bin",
  items: "items.bin",
  edge: "edge.bin",
  catalog: "catalog.jsonl",
  publication: "catalog-intelligence.json",
} as const;
const PACK_MAGIC = [0x45, 0x52, 0x50]; // "ERP"
const PACK_VERSION = 1;

export interface Manifest {
  build_id: string;
  created_at: string;
  format: { meta: number; item: number; pack: number };
  /** Per input file: lines read, accepted and skipped, and the first problems (file, line and field). */
  inputs: Record<string, { path: string; lines: number; accepted: number; skipped: number; first_problems?: string[] }>;
  counts: Record<string, number>;
  bytes: { meta: number; items: number; candidates: number };
  /** What a publish of the build writes to KV (`kv-footprint.ts`). */
  kv?: KvFootprint;
  parameters: Record<string, unknown>;
  timings_ms: Record<string, number>;
  /** Every file of the folder but the manifest, by name: its size and SHA-256 (set when the folder is written). */
  parts?: Record<string, { bytes: number; sha256: string }>;
}

/** An artifacts folder that cannot be used: missing, incomplete, or made of parts that disagree. */
class ArtifactsError extends InputRejectedError {
  override name = "ArtifactsError";
}

export interface Artifacts {
  manifest: Manifest;
  meta: Uint8Array;
  /** Item blob per dictionary index; undefined where the item has no lists. */
  itemBlobs: Array<Uint8Array | undefined>;
  catalog?: CatalogProduct[];
  publication?: CatalogPublication;
  /** The edge format's blobs as `edge.bin` holds them (read from a folder); absent, they are encoded from meta and items. */
  edgeBlobs?: () => Iterable<EdgeBlob>;
}

/** The edge format's blobs of `artifacts`: streamed from its folder's edge.bin, else encoded. */
export function edgeBlobsOfArtifacts(artifacts: Artifacts, meta: BuildMeta = decodeMetaBlob(artifacts.meta)): Iterable<EdgeBlob> {
  return artifacts.edgeBlobs?.() ?? edgeBlobsOf(meta, artifacts.itemBlobs);
}

export interface WriteOptions {
  /**
   * Processes encoding the anchor blobs (`edge-workers.ts`, one more encodes the group blobs): default, every core
   * up to 4 from APART_FROM items, else 1 (everything in this process).
   */
  edgeWorkers?: number;
  /** The build this one follows (`previous-edge.ts`): its blobs that serve alike are kept where they live. */
  previous?: PreviousEdge & { folder: string };
}

/** Items from which a build's anchor blobs are encoded in child processes by default. */
const APART_FROM = 50_000;

export async function writeArtifacts(dir: string, artifacts: Artifacts, options: WriteOptions = {}): Promise<void> {
  const target = path.resolve(dir);
  if (existsSync(target) && !statSync(target).isDirectory()) throw new ArtifactsError(`--out ${dir} is a file, not a folder`);
  if (existsSync(target) && !isEmptyOrArtifacts(target)) throw new ArtifactsError(`--out ${dir} holds other files than artifacts; name a new or an artifacts folder`);
  mkdirSync(path.dirname(target), { recursive: true });
  const suffix = `${process.pid}-${randomBytes(4).toString("hex")}`;
  const temporary = `${target}.tmp-${suffix}`;
  const partsDir = `${target}.parts-${suffix}`;
  mkdirSync(temporary);
  try {
    const parts: Record<string, Uint8Array> = { [ARTIFACT_FILES.meta]: artifacts.meta, [ARTIFACT_FILES.items]: packItemBlobs(artifacts.itemBlobs) };
    const sums: NonNullable<Manifest["parts"]> = {};
    for (const [name, bytes] of Object.entries(parts)) {
      writeFileSync(path.join(temporary, name), bytes);
      sums[name] = { bytes: bytes.length, sha256: sha256(bytes) };
    }
    // Text parts are written piece by piece: at a million products they outgrow the longest string V8 makes.
    const catalog = artifacts.catalog;
    if (catalog !== undefined) sums[ARTIFACT_FILES.catalog] = writeText(path.join(temporary, ARTIFACT_FILES.catalog), (function* () {
      for (const p of catalog) yield `${JSON.stringify(catalogLine(p))}\n`;
    })());
    if (artifacts.publication !== undefined) sums[ARTIFACT_FILES.publication] = writeText(path.join(temporary, ARTIFACT_FILES.publication), jsonPieces(artifacts.publication, 3));
    const started = performance.now();
    const meta = decodeMetaBlob(artifacts.meta);
    const counter = new KvCounter(artifacts.manifest.build_id);
    const workers = options.edgeWorkers ?? (meta.items.length >= APART_FROM ? Math.min(4, availableParallelism()) : 1);
    let blobs: Iterable<EdgeBlob>;
    if (workers > 1 && artifacts.edgeBlobs === undefined) {
      mkdirSync(partsDir);
      const previous = options.previous;
      const parts = await encodeApart(temporary, meta.items.length, workers, partsDir, previous?.folder);
      const anchors = (function* () {
        for (const part of parts.anchors) yield* readEdgePack(part);
      })();
      const kept = previous === undefined ? {} : { previous, homes: planHomes(meta.buildId, readVerdicts(parts), previous.blobs.keys()) };
      blobs = edgeBlobsOf(meta, artifacts.itemBlobs, { anchors, groups: readEdgePack(parts.groups), ...kept });
    } else if (options.previous !== undefined && artifacts.edgeBlobs === undefined) blobs = edgeBlobsOf(meta, artifacts.itemBlobs, { previous: options.previous });
    else blobs = edgeBlobsOfArtifacts(artifacts, meta);
    const edge = writeEdgePack(path.join(temporary, ARTIFACT_FILES.edge), blobs, (blob) => counter.add(blob));
    rmSync(partsDir, { recursive: true, force: true });
    sums[ARTIFACT_FILES.edge] = { bytes: edge.bytes, sha256: edge.sha256 };
    const outOfStock = artifacts.catalog === undefined ? undefined : outOfStockIds(artifacts.catalog);
    artifacts.manifest.kv = counter.finish(outOfStock, meta.createdAt, artifacts.manifest.build_id);
    artifacts.manifest.timings_ms.edge_format = Math.round(performance.now() - started);
    artifacts.manifest.parts = sums;
    writeFileSync(path.join(temporary, ARTIFACT_FILES.manifest), `${JSON.stringify(artifacts.manifest, null, 2)}\n`);
    const aside = `${target}.old-${suffix}`;
    if (existsSync(target)) renameSync(target, aside);
    renameSync(temporary, target);
    rmSync(aside, { recursive: true, force: true });
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    throw error;
  } finally {
    rmSync(partsDir, { recursive: true, force: true });
  }
}

/** Writes the pieces' UTF-8 to `file` in chunks of about 1 MiB; returns its size and SHA-256. */
function writeText(file: string, pieces: Iterable<string>): PartSum {
  return writeHashedFile(file, (append) => {
    let pending: string[] = [];
    let pendingLength = 0;
    for (const piece of pieces) {
      pending.push(piece);
      pendingLength += piece.length;
      if (pendingLength >= 1 << 20) {
        append(Buffer.from(pending.join(""), "utf8"));
        pending = [];
        pendingLength = 0;
      }
    }
    append(Buffer.from(pending.join(""), "utf8"));
  });
}

/** The catalogue's out-of-stock ids: what the stock overlay a publish writes lists. */
export function outOfStockIds(catalog: readonly CatalogProduct[]): string[] {
  return catalog.filter((p) => p.stock !== undefined && p.stock <= 0).map((p) => p.id);
}

/** A folder `build` may replace: empty, or holding only artifact files (a complete build or an interrupted one). */
function isEmptyOrArtifacts(dir: string): boolean {
  const names = new Set<string>(Object.values(ARTIFACT_FILES));
  return readdirSync(dir).every((name) => names.has(name));
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The meta blob and item blobs of a folder being written (no manifest yet): what `edgerec edge-part` encodes from. */
export function readEncodedBuild(dir: string): { meta: BuildMeta; itemBlobs: Array<Uint8Array | undefined> } {
  const decoded = <T>(name: string, decode: (bytes: Uint8Array) => T): T => {
    const file = path.join(dir, name);
    if (!existsSync(file)) throw new ArtifactsError(`${file} is missing`);
    try {
      return decode(new Uint8Array(readFileSync(file)));
    } catch (error) {
      throw new ArtifactsError(`${file} is unreadable (${(error as Error).message})`);
    }
  };
  return { meta: decoded(ARTIFACT_FILES.meta, decodeMetaBlob), itemBlobs: decoded(ARTIFACT_FILES.items, unpackItemBlobs) };
}

/** Reads a part and checks it against the manifest. */
function readPart(dir: string, manifest: Manifest, name: string): Buffer {
  const expected = manifest.parts?.[name];
  const file = path.join(dir, name);
  if (expected === undefined) throw new ArtifactsError(`${dir}: ${name} is not in the manifest of build ${manifest.build_id} (parts of two builds?)`);
  if (!existsSync(file)) throw new ArtifactsError(`${dir}: ${name} is missing (the build did not finish writing it)`);
  const bytes = readFileSync(file);
  if (bytes.length !== expected.bytes || sha256(bytes) !== expected.sha256) {
    throw new ArtifactsError(`${dir}: ${name} does not match the manifest of build ${manifest.build_id} (another build's part, or changed since)`);
  }
  return bytes;
}

/** A manifest file's JSON, not yet checked for what it holds. */
export function readManifestJson(manifestPath: string): unknown {
  try {
    return JSON.parse(readFileSync(manifestPath, "utf8"));
  } catch (error) {
    throw new ArtifactsError(`${manifestPath} is not valid JSON (${(error as Error).message})`);
  }
}

/** A build folder's manifest, checked to name its build and its parts. */
export function readManifest(dir: string): Manifest & { parts: NonNullable<Manifest["parts"]> } {
  const manifestPath = path.join(dir, ARTIFACT_FILES.manifest);
  if (!existsSync(manifestPath)) throw new ArtifactsError(`${dir} is not an artifacts folder: ${ARTIFACT_FILES.manifest} is missing (run edgerec build --out ${dir})`);
  const manifest = readManifestJson(manifestPath) as Manifest;
  if (typeof manifest !== "object" || manifest === null || typeof manifest.build_id !== "string" || typeof manifest.parts !== "object" || manifest.parts === null) {
    throw new ArtifactsError(`${manifestPath} names no build id or no checksums of its parts (written by an older edgerec? rebuild)`);
  }
  return manifest as Manifest & { parts: NonNullable<Manifest["parts"]> };
}

/**
 * The blobs of the folder's edge.bin, streamed; undefined for a folder without one. Checked for size here; its
 * checksum as it is streamed (`readEdgePack`), before publish makes anything live.
 */
export function edgeBlobsOfFolder(dir: string, manifest: Manifest & { parts: NonNullable<Manifest["parts"]> } = readManifest(dir)): (() => Generator<EdgeBlob>) | undefined {
  const edge = manifest.parts[ARTIFACT_FILES.edge];
  if (edge === undefined) return undefined;
  const file = path.join(dir, ARTIFACT_FILES.edge);
  if (!existsSync(file)) throw new ArtifactsError(`${dir}: ${ARTIFACT_FILES.edge} is missing (the build did not finish writing it)`);
  if (statSync(file).size !== edge.bytes) throw new ArtifactsError(`${dir}: ${ARTIFACT_FILES.edge} does not match the manifest of build ${manifest.build_id} (another build's part, or changed since)`);
  return () => readEdgePack(file, edge);
}

export function readArtifacts(dir: string): Artifacts {
  const manifest = readManifest(dir);
  for (const name of Object.keys(manifest.parts)) {
    if (!Object.values(ARTIFACT_FILES).includes(name as (typeof ARTIFACT_FILES)[keyof typeof ARTIFACT_FILES])) throw new ArtifactsError(`${dir}: the manifest lists an unknown part ${name}`);
  }
  for (const name of [ARTIFACT_FILES.catalog, ARTIFACT_FILES.publication, ARTIFACT_FILES.edge]) {
    if (existsSync(path.join(dir, name)) && manifest.parts[name] === undefined) throw new ArtifactsError(`${dir}: ${name} is not in the manifest of build ${manifest.build_id} (parts of two builds?)`);
  }
  const meta = new Uint8Array(readPart(dir, manifest, ARTIFACT_FILES.meta));
  let metaBuild: string;
  try {
    metaBuild = decodeMetaBlob(meta).buildId;
  } catch (error) {
    throw new ArtifactsError(`${dir}: meta.bin is unreadable (${(error as Error).message})`);
  }
  if (metaBuild !== manifest.build_id) throw new ArtifactsError(`${dir}: meta.bin is build ${metaBuild}, the manifest says ${manifest.build_id}`);
  const itemBlobs = unpackItemBlobs(new Uint8Array(readPart(dir, manifest, ARTIFACT_FILES.items)));
  const artifacts: Artifacts = { manifest, meta, itemBlobs };
  const edgeBlobs = edgeBlobsOfFolder(dir, manifest);
  if (edgeBlobs !== undefined) artifacts.edgeBlobs = edgeBlobs;
  if (manifest.parts[ARTIFACT_FILES.publication] !== undefined) artifacts.publication = parseJsonBytes(readPart(dir, manifest, ARTIFACT_FILES.publication), 3) as CatalogPublication;
  if (manifest.parts[ARTIFACT_FILES.catalog] !== undefined) artifacts.catalog = catalogLines(readPart(dir, manifest, ARTIFACT_FILES.catalog)).map((l) => fromCatalogLine(JSON.parse(l)));
  return artifacts;
}

/** The non-empty lines of a JSON Lines file, decoded one by one (the whole text may be longer than a string can be). */
function catalogLines(bytes: Buffer): string[] {
  const lines: string[] = [];
  let start = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    if (end > start) lines.push(bytes.toString("utf8", start, end));
    start = end + 1;
  }
  return lines;
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
  const count = r.count("items.bin", 1);
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
