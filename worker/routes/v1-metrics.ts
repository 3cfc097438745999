/**
 * @module
 * `GET /v1/metrics` (admin): an experiment's analysis from D1 (per-variant metrics with intervals, lifts
 * against control, sample-ratio check, guardrails, verdicts), its activity over time and purchase attribution.
 * Without `experiment`, the most recently started running one. Analytics read D1; recommendations never do.
 */
import { OpenAPIHono, z } from "@hono/zod-openapi";
import { METRICS } from "../../core/stats/experiment-analysis";
import { metricsReport } from "../../db/analytics/metrics-report";
import { d1Client } from "../../db/analytics/sql-client";
import type { AppEnv } from "../app-env";
import { errorBody } from "../errors";
import { adminRoute, errorAnswer } from "../middleware/admin-route";

const BUCKETS = { hour: 3600, day: 86_400, week: 7 * 86_400 } as const;

const reportSchema = z
  .object({
    experiment: z.record(z.string(), z.unknown()),
    window: z.object({ from: z.number(), to: z.number() }),
    analysis: z.record(z.string(), z.unknown()).meta({ description: "control, level, primaryMetric, variants[].metrics{ctr, add_to_cart_rate, conversion, attach_rate, aov, revenue_per_session}, srm, guardrails, decisions" }),
    series: z.object({ bucket_seconds: z.number(), points: z.array(z.record(z.string(), z.unknown())) }),
    attribution: z.array(z.record(z.string(), z.unknown())),
    clearance_by_variant: z.array(z.record(z.string(), z.unknown())),
  })
  .openapi("MetricsReport");

const route = adminRoute({
  method: "get",
  path: "/v1/metrics",
  summary: "A/B analysis of an experiment",
  request: {
    query: z.object({
      experiment: z.string().min(1).max(64).optional(),
      bucket: z.enum(["hour", "day", "week"]).default("day"),
      primary: z.enum(METRICS).default("conversion").meta({ description: "The metric the verdict is about" }),
      device_min_price: z.coerce.number().min(0).max(1e6).optional().meta({ description: "An order's top line at least this price makes it a device order (attach rate)" }),
    }),
  },
  responses: {
    200: { description: "The analysis", content: { "application/json": { schema: reportSchema } } },
    404: errorAnswer("No such experiment (or none at all)"),
  },
});

export const metricsRoute = new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
  const query = c.req.valid("query");
  const report = await metricsReport(d1Client(c.env.DB), {
    experiment: query.experiment,
    bucketSeconds: BUCKETS[query.bucket],
    primaryMetric: query.primary,
    deviceMinPrice: query.device_min_price,
  });
  if (report === null) return c.json(errorBody("not_found", query.experiment ? `no experiment "${query.experiment}"` : "no experiment has started yet"), 404);
  c.header("cache-control", "no-store");
  return c.json(report as unknown as z.infer<typeof reportSchema>, 200);
});
