import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { ADMIN_JSON, post } from "./requests";
import { count, waitFor } from "./wait-for";

/**
 * A hand-made shop day: three control and three treatment sessions whose every outcome is written out below,
 * so each expected figure is counted by hand from this table, not by the code under test.
 *
 *   s1 control    shown r1, clicks case-1 (cross_sell), carts it, buys phone-1 900 + case-1 30 (rec r1)
 *   s2 control    shown r2, views phone-2, leaves
 *   s3 control    shown r3, buys phone-2 500
 *   s4 treatment  shown r4, clicks earbuds-1 (down_sell), buys it (120) without echoing rec_id
 *   s5 treatment  shown r5, clicks case-1, carts it, buys phone-1 900 + case-1 30 (rec r5) + earbuds-1 120
 *   s6 treatment  shown r6, clicks cable-1, carts phone-2, leaves
 */
const T0 = Math.floor(Date.now() / 1000) - 2 * 86_400;
let n = 0;
const at = () => T0 + 60 * ++n;

const ev = (session: string, type: string, fields: Record<string, unknown>) => ({ event_id: `${session}-${type}-${++n}`, type, session_id: session, ts: at(), ...fields });
const shown = (s: string, rec: string, variant: string) => ev(s, "impression", { rec_id: rec, variant, items: ["case-1", "earbuds-1"] });
const click = (s: string, rec: string, item: string, slot: string, variant: string) => ev(s, "click", { rec_id: rec, item_id: item, slot, variant, position: 0 });

async function get<T>(path: string): Promise<{ status: number; body: T }> {
  const response = await exports.default.fetch(`http://edge.test${path}`, { headers: ADMIN_JSON });
  return { status: response.status, body: (await response.json()) as T };
}

beforeAll(async () => {
  await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO categories (id, name, parent_id, path, depth) VALUES
       ('phones', 'Phones', NULL, 'Phones', 0), ('phones/smartphones', 'Smartphones', 'phones', 'Phones > Smartphones', 1),
       ('phones/cases', 'Cases', 'phones', 'Phones > Cases', 1), ('phones/cables', 'Cables', 'phones', 'Phones > Cables', 1),
       ('audio/earbuds', 'Earbuds', NULL, 'Audio > Earbuds', 1)`,
    ),
    env.DB.prepare(
      `INSERT INTO products (id, title, category_id, price, stock, lifecycle) VALUES
       ('phone-1', 'Phone One', 'phones/smartphones', 900, 5, 'active'), ('phone-2', 'Phone Two', 'phones/smartphones', 500, 5, 'active'),
       ('case-1', 'Case One', 'phones/cases', 30, 50, 'active'), ('cable-1', 'Cable', 'phones/cables', 15, 50, 'active'),
       ('earbuds-1', 'Earbuds One', 'audio/earbuds', 120, 8, 'clearance')`,
    ),
  ]);
  const created = await exports.default.fetch("http://edge.test/v1/admin/experiments", {
    method: "POST",
    headers: ADMIN_JSON,
    body: JSON.stringify({ id: "exp", name: "Test", status: "running", starts_at: T0 - 3600, variants: [{ name: "control", weight: 1 }, { name: "treatment", weight: 1 }] }),
  });
  expect(created.status).toBe(201);
  await env.DB.prepare(
    `INSERT INTO exposures (experiment_id, unit_id, variant, first_seen) VALUES
     ('exp', 's:s1', 'control', ?1), ('exp', 's:s2', 'control', ?1), ('exp', 's:s3', 'control', ?1),
     ('exp', 's:s4', 'treatment', ?1), ('exp', 's:s5', 'treatment', ?1), ('exp', 's:s6', 'treatment', ?1)`,
  )
    .bind(T0)
    .run();
  const C = "exp/control";
  const T = "exp/treatment";
  const events = [
    shown("s1", "r1", C), click("s1", "r1", "case-1", "cross_sell", C), ev("s1", "add_to_cart", { item_id: "case-1", rec_id: "r1", slot: "cross_sell" }),
    ev("s1", "purchase", { order_id: "o1", lines: [{ id: "phone-1", price: 900 }, { id: "case-1", price: 30, rec_id: "r1", slot: "cross_sell" }] }),
    shown("s2", "r2", C), ev("s2", "view", { item_id: "phone-2", dwell_ms: 40_000 }),
    shown("s3", "r3", C), ev("s3", "purchase", { order_id: "o3", lines: [{ id: "phone-2", price: 500 }] }),
    shown("s4", "r4", T), click("s4", "r4", "earbuds-1", "down_sell", T), ev("s4", "purchase", { order_id: "o4", lines: [{ id: "earbuds-1", price: 120 }] }),
    shown("s5", "r5", T), click("s5", "r5", "case-1", "cross_sell", T), ev("s5", "add_to_cart", { item_id: "case-1", rec_id: "r5" }),
    ev("s5", "purchase", { order_id: "o5", lines: [{ id: "phone-1", price: 900 }, { id: "case-1", price: 30, rec_id: "r5", slot: "cross_sell" }, { id: "earbuds-1", price: 120 }] }),
    shown("s6", "r6", T), click("s6", "r6", "cable-1", "cross_sell", T), ev("s6", "add_to_cart", { item_id: "phone-2" }),
  ];
  const response = await exports.default.fetch("http://edge.test/v1/events", post({ events }));
  expect(((await response.json()) as { accepted: number }).accepted).toBe(events.length);
  await waitFor(() => count(env.DB, "SELECT COUNT(*) AS n FROM events"), (x) => x === events.length);
  await waitFor(() => count(env.DB, "SELECT COUNT(*) AS n FROM order_lines"), (x) => x === 7);
});

type Metric = { value: { estimate: number }; numerator?: number; denominator: number; lift?: { relative: { estimate: number } } };
type Report = {
  analysis: { control: string; variants: Array<{ variant: string; units: number; metrics: Record<string, Metric> }>; srm: { p: number; passed: boolean }; decisions: Array<{ variant: string; verdict: string }> };
  attribution: Array<{ rule: string | null; slot: string | null; variant: string | null; lines: number; revenue: number }>;
  clearance_by_variant: Array<{ variant: string; clearance_units: number; clearance_units_via_down_sell: number }>;
  series: { points: Array<{ variant: string; purchasing_units: number }> };
};

describe("GET /v1/metrics", () => {
  it("404 for an unknown experiment", async () => {
    expect((await get("/v1/metrics?experiment=nope")).status).toBe(404);
  });

  it("counts every metric per variant as the table above says", async () => {
    const { status, body } = await get<Report>("/v1/metrics");
    expect(status).toBe(200);
    const [control, treatment] = body.analysis.variants;
    expect([control.variant, control.units, treatment.variant, treatment.units]).toEqual(["control", 3, "treatment", 3]);
    const pick = (m: Metric) => [m.numerator, m.denominator];
    expect(pick(control.metrics.ctr)).toEqual([1, 3]);
    expect(pick(treatment.metrics.ctr)).toEqual([3, 3]);
    expect(pick(control.metrics.add_to_cart_rate)).toEqual([1, 3]);
    expect(pick(treatment.metrics.add_to_cart_rate)).toEqual([2, 3]);
    expect(pick(control.metrics.conversion)).toEqual([2, 3]);
    expect(pick(treatment.metrics.conversion)).toEqual([2, 3]);
    expect(pick(control.metrics.attach_rate)).toEqual([1, 2]);
    expect(pick(treatment.metrics.attach_rate)).toEqual([1, 1]);
    expect(control.metrics.aov.value.estimate).toBeCloseTo((930 + 500) / 2, 9);
    expect(treatment.metrics.aov.value.estimate).toBeCloseTo((120 + 1050) / 2, 9);
    expect(control.metrics.revenue_per_session.value.estimate).toBeCloseTo(1430 / 3, 9);
    expect(treatment.metrics.revenue_per_session.lift!.relative.estimate).toBeCloseTo(1170 / 1430 - 1, 9);
    expect(body.analysis.srm.passed).toBe(true);
    expect(body.series.points.filter((p) => p.variant === "treatment").reduce((s, p) => s + p.purchasing_units, 0)).toBe(2);
  });

  it("attributes purchase lines: echoed rec_id first, else the session's last click on the item", async () => {
    const { body } = await get<Report>("/v1/metrics");
    const rows = Object.fromEntries(body.attribution.map((r) => [`${r.rule}|${r.slot}|${r.variant}`, [r.lines, r.revenue]]));
    expect(rows).toEqual({
      "explicit|cross_sell|exp/control": [1, 30],
      "explicit|cross_sell|exp/treatment": [1, 30],
      "session_click|down_sell|exp/treatment": [1, 120],
      "null|null|null": [4, 2420],
    });
    expect(body.clearance_by_variant.map((r) => [r.variant, r.clearance_units, r.clearance_units_via_down_sell])).toEqual([["control", 0, 0], ["treatment", 2, 1]]);
  });
});

describe("GET /v1/reports", () => {
  type Reports = {
    attach_matrix: Array<{ anchor_name: string; accessory_name: string; device_orders: number; orders_with: number }>;
    candidate_bundles: Array<{ items: string[]; orders_together: number; lift: number }>;
    clearance: { products: Array<{ id: string; units_sold: number; units_via_down_sell: number; sell_through: number }>; totals: { down_sell_share: number } };
  };

  it("attach matrix by category pair, candidate bundles, clearance movement", async () => {
    const { status, body } = await get<Reports>("/v1/reports?min_pair_orders=2");
    expect(status).toBe(200);
    expect(body.attach_matrix.map((c) => [c.anchor_name, c.accessory_name, c.device_orders, c.orders_with])).toEqual([
      ["Smartphones", "Cases", 3, 2],
      ["Smartphones", "Earbuds", 3, 1],
    ]);
    expect(body.candidate_bundles.map((b) => [b.items, b.orders_together, b.lift])).toEqual([[["case-1", "phone-1"], 2, 2]]);
    expect(body.clearance.products).toEqual([expect.objectContaining({ id: "earbuds-1", units_sold: 2, units_via_down_sell: 1, sell_through: 0.2 })]);
    expect(body.clearance.totals.down_sell_share).toBe(0.5);
  });

  it("a pair an active bundle already covers is no longer a candidate", async () => {
    await env.DB.prepare(`INSERT INTO bundles (id, title, items, status) VALUES ('b1', 'Phone kit', '["phone-1","case-1","cable-1"]', 'active')`).run();
    const { body } = await get<Reports>("/v1/reports?min_pair_orders=2");
    expect(body.candidate_bundles).toEqual([]);
  });
});
