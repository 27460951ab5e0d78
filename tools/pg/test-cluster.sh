#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 + PostGIS cluster on a temporary directory and port, and prints
# the connection string on stdout (everything else goes to stderr).
#   tools/pg/test-cluster.sh start [PORT]   -> prints "Host=127.0.0.1;Port=PORT;Username=postgres;Database=sitrep"
#   tools/pg/test-cluster.sh stop  [PORT]
# Installs postgresql-15 and postgresql-15-postgis-3 from Debian packages when missing (as root).
set -euo pipefail
action="${1:-start}"; port="${2:-55432}"
bin=/usr/lib/postgresql/15/bin
dir="${TMPDIR:-/tmp}/sitrep-pg-$port"

install() {
  if [ -x "$bin/initdb" ] && [ -f /usr/share/postgresql/15/extension/postgis.control ]; then return 0; fi
  command -v apt-get >/dev/null || { echo "apt-get is not available; install PostgreSQL 15 + PostGIS" >&2; return 1; }
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
  ($sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql-15 postgresql-15-postgis-3) >&2
}

as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "$action" in
  start)
    install
    if [ -f "$dir/data/postmaster.pid" ] && as_pg "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=sitrep"; exit 0
    fi
    rm -rf "$dir"; mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    as_pg "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w start \
      -o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c shared_buffers=256MB" >/dev/null
    "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE sitrep" >/dev/null
    "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d sitrep -qc "CREATE EXTENSION IF NOT EXISTS postgis" >/dev/null
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=sitrep"
    ;;
  stop)
    [ -d "$dir/data" ] && as_pg "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start|stop [PORT]" >&2; exit 2 ;;
esac
