/**
 * @module
 * A build that follows another writes only the blobs that changed: every blob of the new build is compared with the
 * previous build's blob of the same name (`serves-alike.ts`), and a hash bucket of names whose blobs all serve alike
 * and all live under one earlier build keeps that home (blob-homes.ts); every other bucket is written under the new
 * build's prefix. A bucket also holding a name the new build lacks is written afresh, so no blob of a dropped item
 * stays readable. The earlier blobs are judged as the worker will read them: against the new global blob, which
 * keeps the previous global items in their places and its reason table as a prefix; without that, nothing is kept.
 */
import { buildPrefix, metaKey } from "../keys";
import { type LoadedBuild, loadBuild } from "../recommend/loaded-build";
import { type CategoryRead, decodeAnchor, decodeCategory, decodeShard } from "../recommend/edge-request";
import type { AnchorBlob } from "./anchor-blob";
import { type BlobHomes, homeBucket, homeBucketsFor, MAX_HOME_BUILDS } from "./blob-homes";
import { type BuildMeta, decodeMetaBlob } from "./meta-blob";
import { decodeModelBlob } from "./model-blob";
import { factsAreToday, sameBytes, servesAlike, type TodaysFacts } from "./serves-alike";

/** The previous build's blobs by name (the key after the build prefix): the build whose prefix holds each, and its bytes. */
export interface PreviousBlobs {
  get(name: string): { home: string; bytes: Uint8Array } | undefined;
  keys(): Iterable<string>;
}

/** What a build keeps of the one it follows. */
export interface PreviousEdge {
  /** Its global blob, decoded. */
  global: BuildMeta;
  blobs: PreviousBlobs;
}

interface Blob {
  key: string;
  bytes: Uint8Array;
}

export interface NewBuild {
  /** The new global blob, naming `homes` when given. */
  global(homes?: BlobHomes): Uint8Array;
  today: TodaysFacts;
}

/** A blob of the new build (its name, the key after the build prefix) and the earlier build whose bytes of it serve alike, if any. */
export type Verdict = [name: string, keptAt: string | undefined];

/**
 * The new build's blobs as `edgeBlobs` yields them (global blob first), each bucket's either the new bytes under the
 * build's own key or, kept, the earlier bytes under the key of the build that holds them. `blobs` makes the new
 * build's blobs other than the global one, in order; it is called twice.
 */
export function* blobsKeptWhereAlike(meta: BuildMeta, previous: PreviousEdge, build: NewBuild, blobs: () => Iterable<Blob>): Generator<Blob> {
  const prefix = buildPrefix(meta.buildId);
  const judge = keptJudge(build, previous);
  const verdicts: Verdict[] = [];
  for (const blob of blobs()) verdicts.push(judge(blob));
  const homes = planHomes(meta.buildId, verdicts, previous.blobs.keys());
  yield { key: metaKey(meta.buildId), bytes: build.global(homes) };
  for (const blob of blobs()) yield whereItLives(blob, prefix, homes, previous.blobs);
}

/** The verdict on each blob of the new build (under its own prefix): kept at the earlier build's home when it serves alike. */
export function keptJudge(build: NewBuild, previous: PreviousEdge): (blob: Blob) => Verdict {
  const global = loadBuild(decodeMetaBlob(build.global()));
  const judge = keepable(global, previous) ? new Judge(global, build.today) : undefined;
  const prefix = buildPrefix(global.meta.buildId);
  return (blob) => {
    const name = blob.key.slice(prefix.length);
    const earlier = judge === undefined ? undefined : previous.blobs.get(name);
    return [name, earlier !== undefined && judge!.alike(name, earlier.bytes, blob.bytes) ? earlier.home : undefined];
  };
}

/**
 * The homes table of build `own` from the verdicts on all its blobs: a bucket keeps an earlier home when every blob
 * in it is kept there and it holds no name of `previousNames` the build lacks; at most MAX_HOME_BUILDS builds.
 */
export function planHomes(own: string, verdicts: readonly Verdict[], previousNames: Iterable<string>): BlobHomes {
  const buckets = homeBucketsFor(verdicts.length);
  const homeOf = new Map<string, number>([[own, 0]]);
  const state = new Int32Array(buckets);
  const seen = new Uint8Array(buckets);
  const names = new Set(verdicts.map(([name]) => name));
  for (const name of previousNames) if (!names.has(name)) state[homeBucket(name, buckets)] = REWRITE;
  for (const [name, keptAt] of verdicts) {
    const b = homeBucket(name, buckets);
    if (state[b] === REWRITE) continue;
    let home = REWRITE;
    if (keptAt !== undefined) {
      home = homeOf.get(keptAt) ?? (homeOf.size < MAX_HOME_BUILDS ? homeOf.size : REWRITE);
      if (home >= 0) homeOf.set(keptAt, home);
    }
    state[b] = seen[b] === 1 && state[b] !== home ? REWRITE : home;
    seen[b] = 1;
  }
  return { builds: [...homeOf.keys()], buckets: Uint8Array.from(state, (home) => Math.max(0, home)) };
}

/** `blob` (under the build's own `prefix`) where `homes` puts it: itself, or the earlier build's bytes under that build's key. */
export function whereItLives(blob: Blob, prefix: string, homes: BlobHomes, previous: PreviousBlobs): Blob {
  const name = blob.key.slice(prefix.length);
  const home = homes.builds[homes.buckets[homeBucket(name, homes.buckets.length)]];
  if (home === homes.builds[0]) return blob;
  const earlier = previous.get(name);
  if (earlier === undefined || earlier.home !== home) throw new RangeError(`kept blobs: ${name} is kept at build ${home}, which the previous build does not hold it at`);
  return { key: `${buildPrefix(home)}${name}`, bytes: earlier.bytes };
}

const REWRITE = -1;

/** Names of anchor blobs keyed by their item's id (`itemKey`; a very long id is hashed instead). */
const ANCHOR_BY_ID = "i/";

/** Earlier blobs read against the new global blob as they were written: the same global items in the same places, the same tables. */
function keepable(global: LoadedBuild, previous: PreviousEdge): boolean {
  const now = global.meta;
  const then = previous.global;
  const prefixOf = <T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean = (x, y) => x === y) => a.length <= b.length && a.every((x, i) => same(x, b[i]));
  const sameTable = (a: readonly string[], b: readonly string[]) => a.length === b.length && prefixOf(a, b);
  return (
    prefixOf(then.items, now.items) &&
    prefixOf(then.reasons, now.reasons, (x, y) => x.code === y.code && x.text === y.text) &&
    sameTable(then.categories, now.categories) &&
    sameTable(then.brands, now.brands) &&
    sameTable(then.display?.currencies ?? [], now.display?.currencies ?? [])
  );
}

/** Earlier blobs judged against the new ones, both read as the worker reads them (`core/recommend/edge-request.ts`). */
class Judge {
  constructor(
    private readonly global: LoadedBuild,
    private readonly today: TodaysFacts,
  ) {}

  /** Whether the earlier blob named `name` serves like the new one; false for one that does not read. */
  alike(name: string, earlier: Uint8Array, next: Uint8Array): boolean {
    if (sameBytes(earlier, next)) return true;
    const { global } = this;
    try {
      switch (name[0]) {
        case "m": {
          const devices = (bytes: Uint8Array) => decodeModelBlob(bytes).map((d) => ({ id: d.id, blob: decodeAnchor(global, d.blob) }));
          return this.devicesAlike(devices(earlier), devices(next));
        }
        case "c": {
          const [a, b] = [decodeCategory(global, earlier), decodeCategory(global, next)];
          return this.anchorAlike(a.lists, b.lists) && this.devicesAlike(a.devices, b.devices);
        }
        case "d": {
          const [a, b] = [decodeShard(global, earlier), decodeShard(global, next)];
          return a.ids.length === b.ids.length && a.ids.every((id, k) => id === b.ids[k]) && factsAreToday(a, this.today);
        }
        default:
          return this.anchorAlike(decodeAnchor(global, earlier), decodeAnchor(global, next), name.startsWith(ANCHOR_BY_ID) ? name.slice(ANCHOR_BY_ID.length) : undefined);
      }
    } catch {
      return false;
    }
  }

  private anchorAlike(earlier: AnchorBlob, next: AnchorBlob, anchor?: string): boolean {
    return servesAlike(earlier, next, this.global.meta.items, this.today, anchor);
  }

  private devicesAlike(earlier: CategoryRead["devices"], next: CategoryRead["devices"]): boolean {
    return earlier.length === next.length && earlier.every((d, i) => d.id === next[i].id && this.anchorAlike(d.blob, next[i].blob, d.id));
  }
}
