/**
 * @module
 * Deterministic variant assignment. A unit (the user id where the experiment says so and one is known,
 * otherwise the session id) falls in bucket
 *
 *   u = murmur3("<salt>:<unit id>") / 2^32        in [0, 1)
 *
 * and gets the first variant whose cumulative weight share exceeds u. The same unit always gets the same
 * variant; a new salt reshuffles every unit independently of the last experiment.
 */
import type { Placement } from "../types";
import type { ExperimentsDocument, PublishedExperiment, VariantConfig } from "./experiment-config";
import { murmur3 } from "./murmur3";

const TWO_POW_32 = 4_294_967_296;

export function bucketOf(salt: string, unitId: string): number {
  return murmur3(`${salt}:${unitId}`) / TWO_POW_32;
}

/** The variant at bucket u for weights w: the first i with (w_0 + ... + w_i) / sum(w) > u. */
export function variantAt(weights: readonly number[], u: number): number {
  let total = 0;
  for (const w of weights) total += w;
  let cumulative = 0;
  for (let i = 0; i < weights.length; i++) {
    cumulative += weights[i];
    if (u * total < cumulative) return i;
  }
  return weights.length - 1;
}

export interface AssignmentRequest {
  placement: Placement;
  session_id?: string;
  user_id?: string;
}

export interface AssignedVariant {
  experiment: string;
  name: string;
  config: VariantConfig;
}

export interface Assignment extends AssignedVariant {
  /** The unit the assignment was made for (exposure key). */
  unitId: string;
}

/** The unit an experiment assigns: user id for "user" experiments when known, else the session id. */
export function unitOf(experiment: Pick<PublishedExperiment, "unit">, request: AssignmentRequest): string | undefined {
  if (experiment.unit === "user" && request.user_id !== undefined) return `u:${request.user_id}`;
  return request.session_id === undefined ? undefined : `s:${request.session_id}`;
}

export function assignVariant(experiment: PublishedExperiment, unitId: string): Assignment {
  const index = variantAt(experiment.variants.map((v) => v.weight), bucketOf(experiment.salt, unitId));
  const variant = experiment.variants[index];
  return { experiment: experiment.id, name: variant.name, config: variant.config, unitId };
}

/**
 * The assignment for a request: the first running experiment (document order) whose placement and time window
 * match; undefined when none matches or the request carries no unit id.
 */
export function assignRequest(document: ExperimentsDocument, request: AssignmentRequest, nowSeconds: number): Assignment | undefined {
  for (const experiment of document.experiments) {
    if (experiment.placement !== null && experiment.placement !== request.placement) continue;
    if (experiment.starts_at !== null && nowSeconds < experiment.starts_at) continue;
    if (experiment.ends_at !== null && nowSeconds >= experiment.ends_at) continue;
    const unit = unitOf(experiment, request);
    if (unit === undefined) return undefined;
    return assignVariant(experiment, unit);
  }
  return undefined;
}

/** The token the answer's `variant` carries and events echo: "<experiment>/<variant>". */
export function variantLabel(assignment: Pick<AssignedVariant, "experiment" | "name">): string {
  return `${assignment.experiment}/${assignment.name}`;
}
