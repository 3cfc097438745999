/**
 * @module
 * The build's sequence model alone, as a next-item baseline: every item with an embedding ranked by its logit
 * (`core/sequence/gru-model.ts`) after the prefix's items, the prefix's own items left out. It reads the
 * embeddings and weights from the build's blobs, as served (int8), and runs the edge's forward pass.
 */
import { decodeItemBlob } from "../../core/blob/item-blob";
import type { LoadedBuild } from "../../core/recommend/loaded-build";
import { itemLogit, type SequenceModel, sessionState } from "../../core/sequence/gru-model";
import { sessionEmbeddings } from "../../core/sequence/sequence-blend";
import type { Artifacts } from "../build/artifacts";
import { selectTop } from "../mining/top-k";

export class SequenceModelRanker {
  private readonly model: SequenceModel;
  private readonly embedded: number[] = [];
  private readonly rowOf = new Map<number, number>();
  private readonly rows: Int8Array;

  constructor(
    artifacts: Artifacts,
    private readonly build: LoadedBuild,
  ) {
    const model = build.meta.sequenceModel;
    if (model === undefined) throw new Error("the build carries no sequence model");
    this.model = model;
    const rows: Int8Array[] = [];
    artifacts.itemBlobs.forEach((blob, item) => {
      const anchor = blob === undefined ? undefined : decodeItemBlob(blob).next_item?.embeddings?.anchor;
      if (anchor === undefined) return;
      this.rowOf.set(item, this.embedded.length);
      this.embedded.push(item);
      rows.push(anchor);
    });
    this.rows = new Int8Array(rows.length * model.dim);
    rows.forEach((row, r) => this.rows.set(row, r * model.dim));
  }

  /** The `limit` best item ids after the prefix (ids, oldest first). */
  recommend(prefix: readonly string[], limit: number): string[] {
    const d = this.model.dim;
    const items = prefix.map((id) => this.build.index.get(id));
    const session = sessionEmbeddings(items, (item) => {
      const r = this.rowOf.get(item);
      return r === undefined ? undefined : this.rows.subarray(r * d, (r + 1) * d);
    });
    if (session.length === 0) return [];
    const state = sessionState(this.model, session);
    const own = new Set(items);
    const candidates = new Uint32Array(this.embedded.length);
    const scores = new Float64Array(this.embedded.length);
    let count = 0;
    this.embedded.forEach((item, r) => {
      if (own.has(item)) return;
      candidates[count] = item;
      scores[count++] = itemLogit(this.model, state, this.rows, r * d);
    });
    const top = selectTop(candidates, scores, count, limit);
    return Array.from(candidates.subarray(0, top), (item) => this.build.meta.items[item]);
  }
}
