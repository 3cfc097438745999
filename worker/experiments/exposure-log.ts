/**
 * @module
 * Exposure logging off the hot path: the first time this isolate assigns a unit to an experiment, one message
 * goes on the events queue (after the answer, via waitUntil); the consumer's insert does nothing on a conflict on
 * (experiment, unit), so the first exposure stays, across isolates and retries.
 */
import { type Assignment, variantLabel } from "../../core/experiments/assign";
import type { QueueMessage } from "../queue/queue-message";

/** Units this isolate already reported. Forgetting them (when full) only means reporting again, never counting twice. */
const reported = new Set<string>();
const MAX_REMEMBERED = 100_000;

/** The part of an execution context exposure logging needs. */
export interface WaitUntil {
  waitUntil(promise: Promise<unknown>): void;
}

export function logExposure(env: Env, ctx: WaitUntil, assignment: Assignment, nowSeconds: number): void {
  const key = `${assignment.experiment}\u0000${assignment.unitId}`;
  if (reported.has(key)) return;
  if (reported.size >= MAX_REMEMBERED) reported.clear();
  reported.add(key);
  const message: QueueMessage = {
    kind: "exposure",
    row: { experiment_id: assignment.experiment, unit_id: assignment.unitId, variant: assignment.name, first_seen: nowSeconds },
  };
  ctx.waitUntil(
    env.EVENTS_QUEUE.send(message, { contentType: "json" }).catch((error: unknown) => {
      reported.delete(key);
      console.error(JSON.stringify({ level: "error", message: `exposure of ${variantLabel(assignment)} for ${assignment.unitId} not queued: ${String(error)}` }));
    }),
  );
}
