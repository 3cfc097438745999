/**
 * @module
 * What a build takes over from the build it follows (`edgerec build --previous DIR`, usually the live build's
 * folder): the parameters that build tuned, read from its manifest. The tuning of the new build keeps them unless
 * the new data beats them on the same validation requests by more than noise (`blend-tuning.ts`,
 * `catalog-tuning.ts`): a rebuild on a little more data then ranks as the last one did, instead of reshuffling
 * every list on a different but equally good set of weights.
 *
 * A part of the manifest that is missing or malformed (an older build, a build without a catalogue) is not taken
 * over, and `problems` says why; the build then tunes that part from scratch.
 */
import { existsSync, statSync } from "node:fs";
import { CATALOG_FEATURES } from "../catalog/cross-sell-features";
import { InputRejectedError } from "../io/input-error";
import { type Manifest, readManifest, readManifestJson } from "./artifacts";
import type { Reason } from "../../core/blob/meta-blob";
import type { PreviousSequenceModel } from "../sequence/sequence-model-build";
import type { BlendParameters } from "./blend-parameters";
import type { NextItemParameters } from "./next-item-scorer";
import { type RankerPolicy, type RankerWeights, zeroWeights } from "./ranker-folds";

export interface PreviousParameters {
  /** The previous build's id. */
  build: string;
  crossSell?: BlendParameters;
  /** Its catalogue ranker's weights and policy, where it adopted them. */
  ranker?: { weights: RankerWeights; policy: RankerPolicy };
  /** Why a part was not taken over. */
  problems: string[];
  /** Its next-item list parameters: the tuning keeps them unless beaten by 2 standard errors. */
  nextItem?: NextItemParameters;
  /** Its reason table, when the new build keeps its blobs (their reasons keep their places). */
  reasons?: Reason[];
  /** The sequence model it shipped, kept unless it no longer serves as well (`sequence-model-build.ts`). */
  sequenceModel?: PreviousSequenceModel;
}

const BLEND_NUMBERS = ["lambda", "prior", "ease", "walk", "walkBeta", "association", "rules", "sequential"] as const;

/** From a build folder, or a build's manifest.json on its own (what the closed loop keeps of its last build). */
export function readPreviousParameters(at: string): PreviousParameters {
  if (!(existsSync(at) && statSync(at).isFile())) return previousParametersOf(readManifest(at));
  const manifest = readManifestJson(at);
  if (!isRecord(manifest) || typeof manifest.build_id !== "string") throw new InputRejectedError(`${at} is not a build's manifest (no build_id)`);
  return previousParametersOf(manifest as Pick<Manifest, "build_id" | "parameters">);
}

export function previousParametersOf(manifest: Pick<Manifest, "build_id" | "parameters">): PreviousParameters {
  const parameters = isRecord(manifest.parameters) ? manifest.parameters : {};
  const problems: string[] = [];
  const crossSell = blendOf(parameters.cross_sell, problems);
  const ranker = rankerOf(parameters.catalog_ranker, problems);
  const nextItem = nextItemOf(parameters.next_item);
  return { build: manifest.build_id, ...(crossSell !== undefined ? { crossSell } : {}), ...(ranker !== undefined ? { ranker } : {}), ...(nextItem !== undefined ? { nextItem } : {}), problems };
}

/** The next-item parameters of a manifest; undefined where it has none or they are not numbers (tuned afresh). */
function nextItemOf(value: unknown): NextItemParameters | undefined {
  if (!isRecord(value)) return undefined;
  const numbers = ["cooccurrence", "transitions", "sessionPower", "anchorPower"] as const;
  if (!numbers.every((key) => typeof value[key] === "number" && Number.isFinite(value[key]) && (value[key] as number) >= 0)) return undefined;
  return { cooccurrence: value.cooccurrence as number, transitions: value.transitions as number, sessionPower: value.sessionPower as number, anchorPower: value.anchorPower as number };
}

function blendOf(value: unknown, problems: string[]): BlendParameters | undefined {
  if (!isRecord(value)) {
    problems.push("no cross_sell parameters");
    return undefined;
  }
  for (const key of BLEND_NUMBERS) {
    if (!(typeof value[key] === "number" && Number.isFinite(value[key]))) {
      problems.push(`cross_sell.${key} is not a finite number`);
      return undefined;
    }
  }
  if (typeof value.intercept !== "boolean") {
    problems.push("cross_sell.intercept is not true or false");
    return undefined;
  }
  // JSON writes tau = Infinity (popularity alone) as null.
  const threshold = value.threshold === null ? Number.POSITIVE_INFINITY : value.threshold;
  if (typeof threshold !== "number" || Number.isNaN(threshold)) {
    problems.push("cross_sell.threshold is not a number");
    return undefined;
  }
  if (!(value.lambda as number > 0)) {
    problems.push("cross_sell.lambda is not positive");
    return undefined;
  }
  return {
    lambda: value.lambda as number,
    intercept: value.intercept,
    prior: value.prior as number,
    ease: value.ease as number,
    walk: value.walk as number,
    walkBeta: value.walkBeta as number,
    association: value.association as number,
    rules: value.rules as number,
    sequential: value.sequential as number,
    threshold,
  };
}

function rankerOf(value: unknown, problems: string[]): PreviousParameters["ranker"] {
  if (!isRecord(value)) return undefined;
  if (value.adopted !== true) return undefined;
  const { weights, policy } = value;
  if (!isRecord(weights) || !isRecord(policy)) {
    problems.push("catalog_ranker has no weights or policy");
    return undefined;
  }
  // A feature the previous build did not have weighs nothing in its ranking.
  const taken = zeroWeights();
  for (const feature of CATALOG_FEATURES) {
    const w = feature in weights ? weights[feature] : 0;
    if (!(typeof w === "number" && Number.isFinite(w))) {
      problems.push(`catalog_ranker.weights.${feature} is not a finite number`);
      return undefined;
    }
    taken[feature] = w;
  }
  const numbers = ["repeatBound", "perCategory", "essentialAttach"] as const;
  if (typeof policy.valueWeighting !== "boolean" || numbers.some((key) => !(typeof policy[key] === "number" && Number.isFinite(policy[key])))) {
    problems.push("catalog_ranker.policy is malformed");
    return undefined;
  }
  return {
    weights: taken,
    policy: { valueWeighting: policy.valueWeighting, repeatBound: policy.repeatBound as number, perCategory: policy.perCategory as number, essentialAttach: policy.essentialAttach as number },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
