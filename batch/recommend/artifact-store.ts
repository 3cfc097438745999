/**
 * @module
 * Serves requests offline from an artifacts folder the way the worker serves them from KV: the build in its edge
 * format (`core/blob/edge-format.ts`: the global blob, the anchors' blobs, a directory shard when a blob is lost),
 * each blob encoded from the folder's build and decoded again as the worker decodes it, the request's build
 * composed by the same steps (`core/recommend/edge-request.ts`), then the same `recommend()`.
 */
import { decodeItemBlob, type ItemLists } from "../../core/blob/item-blob";
import { decodeMetaBlob } from "../../core/blob/meta-blob";
import { EdgeLayout } from "../../core/blob/edge-format";
import { modelKey } from "../../core/keys";
import { recommend } from "../../core/recommend/recommend";
import type { ItemFacts } from "../../core/blob/item-facts";
import type { RecommendationRequest } from "../../core/request-schema";
import type { RecommendationResponse } from "../../core/recommendation-response";
import type { Artifacts } from "../build/artifacts";
import {
  anchorKeys,
  type CategoryRead,
  decodeCategory,
  decodeShard,
  type EdgeBlobsAtHand,
  modelKeys,
  readAnchors,
  readModels,
  servingDataAtHand,
} from "../../core/recommend/edge-request";
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

  /** The blobs publish would write, made on demand from the folder's build. */
  private readonly atHand: EdgeBlobsAtHand = {
    bytes: (key, id) => (key.startsWith(this.modelPrefix) ? (this.layout.modelBlob(key.slice(this.modelPrefix.length)) ?? null) : this.anchorBytes(key, id)),
    category: (c) => this.categoryBlob(c),
    shard: (key) => this.shardFacts(key),
  };
  private readonly modelPrefix: string;

  constructor(private readonly artifacts: Artifacts) {
    this.build = loadBuild(decodeMetaBlob(artifacts.meta));
    const bounds = dictionaryBounds(this.build);
    this.layout = new EdgeLayout(this.build.meta, (item) => this.listsAt(item, bounds));
    this.global = loadBuild(decodeMetaBlob(this.layout.globalBlob()));
    this.modelPrefix = modelKey(this.build.meta.buildId, "");
  }

  servingData(request: RecommendationRequest): ServingData {
    return servingDataAtHand(this.global, request, this.atHand);
  }

  /** The request's anchor blobs (and its query's model blobs), decoded as the worker decodes them. */
  readAnchors(request: RecommendationRequest): ReturnType<typeof readAnchors> {
    const read = readAnchors(this.global, anchorKeys(this.global, request, undefined), (key, id) => this.anchorBytes(key, id));
    readModels(this.global, modelKeys(this.global, request), (key) => this.atHand.bytes(key, ""), read.blobs);
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

  private categoryBlob(c: number): CategoryRead | undefined {
    let blob = this.categoryBlobs.get(c);
    if (blob === undefined) {
      const bytes = this.layout.categoryBlob(c);
      blob = bytes === undefined ? null : decodeCategory(this.global, bytes);
      this.categoryBlobs.set(c, blob);
    }
    return blob ?? undefined;
  }

  private shardFacts(key: string): ItemFacts | undefined {
    let facts = this.shards.get(key);
    if (facts === undefined) {
      const k = Number(key.slice(key.lastIndexOf("/") + 1));
      if (!(k < this.layout.shards)) return undefined;
      facts = decodeShard(this.global, this.layout.shardBlob(k));
      this.shards.set(key, facts);
    }
    return facts;
  }

  private listsAt(item: number, bounds: { items: number; reasons: number }): ItemLists | undefined {
    const blob = this.artifacts.itemBlobs[item];
    if (blob === undefined) return undefined;
    return decodeItemBlob(blob, bounds);
  }
}
