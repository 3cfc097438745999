/**
 * @module
 * Wall-clock time per build phase, for the manifest's `timings_ms`: `lap(name)` records under `name` the
 * milliseconds since the previous lap (the first: since the timer started), rounded.
 */

export interface PhaseTimer {
  timings: Record<string, number>;
  lap: (name: string) => void;
}

export function phaseTimer(): PhaseTimer {
  const timings: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    const next = performance.now();
    timings[name] = Math.round(next - t);
    t = next;
  };
  return { timings, lap };
}
