/**
 * @module
 * Serves requests offline from an artifacts folder the way the worker serves them from KV: the build in its edge
 * format (`core/blob/edge-format.ts`: the global blob, the anchors' blobs, a directory shard when a blob is lost),
 * each blob encoded from the folder's build and decoded again as the worker decodes it, the request's build
 * composed by the same steps (`core/recommend/edge-request.ts`), then the same `recommend()`.
 */
import { decodeItemBlob, type ItemLists, type ListKind } from "../../core/blob/item-blob";
import { decodeMetaBlob } from "../../core/blob/meta-blob";
import { EdgeLayout } from "../../core/blob/edge-format";
import { modelKey } from "../../core/keys";
import { recommend } from "../../core/recommend/recommend";
import { readsPriceBands, resolveSlotPlans } from "../../core/recommend/slot-plans";
import type { ItemFacts } from "../../core/blob/item-facts";
import type { RecommendationRequest } from "../../core/request-schema";
import type { RecommendationResponse } from "../../core/recommendation-response";
import type { Artifacts } from "../build/artifacts";
import { composeBuild } from "../../core/recommend/compose-build";
import { anchorCategories, anchorKeys, type CategoryRead, decodeCategory, decodeShard, modelKeys, readAnchors, readModels, requestCategories, shardKeysOf, strandedOf, useCategories } from "../../core/recommend/edge-request";
import { dictionaryBounds, type LoadedBuild, loadBuild } from "../../core/recommend/loaded-build";
import type { ServingData } from "../../core/recommend/serving-data";

export class ArtifactStore {
  /** The whole build, as the folder holds it. */
  readonly build: LoadedBuild;
  /** The edge format's global blob, decoded. */
  readonly global: LoadedBuild;
  private readonly layout: EdgeLayout;
  private readonly anchors = new Map<string, Uint8Array>();
  private readonly shards = new Map<string, ItemFacts>();
  private readonly categoryBlobs = new Map<number, CategoryRead | null>();

  constructor(private readonly artifacts: Artifacts) {
    this.build = loadBuild(decodeMetaBlob(artifacts.meta));
    const bounds = dictionaryBounds(this.build);
    this.layout = new EdgeLayout(this.build.meta, (item) => this.listsAt(item, bounds));
    this.global = loadBuild(decodeMetaBlob(this.layout.globalBlob()));
  }

  servingData(request: RecommendationRequest): ServingData {
    const read = this.readAnchors(request);
    let degraded = false;
    let stranded: ReturnType<typeof strandedOf>["stranded"] = new Map();
    const named = requestCategories(this.global, request);
    useCategories(this.categoriesRead(named), read.blobs);
    const wanted = [...named, ...anchorCategories(this.global, read.blobs, stranded, named)];
    if (read.lost.length > 0) {
      for (const key of shardKeysOf(this.global, read.lost)) this.shardFacts(key);
      const found = strandedOf(this.global, read.lost, (key) => this.shards.get(key));
      stranded = found.stranded;
      degraded = found.degraded;
      wanted.push(...anchorCategories(this.global, new Map(), stranded, wanted));
    }
    const skip = readsPriceBands(resolveSlotPlans(undefined)[request.placement]) ? new Set<ListKind>() : new Set<ListKind>(["price_band"]);
    const composed = composeBuild(this.global, read.blobs, stranded, useCategories(this.categoriesRead(wanted), read.blobs), skip);
    return { build: composed.build, lists: composed.lists, degraded };
  }

  /** The request's anchor blobs (and its query's model blobs), decoded as the worker decodes them. */
  readAnchors(request: RecommendationRequest): ReturnType<typeof readAnchors> {
    const read = readAnchors(this.global, anchorKeys(this.global, request, undefined), (key, id) => this.anchorBytes(key, id));
    readModels(this.global, modelKeys(this.global, request), (key) => this.layout.modelBlob(key.slice(modelKey(this.build.meta.buildId, "").length)) ?? null, read.blobs);
    return read;
  }

  recommend(request: RecommendationRequest, recId: string): RecommendationResponse {
    return recommend(request, this.servingData(request), { recId });
  }

  /** The item's blob as publish writes it, or null for an id the build does not hold (a missing key). */
  private anchorBytes(key: string, id: string): Uint8Array | null {
    let bytes = this.anchors.get(key);
    if (bytes === undefined) {
      const item = this.build.index.get(id);
      if (item === undefined) return null;
      bytes = this.layout.anchorBlob(item);
      this.anchors.set(key, bytes);
    }
    return bytes;
  }

  private categoriesRead(categories: readonly number[]): Map<number, CategoryRead> {
    const out = new Map<number, CategoryRead>();
    for (const c of categories) {
      const read = this.categoryBlob(c);
      if (read !== undefined) out.set(c, read);
    }
    return out;
  }

  private categoryBlob(c: number): CategoryRead | undefined {
    let blob = this.categoryBlobs.get(c);
    if (blob === undefined) {
      const bytes = this.layout.categoryBlob(c);
      blob = bytes === undefined ? null : decodeCategory(this.global, bytes);
      this.categoryBlobs.set(c, blob);
    }
    return blob ?? undefined;
  }

  private shardFacts(key: string): void {
    if (this.shards.has(key)) return;
    const k = Number(key.slice(key.lastIndexOf("/") + 1));
    this.shards.set(key, decodeShard(this.global, this.layout.shardBlob(k)));
  }

  private listsAt(item: number, bounds: { items: number; reasons: number }): ItemLists | undefined {
    const blob = this.artifacts.itemBlobs[item];
    if (blob === undefined) return undefined;
    return decodeItemBlob(blob, bounds);
  }
}
