/**
 * @module
 * Experiments, defined in D1 and published to KV on every change:
 * `GET /v1/admin/experiments`, `POST /v1/admin/experiments` (create), `PATCH /v1/admin/experiments/{id}`
 * (rename, start, stop, reschedule; variants only while a draft, since changing them mid-test breaks the analysis).
 */
import { OpenAPIHono, z } from "@hono/zod-openapi";
import { asc, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { EXPERIMENT_STATUSES, EXPERIMENT_UNITS, variantsSchema } from "../../core/experiments/experiment-config";
import { PLACEMENTS } from "../../core/types";
import { experiments } from "../../db/schema";
import type { AppEnv } from "../app-env";
import { errorBody } from "../errors";
import { publishExperiments } from "../experiments/publish-experiments";
import { adminRoute, errorAnswer, jsonBody } from "../middleware/admin-route";

const experimentSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    salt: z.string(),
    unit: z.enum(EXPERIMENT_UNITS),
    status: z.enum(EXPERIMENT_STATUSES),
    placement: z.enum(PLACEMENTS).nullable(),
    variants: variantsSchema,
    starts_at: z.number().nullable(),
    ends_at: z.number().nullable(),
    created_at: z.number(),
  })
  .openapi("Experiment");

const idSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_.-]+$/, "letters, digits, _ . - only");

const createSchema = z.object({
  id: idSchema,
  name: z.string().min(1).max(200),
  salt: z.string().min(1).max(128).optional().meta({ description: "Default: the id plus random hex; a new salt reshuffles every unit" }),
  unit: z.enum(EXPERIMENT_UNITS).default("session"),
  placement: z.enum(PLACEMENTS).nullable().default(null).meta({ description: "Null: every placement" }),
  status: z.enum(["draft", "running"]).default("draft"),
  starts_at: z.number().int().nullable().default(null),
  ends_at: z.number().int().nullable().default(null),
  variants: variantsSchema.meta({ description: 'The control is the variant named "control", else the first' }),
});

const patchSchema = z.object({
  name: z.string().min(1).max(200).optional(),
  status: z.enum(EXPERIMENT_STATUSES).optional(),
  starts_at: z.number().int().nullable().optional(),
  ends_at: z.number().int().nullable().optional(),
  variants: variantsSchema.optional(),
});

const BODY_LIMIT = 64 * 1024;
const experimentAnswer = { content: { "application/json": { schema: experimentSchema } } };

const list = adminRoute({
  method: "get",
  path: "/v1/admin/experiments",
  summary: "Every experiment, oldest first",
  responses: { 200: { description: "Experiments", content: { "application/json": { schema: z.object({ experiments: z.array(experimentSchema) }) } } } },
});

const create = adminRoute({
  method: "post",
  path: "/v1/admin/experiments",
  summary: "Define an experiment (published to the edge when running)",
  bodyLimit: BODY_LIMIT,
  request: { body: jsonBody(createSchema) },
  responses: { 201: { description: "Created", ...experimentAnswer }, 409: errorAnswer("The id exists") },
});

const patch = adminRoute({
  method: "patch",
  path: "/v1/admin/experiments/{id}",
  summary: "Start, stop, rename or reschedule an experiment",
  bodyLimit: BODY_LIMIT,
  request: { params: z.object({ id: idSchema }), body: jsonBody(patchSchema) },
  responses: {
    200: { description: "Updated", ...experimentAnswer },
    404: errorAnswer("No such experiment"),
    409: errorAnswer("Not allowed in its current status"),
  },
});

type Row = typeof experiments.$inferSelect;

function toExperiment(row: Row): z.infer<typeof experimentSchema> {
  return {
    id: row.id,
    name: row.name,
    salt: row.salt,
    unit: row.unit,
    status: row.status,
    placement: row.placement as z.infer<typeof experimentSchema>["placement"],
    variants: row.variants as z.infer<typeof variantsSchema>,
    starts_at: row.startsAt,
    ends_at: row.endsAt,
    created_at: row.createdAt,
  };
}

function randomHex(bytes: number): string {
  return [...crypto.getRandomValues(new Uint8Array(bytes))].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export const adminExperimentsRoute = new OpenAPIHono<AppEnv>()
  .openapi(list, async (c) => {
    const rows = await drizzle(c.env.DB).select().from(experiments).orderBy(asc(experiments.createdAt), asc(experiments.id));
    return c.json({ experiments: rows.map(toExperiment) }, 200);
  })
  .openapi(create, async (c) => {
    const body = c.req.valid("json");
    const db = drizzle(c.env.DB);
    const now = Math.floor(Date.now() / 1000);
    const row = {
      id: body.id,
      name: body.name,
      salt: body.salt ?? `${body.id}-${randomHex(4)}`,
      unit: body.unit,
      status: body.status,
      placement: body.placement,
      variants: body.variants,
      startsAt: body.starts_at ?? (body.status === "running" ? now : null),
      endsAt: body.ends_at,
      createdAt: now,
    };
    const inserted = await db.insert(experiments).values(row).onConflictDoNothing().returning();
    if (inserted.length === 0) return c.json(errorBody("conflict", `experiment "${body.id}" exists`, [{ field: "id", message: "already used" }]), 409);
    if (row.status === "running") await publishExperiments(c.env);
    return c.json(toExperiment(inserted[0]), 201);
  })
  .openapi(patch, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const db = drizzle(c.env.DB);
    const current = await db.select().from(experiments).where(eq(experiments.id, id)).get();
    if (current === undefined) return c.json(errorBody("not_found", `no experiment "${id}"`), 404);
    if (body.variants !== undefined && current.status !== "draft") {
      return c.json(errorBody("conflict", `experiment "${id}" is ${current.status}: variants change only while it is a draft (create a new experiment instead)`, [{ field: "variants", message: "only while draft" }]), 409);
    }
    if (body.status === "draft" && current.status !== "draft") {
      return c.json(errorBody("conflict", `experiment "${id}" has run: it cannot become a draft again`, [{ field: "status", message: "no way back to draft" }]), 409);
    }
    const now = Math.floor(Date.now() / 1000);
    const update: Partial<Row> = {};
    if (body.name !== undefined) update.name = body.name;
    if (body.variants !== undefined) update.variants = body.variants;
    if (body.starts_at !== undefined) update.startsAt = body.starts_at;
    if (body.ends_at !== undefined) update.endsAt = body.ends_at;
    if (body.status !== undefined) {
      update.status = body.status;
      if (body.status === "running" && current.startsAt === null && body.starts_at === undefined) update.startsAt = now;
      if (body.status === "running" && current.status === "stopped" && body.ends_at === undefined) update.endsAt = null;
      if (body.status === "stopped" && current.status === "running" && body.ends_at === undefined) update.endsAt = now;
    }
    const [updated] = Object.keys(update).length > 0 ? await db.update(experiments).set(update).where(eq(experiments.id, id)).returning() : [current];
    if (current.status === "running" || updated.status === "running") await publishExperiments(c.env);
    return c.json(toExperiment(updated), 200);
  });
