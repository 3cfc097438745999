#!/usr/bin/env node
/**
 * @module
 * Patches @cloudflare/vitest-pool-workers in node_modules (run by `npm install` / `npm ci` as `postinstall`;
 * vitest.config.ts refuses to start without it).
 *
 * Its `createProxyPrototypeClass` wraps the prototype of the class it generates for the Worker's entrypoint in one
 * more `Proxy` every time the class is constructed, and workerd constructs it for every request a test sends
 * through `exports.default` (and for every queue batch). After n requests a property read walks n proxies: requests
 * slow down in proportion to how many came before, and somewhere near 1,800 a read overflows the stack ("Maximum call
 * stack size exceeded" at `new Class`). Upstream: cloudflare/workers-sdk#15092, fixed by #15106 in releases that need
 * wrangler >= 4.88, hence Node 22. The patch is that fix: the proxy is installed once per class, at its first
 * construction. Drop this script when the pinned version carries the fix.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../node_modules/@cloudflare/vitest-pool-workers/", import.meta.url));
const FILE = `${ROOT}dist/worker/lib/cloudflare/test-internal.mjs`;
const PINNED = "0.15.1";

const TRAP = `{ get(target, key, receiver) {
			const value = Reflect.get(target, key, receiver);
			if (value !== void 0) return value;
			if (typeof key === "symbol" || IGNORED_KEYS.includes(key)) return;
			return getUnknownPrototypeKey.call(receiver, key);
		} }`;
const UNPATCHED = `	function Class(...args) {
		Class.prototype = new Proxy(Class.prototype, ${TRAP});
		return Reflect.construct(superClass, args, Class);
	}`;
const PATCHED = `	let proxied = false;
	function Class(...args) {
		if (!proxied) {
			proxied = true;
			Class.prototype = new Proxy(Class.prototype, ${TRAP});
		}
		return Reflect.construct(superClass, args, Class);
	}`;

/**
 * The state of the installed package: "patched", "unpatched", "absent" (not installed, as with `npm ci --omit=dev`),
 * or a sentence saying why it cannot be patched.
 * @returns {string}
 */
export function poolWorkersPatchState() {
  if (!existsSync(FILE)) return "absent";
  const { version } = JSON.parse(readFileSync(`${ROOT}package.json`, "utf8"));
  const source = readFileSync(FILE, "utf8");
  if (source.includes(PATCHED)) return "patched";
  if (version === PINNED && source.includes(UNPATCHED)) return "unpatched";
  return `@cloudflare/vitest-pool-workers ${version} is not the ${PINNED} this patch was written for (cloudflare/workers-sdk#15092): check whether it carries the fix, and drop or update scripts/patch-vitest-pool-workers.mjs`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const state = poolWorkersPatchState();
  if (state === "unpatched") {
    writeFileSync(FILE, readFileSync(FILE, "utf8").replace(UNPATCHED, PATCHED));
    console.log("patched @cloudflare/vitest-pool-workers: one prototype proxy per entrypoint class (cloudflare/workers-sdk#15092)");
  } else if (state !== "patched" && state !== "absent") {
    console.error(state);
    process.exit(1);
  }
}
