#!/usr/bin/env bash
# A throwaway PostgreSQL for tests, CI and benchmarks: a fresh cluster in a temporary folder,
# trust authentication, listening only on 127.0.0.1 on a free port, with an empty database
# portal_test. Works as root (runs the server as the `postgres` user; initdb refuses root) and
# as an ordinary user.
#
# Sourced, it starts the server and exports TEST_DATABASE_URL; the caller stops it in a trap:
#     source scripts/pg-throwaway.sh && trap pg_throwaway_stop EXIT
# Run as a command:
#     bash scripts/pg-throwaway.sh start       prints TEST_DATABASE_URL=..., PG_THROWAWAY_DIR=..., PG_THROWAWAY_VERSION=...
#     bash scripts/pg-throwaway.sh stop DIR    stops that server and deletes its folder
#     bash scripts/pg-throwaway.sh available   exit 0 when PostgreSQL's initdb can be found
#
# Settings: PG_BIN (folder with initdb and pg_ctl), PG_VERSION (prefer /usr/lib/postgresql/<v>),
# PG_THROWAWAY_EXCLUDE_PORTS (space-separated ports never to use).

_PG_THROWAWAY_EXCLUDE_DEFAULT="55433"

# The folder with initdb/pg_ctl: PG_BIN, else Debian's /usr/lib/postgresql/<version>/bin
# (PG_VERSION first, otherwise the newest), else whatever initdb is on the PATH.
pg_throwaway_bin() {
  if [ -n "${PG_BIN:-}" ]; then
    [ -x "$PG_BIN/initdb" ] && { echo "$PG_BIN"; return 0; }
    echo "PG_BIN=$PG_BIN has no initdb." >&2
    return 1
  fi
  if [ -n "${PG_VERSION:-}" ] && [ -x "/usr/lib/postgresql/$PG_VERSION/bin/initdb" ]; then
    echo "/usr/lib/postgresql/$PG_VERSION/bin"
    return 0
  fi
  local found
  found="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | while read -r d; do [ -x "$d/initdb" ] && echo "$d"; done | tail -n 1)"
  if [ -n "$found" ]; then
    echo "$found"
    return 0
  fi
  if command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
    return 0
  fi
  return 1
}

# Runs a command as the user that owns the cluster: `postgres` when we are root, else ourselves.
_pg_throwaway_as_owner() {
  if [ "$(id -u)" != "0" ]; then
    "$@"
  elif command -v runuser >/dev/null 2>&1; then
    runuser -u postgres -- "$@"
  else
    su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
  fi
}

_pg_throwaway_port_is_free() {
  local port="$1" excluded
  for excluded in $_PG_THROWAWAY_EXCLUDE_DEFAULT ${PG_THROWAWAY_EXCLUDE_PORTS:-}; do
    [ "$port" = "$excluded" ] && return 1
  done
  # A connection that succeeds means someone listens there.
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 1; fi
  return 0
}

# Starts the server; exports TEST_DATABASE_URL, PG_THROWAWAY_DIR, PG_THROWAWAY_PORT.
pg_throwaway_start() {
  local bin dir port attempt started=0
  if ! bin="$(pg_throwaway_bin)"; then
    echo "PostgreSQL is not installed (no initdb under /usr/lib/postgresql/*/bin or on the PATH)." >&2
    echo "On Debian: apt-get install -y postgresql-15" >&2
    return 1
  fi
  if [ "$(id -u)" = "0" ] && ! id postgres >/dev/null 2>&1; then
    echo "Running as root, but there is no 'postgres' user to run PostgreSQL as (initdb refuses root)." >&2
    return 1
  fi
  dir="$(mktemp -d "${TMPDIR:-/tmp}/pg-throwaway.XXXXXX")" || return 1
  chmod 700 "$dir"
  echo "$bin" >"$dir/bin"
  if [ "$(id -u)" = "0" ]; then
    chown postgres: "$dir" || { rm -rf "$dir"; return 1; }
  fi
  if ! _pg_throwaway_as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C >"$dir/initdb.log" 2>&1; then
    echo "initdb failed:" >&2
    cat "$dir/initdb.log" >&2
    rm -rf "$dir"
    return 1
  fi
  for attempt in 1 2 3 4 5; do
    port=$((20000 + RANDOM % 40000))
    _pg_throwaway_port_is_free "$port" || continue
    # fsync off and friends: this cluster lives for one test run; speed matters, durability does not.
    if _pg_throwaway_as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -c listen_addresses=127.0.0.1 -k '$dir' -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null 2>&1; then
      started=1
      break
    fi
    echo "PostgreSQL did not start on port $port (attempt $attempt); trying another port." >&2
  done
  if [ "$started" != "1" ]; then
    echo "Could not start PostgreSQL; its log:" >&2
    tail -n 20 "$dir/server.log" >&2 2>/dev/null || true
    rm -rf "$dir"
    return 1
  fi
  if ! "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres portal_test >/dev/null 2>&1; then
    echo "Could not create the database portal_test." >&2
    pg_throwaway_stop "$dir"
    return 1
  fi
  export PG_THROWAWAY_DIR="$dir"
  export PG_THROWAWAY_PORT="$port"
  export PG_THROWAWAY_VERSION="$("$bin/postgres" --version | awk '{print $3}')"
  export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/portal_test"
  echo "Throwaway PostgreSQL $PG_THROWAWAY_VERSION on 127.0.0.1:$port (folder $dir)" >&2
}

# Stops the server started in DIR (default: PG_THROWAWAY_DIR) and deletes its folder.
pg_throwaway_stop() {
  local dir="${1:-${PG_THROWAWAY_DIR:-}}" bin
  [ -n "$dir" ] && [ -d "$dir" ] || return 0
  case "$(basename "$dir")" in
    pg-throwaway.*) ;;
    *)
      echo "Not a throwaway PostgreSQL folder: $dir" >&2
      return 1
      ;;
  esac
  bin="$(cat "$dir/bin" 2>/dev/null || pg_throwaway_bin)"
  if [ -f "$dir/data/postmaster.pid" ]; then
    _pg_throwaway_as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1 || {
      local pid
      pid="$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null || true)"
      [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
    }
  fi
  rm -rf "$dir"
  if [ "${PG_THROWAWAY_DIR:-}" = "$dir" ]; then
    unset PG_THROWAWAY_DIR PG_THROWAWAY_PORT PG_THROWAWAY_VERSION TEST_DATABASE_URL
  fi
  return 0
}

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
  # Sourced: start now; the caller stops it with pg_throwaway_stop (in a trap).
  pg_throwaway_start
else
  set -euo pipefail
  case "${1:-start}" in
    start)
      pg_throwaway_start
      echo "TEST_DATABASE_URL=$TEST_DATABASE_URL"
      echo "PG_THROWAWAY_DIR=$PG_THROWAWAY_DIR"
      echo "PG_THROWAWAY_VERSION=$PG_THROWAWAY_VERSION"
      ;;
    stop)
      pg_throwaway_stop "${2:?usage: pg-throwaway.sh stop DIR}"
      ;;
    available)
      pg_throwaway_bin >/dev/null
      ;;
    *)
      echo "usage: bash scripts/pg-throwaway.sh [start | stop DIR | available]" >&2
      exit 2
      ;;
  esac
fi
