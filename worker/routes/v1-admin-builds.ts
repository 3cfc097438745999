/**
 * @module
 * `GET /v1/admin/builds`: the published builds, newest first, with the live one marked and, per build, whether
 * its publish wrote it completely (`written_at`) and whether it was ever live (`live_at`): only such builds are
 * rollback targets.
 */
import { OpenAPIHono, z } from "@hono/zod-openapi";
import { desc } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { BUILD_STATUSES, builds } from "../../db/schema";
import type { AppEnv } from "../app-env";
import { adminRoute } from "../middleware/admin-route";

const buildSchema = z.object({
  id: z.string(),
  status: z.enum(BUILD_STATUSES),
  created_at: z.number(),
  published_at: z.number().nullable(),
  written_at: z.number().nullable(),
  live_at: z.number().nullable(),
  counts: z.record(z.string(), z.number()),
});

const route = adminRoute({
  method: "get",
  path: "/v1/admin/builds",
  summary: "Published builds",
  request: { query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }) },
  responses: {
    200: { description: "Builds, newest first", content: { "application/json": { schema: z.object({ builds: z.array(buildSchema) }) } } },
  },
});

export const adminBuildsRoute = new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
  const { limit } = c.req.valid("query");
  const rows = await drizzle(c.env.DB).select().from(builds).orderBy(desc(builds.createdAt)).limit(limit);
  return c.json(
    {
      builds: rows.map((row) => ({
        id: row.id,
        status: row.status,
        created_at: row.createdAt,
        published_at: row.publishedAt,
        written_at: row.writtenAt,
        live_at: row.liveAt,
        counts: ((row.manifest as { counts?: Record<string, number> }).counts ?? {}) as Record<string, number>,
      })),
    },
    200,
  );
});
