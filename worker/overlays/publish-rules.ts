/**
 * @module
 * Rules from D1 `merch_rules` to their API shape, and the active set to KV `cfg/rules` (`rules-overlay.ts`): on
 * every admin change and from the cron, so a rule applies (and an expired one stops) without a rebuild.
 */
import { drizzle } from "drizzle-orm/d1";
import { CONFIG_KEYS } from "../../core/keys";
import { type MerchRule, merchRuleSchema } from "../../core/rules/merch-rule";
import { rulesOverlay } from "../../core/rules/rules-overlay";
import { merchRules } from "../../db/schema";

type RuleRow = typeof merchRules.$inferSelect;

/** A stored row as the admin routes answer it; undefined when the row no longer validates (it is not published). */
export function ruleOfRow(row: RuleRow): MerchRule | undefined {
  const parsed = merchRuleSchema.safeParse({
    id: row.id,
    name: row.name,
    action: row.action,
    placement: row.placement,
    match: row.match,
    weight: row.weight,
    starts_at: row.startsAt,
    ends_at: row.endsAt,
    enabled: row.enabled,
  });
  return parsed.success ? parsed.data : undefined;
}

export async function storedRules(db: D1Database): Promise<MerchRule[]> {
  const rows = await drizzle(db).select().from(merchRules).orderBy(merchRules.id);
  return rows.map(ruleOfRow).filter((r): r is MerchRule => r !== undefined);
}

/** Writes the rules that can still apply to KV; returns how many. */
export async function publishRules(env: Pick<Env, "DB" | "KV">, now = Math.floor(Date.now() / 1000)): Promise<number> {
  const overlay = rulesOverlay(await storedRules(env.DB), now);
  await env.KV.put(CONFIG_KEYS.rules, JSON.stringify(overlay));
  return overlay.rules.length;
}
