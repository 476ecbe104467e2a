#!/usr/bin/env bash
# `npm test`: the static checks (typecheck, lint, format, layers), then every test there is — unit,
# integration (real PostgreSQL and Redis, own database and key prefix), and end-to-end in the system
# Chromium — then one closing line "N passed, N failed". A failed static check fails the run, but the
# tests still run, so one run shows everything.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 PUPPETEER_SKIP_DOWNLOAD=true
export DATABASE_URL="${DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/soul_crm}"

bash scripts/ensure-services.sh || exit 1
bash scripts/install-deps.sh || exit 1
[ -f .env ] || cp .env.example .env

reports=test-reports  # not test-results: Playwright empties that folder when it starts
rm -rf "$reports" && mkdir -p "$reports"
status=0

echo "== static checks"
static_failed=()
static_check() {
  local name=$1 started=$SECONDS
  shift
  echo "-- $name: $*"
  if "$@"; then
    echo "-- $name ok ($((SECONDS - started)) s)"
  else
    echo "-- $name FAILED ($((SECONDS - started)) s)"
    static_failed+=("$name")
  fi
}
static_check typecheck npm run --silent typecheck
static_check lint npm run --silent lint
static_check format npm run --silent format:check
static_check layers npm run --silent check:layers
[ ${#static_failed[@]} -eq 0 ] || status=1

echo "== unit tests"
VITEST_JSON="$reports/unit.json" npx vitest run --project unit || status=1

echo "== integration tests"
# Two shards at once, each in a database, Redis prefix and directories of its own (namespace suffix s1/s2):
# the integration tests mostly wait on PostgreSQL, Redis and timers, so two halves side by side take
# little more than the longer half. The files are split by their recorded durations
# (scripts/integration-shard.mjs). Each shard's output is printed whole when it ends. (The build is not
# run beside them: on 2 cores it slowed them by as long as it took, and timing-bound tests failed.)
shards=${INTEGRATION_SHARDS:-2}
pids=()
for shard in $(seq 1 "$shards"); do
  mapfile -t shard_files < <(node scripts/integration-shard.mjs "$shard" "$shards")
  # Without file filters vitest would run every file: a shard with none is a mistake (more shards than files).
  [ ${#shard_files[@]} -gt 0 ] || { echo "integration shard $shard/$shards has no files"; exit 1; }
  SOUL_TEST_NAMESPACE="${SOUL_TEST_NAMESPACE:+${SOUL_TEST_NAMESPACE}_}s$shard" VITEST_JSON="$reports/integration-$shard.json" \
    npx vitest run --project integration "${shard_files[@]}" >"$reports/integration-$shard.log" 2>&1 &
  pids+=($!)
done
for index in "${!pids[@]}"; do
  shard=$((index + 1))
  wait "${pids[$index]}" || status=1
  echo "-- integration shard $shard/$shards"
  cat "$reports/integration-$shard.log"
done

echo "== build"
build_started=$SECONDS
if npx next build >"$reports/build.log" 2>&1; then
  echo "build ok ($((SECONDS - build_started)) s)"
  echo "== end-to-end tests"
  e2e_db="soul_crm_e2e${SOUL_TEST_NAMESPACE:+_$SOUL_TEST_NAMESPACE}"
  node --import tsx scripts/prepare-db.ts "$e2e_db" --reset --seed || status=1
  PLAYWRIGHT_JSON_OUTPUT_NAME="$reports/e2e.json" npx playwright test --reporter=list,json || status=1
else
  tail -60 "$reports/build.log"
  echo "build failed: end-to-end tests not run"
  status=1
fi

echo "== summary"
[ ${#static_failed[@]} -eq 0 ] || echo "static checks failed: ${static_failed[*]} (see '== static checks' above)"
node scripts/test-summary.mjs "$reports/unit.json" $(for shard in $(seq 1 "$shards"); do echo "$reports/integration-$shard.json"; done) "$reports/e2e.json" || status=1
exit $status
