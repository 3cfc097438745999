import { availableParallelism } from "node:os";
import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";
import { poolWorkersPatchState } from "./scripts/patch-vitest-pool-workers.mjs";

const patch = poolWorkersPatchState();
if (patch === "unpatched") throw new Error("@cloudflare/vitest-pool-workers is not patched: run node scripts/patch-vitest-pool-workers.mjs (npm ci does)");
if (patch !== "patched") throw new Error(patch);

const migrations = await readD1Migrations(path.join(import.meta.dirname, "migrations"));

export default defineConfig({
  test: {
    // vitest runs one file at a time where it sees two cores (it leaves one for itself); the end-to-end suites
    // spend much of their time waiting on wrangler, workerd and Chromium, so a file per core overlaps that wait.
    maxWorkers: availableParallelism(),
    projects: [
      {
        plugins: [
          cloudflareTest({
            main: "./worker/index.ts",
            wrangler: { configPath: "./wrangler.toml" },
            miniflare: {
              bindings: {
                TEST_MIGRATIONS: migrations,
                ADMIN_TOKEN: "test-admin-token",
                SESSION_SECRET: "test-session-secret",
                SEARCH_API_KEY: "test-search-key-old, test-search-key",
                LIVE_POINTER_TTL_MS: "0",
              },
            },
          }),
        ],
        test: {
          name: "worker",
          include: ["worker/**/*.test.ts", "test/worker/**/*.test.ts"],
          setupFiles: ["./test/worker/apply-migrations.ts"],
        },
      },
      {
        test: {
          name: "node",
          environment: "node",
          include: ["core/**/*.test.ts", "batch/**/*.test.ts", "tools/**/*.test.ts", "db/**/*.test.ts", "test/node/**/*.test.ts", "test/e2e/**/*.test.ts"],
          globalSetup: ["./test/node/demo-store.setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
