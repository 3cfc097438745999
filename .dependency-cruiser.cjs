/**
 * The layering of DESIGN.md, enforced by `npm run lint:layers` (dependency-cruiser) in CI.
 * core imports nothing outside core; db imports drizzle-orm and core; worker and batch never import each other;
 * tools import the product, never the reverse; nothing in the product imports tests, benches or tools.
 */
const product = "^(core|db|worker|batch)/";
module.exports = {
  forbidden: [
    {
      name: "core-is-self-contained",
      comment: "core/ is pure TypeScript on Web-standard APIs: it imports nothing outside core/ but zod",
      severity: "error",
      from: { path: "^core/", pathNot: "\\.test\\.ts$" },
      to: { pathNot: ["^core/", "^node_modules/zod/"] },
    },
    {
      name: "db-imports-drizzle-and-core",
      severity: "error",
      from: { path: "^db/", pathNot: "\\.test\\.ts$" },
      to: { pathNot: ["^db/", "^core/", "^node_modules/drizzle-orm/"] },
    },
    { name: "worker-not-batch", severity: "error", from: { path: "^worker/" }, to: { path: "^batch/" } },
    { name: "batch-not-worker", severity: "error", from: { path: "^batch/" }, to: { path: "^worker/" } },
    {
      name: "product-not-tools-tests-benches",
      comment: "the product never depends on its demo, simulator, tests or benchmarks",
      severity: "error",
      from: { path: product, pathNot: "\\.test\\.ts$" },
      to: { path: "^(tools|test|bench|scripts)/" },
    },
    {
      name: "unit-tests-not-tools",
      comment: "a unit test beside product code tests that code; tests that need the demo live in test/",
      severity: "error",
      from: { path: product },
      to: { path: "^tools/" },
    },
    { name: "no-circular", severity: "error", from: { path: product }, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.node.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"] },
  },
};
