#!/usr/bin/env bash
# Installs and starts what the test suite needs, only when it is missing; safe to run twice.
#   - PostgreSQL 15 on 127.0.0.1:5432 (role and database for the tests)
#   - Debian's python3-grpcio and python3-protobuf (the Python gRPC interop client, run with /usr/bin/python3)
#   - the Node gRPC client (@grpc/grpc-js) under tests/interop/node
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=0
apt_install() {
  if [ "$apt_updated" -eq 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

"$root/scripts/ensure-postgres.sh"

if ! /usr/bin/python3 -c 'import grpc, google.protobuf' 2>/dev/null; then
  echo "prerequisites: installing python3-grpcio and python3-protobuf from Debian's packages"
  apt_install python3-grpcio python3-protobuf
fi

if [ -f "$root/tests/interop/node/package.json" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "prerequisites: installing nodejs and npm from Debian's packages"
    apt_install nodejs npm
  fi
  lock="$root/tests/interop/node/package-lock.json"
  stamp="$root/tests/interop/node/node_modules/.installed-from-lock"
  if [ ! -f "$stamp" ] || ! cmp -s "$lock" "$stamp"; then
    echo "prerequisites: installing the Node gRPC client (npm ci)"
    (cd "$root/tests/interop/node" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$lock" "$stamp"
  fi
fi

echo "prerequisites: ready"
