#!/usr/bin/env bash
# Runs the service on a fresh machine with no set-up.
# Until the gateway lands, this starts the Nordea Connect sandbox alone on http://127.0.0.1:5080.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
exec dotnet run --project src/NordeaConnect.Sandbox -c Release -- --urls "${NC_URLS:-http://127.0.0.1:5080}" "$@"
