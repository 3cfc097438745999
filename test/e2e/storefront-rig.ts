/**
 * @module
 * What a storefront suite runs on: a temporary work folder (with the local state `wrangler dev` serves and the
 * screenshots, kept in EDGEREC_SCREENSHOTS=DIR when set), and the two slow parts, started together while the
 * suite prepares its store: `wrangler dev`, reading the live pointer on every request (LIVE_POINTER_TTL_MS=0) so
 * that it serves a build as soon as publish flips it, and a Chromium profile. A suite publishes once `ready()`
 * has returned: a local publish and a starting dev server must not open the same SQLite files at once. A suite
 * that serves a copy of an already published state has the server wait for the copy instead. `stop()` ends
 * whichever started and removes the work folder.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { expect } from "vitest";
import { type DevServer, startDevServer } from "../../tools/dev-server/wrangler-dev";
import { CHROMIUM, CHROMIUM_FLAGS } from "./local-edge";

export class StorefrontRig {
  readonly work: string;
  readonly state: string;
  private readonly shots: string;
  private serverStarting: Promise<DevServer> | undefined;
  private browserStarting: Promise<BrowserContext> | undefined;

  constructor(name: string) {
    this.work = mkdtempSync(path.join(tmpdir(), `edgerec-e2e-${name}-`));
    this.state = path.join(this.work, "state");
    this.shots = process.env.EDGEREC_SCREENSHOTS ?? path.join(this.work, "screenshots");
  }

  /** Starts the browser, and the server once `stateReady` has resolved (when the state is copied, not published). */
  start(stateReady: Promise<void> = Promise.resolve()): void {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium; .ci/run does)`);
    mkdirSync(this.shots, { recursive: true });
    this.serverStarting = stateReady.then(() => startDevServer({ persistTo: this.state, vars: { LIVE_POINTER_TTL_MS: "0" } }));
    this.browserStarting = chromium.launchPersistentContext(path.join(this.work, "chromium-profile"), { executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS, viewport: { width: 1280, height: 900 } });
    this.serverStarting.catch(() => {});
    this.browserStarting.catch(() => {});
  }

  /** Once both have started: the server, the browser and its first tab. */
  async ready(): Promise<{ server: DevServer; browser: BrowserContext; page: Page }> {
    if (this.serverStarting === undefined || this.browserStarting === undefined) throw new Error("start() the rig first");
    const [server, browser] = await Promise.all([this.serverStarting, this.browserStarting]);
    return { server, browser, page: browser.pages()[0] ?? (await browser.newPage()) };
  }

  /** A full-page screenshot named `name`, which must hold more than a blank page. */
  async screenshot(page: Page, name: string): Promise<void> {
    const file = path.join(this.shots, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    expect(statSync(file).size).toBeGreaterThan(10_000);
  }

  async stop(): Promise<void> {
    await (await this.browserStarting?.catch(() => undefined))?.close();
    await (await this.serverStarting?.catch(() => undefined))?.stop();
    rmSync(this.work, { recursive: true, force: true });
  }
}
