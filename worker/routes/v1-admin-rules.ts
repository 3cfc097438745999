/**
 * @module
 * Merchandising rules (D1 `merch_rules`), each change republished to KV `cfg/rules` so it applies at serve time
 * without a rebuild: `GET /v1/admin/rules`, `POST /v1/admin/rules`, `PUT /v1/admin/rules/{id}` (replace),
 * `DELETE /v1/admin/rules/{id}`. What each action does: `core/rules/merch-rule.ts`.
 */
import { OpenAPIHono, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { merchRuleSchema, type RuleInput, ruleInputSchema } from "../../core/rules/merch-rule";
import { merchRules } from "../../db/schema";
import type { AppEnv } from "../app-env";
import { errorBody } from "../errors";
import { adminRoute, errorAnswer, jsonBody } from "../middleware/admin-route";
import { publishRules, ruleOfRow, storedRules } from "../overlays/publish-rules";

const idParam = z.object({ id: z.coerce.number().int().min(1) });
const noSuchRule = errorAnswer("No such rule");
const ruleAnswer = { content: { "application/json": { schema: z.object({ rule: merchRuleSchema, published: z.number().int() }) } } };
const BODY_LIMIT = 16 * 1024;

const list = adminRoute({
  method: "get",
  path: "/v1/admin/rules",
  summary: "Every merchandising rule, enabled or not",
  responses: { 200: { description: "Rules by id", content: { "application/json": { schema: z.object({ rules: z.array(merchRuleSchema) }) } } } },
});

const create = adminRoute({
  method: "post",
  path: "/v1/admin/rules",
  summary: "Create a rule and publish the active set to the edge",
  bodyLimit: BODY_LIMIT,
  request: { body: jsonBody(ruleInputSchema) },
  responses: { 201: { description: "The stored rule, and how many rules the edge now applies", ...ruleAnswer } },
});

const update = adminRoute({
  method: "put",
  path: "/v1/admin/rules/{id}",
  summary: "Replace a rule and publish the active set to the edge",
  bodyLimit: BODY_LIMIT,
  request: { params: idParam, body: jsonBody(ruleInputSchema) },
  responses: { 200: { description: "The stored rule, and how many rules the edge now applies", ...ruleAnswer }, 404: noSuchRule },
});

const remove = adminRoute({
  method: "delete",
  path: "/v1/admin/rules/{id}",
  summary: "Delete a rule and publish the active set to the edge",
  request: { params: idParam },
  responses: {
    200: { description: "The deleted id, and how many rules the edge now applies", content: { "application/json": { schema: z.object({ deleted: z.number().int(), published: z.number().int() }) } } },
    404: noSuchRule,
  },
});

function columns(input: RuleInput, now: number) {
  return {
    name: input.name,
    action: input.action,
    placement: input.placement,
    match: input.match,
    weight: input.weight,
    startsAt: input.starts_at,
    endsAt: input.ends_at,
    enabled: input.enabled,
    updatedAt: now,
  };
}

export const adminRulesRoute = new OpenAPIHono<AppEnv>()
  .openapi(list, async (c) => {
    c.header("cache-control", "no-store");
    return c.json({ rules: await storedRules(c.env.DB) }, 200);
  })
  .openapi(create, async (c) => {
    const now = Math.floor(Date.now() / 1000);
    const [row] = await drizzle(c.env.DB).insert(merchRules).values(columns(c.req.valid("json"), now)).returning();
    const published = await publishRules(c.env, now);
    return c.json({ rule: ruleOfRow(row)!, published }, 201);
  })
  .openapi(update, async (c) => {
    const { id } = c.req.valid("param");
    const now = Math.floor(Date.now() / 1000);
    const [row] = await drizzle(c.env.DB).update(merchRules).set(columns(c.req.valid("json"), now)).where(eq(merchRules.id, id)).returning();
    if (row === undefined) return c.json(errorBody("not_found", `no rule with id ${id}`), 404);
    const published = await publishRules(c.env, now);
    return c.json({ rule: ruleOfRow(row)!, published }, 200);
  })
  .openapi(remove, async (c) => {
    const { id } = c.req.valid("param");
    const deleted = await drizzle(c.env.DB).delete(merchRules).where(eq(merchRules.id, id)).returning({ id: merchRules.id });
    if (deleted.length === 0) return c.json(errorBody("not_found", `no rule with id ${id}`), 404);
    const published = await publishRules(c.env);
    return c.json({ deleted: id, published }, 200);
  });
