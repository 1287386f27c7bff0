#!/usr/bin/env bash
# Makes sure PostgreSQL 15 runs on 127.0.0.1:5432 with the test role and database.
# Installs Debian's package when missing; safe to run any number of times.
set -euo pipefail

PGVER=15
PGPORT="${NC_PG_PORT:-5432}"
PGPASS="${NC_PG_PASSWORD:-nordeaconnect}"
PGUSER_NAME="${NC_PG_USER:-nordeaconnect}"
PGDB="${NC_PG_DATABASE:-nordeaconnect_test}"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if [ ! -x "/usr/lib/postgresql/$PGVER/bin/postgres" ]; then
  echo "ensure-postgres: installing postgresql-$PGVER from Debian's packages"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "postgresql-$PGVER" postgresql-client-$PGVER >/dev/null
fi

if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -q "^$PGVER main$"; then
  as_root pg_createcluster "$PGVER" main -p "$PGPORT" >/dev/null
fi

conf="/etc/postgresql/$PGVER/main/postgresql.conf"
# Loopback only: tests never expose the database beyond this machine.
if ! grep -q "^listen_addresses = '127.0.0.1'" "$conf"; then
  echo "listen_addresses = '127.0.0.1'" | as_root tee -a "$conf" >/dev/null
fi
# Test assemblies run side by side, and the reliability suite alone runs four gateway nodes with pools of their own.
connections=1000
restart=no
if ! grep -q "^max_connections = $connections\$" "$conf"; then
  as_root sed -i '/^max_connections = /d' "$conf"
  echo "max_connections = $connections" | as_root tee -a "$conf" >/dev/null
  restart=yes
fi

if ! pg_lsclusters -h | awk -v v="$PGVER" '$1==v && $2=="main" {print $4}' | grep -q online; then
  as_root pg_ctlcluster "$PGVER" main start
elif [ "$restart" = yes ]; then
  as_root pg_ctlcluster "$PGVER" main restart
fi

for _ in $(seq 1 60); do
  if pg_isready -h 127.0.0.1 -p "$PGPORT" -q; then break; fi
  sleep 0.5
done
pg_isready -h 127.0.0.1 -p "$PGPORT" -q || { echo "ensure-postgres: PostgreSQL did not start on 127.0.0.1:$PGPORT" >&2; exit 1; }

psql_admin() { as_root su postgres -c "psql -p $PGPORT -v ON_ERROR_STOP=1 -qAt $*"; }
if [ "$(id -u)" -eq 0 ]; then
  psql_admin() { su postgres -c "psql -p $PGPORT -v ON_ERROR_STOP=1 -qAt $*"; }
fi

if [ "$(psql_admin "-c \"select 1 from pg_roles where rolname='$PGUSER_NAME'\"")" != "1" ]; then
  psql_admin "-c \"create role $PGUSER_NAME login superuser password '$PGPASS'\""
fi
if [ "$(psql_admin "-c \"select 1 from pg_database where datname='$PGDB'\"")" != "1" ]; then
  psql_admin "-c \"create database $PGDB owner $PGUSER_NAME\""
fi

echo "ensure-postgres: ready on 127.0.0.1:$PGPORT (database $PGDB, role $PGUSER_NAME)"
