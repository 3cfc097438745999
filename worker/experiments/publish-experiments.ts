/**
 * @module
 * Publishes the running experiments from D1 (the source of truth) to the `cfg/experiments` KV document the
 * edge reads, oldest first (the first matching experiment assigns a request).
 */
import { asc, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { type ExperimentsDocument, publishedExperimentSchema } from "../../core/experiments/experiment-config";
import { CONFIG_KEYS } from "../../core/keys";
import { experiments } from "../../db/schema";
import { forgetExperiments } from "../storage/experiments-store";

export async function publishExperiments(env: Env): Promise<ExperimentsDocument> {
  const rows = await drizzle(env.DB).select().from(experiments).where(eq(experiments.status, "running")).orderBy(asc(experiments.createdAt), asc(experiments.id));
  const document: ExperimentsDocument = {
    published_at: Math.floor(Date.now() / 1000),
    experiments: rows.map((row) =>
      publishedExperimentSchema.parse({
        id: row.id,
        salt: row.salt,
        unit: row.unit,
        placement: row.placement,
        starts_at: row.startsAt,
        ends_at: row.endsAt,
        variants: row.variants,
      }),
    ),
  };
  await env.KV.put(CONFIG_KEYS.experiments, JSON.stringify(document));
  forgetExperiments();
  return document;
}
