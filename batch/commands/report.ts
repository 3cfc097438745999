/**
 * @module
 * `edgerec report`: the A/B analysis of an experiment and the business reports (attach matrix, candidate
 * bundles, clearance), from local D1 state or the account's D1, as text, JSON or CSV.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { METRICS, type MetricName } from "../../core/stats/experiment-analysis";
import { type BusinessReports, businessReports, type MetricsReport, metricsReport } from "../../db/analytics/metrics-report";
import { openSql } from "../analytics/sql-clients";
import { businessText, metricsText, type Section, SECTIONS, sectionCsv } from "../analytics/report-format";
import { type Command, numberFlag, parseFlags, stateTarget, UsageError } from "../cli/command";

const BUCKETS: Record<string, number> = { hour: 3600, day: 86_400, week: 7 * 86_400 };

export const command: Command = {
  name: "report",
  usage: `
edgerec report [--experiment ID] [--format text|json|csv] [--section S] [--local | --remote] [flags]

Reads D1 (the events, orders, exposures and experiments the worker wrote) and prints:
  metrics    per variant: CTR, add-to-cart rate, conversion, attach rate, AOV, revenue per session, each with a
             95% interval (Wilson for rates, t / Welch for money), the lift against control, the sample-ratio
             check (chi-square against the configured weights), guardrails and a verdict
  attach     attach rate by category pair (device category -> accessory category)
  bundles    candidate bundles: product pairs bought together far above chance that no bundle covers yet
  clearance  clearance products: units sold, how many through down-sell and other recommendations, sell-through

  --experiment ID    the experiment (default: the most recently started running one)
  --format F         text (default), json (everything in one document) or csv (one table per section)
  --section S        metrics, attach, bundles, clearance or all (default all)
  --out DIR          write every section to DIR/<section>.csv (or DIR/report.json) instead of stdout
  --primary M        the metric the verdict is about: ${METRICS.join(", ")} (default conversion)
  --bucket B         series bucket for json: hour, day (default), week
  --days N           business reports over the last N days (default 90)
  --min-pair-orders N  a candidate bundle's pair is bought together at least N times (default 5)
  --device-min-price P an order whose top line costs at least P is a device order (default 150)
  --local            local state (default), as wrangler dev and edgerec publish --local use it
  --persist-to DIR   local state folder, as wrangler's --persist-to
  --remote           the account's D1 (wrangler d1 execute --remote)
`,
  async run(argv) {
    const values = parseFlags(argv, {
      strings: ["experiment", "format", "section", "out", "primary", "bucket", "days", "min-pair-orders", "device-min-price", "persist-to"],
      booleans: ["local", "remote"],
    });
    const { target, persistTo } = stateTarget(values);
    const format = values.format ?? "text";
    if (!["text", "json", "csv"].includes(format)) throw new UsageError(`--format must be text, json or csv, got "${format}"`);
    const section = values.section ?? "all";
    if (section !== "all" && !SECTIONS.includes(section as Section)) throw new UsageError(`--section must be one of ${SECTIONS.join(", ")} or all, got "${section}"`);
    const primary = values.primary ?? "conversion";
    if (!METRICS.includes(primary as MetricName)) throw new UsageError(`--primary must be one of ${METRICS.join(", ")}, got "${primary}"`);
    const bucket = values.bucket ?? "day";
    if (BUCKETS[bucket] === undefined) throw new UsageError(`--bucket must be hour, day or week, got "${bucket}"`);
    const sections: Section[] = section === "all" ? [...SECTIONS] : [section as Section];
    const deviceMinPrice = values["device-min-price"] === undefined ? undefined : numberFlag(values["device-min-price"], "device-min-price", 150, { min: 0 });

    const opened = await openSql(target, { persistTo });
    let metrics: MetricsReport | null = null;
    let business: BusinessReports | null = null;
    try {
      if (sections.includes("metrics")) {
        metrics = await metricsReport(opened.sql, { experiment: values.experiment, primaryMetric: primary as MetricName, bucketSeconds: BUCKETS[bucket], deviceMinPrice });
        if (metrics === null && values.experiment !== undefined) {
          process.stderr.write(`edgerec report: no experiment "${values.experiment}" in D1\n`);
          return 1;
        }
      }
      if (sections.some((s) => s !== "metrics")) {
        business = await businessReports(opened.sql, {
          days: numberFlag(values.days, "days", 90, { min: 1, integer: true }),
          minPairOrders: numberFlag(values["min-pair-orders"], "min-pair-orders", 5, { min: 1, integer: true }),
          deviceMinPrice,
        });
      }
    } finally {
      await opened.close();
    }

    if (values.out !== undefined) {
      mkdirSync(values.out, { recursive: true });
      if (format === "json") writeFileSync(path.join(values.out, "report.json"), `${JSON.stringify({ metrics, ...(business ?? {}) }, null, 2)}\n`);
      else for (const s of sections) writeFileSync(path.join(values.out, `${s}.csv`), sectionCsv(s, metrics, business));
      process.stderr.write(`report written to ${values.out}\n`);
      return 0;
    }
    if (format === "json") {
      process.stdout.write(`${JSON.stringify({ metrics, ...(business ?? {}) }, null, 2)}\n`);
    } else if (format === "csv") {
      process.stdout.write(sections.map((s) => (sections.length > 1 ? `# ${s}\n` : "") + sectionCsv(s, metrics, business)).join("\n"));
    } else {
      if (sections.includes("metrics")) process.stdout.write(metrics === null ? "no experiment has started yet\n" : metricsText(metrics));
      if (business !== null) process.stdout.write(`${sections.includes("metrics") ? "\n" : ""}${businessText(business)}`);
    }
    return 0;
  },
};
