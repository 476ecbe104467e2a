#!/usr/bin/env bash
# Makes sure PostgreSQL, Redis and Chromium are there and running on this machine.
# Starts them when installed but stopped; installs them with apt when missing and we are root;
# otherwise stops with a message saying what to install.
set -euo pipefail

say() { printf '[services] %s\n' "$*"; }
die() { printf '[services] ERROR: %s\n' "$*" >&2; exit 1; }
is_root() { [ "$(id -u)" = "0" ]; }
APT_UPDATED=0
apt_install() {
  is_root || die "missing: $* — install it (sudo apt-get install -y $*) or run this as root"
  if [ "$APT_UPDATED" = 0 ]; then say "apt-get update"; apt-get update -qq >/dev/null; APT_UPDATED=1; fi
  say "installing $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

pg_up() { (command -v pg_isready >/dev/null && pg_isready -q -h 127.0.0.1 -p 5432) || (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; }
redis_up() { command -v redis-cli >/dev/null && [ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = "PONG" ]; }

# --- PostgreSQL -----------------------------------------------------------------------------------
if pg_up; then
  say "PostgreSQL is running on 127.0.0.1:5432"
else
  if ! command -v pg_ctlcluster >/dev/null; then
    apt_install postgresql
    installed_pg=1
  fi
  version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -1)
  [ -n "$version" ] || die "PostgreSQL is installed but has no cluster in /etc/postgresql"
  if [ "${installed_pg:-0}" = 1 ]; then
    # A fresh install only trusts the postgres OS user; let local TCP connections in (development machine).
    hba="/etc/postgresql/$version/main/pg_hba.conf"
    grep -q '^host all all 127.0.0.1/32 trust' "$hba" || sed -i '1i host all all 127.0.0.1/32 trust' "$hba"
  fi
  say "starting PostgreSQL $version"
  if is_root; then pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  else pg_ctlcluster "$version" main start || die "could not start PostgreSQL; start it (sudo pg_ctlcluster $version main start)"; fi
  for _ in $(seq 1 30); do pg_up && break; sleep 1; done
  pg_up || die "PostgreSQL did not come up on 127.0.0.1:5432"
  say "PostgreSQL is running"
fi

# --- Redis ----------------------------------------------------------------------------------------
if redis_up; then
  say "Redis is running on 127.0.0.1:6379"
else
  command -v redis-server >/dev/null || apt_install redis-server
  command -v redis-cli >/dev/null || apt_install redis-tools
  say "starting Redis"
  mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
  logdir=/var/log/redis; [ -w "$logdir" ] || logdir=/tmp
  datadir=/var/lib/redis; [ -w "$datadir" ] || datadir=/tmp
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir "$datadir" --logfile "$logdir/ci.log" >/dev/null
  for _ in $(seq 1 20); do redis_up && break; sleep 0.5; done
  redis_up || die "Redis did not come up on 127.0.0.1:6379"
  say "Redis is running"
fi

# --- Chromium (Playwright and whatsapp-web.js use the system browser; none is ever downloaded) ----
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium_path" ]; then
  say "Chromium: $chromium_path"
else
  apt_install chromium
  [ -x "$chromium_path" ] || die "Chromium is not at $chromium_path (set CHROMIUM_PATH)"
  say "Chromium installed: $chromium_path"
fi
