/**
 * @module
 * `npm run bench:fit`: precision and recall of the fit facts read from real product text, against the hand-labelled
 * sample (test/fixtures/fit-facts: 275 records of ../shared/data/catalog, labels written before the extractor;
 * the held-out part was never looked at while tuning). Per fact type and overall, micro-averaged over fact
 * instances: TP = an extracted fact that matches a label, FP = one that matches none, FN = a label nothing matched.
 * "fit facts" is every type but role and kind. Then the agreement with the demo catalogue's attrs when products are
 * read from their titles alone (test/fixtures/fit-facts/demo-agreement.ts). `--errors` lists the mismatches of the
 * tuning part.
 */
import { fitFactsOf } from "../core/catalog/fit-facts/extract-fit-facts";
import { buildCatalog } from "../tools/demo/catalog";
import { demoAgreement } from "../test/fixtures/fit-facts/demo-agreement";
import { CATALOG_DIR, compare, FACT_TYPES, factStrings, joinRecords, labelStrings, missingSources, precision, readLabels, recall, type ScoredType, type Tally, total } from "../test/fixtures/fit-facts/sample";

const showErrors = process.argv.includes("--errors");
const f3 = (x: number) => (Number.isNaN(x) ? "   -  " : x.toFixed(3).padStart(6));
const FIT_TYPES = FACT_TYPES.filter((t) => t !== "role" && t !== "kind");

function table(title: string, columns: Array<[string, Map<ScoredType, Tally>]>): void {
  console.log(`\n${title}`);
  console.log(`${"fact".padEnd(10)}${columns.map(([name]) => `${name.padStart(10)} P      R      n`.padEnd(34)).join("")}`);
  const row = (name: string, pick: (m: Map<ScoredType, Tally>) => Tally | undefined) =>
    console.log(
      `${name.padEnd(10)}${columns
        .map(([, m]) => {
          const t = pick(m);
          return t === undefined ? "".padEnd(34) : `${"".padStart(10)} ${f3(precision(t))} ${f3(recall(t))} ${String(t.tp + t.fn).padStart(5)}`.padEnd(34);
        })
        .join("")}`,
    );
  for (const type of FACT_TYPES) row(type, (m) => m.get(type));
  row("fit facts", (m) => total(m, FIT_TYPES));
  row("overall", (m) => total(m));
}

const labels = readLabels();
const missing = missingSources(labels);
if (missing.length > 0) {
  console.log(`SKIPPED: ${missing.join(", ")} absent from ${CATALOG_DIR} (the labelled sample joins with it at run time)`);
} else {
  const records = joinRecords(labels);
  const splits = new Map<string, Map<ScoredType, Tally>>([["all", new Map()], ["tune", new Map()], ["heldout", new Map()]]);
  const started = performance.now();
  for (const { label, product } of records) {
    const got = factStrings(fitFactsOf(product));
    const want = labelStrings(label);
    compare(got, want, splits.get("all")!);
    const mismatch = compare(got, want, splits.get(label.split)!);
    if (showErrors && label.split === "tune" && (mismatch.falsePositives.length > 0 || mismatch.falseNegatives.length > 0)) {
      console.log(`${label.source} ${label.id} ${(product.title ?? "").slice(0, 70)}\n  FP ${mismatch.falsePositives.join(" ")}\n  FN ${mismatch.falseNegatives.join(" ")}`);
    }
  }
  const ms = performance.now() - started;
  const count = (split: string) => records.filter((r) => split === "all" || r.label.split === split).length;
  table(
    `Fit facts from real product text: ${records.length} hand-labelled records (${count("tune")} tune, ${count("heldout")} held out), ${(ms / records.length).toFixed(2)} ms per record; n = labelled facts`,
    [["all", splits.get("all")!], ["tune", splits.get("tune")!], ["held-out", splits.get("heldout")!]],
  );
}

const catalog = buildCatalog(7, 2500);
const agreement = demoAgreement(catalog.products.map((p) => ({ title: p.title, category: p.category, attrs: p.attrs })));
table(`Demo catalogue (seed 7, ${agreement.products} products) read from title + category, against its attrs`, [
  ["title-carried", agreement.titleCarried],
  ["all attrs", agreement.all],
]);
