/**
 * @module
 * `npm run demo:store`: writes the built-in demo electronics shop (catalog, orders, events, planted.json) to a folder.
 */
import { type Command, numberFlag, parseFlags, requireFlag } from "../../batch/cli/command";
import { formatBytes, measured, withProgress } from "../../batch/cli/progress";
import { DEFAULT_PRODUCTS, MIN_PRODUCTS } from "./catalog";
import { DEFAULT_ORDERS, DEFAULT_SEED, defaultSessions, generateDemo } from "./generate";

export const command: Command = {
  name: "demo",
  usage: `
npm run demo:store -- --out DIR [--seed N] [--orders N] [--sessions N] [--products N] [--quiet]

Generates a believable consumer-electronics shop and its history, deterministically: the same flags give
byte-identical files on any machine. Sales window 2026-04-01 .. 2026-10-31 (UTC). Writes:
  DIR/catalog.jsonl   products (category tree, brands, specs, compatibility attributes, lifecycle, stock, margin)
  DIR/orders.jsonl    orders from repeat customers, in time order
  DIR/events.jsonl    browsing sessions: view (dwell_ms), search, add_to_cart, remove_from_cart, purchase
  DIR/planted.json    the behaviour planted (attach rates, bundles, follow-ups, hesitations) and what the files hold
  DIR/README.md       what the files are
Attributes are documented in docs/catalog-attributes.md.

  --out DIR        folder to write (created if missing)
  --seed N         random seed (default ${DEFAULT_SEED})
  --orders N       number of orders (default ${DEFAULT_ORDERS}); streams to disk, a million is fine
  --sessions N     number of browsing sessions (default orders / 3, between 2,000 and 50,000)
  --products N     catalog size, at least ${MIN_PRODUCTS} (default ${DEFAULT_PRODUCTS})
  --quiet          no progress output
`,
  async run(argv) {
    const flags = parseFlags(argv, { strings: ["out", "seed", "orders", "sessions", "products"], booleans: ["quiet"] });
    const out = requireFlag(flags.out, "out");
    const seed = numberFlag(flags.seed, "seed", DEFAULT_SEED, { integer: true, min: 0, max: 2 ** 32 - 1 });
    const orders = numberFlag(flags.orders, "orders", DEFAULT_ORDERS, { integer: true, min: 1, max: 50_000_000 });
    const sessions = numberFlag(flags.sessions, "sessions", defaultSessions(orders), { integer: true, min: 0, max: 10_000_000 });
    const products = numberFlag(flags.products, "products", DEFAULT_PRODUCTS, { integer: true, min: MIN_PRODUCTS, max: 2_000_000 });
    return measured("demo", async () => {
      const summary = await withProgress("demo orders", flags.quiet, (progress) => generateDemo({ out, seed, orders, sessions, products, onProgress: (done, total) => progress.update(done, total) }));
      const sizes = Object.entries(summary.files).map(([name, bytes]) => `${name} ${formatBytes(bytes)}`).join(", ");
      process.stderr.write(`demo -> ${out} (${sizes})\n`);
      return {
        products: summary.products,
        leaf_categories: summary.leafCategories,
        brands: summary.brands,
        orders: summary.orders,
        customers: summary.customers,
        sessions: summary.sessions,
        hesitation_sessions: summary.hesitationSessions,
        events: summary.events,
      };
    });
  },
};
