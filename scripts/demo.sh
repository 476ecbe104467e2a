#!/usr/bin/env bash
# One command from a fresh clone to a running Soul CRM with demo data on http://localhost:3000.
#   bash scripts/demo.sh                             # real WhatsApp engine (scan with your phone)
#   WHATSAPP_ENGINE=simulator bash scripts/demo.sh   # no phone needed: the simulator and /dev/phone
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

bash scripts/ensure-services.sh
if [ ! -f .env ]; then
  cp .env.example .env
  echo "[demo] created .env from .env.example"
fi
# The demo runs in production mode, which refuses the example's placeholder secret (e.g. a .env that
# `npm test` copied): write a fresh one.
if grep -qE '^AUTH_SECRET=(change-me.*)?$' .env; then
  secret=$(node -e "console.log(require('crypto').randomBytes(32).toString('base64url'))")
  sed -i "s|^AUTH_SECRET=.*|AUTH_SECRET=$secret|" .env
  echo "[demo] wrote a fresh AUTH_SECRET into .env"
fi
bash scripts/install-deps.sh
node --import tsx scripts/prepare-db.ts --from-env
npm run --silent db:seed
echo "[demo] building the web app"
npx next build >/tmp/soul-crm-build.log 2>&1 || { tail -40 /tmp/soul-crm-build.log; exit 1; }
echo "[demo] starting Soul CRM (Ctrl+C to stop)"
export NODE_ENV=production
exec node --import tsx server.ts
