#!/usr/bin/env bash
# The demo store end to end: generate it, build, publish to local KV/D1, serve it on http://127.0.0.1:8787, and run
# one A/B test to the end through the live edge (simulated shoppers) so the dashboard's charts have real data.
# DEMO_PORT, DEMO_PERSIST_TO (wrangler's --persist-to), DEMO_DATA, DEMO_ARTIFACTS and DEMO_SESSIONS override the
# defaults; DEMO_BUILD_FLAGS adds flags to the build (e.g. --no-sequence-model).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh

DATA=${DEMO_DATA:-demo-data}
ARTIFACTS=${DEMO_ARTIFACTS:-artifacts/demo}
PORT=${DEMO_PORT:-8787}
SESSIONS=${DEMO_SESSIONS:-2000}
PERSIST=()
[ -n "${DEMO_PERSIST_TO:-}" ] && PERSIST=(--persist-to "$DEMO_PERSIST_TO")
ADMIN_TOKEN=$(sed -n 's/^ADMIN_TOKEN=//p' .dev.vars)
URL="http://127.0.0.1:$PORT"
started=$(date +%s)
step_started=$started
# Prints a step's title, and how long the previous step took.
step() {
  local now; now=$(date +%s)
  [ "$now" != "$started" ] || [ "$step_started" != "$started" ] && echo "   ($(( now - step_started )) s)"
  step_started=$now
  echo "== $1"
}

# wrangler dev starts first (in its own process group) and serves the build as soon as publish flips the pointer.
setsid npx wrangler dev --ip 127.0.0.1 --port "$PORT" "${PERSIST[@]}" > "${TMPDIR:-/tmp}/edgerec-demo-dev.log" 2>&1 &
DEV=$!
# Polls dev's /healthz up to $1 times, 0.2 s apart, until it answers at all ("any") or with a 2xx ("ok").
wait_for_dev() {
  for _ in $(seq 1 "$1"); do
    node -e 'fetch(process.argv[1]).then((r) => process.exit(process.argv[2] === "any" || r.ok ? 0 : 1), () => process.exit(1))' "$URL/healthz" "$2" && return 0
    kill -0 "$DEV" 2>/dev/null || { cat "${TMPDIR:-/tmp}/edgerec-demo-dev.log"; exit 1; }
    sleep 0.2
  done
}
stop() { kill -- "-$DEV" 2>/dev/null || true; }
trap stop EXIT
trap 'exit 130' INT TERM

step "1/5 generating the demo store into $DATA/"
npx tsx tools/demo/cli.ts --out "$DATA"
step "2/5 building recommendations into $ARTIFACTS/"
# shellcheck disable=SC2086
node bin/edgerec.mjs build --orders "$DATA/orders.jsonl" --catalog "$DATA/catalog.jsonl" --events "$DATA/events.jsonl" --out "$ARTIFACTS" ${DEMO_BUILD_FLAGS:-}
step "3/5 publishing to local KV and D1 (${DEMO_PERSIST_TO:-.wrangler/state})"
# Publish writes the SQLite files dev opens at start-up: it waits until dev answers.
wait_for_dev 300 any
node bin/edgerec.mjs publish --artifacts "$ARTIFACTS" --local "${PERSIST[@]}"
step "4/5 serving on $URL"
wait_for_dev 150 ok
step "5/5 one A/B test run to the end: $SESSIONS simulated shoppers through the edge, their events into D1"
npx tsx tools/demo/demo-experiment.ts --url "$URL" --data "$DATA" --admin-token "$ADMIN_TOKEN" --sessions "$SESSIONS" "${PERSIST[@]}"

echo "   ($(( $(date +%s) - step_started )) s)"
echo
echo "demo ready in $(( $(date +%s) - started )) s"
echo "  storefront  $URL/"
echo "  dashboard   $URL/dashboard.html#token=$ADMIN_TOKEN   (admin token: $ADMIN_TOKEN, from .dev.vars)"
echo "Ctrl-C to stop"
wait "$DEV"
