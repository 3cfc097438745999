/**
 * @module
 * Errors that name the file, line and field that caused them.
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
