#!/usr/bin/env bash
# Runs every test of NordeaConnect.Grains on a fresh machine.
# Installs and starts what the tests need when it is missing (PostgreSQL on 127.0.0.1, python3-grpcio,
# the Node gRPC client), builds the solution with zero warnings allowed, then runs all test projects.
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export NC_TEST_POSTGRES="${NC_TEST_POSTGRES:-Host=127.0.0.1;Port=5432;Username=nordeaconnect;Password=nordeaconnect;Database=nordeaconnect_test}"

scripts/ensure-test-prerequisites.sh

dotnet build NordeaConnect.Grains.sln -c Release -warnaserror -nologo -v quiet

results="$(mktemp -d)"
export NC_TEST_RESULTS="$results"  # browser screenshots land beside the test results
log="$results/test.log"
set +e
dotnet test NordeaConnect.Grains.sln -c Release --no-build --nologo \
  --results-directory "$results" --blame-hang-timeout 10m 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One closing line for the whole run, summed over the test assemblies.
awk '/(Passed|Failed)! +- Failed:/ {
       for (i = 1; i <= NF; i++) { gsub(",", "", $i) }
       for (i = 1; i <= NF; i++) {
         if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1)
       }
     }
     END { printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
