/**
 * @module
 * Reads an experiment's definition from D1: by id, or the most recently started running one (then the most
 * recent of any status) when no id is given.
 */
import type { SqlClient } from "./sql-client";

export interface ExperimentRecord {
  id: string;
  name: string;
  salt: string;
  unit: "session" | "user";
  status: "draft" | "running" | "stopped";
  placement: string | null;
  variants: Array<{ name: string; weight: number; config?: Record<string, unknown> }>;
  starts_at: number | null;
  ends_at: number | null;
  created_at: number;
}

interface Row extends Omit<ExperimentRecord, "variants"> {
  variants: string;
}

export async function loadExperiment(sql: SqlClient, id?: string): Promise<ExperimentRecord | null> {
  const columns = "id, name, salt, unit, status, placement, variants, starts_at, ends_at, created_at";
  const rows =
    id !== undefined
      ? await sql.all<Row>(`SELECT ${columns} FROM experiments WHERE id = ?1`, [id])
      : await sql.all<Row>(`SELECT ${columns} FROM experiments WHERE status <> 'draft' ORDER BY status = 'running' DESC, COALESCE(starts_at, created_at) DESC, id LIMIT 1`);
  const row = rows[0];
  if (row === undefined) return null;
  return { ...row, variants: JSON.parse(row.variants) as ExperimentRecord["variants"] };
}

