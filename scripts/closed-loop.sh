#!/usr/bin/env bash
# The closed loop against the Cloudflare account, unattended (the scheduled workflow and the cron recipe run this):
#   1. fetch the shop's catalogue feed and orders export   2. export the events the edge stored in remote D1
#   3. rebuild with all three                              4. check the build is sane   5. publish it remotely
# Any failing step stops the run with a non-zero exit before step 5, so the live build stays as it was; publish
# itself writes every blob first and flips the live pointer last.
#
# Environment: EDGEREC_FEED_URL or EDGEREC_FEED (a file): GMC XML/TSV, Shopify CSV or catalogue JSON Lines;
# EDGEREC_ORDERS_URL or EDGEREC_ORDERS (a file): orders JSON Lines or CSV export; optional EDGEREC_CATALOG_FORMAT,
# EDGEREC_SHOP_URL, EDGEREC_CURRENCY (Shopify), EDGEREC_SINCE_DAYS (events to learn from, default 90),
# EDGEREC_MAX_SKIPPED_SHARE (share of bad input lines tolerated, default 0.05), EDGEREC_WORK (default: a temp dir;
# a kept one makes each build follow the last, `edgerec build --previous`).
# CLOUDFLARE_API_TOKEN and CLOUDFLARE_ACCOUNT_ID give wrangler the account.
set -euo pipefail
cd "$(dirname "$0")/.."
export CI=true WRANGLER_SEND_METRICS=false WRANGLER_HIDE_BANNER=true

step() { printf '\n== %s (%s)\n' "$1" "$(date -u +%H:%M:%S)"; }
fail() { printf '\nCLOSED LOOP FAILED: %s; the live build was left alone\n' "$1" >&2; exit 1; }
trap 'fail "step exited with status $? at line $LINENO"' ERR

WORK=${EDGEREC_WORK:-$(mktemp -d)}
mkdir -p "$WORK"

# A URL is downloaded (any non-2xx status fails), a file is used as it is.
input() {
  local url=$1 file=$2 out=$3 name=$4
  if [ -n "$url" ]; then
    node -e '
      const [url, out] = process.argv.slice(1);
      fetch(url).then(async (r) => {
        if (!r.ok) { console.error(`${url}: HTTP ${r.status}`); process.exit(1); }
        require("node:fs").writeFileSync(out, Buffer.from(await r.arrayBuffer()));
      }, (e) => { console.error(`${url}: ${e.message}`); process.exit(1); });' "$url" "$out"
  elif [ -n "$file" ]; then
    cp "$file" "$out"
  else
    fail "no $name: set EDGEREC_${name^^}_URL or EDGEREC_${name^^}"
  fi
  [ -s "$out" ] || fail "the $name is empty"
}

step "1/5 fetching the catalogue feed and the orders"
ORDERS_EXT=jsonl
case "${EDGEREC_ORDERS_URL:-${EDGEREC_ORDERS:-}}" in *.csv|*.csv\?*) ORDERS_EXT=csv ;; esac
input "${EDGEREC_FEED_URL:-}" "${EDGEREC_FEED:-}" "$WORK/feed" feed
input "${EDGEREC_ORDERS_URL:-}" "${EDGEREC_ORDERS:-}" "$WORK/orders.$ORDERS_EXT" orders

step "2/5 exporting the last ${EDGEREC_SINCE_DAYS:-90} days of events from remote D1"
SINCE=$(( $(date +%s) - ${EDGEREC_SINCE_DAYS:-90} * 86400 ))
npx edgerec export-events --remote --since "$SINCE" --out "$WORK/events.jsonl"

step "3/5 building"
FLAGS=()
[ -n "${EDGEREC_CATALOG_FORMAT:-}" ] && FLAGS+=(--catalog-format "$EDGEREC_CATALOG_FORMAT")
[ -n "${EDGEREC_SHOP_URL:-}" ] && FLAGS+=(--shop-url "$EDGEREC_SHOP_URL")
[ -n "${EDGEREC_CURRENCY:-}" ] && FLAGS+=(--currency "$EDGEREC_CURRENCY")
# With a kept EDGEREC_WORK, the last run's build is the one this one follows: its tuned weights stay unless the new
# data beats them, so the lists do not reshuffle from one night to the next.
if [ -f "$WORK/artifacts/manifest.json" ]; then
  cp "$WORK/artifacts/manifest.json" "$WORK/previous-manifest.json"
  FLAGS+=(--previous "$WORK/previous-manifest.json")
fi
npx edgerec build --orders "$WORK/orders.$ORDERS_EXT" --catalog "$WORK/feed" --events "$WORK/events.jsonl" --out "$WORK/artifacts" --quiet "${FLAGS[@]}"

step "4/5 checking the build"
node -e '
  const manifest = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"));
  const maxSkipped = Number(process.argv[2]);
  const problems = [];
  if (manifest.counts.catalog_products === 0) problems.push("the catalogue gave no product");
  if (manifest.counts.items_with_lists === 0) problems.push("no item has a recommendation list");
  for (const [name, input] of Object.entries(manifest.inputs)) {
    if (input.lines > 0 && input.skipped / input.lines > maxSkipped) problems.push(`${name}: ${input.skipped} of ${input.lines} lines unusable (over ${maxSkipped * 100}%)`);
  }
  console.log(`build ${manifest.build_id}: ${manifest.counts.catalog_products} products, ${manifest.counts.orders} orders, ${manifest.counts.items_with_lists} items with lists`);
  if (problems.length > 0) { console.error(problems.join("\n")); process.exit(1); }' "$WORK/artifacts/manifest.json" "${EDGEREC_MAX_SKIPPED_SHARE:-0.05}"

step "5/5 publishing to the account (the live pointer flips last)"
npx edgerec publish --artifacts "$WORK/artifacts" --remote
printf '\nCLOSED LOOP DONE\n'
