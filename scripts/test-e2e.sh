#!/usr/bin/env bash
# npm run test:e2e: Playwright in real Chromium against the built portal (`next start`), with
# axe on every page. Runs on the embedded database (PGlite) and, when TEST_DATABASE_URL is set,
# a second time on a fresh PostgreSQL database with the same build.
#
#   bash scripts/test-e2e.sh [all|pglite|postgres] [extra playwright arguments]
#
# Builds first when there is no build or it is older than the sources (E2E_SKIP_BUILD=1 skips
# that check; scripts/test.sh builds just before). PLAYWRIGHT_CHROMIUM_PATH picks a browser.
# E2E_PGLITE_DATA_DIR / E2E_POSTGRES_DATA_DIR (.test-data/e2e / .test-data/e2e-pg) pick the data
# folders. The portal's log goes to server.log in the data folder and is checked for BSNs after
# each run (R30: never in a log line).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
export NEXT_TELEMETRY_DISABLED=1
echo "Node $(node --version)"

which="all"
case "${1:-}" in
  all | pglite | postgres) which="$1"; shift ;;
esac

# --- The browser: explicit setting, Debian's Chromium, Playwright's own (downloaded if possible).
browser_status=0
browser="$(tsx e2e/find-browser.ts)" || browser_status=$?
if [ "$browser_status" -eq 3 ]; then
  echo "No Chromium found; trying: npx playwright install chromium"
  if timeout 300 playwright install chromium; then
    browser_status=0
    browser="$(tsx e2e/find-browser.ts)" || browser_status=$?
  else
    echo "Downloading Playwright's Chromium did not work (no internet?)."
  fi
fi
if [ "$browser_status" -ne 0 ]; then
  tsx e2e/find-browser.ts --explain || true
  exit 1
fi
echo "Browser: $browser"

# --- The build (NEXT_DIST_DIR picks the build folder, as in next.config.ts).
dist_dir="${NEXT_DIST_DIR:-.next}"
needs_build() {
  [ -f "$dist_dir/BUILD_ID" ] || return 0
  [ -n "$(find app components lib db public proxy.ts instrumentation.ts next.config.ts package-lock.json postcss.config.mjs \
      -newer "$dist_dir/BUILD_ID" -type f -not -name '*.test.ts' -not -name '*.test.tsx' -print -quit 2>/dev/null)" ]
}
if [ "${E2E_SKIP_BUILD:-0}" != "1" ] && needs_build; then
  echo "Building the portal first (next build)..."
  next build
fi
if [ ! -f "$dist_dir/BUILD_ID" ]; then
  echo "There is no build ($dist_dir/BUILD_ID is missing): run next build first." >&2
  exit 1
fi

failed=0

# Log at info level, so the BSN check after the run has every ordinary log line to look at.
export E2E_LOG_LEVEL="${E2E_LOG_LEVEL:-info}"

# The portal's log of one run must not contain a BSN.
check_server_log() {
  local log="$1/server.log"
  if ! tsx e2e/support/check-server-log.ts "$log"; then
    failed=1
    if [ -f "$log" ]; then echo "Last lines of $log:"; tail -n 20 "$log"; fi
  fi
}

run_pglite() {
  echo
  echo "=== E2E on PGlite (embedded database), port ${E2E_PGLITE_PORT:-3210} ==="
  local data="${E2E_PGLITE_DATA_DIR:-.test-data/e2e}"
  env -u E2E_DATABASE_URL E2E_PORT="${E2E_PGLITE_PORT:-3210}" E2E_DATA_DIR="$data" E2E_SERVER_LOG_FILE="$PWD/$data/server.log" \
    playwright test "$@" || failed=1
  check_server_log "$data"
}

run_postgres() {
  echo
  if [ -z "${TEST_DATABASE_URL:-}" ]; then
    echo "=== E2E on PostgreSQL: skipped (TEST_DATABASE_URL is not set) ==="
    return 0
  fi
  local url
  if ! url="$(node e2e/support/database.mjs create "$TEST_DATABASE_URL")"; then
    echo "Could not create a database for the e2e run on TEST_DATABASE_URL." >&2
    failed=1
    return 0
  fi
  echo "=== E2E on PostgreSQL (fresh database ${url##*/}), port ${E2E_POSTGRES_PORT:-3211} ==="
  local data="${E2E_POSTGRES_DATA_DIR:-.test-data/e2e-pg}"
  E2E_PORT="${E2E_POSTGRES_PORT:-3211}" E2E_DATABASE_URL="$url" E2E_DATA_DIR="$data" E2E_SERVER_LOG_FILE="$PWD/$data/server.log" \
    playwright test "$@" || failed=1
  check_server_log "$data"
  node e2e/support/database.mjs drop "$url" || echo "Could not drop ${url##*/} (harmless on a throwaway server)."
}

case "$which" in
  pglite) run_pglite "$@" ;;
  postgres)
    if [ -z "${TEST_DATABASE_URL:-}" ]; then
      echo "TEST_DATABASE_URL is not set: there is no PostgreSQL to run the e2e tests on." >&2
      exit 1
    fi
    run_postgres "$@"
    ;;
  all)
    run_pglite "$@"
    run_postgres "$@"
    ;;
esac

exit "$failed"
