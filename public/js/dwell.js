/**
 * @module
 * Dwell time on a page: milliseconds the page was actually visible. Reported in increments to a callback on
 * every hide (tab switch, navigation, close, back-forward cache), so nothing is lost when the shopper leaves.
 */

/**
 * @param {(ms: number) => void} report called with the visible time since the last report
 * @returns {{ flush(): void }} flush() reports what has accumulated so far and keeps measuring
 */
export function measureDwell(report) {
  let visibleSince = document.visibilityState === "visible" ? performance.now() : null;
  const stop = () => {
    if (visibleSince === null) return;
    const ms = performance.now() - visibleSince;
    visibleSince = null;
    if (ms > 0) report(ms);
  };
  const start = () => {
    if (document.visibilityState === "visible") visibleSince ??= performance.now();
  };
  document.addEventListener("visibilitychange", () => (document.visibilityState === "hidden" ? stop() : start()));
  window.addEventListener("pagehide", stop);
  window.addEventListener("pageshow", start);
  return {
    flush() {
      stop();
      start();
    },
  };
}
