/**
 * @module
 * Errors that name the file, line and field that caused them; what a reader keeps of the bad lines it skipped;
 * and the judgement on a whole file: no valid line, or more bad lines than the caller accepts, refuses it.
 */

export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly field: string | undefined,
    readonly problem: string,
  ) {
    super(`${file}:${line}${field ? ` field "${field}"` : ""}: ${problem}`);
    this.name = "InputError";
  }
}

/** How a reader treats a bad line: skip it and report, or stop at the first one. */
export type BadLinePolicy = "skip" | "fail";

export interface ReadReport {
  lines: number;
  accepted: number;
  skipped: number;
  /** The first few problems, for the summary; `skipped` has the full count. */
  problems: InputError[];
}

const MAX_REPORTED_PROBLEMS = 20;

export function newReport(): ReadReport {
  return { lines: 0, accepted: 0, skipped: 0, problems: [] };
}

export function recordProblem(report: ReadReport, error: InputError, policy: BadLinePolicy): void {
  if (policy === "fail") throw error;
  report.skipped++;
  if (report.problems.length < MAX_REPORTED_PROBLEMS) report.problems.push(error);
}

/** The reader's callback for a line that is not valid UTF-8 (`lines.ts`): a bad line like any other. */
export function invalidUtf8(path: string, report: ReadReport, policy: BadLinePolicy): (lineNumber: number) => void {
  return (lineNumber) => {
    report.lines++;
    recordProblem(report, new InputError(path, lineNumber, undefined, "not valid UTF-8 text"), policy);
  };
}

/** A whole input file refused: nothing usable in it, or too many bad lines. */
export class InputRejectedError extends Error {
  override name = "InputRejectedError";
}

/** Bad lines a reader accepts by default: 10% of the non-blank lines. */
export const DEFAULT_MAX_BAD_SHARE = 0.1;
/** Below this many lines one bad line is a large share and says little about the file: only an input with no valid line is refused. */
const MIN_LINES_JUDGED = 20;

/**
 * Refuses a file with no valid line (when `required`), or of at least MIN_LINES_JUDGED lines whose share of bad
 * lines exceeds `maxBadShare`, naming the first problems.
 */
export function checkReadReport(what: string, path: string, report: ReadReport, options: { maxBadShare?: number; required?: boolean } = {}): void {
  const maxBadShare = options.maxBadShare ?? DEFAULT_MAX_BAD_SHARE;
  const first = report.problems.slice(0, 3).map((p) => p.message);
  const examples = first.length > 0 ? `; first: ${first.join("; ")}` : "";
  if (options.required && report.accepted === 0) {
    const read = report.lines === 0 ? "it is empty" : report.lines === 1 ? "its only line is bad" : `all ${report.lines} lines are bad`;
    throw new InputRejectedError(`no valid ${what} in ${path}: ${read}${examples}`);
  }
  if (report.lines >= MIN_LINES_JUDGED && report.skipped / report.lines > maxBadShare) {
    const share = ((100 * report.skipped) / report.lines).toFixed(1);
    throw new InputRejectedError(
      `${report.skipped} of ${report.lines} lines of ${path} are bad (${share}%), more than the ${(100 * maxBadShare).toFixed(0)}% --max-bad-share allows${examples}`,
    );
  }
}
