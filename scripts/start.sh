#!/usr/bin/env bash
# npm start: builds the portal when there is no build or the sources changed since the last one,
# then serves it. With no DATABASE_URL it runs on the embedded database in .data/ with demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
echo "Node $(node --version)"

needs_build() {
  [ -f .next/BUILD_ID ] || return 0
  # Any source or config file newer than the last build means the build is stale.
  [ -n "$(find app components lib db public proxy.ts instrumentation.ts next.config.ts package-lock.json postcss.config.mjs \
      -newer .next/BUILD_ID -type f -print -quit 2>/dev/null)" ]
}

if needs_build; then
  echo "Building the portal (about half a minute)..."
  next build
fi

export PORT="${PORT:-3000}"
echo "MijnOmgeving starts at http://localhost:${PORT}"
exec next start --port "$PORT" --hostname "${HOSTNAME_BIND:-0.0.0.0}"
