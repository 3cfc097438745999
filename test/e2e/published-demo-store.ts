/**
 * @module
 * The run's demo store (`../node/demo-store.ts`) published to local KV and D1 once, for the suites that serve it
 * through `wrangler dev`: the first suite to ask publishes it into the store's folder, the others (in this or
 * another worker) wait for that publish, and each suite serves its own copy of the state, so what one writes
 * (events, rules) no other sees.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { demoStore } from "../node/demo-store";
import { publishLocal } from "./local-edge";

const PUBLISH_TIMEOUT_MS = 300_000;

/** Copies the published demo store's local state into `state` (the folder `wrangler dev --persist-to` serves). */
export async function copyPublishedDemoStore(state: string): Promise<void> {
  const store = await demoStore();
  const published = path.join(store.published, "state");
  const ready = path.join(store.published, "ready");
  const failed = path.join(store.published, "failed");
  let publisher = false;
  try {
    mkdirSync(store.published);
    publisher = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  if (publisher) {
    try {
      await publishLocal(store.artifacts, published);
    } catch (error) {
      writeFileSync(failed, String(error));
      throw error;
    }
    writeFileSync(ready, "");
  } else {
    const deadline = Date.now() + PUBLISH_TIMEOUT_MS;
    while (!existsSync(ready)) {
      if (existsSync(failed)) throw new Error(`publishing the demo store failed in another suite: ${readFileSync(failed, "utf8")}`);
      if (Date.now() > deadline) throw new Error(`the demo store was not published within ${PUBLISH_TIMEOUT_MS / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  cpSync(published, state, { recursive: true });
}
