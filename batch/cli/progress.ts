/**
 * @module
 * Progress bars and end-of-command summaries on stderr. A terminal gets a redrawn bar; a pipe or CI log gets
 * one line per step at most every few seconds, so logs stay short. `measured` and `withProgress` wrap a command's
 * work and its steps in them.
 */

export interface Progress {
  /** Reports `done` out of `total` units (total may be 0 when unknown). */
  update(done: number, total?: number): void;
  /** Ends the bar with a final line. */
  finish(note?: string): void;
}

export interface ProgressOptions {
  quiet?: boolean;
  stream?: NodeJS.WriteStream;
  /** Minimum milliseconds between log lines when the stream is not a terminal. */
  logEveryMs?: number;
}

const BAR_WIDTH = 24;

export function startProgress(label: string, options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const quiet = options.quiet ?? false;
  const tty = stream.isTTY === true;
  const logEveryMs = options.logEveryMs ?? 5000;
  const started = performance.now();
  let lastDraw = 0;
  let lastDone = 0;
  let lastTotal = 0;

  const render = (done: number, total: number): string => {
    const elapsed = formatSeconds((performance.now() - started) / 1000);
    if (total > 0) {
      const share = Math.min(1, done / total);
      const filled = Math.round(share * BAR_WIDTH);
      const bar = "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled);
      return `${label} [${bar}] ${(share * 100).toFixed(0).padStart(3)}% ${formatCount(done)}/${formatCount(total)} ${elapsed}`;
    }
    return `${label} ${formatCount(done)} ${elapsed}`;
  };

  return {
    update(done, total = 0) {
      lastDone = done;
      lastTotal = total;
      if (quiet) return;
      const now = performance.now();
      if (tty) {
        if (now - lastDraw < 100) return;
        lastDraw = now;
        stream.write(`\r${render(done, total)}\x1b[K`);
      } else if (now - lastDraw >= logEveryMs) {
        lastDraw = now;
        stream.write(`${render(done, total)}\n`);
      }
    },
    finish(note) {
      if (quiet) return;
      const line = `${render(lastTotal || lastDone, lastTotal)}${note ? ` ${note}` : ""}`;
      stream.write(tty ? `\r${line}\x1b[K\n` : `${line}\n`);
    },
  };
}

export function formatSeconds(seconds: number): string {
  return seconds < 10 ? `${seconds.toFixed(2)}s` : `${seconds.toFixed(1)}s`;
}

function formatCount(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(2)}M`;
  if (n >= 1e4) return `${(n / 1e3).toFixed(1)}k`;
  return String(n);
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1 << 30) return `${(bytes / (1 << 30)).toFixed(2)} GiB`;
  if (bytes >= 1 << 20) return `${(bytes / (1 << 20)).toFixed(1)} MiB`;
  if (bytes >= 1 << 10) return `${(bytes / (1 << 10)).toFixed(1)} KiB`;
  return `${bytes} B`;
}

/** Tracks peak resident memory while a command runs, sampled on a timer. */
function trackPeakMemory(intervalMs = 50): { peakBytes(): number; stop(): void } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, intervalMs);
  timer.unref();
  return {
    peakBytes: () => Math.max(peak, process.memoryUsage.rss(), process.resourceUsage().maxRSS * 1024),
    stop: () => clearInterval(timer),
  };
}

/** The one-line summary every long command prints last: counts, wall time and peak memory. */
function printSummary(
  command: string,
  counts: Record<string, number | string>,
  startedMs: number,
  peakBytes: number,
  stream: NodeJS.WriteStream = process.stderr,
): void {
  const parts = Object.entries(counts).map(([k, v]) => `${k}=${typeof v === "number" ? formatCount(v) : v}`);
  const seconds = (performance.now() - startedMs) / 1000;
  stream.write(`${command}: ${parts.join(" ")} time=${formatSeconds(seconds)} peak_memory=${formatBytes(peakBytes)}\n`);
}

/**
 * Runs a command's work with its peak memory sampled, then prints the summary line of the counts the work
 * returns (none when `quiet`). Resolves to the exit code, 0.
 */
export async function measured(command: string, work: () => Promise<Record<string, number | string>>, options: { quiet?: boolean } = {}): Promise<number> {
  const started = performance.now();
  const memory = trackPeakMemory();
  let counts: Record<string, number | string>;
  try {
    counts = await work();
  } finally {
    memory.stop();
  }
  if (!options.quiet) printSummary(command, counts, started, memory.peakBytes());
  return 0;
}

/** Runs one step of a command under its own progress bar, finished when the step ends. */
export async function withProgress<T>(label: string, quiet: boolean | undefined, step: (progress: Progress) => T | Promise<T>): Promise<T> {
  const progress = startProgress(label, { quiet });
  const result = await step(progress);
  progress.finish();
  return result;
}
