/**
 * @module
 * `GET /v1/reports` (admin): the business reports from D1 — attach matrix by category pair, candidate bundles
 * for product planning, and how clearance stock moved (through down-sell and other recommendations).
 */
import { OpenAPIHono, z } from "@hono/zod-openapi";
import { businessReports } from "../../db/analytics/metrics-report";
import { d1Client } from "../../db/analytics/sql-client";
import type { AppEnv } from "../app-env";
import { adminRoute } from "../middleware/admin-route";

const reportsSchema = z
  .object({
    window: z.object({ from: z.number(), to: z.number() }),
    attach_matrix: z.array(z.record(z.string(), z.unknown())),
    candidate_bundles: z.array(z.record(z.string(), z.unknown())),
    clearance: z.record(z.string(), z.unknown()),
  })
  .openapi("BusinessReports");

const route = adminRoute({
  method: "get",
  path: "/v1/reports",
  summary: "Attach matrix, candidate bundles and clearance movement",
  request: {
    query: z.object({
      days: z.coerce.number().int().min(1).max(3650).default(90),
      from: z.coerce.number().int().optional().meta({ description: "Unix seconds; default now - days" }),
      to: z.coerce.number().int().optional(),
      min_pair_orders: z.coerce.number().int().min(1).max(100_000).default(5),
      min_lift: z.coerce.number().min(0).max(1000).default(1.5),
      limit: z.coerce.number().int().min(1).max(500).default(50),
      device_min_price: z.coerce.number().min(0).max(1e6).optional(),
    }),
  },
  responses: {
    200: { description: "The reports", content: { "application/json": { schema: reportsSchema } } },
  },
});

export const reportsRoute = new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
  const q = c.req.valid("query");
  const reports = await businessReports(d1Client(c.env.DB), {
    days: q.days,
    from: q.from,
    to: q.to,
    minPairOrders: q.min_pair_orders,
    minLift: q.min_lift,
    limit: q.limit,
    deviceMinPrice: q.device_min_price,
  });
  c.header("cache-control", "no-store");
  return c.json(reports as unknown as z.infer<typeof reportsSchema>, 200);
});
