#!/usr/bin/env bash
# Every benchmark of the repository in one command: builds Release, starts what is needed on 127.0.0.1, runs each
# benchmark as its author made it, and prints ONE markdown table of ratios measured in this run (absolute numbers
# only for scale). Each benchmark's full report is kept under $OUT.
#
#   bench/run.sh                      # everything, about 8-10 minutes on 2 busy cores
#   SKIP=analyzers bench/run.sh       # leave out benchmarks by name: grpc gateway-get telemetry mutations grains client analyzers
#
# Needs: the .NET SDK of global.json; PostgreSQL (scripts/ensure-postgres.sh installs and starts it) for the
# mutation benchmark's grain storage; h2load (Debian's nghttp2-client, installed when missing).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
ART=${ARTIFACTS:-/tmp/art-bench-run}
OUT=${OUT:-/tmp/bench-run}
SKIP=${SKIP:-}
POSTGRES=${NC_TEST_POSTGRES:-Host=127.0.0.1;Port=5432;Username=nordeaconnect;Password=nordeaconnect;Database=nordeaconnect_test}
LATENCY_MS=${LATENCY_MS:-20}
mkdir -p "$OUT"
started=$(date +%s)

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
wanted() { [[ " $SKIP " != *" $1 "* ]]; }
log() { printf '== %s\n' "$*" >&2; }

# The row extractors read the benchmarks' own markdown tables: column N of the row whose first cell is given.
cell() { # file, first-cell text, column (2-based after the leading pipe)
  awk -F'|' -v key="$2" -v col="$3" '{ first = $2; gsub(/^ +| +$/, "", first) } first == key { v = $(col); gsub(/^ +| +$/, "", v); print v; exit }' "$1"
}

rows=()
row() { rows+=("| $1 | $2 | $3 |"); }
failed() { row "$1" "**failed** (see $2)" ""; }

# --- prerequisites --------------------------------------------------------------------------------------------------
if wanted grpc || wanted gateway-get || wanted telemetry; then
  if ! command -v h2load >/dev/null 2>&1; then
    log "installing h2load (nghttp2-client)"
    as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq nghttp2-client >/dev/null
  fi
fi
if wanted mutations; then
  log "PostgreSQL on 127.0.0.1 (scripts/ensure-postgres.sh)"
  "$repo/scripts/ensure-postgres.sh" >&2
fi

# --- build (Release, isolated artifacts) ----------------------------------------------------------------------------
build() { log "building $1 (Release)"; dotnet build "$repo/$1" -c Release -p:ArtifactsPath="$ART" --nologo -v:q >"$OUT/build.log" 2>&1 || { cat "$OUT/build.log" >&2; exit 1; }; }
dll() { echo "$ART/bin/$1/release/$1.dll"; }
wanted grpc || wanted gateway-get && build bench/NordeaConnect.Bench.Grpc/NordeaConnect.Bench.Grpc.csproj
wanted gateway-get && build src/NordeaConnect.Gateway/NordeaConnect.Gateway.csproj
wanted telemetry && build bench/NordeaConnect.Bench.Gateway/NordeaConnect.Bench.Gateway.csproj
wanted gateway-get || wanted mutations && build bench/NordeaConnect.Bench.Load/NordeaConnect.Bench.Load.csproj
wanted grains && build bench/NordeaConnect.Bench.Grains/NordeaConnect.Bench.Grains.csproj
wanted client && build bench/NordeaConnect.Bench.Client/NordeaConnect.Bench.Client.csproj

# --- 1. the gRPC layer vs bare Kestrel (h2load), as its author runs it ----------------------------------------------
if wanted grpc; then
  log "gRPC layer vs bare Kestrel h2c (h2load)"
  if dotnet "$(dll NordeaConnect.Bench.Grpc)" --requests 10000 --warmup 2000 --rounds 3 >"$OUT/grpc.md" 2>&1; then
    row "gRPC unary call (in-process layer) vs bare Kestrel h2c handler, h2load" \
      "throughput $(cell "$OUT/grpc.md" 'throughput (req/s)' 5), p50 $(cell "$OUT/grpc.md" 'p50 latency (ms)' 5), p99 $(cell "$OUT/grpc.md" 'p99 latency (ms)' 5)" \
      "$(cell "$OUT/grpc.md" 'throughput (req/s)' 4) vs $(cell "$OUT/grpc.md" 'throughput (req/s)' 3) req/s"
  else failed "gRPC layer vs bare Kestrel" "$OUT/grpc.md"; fi
fi

# --- 2. cached Transactions.Get of the real gateway process vs bare Kestrel (h2load) --------------------------------
if wanted gateway-get; then
  log "gateway process: cached Transactions.Get vs bare Kestrel h2c (h2load)"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  webhook_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  token="bench-run-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  Gateway__Urls="http://127.0.0.1:$port" Gateway__WebhookUrls="http://127.0.0.1:$webhook_port" Gateway__Tokens__0__Name=bench Gateway__Tokens__0__Token="$token" \
    Gateway__Tokens__0__Scopes="read write refund admin" Logging__LogLevel__Default=Warning Orleans__SiloPort=0 Orleans__GatewayPort=0 \
    dotnet "$(dll NordeaConnect.Gateway)" >"$OUT/gateway.log" 2>&1 &
  gateway_pid=$!
  trap 'kill "$gateway_pid" 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    sleep 0.5
  done
  if dotnet "$(dll NordeaConnect.Bench.Load)" prepare-get --target "http://127.0.0.1:$port" --token "$token" --out "$OUT/get-request.bin" >"$OUT/gateway-get.md" 2>&1 \
    && dotnet "$(dll NordeaConnect.Bench.Grpc)" --target "http://127.0.0.1:$port" --path /nordeaconnect.grains.v1.Transactions/Get \
      --body "$OUT/get-request.bin" --header "authorization: Bearer $token" --requests 10000 --warmup 2000 --rounds 3 >>"$OUT/gateway-get.md" 2>&1; then
    row "cached Transactions.Get (gateway process: auth, grain cache, mapping) vs bare Kestrel h2c handler, h2load" \
      "throughput $(cell "$OUT/gateway-get.md" 'throughput (req/s)' 5), p50 $(cell "$OUT/gateway-get.md" 'p50 latency (ms)' 5), p99 $(cell "$OUT/gateway-get.md" 'p99 latency (ms)' 5)" \
      "$(cell "$OUT/gateway-get.md" 'throughput (req/s)' 4) vs $(cell "$OUT/gateway-get.md" 'throughput (req/s)' 3) req/s"
  else failed "cached Transactions.Get through the gateway" "$OUT/gateway-get.md"; fi
  kill "$gateway_pid" 2>/dev/null || true
  wait "$gateway_pid" 2>/dev/null || true
  trap - EXIT
fi

# --- 2b. the cost of telemetry: the same gateway with and without AddGatewayObservability (h2load) -----------------
if wanted telemetry; then
  log "cost of telemetry: cached Transactions.Get with vs without OpenTelemetry tracing and metrics (h2load)"
  if Orleans__SiloPort=0 Orleans__GatewayPort=0 dotnet "$(dll NordeaConnect.Bench.Gateway)" --telemetry-cost --requests 10000 --warmup 2000 --rounds 5 >"$OUT/telemetry.md" 2>&1; then
    row "cached Transactions.Get, gateway with OpenTelemetry tracing and metrics vs the same gateway without, h2load (median of 5 rounds, range in brackets)" \
      "throughput $(cell "$OUT/telemetry.md" 'throughput (req/s)' 5) [$(cell "$OUT/telemetry.md" 'throughput (req/s)' 6)], p50 $(cell "$OUT/telemetry.md" 'p50 latency (ms)' 5) [$(cell "$OUT/telemetry.md" 'p50 latency (ms)' 6)], p99 $(cell "$OUT/telemetry.md" 'p99 latency (ms)' 5) [$(cell "$OUT/telemetry.md" 'p99 latency (ms)' 6)]" \
      "$(cell "$OUT/telemetry.md" 'throughput (req/s)' 4) vs $(cell "$OUT/telemetry.md" 'throughput (req/s)' 3) req/s"
  else failed "cost of telemetry" "$OUT/telemetry.md"; fi
  # The A/A control: both contenders without telemetry. The telemetry row means something only when this one is ~1.
  if Orleans__SiloPort=0 Orleans__GatewayPort=0 dotnet "$(dll NordeaConnect.Bench.Gateway)" --telemetry-cost --control --requests 10000 --warmup 2000 --rounds 5 >"$OUT/telemetry-control.md" 2>&1; then
    row "control for the row above (A/A): the same gateway without telemetry as both contenders, h2load (median of 5 rounds, range in brackets)" \
      "throughput $(cell "$OUT/telemetry-control.md" 'throughput (req/s)' 5) [$(cell "$OUT/telemetry-control.md" 'throughput (req/s)' 6)], p50 $(cell "$OUT/telemetry-control.md" 'p50 latency (ms)' 5) [$(cell "$OUT/telemetry-control.md" 'p50 latency (ms)' 6)]" \
      "$(cell "$OUT/telemetry-control.md" 'throughput (req/s)' 4) vs $(cell "$OUT/telemetry-control.md" 'throughput (req/s)' 3) req/s"
  else failed "telemetry control (A/A)" "$OUT/telemetry-control.md"; fi
fi

# --- 3. mutations through the gateway vs the direct client ----------------------------------------------------------
if wanted mutations; then
  log "mutations: gateway vs direct client, sandbox latency ${LATENCY_MS} ms"
  if dotnet "$(dll NordeaConnect.Bench.Load)" mutations --latency-ms "$LATENCY_MS" --postgres "$POSTGRES" >"$OUT/mutations.md" 2>&1; then
    row "card payment create through the gateway (PostgreSQL journal) vs direct client, sandbox +${LATENCY_MS} ms" \
      "p50 $(cell "$OUT/mutations.md" p50 5), p99 $(cell "$OUT/mutations.md" p99 5)" \
      "p50 $(cell "$OUT/mutations.md" p50 3) vs $(cell "$OUT/mutations.md" p50 4) ms"
  else failed "mutations through the gateway" "$OUT/mutations.md"; fi
fi

# --- 4. payment grains: cached reads, upstream calls saved, grain vs lock, entity scaling, memory per activation -------
if wanted grains; then
  log "payment grains: cached Get vs direct GET, hot reads, grain vs SemaphoreSlim, 1 / 10,000 / 100,000 transactions, memory per activation"
  if dotnet "$(dll NordeaConnect.Bench.Grains)" >"$OUT/grains.md" 2>&1; then
    hot=$(grep -o 'Upstream calls for [0-9,]* reads[^:]*: [0-9]*' "$OUT/grains.md" | head -1)
    reads=$(echo "$hot" | sed -E 's/Upstream calls for ([0-9,]*) reads.*/\1/' | tr -d ,)
    calls=$(echo "$hot" | sed -E 's/.*: ([0-9]*)$/\1/')
    row "cached grain Get vs direct client GET to the sandbox (1 caller / 16 callers)" \
      "$(cell "$OUT/grains.md" '1 caller' 5) / $(cell "$OUT/grains.md" '16 callers' 5) faster" \
      "$(cell "$OUT/grains.md" '1 caller' 3) vs $(cell "$OUT/grains.md" '1 caller' 4) reads/s"
    row "upstream calls saved for hot reads (one transaction, 5 min staleness)" \
      "$(awk -v r="$reads" -v c="$calls" 'BEGIN { if (r > 0) printf "%.2f%% saved", 100 * (r - c) / r }')" \
      "$calls upstream calls for $reads reads"
    row "grain call vs SemaphoreSlim-guarded call, cost per call (1 caller / 16 callers)" \
      "$(cell "$OUT/grains.md" '1 caller, grain vs lock' 5) / $(cell "$OUT/grains.md" '16 callers, grain vs lock' 5)" \
      "$(cell "$OUT/grains.md" '1 caller, grain vs lock' 3) grain calls/s vs $(cell "$OUT/grains.md" '1 caller, grain vs lock' 4) guarded"
    for n in 1 10,000 100,000; do
      row "cached Get spread over $n live transactions (16 callers): cost per call vs 1 transaction" "$(cell "$OUT/grains.md" "$n" 4)" \
        "$(cell "$OUT/grains.md" "$n" 3) calls/s"
    done
    row "memory per transaction activation, captured card payment with metadata cached (100,000 live)" \
      "$(cell "$OUT/grains.md" 'transaction grain caching a captured card payment with metadata' 5) per GiB" \
      "$(cell "$OUT/grains.md" 'transaction grain caching a captured card payment with metadata' 4) bytes each; empty grain $(cell "$OUT/grains.md" "empty grain (Orleans' own cost)" 4)"
    row "memory per transaction activation loaded with the journal entry of its capture" \
      "$(cell "$OUT/grains.md" 'transaction grain loaded from storage with the journal entry of its capture' 5) per GiB" \
      "$(cell "$OUT/grains.md" 'transaction grain loaded from storage with the journal entry of its capture' 4) bytes each"
  else failed "payment grains" "$OUT/grains.md"; fi
fi

# --- 7. the client ----------------------------------------------------------------------------------------------------
if wanted client; then
  log "client per-call overhead vs bare HttpClient"
  if dotnet "$(dll NordeaConnect.Bench.Client)" >"$OUT/client.md" 2>&1; then
    line=$(grep -m1 '^Typed client vs bare call' "$OUT/client.md" || true)
    row "typed client vs bare HttpClient, GET over HTTP to the in-process sandbox" \
      "$(echo "$line" | sed -E 's/^Typed client vs bare call: ([0-9.]+x).*/\1/')" "$(echo "$line" | sed -E 's/^[^(]*\(([^)]*)\).*/\1/')"
  else failed "client overhead" "$OUT/client.md"; fi
fi

# --- 8. analyzers' build time -------------------------------------------------------------------------------------------
if wanted analyzers; then
  log "analyzers: build time with / without (Client, ${ANALYZER_ROUNDS:-3} rounds)"
  if ROUNDS=${ANALYZER_ROUNDS:-3} ARTIFACTS="$ART-analyzers" "$repo/bench/analyzers-build-time.sh" \
      "$repo/src/NordeaConnect.Client/NordeaConnect.Client.csproj" >"$OUT/analyzers.md" 2>&1; then
    row "build time with the NordeaConnect analyzers vs without (Client project rebuilt)" \
      "$(grep -m1 'ratio with/without' "$OUT/analyzers.md" | sed -E 's/.*: +//')" \
      "$(grep -m1 'median without' "$OUT/analyzers.md" | sed -E 's/.*: +//') without"
  else failed "analyzer build time" "$OUT/analyzers.md"; fi
fi

# --- the table --------------------------------------------------------------------------------------------------------
elapsed=$(( $(date +%s) - started ))
echo
echo "## Benchmarks ($(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), ${elapsed} s; full reports in $OUT)"
echo
echo "| benchmark | ratio (this run) | absolute, for scale only |"
echo "|---|---|---|"
printf '%s\n' "${rows[@]}"
