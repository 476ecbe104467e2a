#!/usr/bin/env bash
# Installs npm dependencies from the lock file when node_modules is missing or out of date.
set -euo pipefail
stamp=node_modules/.soul-lock-hash
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -d src/server/db/generated ]; then
  echo "[deps] up to date"
  exit 0
fi
echo "[deps] npm ci"
export PUPPETEER_SKIP_DOWNLOAD=true
npm ci --no-audit --no-fund --loglevel=error
npx prisma generate >/dev/null
echo "$want" > "$stamp"
