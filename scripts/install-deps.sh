#!/usr/bin/env bash
# Installs npm dependencies from the lock file when node_modules is missing or out of date, and
# regenerates the Prisma client (cheap, and the schema may have changed without the lock file).
set -euo pipefail
stamp=node_modules/.soul-lock-hash
want=$(sha256sum package-lock.json | cut -d' ' -f1)
export PUPPETEER_SKIP_DOWNLOAD=true
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  echo "[deps] up to date"
else
  echo "[deps] npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi
npx prisma generate >/dev/null 2>&1 || npx prisma generate
