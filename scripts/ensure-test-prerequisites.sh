#!/usr/bin/env bash
# Installs and starts what the test suite needs, only when it is missing; safe to run twice.
#   - PostgreSQL 15 on 127.0.0.1:5432 with the tests' role and database (scripts/ensure-postgres.sh)
#   - Debian's python3-grpcio and python3-protobuf, h2load, curl, and the Node gRPC client under tests/interop/node
#     (tests/interop/ensure-interop-deps.sh)
#   - Debian's chromium and chromium-driver for the sandbox dashboard's browser tests (scripts/ensure-chromium.sh)
#   - Debian's prometheus package for promtool, which checks the gateway's /metrics (scripts/ensure-promtool.sh)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

"$root/scripts/ensure-postgres.sh"
"$root/tests/interop/ensure-interop-deps.sh"
"$root/scripts/ensure-chromium.sh"
"$root/scripts/ensure-promtool.sh"

echo "prerequisites: ready"
