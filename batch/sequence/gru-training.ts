/**
 * @module
 * Trains the next-item GRU (`core/sequence/gru-model.ts`) with TensorFlow.js, in the manner of GRU4Rec (Hidasi
 * et al. 2016; Hidasi & Karatzoglou 2018): item embeddings tied between input and output, every step of a
 * session predicting its next item. Sessions longer than `maxSteps` + 1 items are cut into windows of that many,
 * latest first, so training sees what the edge sees (the last `maxSteps` views). The loss per step is the
 * sampled softmax cross-entropy
 *
 *   L = -z(y) + log sum over c in C of exp z(c),     z(c) = h . e_c
 *
 * over C = the batch's target items plus `negatives` items drawn by popularity^0.75 (all items when there are
 * fewer), optimised with Adam. After each epoch the validation sessions are ranked over every item (their own
 * items left out) and v = HR@10 + MRR@20 measured; training stops after `patience` epochs without a better v,
 * at `maxEpochs`, or when the time budget is spent (checked after every batch, so one long epoch cannot overrun
 * it), and the weights of the best epoch are returned.
 *
 * Deterministic under a seed: initial weights, batch order and negative samples come from the project's Rng
 * (separate streams), and the backend runs single-threaded.
 */
import { Rng } from "../../core/random/rng";
import { tf } from "./training-backend";

export interface GruTrainingOptions {
  /** d (default 32). */
  dim?: number;
  /** Steps of a training window and of the edge's state (default 12). */
  maxSteps?: number;
  batchSize?: number;
  learningRate?: number;
  /** Sampled negatives per batch (default 512). */
  negatives?: number;
  maxEpochs?: number;
  patience?: number;
  seed?: number;
  /** Training stops when this many seconds have passed, mid-epoch if need be (the last batch finishes, then the validation); default 300. */
  maxSeconds?: number;
}

export interface GruTrainingData {
  /** Items 0 .. vocabSize - 1. */
  vocabSize: number;
  /** Training sessions as vocabulary indices, oldest first (at least two items each). */
  sessions: readonly Int32Array[];
  /** Validation prefixes (vocabulary items, oldest first) and the item that followed. */
  validation: ReadonlyArray<{ prefix: Int32Array; target: number }>;
}

export interface TrainedGru {
  dim: number;
  maxSteps: number;
  /** vocabSize x d. */
  embeddings: Float32Array;
  inputWeights: Float32Array;
  recurrentWeights: Float32Array;
  bias: Float32Array;
  epochs: number;
  /** Batches trained, over all epochs. */
  batches: number;
  bestEpoch: number;
  /** v = HR@10 + MRR@20 on the validation sessions after each epoch. */
  history: number[];
  stoppedBy: "patience" | "max_epochs" | "time_budget";
  milliseconds: number;
  /** Largest tensor memory held during training, and the process's largest resident set seen. */
  peakTensorBytes: number;
  peakRssBytes: number;
}

const DEFAULTS = { dim: 32, maxSteps: 12, batchSize: 128, learningRate: 0.005, negatives: 512, maxEpochs: 20, patience: 3, seed: 42, maxSeconds: 300 } as const;

export function trainGru(data: GruTrainingData, options: GruTrainingOptions = {}): TrainedGru {
  const o = { ...DEFAULTS, ...options };
  const started = performance.now();
  const d = o.dim;
  const n = data.vocabSize;
  const windows = trainingWindows(data.sessions, o.maxSteps);
  const sampler = new NegativeSampler(data.sessions, n, new Rng(o.seed, "sequence-negatives"));
  const init = new Rng(o.seed, "sequence-init");
  const order = new Rng(o.seed, "sequence-batches");
  const embeddings = tf.variable(tf.tensor2d(Float32Array.from({ length: n * d }, () => init.normal() * 0.05), [n, d]));
  const inputWeights = tf.variable(glorot(init, d, 3 * d));
  const recurrentWeights = tf.variable(glorot(init, d, 3 * d));
  const bias = tf.variable(tf.zeros([3 * d]));
  const variables = [embeddings, inputWeights, recurrentWeights, bias];
  const optimizer = tf.train.adam(o.learningRate);
  const model: GraphWeights = { embeddings, inputWeights, recurrentWeights, bias, dim: d };

  let peakTensorBytes = 0;
  let peakRssBytes = 0;
  const notePeaks = () => {
    peakTensorBytes = Math.max(peakTensorBytes, tf.memory().numBytes);
    peakRssBytes = Math.max(peakRssBytes, process.memoryUsage().rss);
  };
  const history: number[] = [];
  let best: { epoch: number; value: number; weights: Float32Array[] } | undefined;
  let stoppedBy: TrainedGru["stoppedBy"] = "max_epochs";
  const positions = windows.map((_, i) => i);
  let batches = 0;
  const overBudget = () => (performance.now() - started) / 1000 > o.maxSeconds;
  for (let epoch = 0; epoch < o.maxEpochs; epoch++) {
    order.shuffle(positions);
    let cut = false;
    for (let start = 0; start < positions.length; start += o.batchSize) {
      const batch = positions.slice(start, start + o.batchSize).map((i) => windows[i]);
      const scratch: tf.Tensor[] = [];
      const loss = optimizer.minimize(() => batchLoss(model, batch, sampler.draw(o.negatives), scratch), true, variables);
      notePeaks();
      loss?.dispose();
      for (const t of scratch) t.dispose();
      batches++;
      if (start + o.batchSize < positions.length && overBudget()) {
        cut = true;
        break;
      }
    }
    const value = validationValue(model, data.validation, o.maxSteps);
    notePeaks();
    history.push(value);
    if (best === undefined || value > best.value + 1e-9) best = { epoch, value, weights: variables.map((v) => v.dataSync().slice() as Float32Array) };
    if (epoch - best.epoch >= o.patience) {
      stoppedBy = "patience";
      break;
    }
    if (cut || (overBudget() && epoch + 1 < o.maxEpochs)) {
      stoppedBy = "time_budget";
      break;
    }
  }
  const weights = best?.weights ?? variables.map((v) => v.dataSync().slice() as Float32Array);
  for (const v of variables) v.dispose();
  optimizer.dispose();
  return {
    dim: d,
    maxSteps: o.maxSteps,
    embeddings: weights[0],
    inputWeights: weights[1],
    recurrentWeights: weights[2],
    bias: weights[3],
    epochs: history.length,
    batches,
    bestEpoch: best?.epoch ?? 0,
    history,
    stoppedBy,
    milliseconds: Math.round(performance.now() - started),
    peakTensorBytes,
    peakRssBytes,
  };
}

/** Windows of at most maxSteps + 1 items, cut from each session's end. */
function trainingWindows(sessions: readonly Int32Array[], maxSteps: number): Int32Array[] {
  const windows: Int32Array[] = [];
  for (const session of sessions) {
    for (let end = session.length; end > 1; end -= maxSteps) windows.push(session.subarray(Math.max(0, end - maxSteps - 1), end));
  }
  return windows;
}

interface GraphWeights {
  embeddings: tf.Tensor;
  inputWeights: tf.Tensor;
  recurrentWeights: tf.Tensor;
  bias: tf.Tensor;
  dim: number;
}

/** TensorFlow.js's own logits h . e_j of every item after each prefix (rows of vocabSize, float32): the reference the edge's forward pass is checked against. */
export function gruLogits(trained: TrainedGru, prefixes: readonly Int32Array[]): Float32Array {
  return tf.tidy(() => {
    const d = trained.dim;
    const weights: GraphWeights = {
      embeddings: tf.tensor2d(trained.embeddings, [trained.embeddings.length / d, d]),
      inputWeights: tf.tensor2d(trained.inputWeights, [d, 3 * d]),
      recurrentWeights: tf.tensor2d(trained.recurrentWeights, [d, 3 * d]),
      bias: tf.tensor1d(trained.bias),
      dim: d,
    };
    const scratch: tf.Tensor[] = [];
    const steps = Math.max(1, ...prefixes.map((p) => p.length));
    const states = unroll(weights, prefixes, steps, scratch);
    const logits = tf.matMul(states[steps - 1], weights.embeddings, false, true).dataSync() as Float32Array;
    for (const t of scratch) t.dispose();
    return logits.slice();
  });
}

/**
 * Rows of `table` at `ids`, with the gradient scattered back by `scatterND` (duplicates summed): TensorFlow.js's
 * own gather gradient needs a kernel the WebAssembly backend lacks. The index tensors go to `scratch`, disposed
 * by the caller once the gradient is applied.
 */
function gatherRows(table: tf.Tensor, ids: Int32Array, scratch: tf.Tensor[]): tf.Tensor2D {
  const flat = tf.keep(tf.tensor1d(ids, "int32"));
  const column = tf.keep(tf.tensor2d(ids, [ids.length, 1], "int32"));
  scratch.push(flat, column);
  const gather = tf.customGrad((...inputs: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const x = inputs[0] as tf.Tensor;
    return { value: tf.gather(x, flat), gradFunc: (dy: tf.Tensor | tf.Tensor[]) => tf.scatterND(column, dy as tf.Tensor, x.shape) };
  });
  return gather(table) as tf.Tensor2D;
}

/** States after every step of left-padded sequences ([T][B, d]; a padded step leaves h = 0). */
function unroll(model: GraphWeights, sequences: readonly Int32Array[], steps: number, scratch: tf.Tensor[]): tf.Tensor2D[] {
  const d = model.dim;
  const count = sequences.length;
  const ids = new Int32Array(steps * count);
  const mask = new Float32Array(steps * count);
  sequences.forEach((sequence, b) => {
    const offset = steps - sequence.length;
    for (let t = offset; t < steps; t++) {
      ids[t * count + b] = sequence[t - offset];
      mask[t * count + b] = 1;
    }
  });
  const inputs = tf.unstack(tf.reshape(gatherRows(model.embeddings, ids, scratch), [steps, count, d])) as tf.Tensor2D[];
  const masks = tf.unstack(tf.reshape(tf.tensor1d(mask), [steps, count, 1]));
  const gatesU = tf.slice(model.recurrentWeights, [0, 0], [d, 2 * d]);
  const candidateU = tf.slice(model.recurrentWeights, [0, 2 * d], [d, d]);
  let h = tf.zeros([count, d]) as tf.Tensor2D;
  const states: tf.Tensor2D[] = [];
  for (let t = 0; t < steps; t++) {
    const projected = tf.add(tf.matMul(inputs[t], model.inputWeights), model.bias);
    const gates = tf.sigmoid(tf.add(tf.slice(projected, [0, 0], [count, 2 * d]), tf.matMul(h, gatesU)));
    const update = tf.slice(gates, [0, 0], [count, d]);
    const reset = tf.slice(gates, [0, d], [count, d]);
    const candidate = tf.tanh(tf.add(tf.slice(projected, [0, 2 * d], [count, d]), tf.matMul(tf.mul(reset, h), candidateU)));
    h = tf.mul(tf.add(h, tf.mul(update, tf.sub(candidate, h))), masks[t]) as tf.Tensor2D;
    states.push(h);
  }
  return states;
}

function batchLoss(model: GraphWeights, batch: readonly Int32Array[], negatives: Int32Array, scratch: tf.Tensor[]): tf.Scalar {
  const steps = Math.max(...batch.map((w) => w.length)) - 1;
  const count = batch.length;
  const rows: number[] = [];
  const targets: number[] = [];
  batch.forEach((window, b) => {
    const offset = steps - (window.length - 1);
    for (let t = offset; t < steps; t++) {
      rows.push(t * count + b);
      targets.push(window[t - offset + 1]);
    }
  });
  const candidates = [...new Set([...targets, ...negatives])];
  const column = new Map(candidates.map((c, i) => [c, i]));
  const states = unroll(model, batch.map((w) => w.subarray(0, w.length - 1)), steps, scratch);
  const h = gatherRows(tf.reshape(tf.stack(states), [steps * count, model.dim]), Int32Array.from(rows), scratch);
  const logits = tf.matMul(h, gatherRows(model.embeddings, Int32Array.from(candidates), scratch), false, true);
  const target = tf.oneHot(tf.tensor1d(targets.map((t) => column.get(t)!), "int32"), candidates.length);
  return tf.mean(tf.sub(tf.logSumExp(logits, 1), tf.sum(tf.mul(logits, target), 1))) as tf.Scalar;
}

/** Mean over validation sessions of [rank < 10] + 1 / (rank + 1) for rank < 20, ranking every item but the prefix's. */
function validationValue(model: GraphWeights, validation: GruTrainingData["validation"], maxSteps: number): number {
  if (validation.length === 0) return 0;
  let total = 0;
  const CHUNK = 256;
  for (let start = 0; start < validation.length; start += CHUNK) {
    const part = validation.slice(start, start + CHUNK);
    const prefixes = part.map((v) => v.prefix.subarray(Math.max(0, v.prefix.length - maxSteps)));
    const scores = tf.tidy(() => {
      const scratch: tf.Tensor[] = [];
      const steps = Math.max(1, ...prefixes.map((p) => p.length));
      const states = unroll(model, prefixes, steps, scratch);
      const out = tf.matMul(states[steps - 1], model.embeddings, false, true).dataSync() as Float32Array;
      for (const t of scratch) t.dispose();
      return out;
    });
    const n = scores.length / part.length;
    part.forEach(({ prefix, target }, r) => {
      if (prefix.length === 0) return;
      const row = scores.subarray(r * n, (r + 1) * n);
      const own = new Set(prefix);
      const mine = row[target];
      let rank = 0;
      for (let j = 0; j < n && rank < 20; j++) if (j !== target && row[j] > mine && !own.has(j)) rank++;
      if (rank < 20) total += (rank < 10 ? 1 : 0) + 1 / (rank + 1);
    });
  }
  return total / validation.length;
}

/** Items drawn with probability proportional to (sessions holding them)^0.75. */
class NegativeSampler {
  private readonly cumulative: Float64Array;

  constructor(
    sessions: readonly Int32Array[],
    private readonly n: number,
    private readonly rng: Rng,
  ) {
    const counts = new Float64Array(n);
    for (const session of sessions) for (const item of new Set(session)) counts[item]++;
    this.cumulative = new Float64Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) this.cumulative[i] = total += counts[i] ** 0.75;
  }

  draw(count: number): Int32Array {
    if (count >= this.n) return Int32Array.from({ length: this.n }, (_, i) => i);
    const total = this.cumulative[this.n - 1];
    const out = new Int32Array(count);
    for (let k = 0; k < count; k++) {
      const r = this.rng.float() * total;
      let lo = 0;
      let hi = this.n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.cumulative[mid] > r) hi = mid;
        else lo = mid + 1;
      }
      out[k] = lo;
    }
    return out;
  }
}

function glorot(rng: Rng, rows: number, columns: number): tf.Tensor2D {
  const limit = Math.sqrt(6 / (rows + columns));
  return tf.tensor2d(Float32Array.from({ length: rows * columns }, () => rng.uniform(-limit, limit)), [rows, columns]);
}
