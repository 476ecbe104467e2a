#!/usr/bin/env bash
# Creates a migration from the schema change and applies it (prisma migrate dev refuses to run
# non-interactively, e.g. from scripts or agents): bash scripts/new-migration.sh short_name
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: new-migration.sh short_name}"
sql=$(npx prisma migrate diff --from-migrations prisma/migrations --to-schema-datamodel prisma/schema.prisma --script)
if ! grep -qv '^--' <<<"$sql" || [ -z "$(grep -v '^--' <<<"$sql" | tr -d '[:space:]')" ]; then echo "no schema change"; exit 0; fi
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_${name}"
mkdir -p "$dir"
printf '%s\n' "$sql" > "$dir/migration.sql"
npx prisma migrate deploy >/dev/null
npx prisma generate >/dev/null
echo "created and applied $dir"
