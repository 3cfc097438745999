/**
 * @module
 * The two slow parts of a storefront suite, started together while the suite prepares its store: `wrangler dev`
 * on a local state folder, reading the live pointer on every request (LIVE_POINTER_TTL_MS=0) so that it serves a
 * build as soon as publish flips it, and a Chromium profile in the work folder. `stop()` ends whichever started.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { type BrowserContext, chromium } from "playwright-core";
import { type DevServer, startDevServer } from "../../tools/dev-server/wrangler-dev";
import { CHROMIUM, CHROMIUM_FLAGS } from "./local-edge";

export interface StorefrontRig {
  serverStarting: Promise<DevServer>;
  browserStarting: Promise<BrowserContext>;
  stop(): Promise<void>;
}

export function startStorefrontRig(work: string, state: string): StorefrontRig {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium; .ci/run does)`);
  const serverStarting = startDevServer({ persistTo: state, vars: { LIVE_POINTER_TTL_MS: "0" } });
  const browserStarting = chromium.launchPersistentContext(path.join(work, "chromium-profile"), { executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS, viewport: { width: 1280, height: 900 } });
  serverStarting.catch(() => {});
  browserStarting.catch(() => {});
  return {
    serverStarting,
    browserStarting,
    async stop() {
      await (await browserStarting.catch(() => undefined))?.close();
      await (await serverStarting.catch(() => undefined))?.stop();
    },
  };
}
