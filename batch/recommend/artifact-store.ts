/**
 * @module
 * Serves requests offline from an artifacts folder, gathering exactly the data the worker gathers from KV
 * (the meta blob and the anchors' item blobs), then calling the same `recommend()`.
 */
import { decodeItemBlob, type ItemLists } from "../../core/blob/item-blob";
import { decodeMetaBlob } from "../../core/blob/meta-blob";
import { dictionaryBounds, loadBuild, type LoadedBuild } from "../../core/recommend/loaded-build";
import { recommend } from "../../core/recommend/recommend";
import { anchorIds, type ServingData } from "../../core/recommend/serving-data";
import type { RecommendationRequest } from "../../core/request-schema";
import type { RecommendationResponse } from "../../core/recommendation-response";
import type { Artifacts } from "../build/artifacts";

export class ArtifactStore {
  readonly build: LoadedBuild;
  private readonly decoded = new Map<number, ItemLists | null>();

  constructor(private readonly artifacts: Artifacts) {
    this.build = loadBuild(decodeMetaBlob(artifacts.meta));
  }

  servingData(request: RecommendationRequest): ServingData {
    const lists = new Map<string, ItemLists | null>();
    let degraded = false;
    for (const id of anchorIds(request, this.build)) {
      const index = this.build.index.get(id);
      if (index === undefined) continue;
      const item = this.itemLists(index);
      if (item === null) degraded = true;
      if (item !== undefined) lists.set(id, item);
    }
    return { build: this.build, lists, degraded };
  }

  recommend(request: RecommendationRequest, recId: string): RecommendationResponse {
    return recommend(request, this.servingData(request), { recId });
  }

  private itemLists(index: number): ItemLists | null | undefined {
    const cached = this.decoded.get(index);
    if (cached !== undefined) return cached;
    const blob = this.artifacts.itemBlobs[index];
    if (blob === undefined) return undefined;
    let lists: ItemLists | null;
    try {
      lists = decodeItemBlob(blob, dictionaryBounds(this.build));
    } catch {
      lists = null;
    }
    this.decoded.set(index, lists);
    return lists;
  }
}
