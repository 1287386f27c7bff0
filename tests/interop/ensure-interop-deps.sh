#!/usr/bin/env bash
# Installs what the gRPC interop tests and the gRPC benchmark need, and only what is missing:
# Debian's python3-grpcio and python3-protobuf (run with /usr/bin/python3), h2load (nghttp2-client),
# curl, and the Node clients (@grpc/grpc-js, @grpc/proto-loader) from tests/interop/node/package-lock.json.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

missing=()
/usr/bin/python3 -c 'import grpc, google.protobuf' 2>/dev/null || missing+=(python3-grpcio python3-protobuf)
command -v h2load >/dev/null 2>&1 || missing+=(nghttp2-client)
command -v node >/dev/null 2>&1 || missing+=(nodejs npm)
command -v curl >/dev/null 2>&1 || missing+=(curl)  # the JSON API's first-session test calls the real curl
if ((${#missing[@]})); then
  echo "interop: installing ${missing[*]}"
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}"
fi

# npm ci only when node_modules is absent or older than the lock file.
node_dir="$here/node"
if [[ ! -d "$node_dir/node_modules/@grpc/grpc-js" || "$node_dir/package-lock.json" -nt "$node_dir/node_modules/.package-lock.json" ]]; then
  echo "interop: npm ci in $node_dir"
  (cd "$node_dir" && npm ci --no-audit --no-fund --loglevel=error)
fi
