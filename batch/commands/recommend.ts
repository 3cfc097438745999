/**
 * @module
 * `edgerec recommend`: offline replay. One JSON answer per request line, exactly what the worker would answer
 * for the same body on the same build.
 */
import { createWriteStream } from "node:fs";
import { fieldProblems } from "../../core/field-problems";
import { unknownProduct } from "../../core/recommend/known-product";
import { recommendationRequestSchema } from "../../core/request-schema";
import { readArtifacts } from "../build/artifacts";
import { type Command, numberFlag, parseFlags, requireFlag } from "../cli/command";
import { measured, withProgress } from "../cli/progress";
import { readLines } from "../io/lines";
import { ArtifactStore } from "../recommend/artifact-store";

export const command: Command = {
  name: "recommend",
  usage: `
edgerec recommend --artifacts DIR --requests F [--k N] [--out F]

Each request line is the body of POST /v1/recommendations plus an "id"; each output line is the answer plus
that "id". A line that is not a valid request gets {"id", "error": {...}} naming the field, on the same line, and
so does a product request whose product_id the build does not know (the worker's 404).

  --artifacts DIR   output of edgerec build
  --requests F      JSON Lines of requests
  --k N             items per slot for lines that do not say (default 10)
  --out F           write answers here instead of stdout
  --quiet           no progress output
`,
  async run(argv) {
    const flags = parseFlags(argv, { strings: ["artifacts", "requests", "k", "out"], booleans: ["quiet"] });
    const dir = requireFlag(flags.artifacts, "artifacts");
    const requests = requireFlag(flags.requests, "requests");
    const k = numberFlag(flags.k, "k", 10, { min: 1, max: 50, integer: true });
    return measured("recommend", async () => {
      const store = new ArtifactStore(readArtifacts(dir));
      const out = flags.out === undefined ? process.stdout : createWriteStream(flags.out);
      let answered = 0;
      let rejected = 0;
      let buffer: string[] = [];
      const flush = async () => {
        if (buffer.length === 0) return;
        const chunk = `${buffer.join("\n")}\n`;
        buffer = [];
        if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
      };
      await withProgress("recommend", flags.quiet, async (progress) => {
        for await (const [text, line] of readLines(requests, (done, total) => progress.update(done, total))) {
          if (text.trim().length === 0) continue;
          buffer.push(JSON.stringify(answerLine(store, text, line, k, requests)));
          if (buffer.at(-1)!.includes('"error":')) rejected++;
          else answered++;
          if (buffer.length >= 1000) await flush();
        }
        await flush();
        if (out !== process.stdout) await new Promise<void>((resolve) => out.end(resolve));
      });
      return { answered, rejected };
    });
  },
};

function answerLine(store: ArtifactStore, text: string, line: number, k: number, file: string): Record<string, unknown> {
  let row: unknown;
  try {
    row = JSON.parse(text);
  } catch (error) {
    return { id: null, line, error: { code: "invalid_json", message: `${file}:${line}: not valid JSON (${(error as Error).message})` } };
  }
  const record = (typeof row === "object" && row !== null && !Array.isArray(row) ? row : {}) as Record<string, unknown>;
  const { id, ...body } = record;
  const parsed = recommendationRequestSchema.safeParse(body);
  if (!parsed.success) {
    const problems = fieldProblems(parsed.error);
    const first = problems[0];
    process.stderr.write(`${file}:${line}: field "${first.field}": ${first.message}\n`);
    return { id: id ?? null, line, error: { code: "invalid_request", field: first.field, message: first.message, problems } };
  }
  const request = { ...parsed.data, k: parsed.data.k ?? k };
  const missing = unknownProduct(request, store.build);
  if (missing !== undefined) {
    process.stderr.write(`${file}:${line}: field "${missing.field}": ${missing.message}\n`);
    return { id: id ?? null, line, error: { code: "not_found", field: missing.field, message: missing.message } };
  }
  return { id: id ?? null, ...store.recommend(request, `offline-${String(id ?? line)}`) };
}
