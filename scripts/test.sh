#!/usr/bin/env bash
# npm test: every check, in order: typecheck, lint, unit and integration tests (vitest), the
# production build, and the end-to-end tests in Chromium against that build (PGlite, then
# PostgreSQL). Runs every phase even after a failure (the e2e phases need the build), prints a
# summary, and exits non-zero when anything failed.
#
# PostgreSQL: TEST_DATABASE_URL when set; otherwise a throwaway local server when PostgreSQL is
# installed (scripts/pg-throwaway.sh); otherwise PGlite only, and the summary says so.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
export NEXT_TELEMETRY_DISABLED=1
echo "Node $(node --version)"

# --- Which databases.
postgres_note=""
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  postgres_note="PostgreSQL from TEST_DATABASE_URL"
elif bash scripts/pg-throwaway.sh available 2>/dev/null; then
  # shellcheck source=scripts/pg-throwaway.sh
  if source scripts/pg-throwaway.sh; then
    trap pg_throwaway_stop EXIT
    trap 'exit 130' INT TERM
    postgres_note="throwaway PostgreSQL on port $PG_THROWAWAY_PORT"
  else
    postgres_note=""
    echo "WARNING: PostgreSQL is installed but a throwaway server could not be started (see above)."
  fi
fi
if [ -n "$postgres_note" ]; then
  echo "Databases: PGlite and $postgres_note."
else
  echo
  echo "NOTE: no PostgreSQL available (TEST_DATABASE_URL is not set and no local PostgreSQL could be started)."
  echo "      Integration and e2e tests run on PGlite only. Set TEST_DATABASE_URL, or install PostgreSQL"
  echo "      (apt-get install -y postgresql-15), to cover PostgreSQL too."
fi

# --- The phases.
passed=0
failed=0
last_ok=0
summary=()

phase() {
  local name="$1"
  shift
  local started=$SECONDS
  echo
  echo "=== ${name}: $* ==="
  local status=0
  # A phase that hangs (a stuck database connection, say) fails after a while instead of
  # keeping CI busy until its own limit.
  # In a terminal --foreground lets Ctrl-C reach the phase; elsewhere (CI) a timeout stops the
  # phase's whole process group.
  local foreground=()
  [ -t 0 ] && foreground=(--foreground)
  timeout "${foreground[@]}" -k 30 "${TEST_PHASE_TIMEOUT_MINUTES:-30}m" "$@" || status=$?
  if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
    echo "${name}: stopped after ${TEST_PHASE_TIMEOUT_MINUTES:-30} minutes (TEST_PHASE_TIMEOUT_MINUTES)." >&2
  fi
  if [ "$status" -eq 0 ]; then
    last_ok=1
    passed=$((passed + 1))
    summary+=("  passed  ${name} ($((SECONDS - started)) s)")
  else
    last_ok=0
    failed=$((failed + 1))
    summary+=("  FAILED  ${name} ($((SECONDS - started)) s)")
  fi
}

not_run() {
  failed=$((failed + 1))
  summary+=("  FAILED  $1 (not run: $2)")
  echo
  echo "=== $1: not run ($2) ==="
}

phase "typecheck" tsc --noEmit
phase "lint" eslint .
phase "unit and integration tests" vitest run
phase "build" next build
build_ok=$last_ok
if [ "$build_ok" = "1" ]; then
  phase "e2e on PGlite" env E2E_SKIP_BUILD=1 bash scripts/test-e2e.sh pglite
else
  not_run "e2e on PGlite" "the build failed"
fi
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  if [ "$build_ok" = "1" ]; then
    phase "e2e on PostgreSQL" env E2E_SKIP_BUILD=1 bash scripts/test-e2e.sh postgres
  else
    not_run "e2e on PostgreSQL" "the build failed"
  fi
fi

echo
echo "=== Summary ==="
printf '%s\n' "${summary[@]}"
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  echo "  (PostgreSQL not covered: PGlite only)"
fi
echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
