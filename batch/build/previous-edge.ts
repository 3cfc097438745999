/**
 * @module
 * The blobs of the build a new build follows (`edgerec build --previous DIR`), read from its folder's edge.bin, so
 * the new build keeps those that serve alike where they live (`core/blob/blobs-kept.ts`). Held in memory: up to
 * KEPT_UP_TO items; a larger previous build is followed for its weights only.
 */
import { existsSync, statSync } from "node:fs";
import type { PreviousEdge } from "../../core/blob/blobs-kept";
import { decodeMetaBlob } from "../../core/blob/meta-blob";
import { metaKey } from "../../core/keys";
import { readArtifacts } from "./artifacts";

/** Items of a previous build whose blobs a new build compares with its own. */
const KEPT_UP_TO = 50_000;

/** The previous build's edge blobs, or why it has none to keep (a manifest on its own, too large a build). */
export function readPreviousEdge(at: string): PreviousEdge | string {
  if (!(existsSync(at) && statSync(at).isDirectory())) return "a manifest without its build folder: no blobs to keep";
  const artifacts = readArtifacts(at);
  const items = artifacts.manifest.counts?.items;
  if (typeof items === "number" && items > KEPT_UP_TO) return `${items} items: blobs are kept only up to ${KEPT_UP_TO}`;
  const own = artifacts.manifest.build_id;
  let global: PreviousEdge["global"] | undefined;
  const blobs = new Map<string, { home: string; bytes: Uint8Array }>();
  for (const { key, bytes } of artifacts.edgeBlobs?.() ?? []) {
    if (key === metaKey(own)) {
      global = decodeMetaBlob(bytes);
      continue;
    }
    const slash = key.indexOf("/", 2);
    blobs.set(key.slice(slash + 1), { home: key.slice(2, slash), bytes: bytes.slice() });
  }
  if (global?.edge === undefined) return "its folder has no edge format to keep blobs of";
  return { global, blobs };
}
