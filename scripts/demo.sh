#!/usr/bin/env bash
# The demo store end to end: generate it, build, publish to local KV/D1, serve on http://127.0.0.1:8787.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh

DATA=demo-data
ARTIFACTS=artifacts/demo

echo "== 1/4 generating the demo store into $DATA/"
npx tsx tools/demo/cli.ts --out "$DATA"
echo "== 2/4 building recommendations into $ARTIFACTS/"
npx edgerec build --orders "$DATA/orders.jsonl" --catalog "$DATA/catalog.jsonl" --events "$DATA/events.jsonl" --out "$ARTIFACTS"
echo "== 3/4 publishing to local KV and D1 (.wrangler/state)"
npx edgerec publish --artifacts "$ARTIFACTS" --local
echo "== 4/4 serving on http://127.0.0.1:8787 (Ctrl-C to stop)"
exec npx wrangler dev --ip 127.0.0.1 --port 8787
