/**
 * @module
 * The sequence model the build trains (GRU4Rec, Hidasi et al. 2016: a gated recurrent unit over the session's
 * items, scoring an item by the dot product of the session state with the item's embedding), as the edge runs it.
 * `recommend()` offline and the worker call this same code on the same decoded blobs, so both compute the same
 * numbers bit for bit (float64 arithmetic, in the same order, on the same int8 inputs).
 *
 *   x_t  = s q_t                      q_t the int8 embedding of the session's t-th item, s the build's scale
 *   z    = sigmoid(x_t W_z + h U_z + b_z)            update gate
 *   r    = sigmoid(x_t W_r + h U_r + b_r)            reset gate
 *   h~   = tanh(x_t W_h + (r * h) U_h + b_h)
 *   h    = h + z * (h~ - h)           from h = 0, over the session's last `maxSteps` items that have embeddings
 *   logit(j) = h . (s q_j)
 *
 * W and U are d x 3d, row-major, their columns the blocks [z | r | h~]; b has 3d entries.
 */

export interface SequenceModel {
  /** Embedding and state size d. */
  dim: number;
  /** s: an embedding entry is s times its int8 value. */
  scale: number;
  /** d x 3d input weights. */
  inputWeights: Float32Array;
  /** d x 3d recurrent weights. */
  recurrentWeights: Float32Array;
  /** 3d biases. */
  bias: Float32Array;
  /** Items of the session the state reads at most (the latest). */
  maxSteps: number;
  /** Weight of the model in the next-item blend (`sequence-blend.ts`); 0: the edge does not run it. */
  blendWeight: number;
}

/** The int8 embeddings an item blob carries with its `next_item` list: the anchor's and each candidate's, in list order. */
export interface ListEmbeddings {
  /** d entries. */
  anchor: Int8Array;
  /** d entries per candidate, aligned with the list's items. */
  candidates: Int8Array;
}

/** The session state h after reading `inputs` (int8 embeddings, oldest first; only the last `maxSteps` count). */
export function sessionState(model: SequenceModel, inputs: readonly Int8Array[]): Float64Array {
  const d = model.dim;
  const width = 3 * d;
  const { inputWeights: W, recurrentWeights: U, bias: b, scale } = model;
  let h = new Float64Array(d);
  let next = new Float64Array(d);
  const gates = new Float64Array(width);
  const x = new Float64Array(d);
  const rh = new Float64Array(d);
  for (let t = Math.max(0, inputs.length - model.maxSteps); t < inputs.length; t++) {
    const q = inputs[t];
    for (let i = 0; i < d; i++) x[i] = q[i] * scale;
    for (let k = 0; k < width; k++) gates[k] = b[k];
    for (let i = 0; i < d; i++) {
      const xi = x[i];
      const hi = h[i];
      const row = i * width;
      for (let k = 0; k < 2 * d; k++) gates[k] += xi * W[row + k] + hi * U[row + k];
      for (let k = 2 * d; k < width; k++) gates[k] += xi * W[row + k];
    }
    for (let k = 0; k < 2 * d; k++) gates[k] = sigmoid(gates[k]);
    for (let i = 0; i < d; i++) rh[i] = gates[d + i] * h[i];
    for (let i = 0; i < d; i++) {
      const rhi = rh[i];
      const row = i * width + 2 * d;
      for (let k = 0; k < d; k++) gates[2 * d + k] += rhi * U[row + k];
    }
    for (let k = 0; k < d; k++) {
      const candidate = Math.tanh(gates[2 * d + k]);
      next[k] = h[k] + gates[k] * (candidate - h[k]);
    }
    [h, next] = [next, h];
  }
  return h;
}

/** logit(j) for the embedding at `offset` of `rows` (d int8 entries). */
export function itemLogit(model: SequenceModel, state: Float64Array, rows: Int8Array, offset: number): number {
  let dot = 0;
  for (let k = 0; k < model.dim; k++) dot += state[k] * rows[offset + k];
  return dot * model.scale;
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
