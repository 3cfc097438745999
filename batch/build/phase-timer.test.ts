import { afterEach, describe, expect, it, vi } from "vitest";
import { phaseTimer } from "./phase-timer";

describe("phaseTimer", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("records each phase as the rounded milliseconds since the previous lap", () => {
    const clock = [100, 112.4, 112.6, 150.5];
    vi.spyOn(performance, "now").mockImplementation(() => clock.shift() ?? Number.NaN);
    const { timings, lap } = phaseTimer();
    lap("read");
    lap("mine");
    lap("encode");
    expect(timings).toEqual({ read: 12, mine: 0, encode: 38 });
  });
});
