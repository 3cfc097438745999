/**
 * @module
 * The experiment step of a recommendation request: the cached running experiments, the request's assignment
 * (pure, `core/experiments/assign.ts`) and its exposure, queued after the answer.
 */
import { type Assignment, assignRequest } from "../../core/experiments/assign";
import type { RecommendationRequest } from "../../core/request-schema";
import { runningExperiments } from "../storage/experiments-store";
import { logExposure, type WaitUntil } from "./exposure-log";

export async function experimentFor(env: Env, ctx: WaitUntil, request: RecommendationRequest): Promise<Assignment | undefined> {
  const document = await runningExperiments(env);
  if (document.experiments.length === 0) return undefined;
  const now = Math.floor(Date.now() / 1000);
  const assignment = assignRequest(document, request, now);
  if (assignment !== undefined) logExposure(env, ctx, assignment, now);
  return assignment;
}
