/**
 * @module
 * Slot plans per placement, stored in D1 `slot_plans` and published to KV `cfg/slot-plans` on every change (the
 * edge reads them with the live pointer, so a change applies within the pointer's cache time, no rebuild):
 * `GET /v1/admin/slot-plans` (the plans in force and which are configured), `PUT /v1/admin/slot-plans/{placement}`
 * (replace one placement's plan), `DELETE /v1/admin/slot-plans/{placement}` (back to the default).
 */
import { OpenAPIHono, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { CONFIG_KEYS } from "../../core/keys";
import { DEFAULT_SLOT_PLANS, resolveSlotPlans, type SlotPlan, slotPlanSchema } from "../../core/recommend/slot-plans";
import { PLACEMENTS, type Placement } from "../../core/types";
import { slotPlans } from "../../db/schema";
import type { AppEnv } from "../app-env";
import { adminRoute, jsonBody } from "../middleware/admin-route";

const placementParam = z.object({ placement: z.enum(PLACEMENTS) });
const plansSchema = z.record(z.enum(PLACEMENTS), slotPlanSchema);
const planAnswer = { content: { "application/json": { schema: z.object({ placement: z.enum(PLACEMENTS), plan: slotPlanSchema }) } } };

const list = adminRoute({
  method: "get",
  path: "/v1/admin/slot-plans",
  summary: "The slot plan of every placement (configured or default)",
  responses: {
    200: {
      description: "Plans in force, and the placements whose plan is configured rather than default",
      content: { "application/json": { schema: z.object({ plans: plansSchema, configured: z.array(z.enum(PLACEMENTS)) }) } },
    },
  },
});

const put = adminRoute({
  method: "put",
  path: "/v1/admin/slot-plans/{placement}",
  summary: "Replace a placement's slot plan and publish it to the edge",
  bodyLimit: 16 * 1024,
  request: { params: placementParam, body: jsonBody(slotPlanSchema) },
  responses: { 200: { description: "The stored plan, with defaults filled in", ...planAnswer } },
});

const remove = adminRoute({
  method: "delete",
  path: "/v1/admin/slot-plans/{placement}",
  summary: "Return a placement to the default slot plan",
  request: { params: placementParam },
  responses: { 200: { description: "The default plan now in force", ...planAnswer } },
});

export const adminSlotPlansRoute = new OpenAPIHono<AppEnv>()
  .openapi(list, async (c) => {
    const configured = await storedPlans(c.env.DB);
    c.header("cache-control", "no-store");
    return c.json({ plans: resolveSlotPlans(configured), configured: Object.keys(configured) as Placement[] }, 200);
  })
  .openapi(put, async (c) => {
    const { placement } = c.req.valid("param");
    const plan = c.req.valid("json");
    const now = Math.floor(Date.now() / 1000);
    await drizzle(c.env.DB)
      .insert(slotPlans)
      .values({ placement, plan, updatedAt: now })
      .onConflictDoUpdate({ target: slotPlans.placement, set: { plan, updatedAt: now } });
    await publishSlotPlans(c.env);
    return c.json({ placement, plan }, 200);
  })
  .openapi(remove, async (c) => {
    const { placement } = c.req.valid("param");
    await drizzle(c.env.DB).delete(slotPlans).where(eq(slotPlans.placement, placement));
    await publishSlotPlans(c.env);
    return c.json({ placement, plan: DEFAULT_SLOT_PLANS[placement] }, 200);
  });

async function storedPlans(db: D1Database): Promise<Partial<Record<Placement, SlotPlan>>> {
  const rows = await drizzle(db).select().from(slotPlans);
  const plans: Partial<Record<Placement, SlotPlan>> = {};
  for (const row of rows) {
    const parsed = slotPlanSchema.safeParse(row.plan);
    if (parsed.success && (PLACEMENTS as readonly string[]).includes(row.placement)) plans[row.placement as Placement] = parsed.data;
  }
  return plans;
}

/** Writes every configured plan to KV `cfg/slot-plans` (the edge falls back to defaults for the others). */
async function publishSlotPlans(env: Env): Promise<void> {
  await env.KV.put(CONFIG_KEYS.slotPlans, JSON.stringify({ version: 1, plans: await storedPlans(env.DB) }));
}
