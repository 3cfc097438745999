/**
 * @module
 * Every KV key name edgerec reads or writes. A build's blobs live under `b/<build>/`; the `live` pointer names
 * the build being served, so publishing writes every blob first and flips the pointer last.
 */
import { fnv1a32 } from "./blob/checksum";

const encoder = new TextEncoder();

export const LIVE_POINTER_KEY = "live";

/** Overlays that change without a rebuild; read with a short cache TTL. */
export const CONFIG_KEYS = {
  stock: "cfg/stock",
  rules: "cfg/rules",
  experiments: "cfg/experiments",
  slotPlans: "cfg/slot-plans",
} as const;

export function buildPrefix(buildId: string): string {
  return `b/${buildId}/`;
}

/** The build and the blob's name (what follows `b/<build>/`) of a key under a build's prefix. */
export function splitBuildKey(key: string): { build: string; name: string } {
  const slash = key.indexOf("/", 2);
  return { build: key.slice(2, slash), name: key.slice(slash + 1) };
}

export function metaKey(buildId: string): string {
  return `b/${buildId}/meta`;
}

/** The edge format's directory shard k (`core/blob/directory-shard.ts`). */
export function shardKey(buildId: string, shard: number): string {
  return `b/${buildId}/d/${shard}`;
}

/** The edge format's blob of category c (its index in the build's categories): `core/blob/edge-format.ts`. */
export function categoryKey(buildId: string, category: number): string {
  return `b/${buildId}/c/${category}`;
}

/** The directory shard of an item id among `shards`. */
export function shardOf(itemId: string, shards: number): number {
  return fnv1a32(encoder.encode(itemId)) % shards;
}

const MAX_ID_BYTES = 400;

/** KV keys are at most 512 bytes: very long item ids are replaced by a hash of them. */
export function itemKey(buildId: string, itemId: string): string {
  if (itemId.length * 3 <= MAX_ID_BYTES) return `b/${buildId}/i/${itemId}`;
  const bytes = encoder.encode(itemId);
  if (bytes.length <= MAX_ID_BYTES) return `b/${buildId}/i/${itemId}`;
  const reversed = bytes.slice().reverse();
  return `b/${buildId}/h/${hex(fnv1a32(bytes))}${hex(fnv1a32(reversed))}${bytes.length}`;
}

/** The edge format's blob of the devices of one model a search names (`core/blob/model-blob.ts`); model slugs are short. */
export function modelKey(buildId: string, model: string): string {
  return `b/${buildId}/m/${model.slice(0, MAX_ID_BYTES / 4)}`;
}

/** The value stored at LIVE_POINTER_KEY. */
export interface LivePointer {
  build: string;
  published_at: number;
  previous?: string;
}

export function parseLivePointer(text: string | null): LivePointer | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as Partial<LivePointer>;
    return typeof value.build === "string" && value.build.length > 0 ? (value as LivePointer) : null;
  } catch {
    return null;
  }
}

function hex(n: number): string {
  return n.toString(16).padStart(8, "0");
}
