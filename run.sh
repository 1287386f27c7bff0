#!/usr/bin/env bash
# Runs the service on a fresh machine with no set-up: the gRPC gateway on http://127.0.0.1:5080 with an embedded
# Nordea Connect sandbox and in-memory storage. It prints its address, a development token and an example call;
# Ctrl-C stops it. Settings (a real Nordea Connect, PostgreSQL, tokens) are in src/NordeaConnect.Gateway/README.md.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
exec dotnet run --project src/NordeaConnect.Gateway -c Release -- "$@"
