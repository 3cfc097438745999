/**
 * @module
 * The run's demo store (`../node/demo-store.ts`) published to local KV and D1 once, by the first suite that
 * serves it through `wrangler dev`; each suite serves its own copy of that state, so what one writes (events,
 * rules) no other sees.
 */
import { cpSync } from "node:fs";
import path from "node:path";
import { demoStore, sharedRoot } from "../node/demo-store";
import { madeOnce } from "../node/made-once";
import { publishLocal } from "./local-edge";

/** Copies the published demo store's local state into `state` (the folder `wrangler dev --persist-to` serves). */
export async function copyPublishedDemoStore(state: string): Promise<void> {
  const made = path.join(sharedRoot(), "published-demo-store");
  const published = path.join(made, "state");
  await madeOnce(made, async () => publishLocal((await demoStore()).artifacts, published));
  cpSync(published, state, { recursive: true });
}
