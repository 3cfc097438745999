/**
 * @module
 * A decoded build ready to serve: the meta blob plus the id -> index map derived from it. Built once per
 * build per isolate (or per offline run) and reused by every request.
 */
import type { DictionaryBounds } from "../blob/byte-reader";
import type { BuildMeta } from "../blob/meta-blob";

export interface LoadedBuild {
  meta: BuildMeta;
  index: ItemIndex;
}

/** Item id -> index in `meta.items`. */
export interface ItemIndex {
  get(id: string): number | undefined;
  has(id: string): boolean;
}

export function loadBuild(meta: BuildMeta): LoadedBuild {
  const index = new Map<string, number>();
  for (let i = 0; i < meta.items.length; i++) index.set(meta.items[i], i);
  return { meta, index };
}

/** What the build's item blobs may index: its item dictionary and reason table. */
export function dictionaryBounds(build: LoadedBuild): DictionaryBounds {
  return { items: build.meta.items.length, reasons: build.meta.reasons.length };
}

/** The text shown for an item: its short model name where the build has one, else its title, else its id. */
export function displayName(build: LoadedBuild, item: number): string {
  const model = build.meta.itemModelName?.[item] ?? -1;
  if (model >= 0) return build.meta.modelNames![model];
  const title = build.meta.titles[item];
  return title !== undefined && title.length > 0 ? title : build.meta.items[item];
}

/** Orders items the way the whole build does (`edge.ordinals` for a request's build of the edge format, else by index). */
export function inBuildOrder(build: LoadedBuild): (a: number, b: number) => number {
  const order = build.meta.edge?.ordinals;
  return order === undefined ? (a, b) => a - b : (a, b) => order[a] - order[b];
}
