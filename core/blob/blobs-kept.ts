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
import { type AnchorBlob, decodeAnchorBlob } from "./anchor-blob";
import { type BlobHomes, homeBucket, homeBucketsFor, MAX_HOME_BUILDS } from "./blob-homes";
import { decodeCategoryBlob } from "./category-blob";
import { decodeDirectoryShard } from "./directory-shard";
import type { FactTables } from "./item-facts";
import { type BuildMeta, decodeMetaBlob } from "./meta-blob";
import { decodeModelBlob, type ModelDevice } from "./model-blob";
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

/** Earlier blobs read against the new global blob as they were written: the same global items in the same places, the same tables. */
function keepable(global: LoadedBuild, previous: PreviousEdge): boolean {
  const now = global.meta;
  const then = previous.global;
  const prefixOf = <T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean) => a.length <= b.length && a.every((x, i) => same(x, b[i]));
  const equal = <T>(x: T, y: T) => x === y;
  return (
    prefixOf(then.items, now.items, equal) &&
    prefixOf(then.reasons, now.reasons, (x, y) => x.code === y.code && x.text === y.text) &&
    then.categories.length === now.categories.length &&
    prefixOf(then.categories, now.categories, equal) &&
    then.brands.length === now.brands.length &&
    prefixOf(then.brands, now.brands, equal) &&
    prefixOf(then.display?.currencies ?? [], now.display?.currencies ?? [], equal) &&
    (then.display?.currencies.length ?? 0) === (now.display?.currencies.length ?? 0)
  );
}

class Judge {
  private readonly tables: FactTables;

  constructor(
    private readonly global: LoadedBuild,
    private readonly today: TodaysFacts,
  ) {
    const { meta } = global;
    this.tables = { items: meta.edge?.items ?? meta.items.length, categories: meta.categories.length, brands: meta.brands.length, currencies: meta.display?.currencies.length ?? 0 };
  }

  /** Whether the earlier blob named `name` serves like the new one; false for one that does not read. */
  alike(name: string, earlier: Uint8Array, next: Uint8Array): boolean {
    if (sameBytes(earlier, next)) return true;
    try {
      switch (name[0]) {
        case "m":
          return this.devicesAlike(decodeModelBlob(earlier), decodeModelBlob(next));
        case "c": {
          const [a, b] = [decodeCategoryBlob(earlier), decodeCategoryBlob(next)];
          return this.anchorAlike(this.anchor(a.lists), this.anchor(b.lists)) && this.devicesAlike(a.devices, b.devices);
        }
        case "d": {
          const [a, b] = [decodeDirectoryShard(earlier, this.tables), decodeDirectoryShard(next, this.tables)];
          return a.ids.length === b.ids.length && a.ids.every((id, k) => id === b.ids[k]) && factsAreToday(a, this.today);
        }
        default:
          return this.anchorAlike(this.anchor(earlier), this.anchor(next));
      }
    } catch {
      return false;
    }
  }

  private anchor(bytes: Uint8Array): AnchorBlob {
    const { meta } = this.global;
    return decodeAnchorBlob(bytes, meta.items.length, this.tables, meta.reasons.length);
  }

  private anchorAlike(earlier: AnchorBlob, next: AnchorBlob): boolean {
    return servesAlike(earlier, next, this.global.meta.items, this.today);
  }

  private devicesAlike(earlier: readonly ModelDevice[], next: readonly ModelDevice[]): boolean {
    return earlier.length === next.length && earlier.every((d, i) => d.id === next[i].id && (sameBytes(d.blob, next[i].blob) || this.anchorAlike(this.anchor(d.blob), this.anchor(next[i].blob))));
  }
}
