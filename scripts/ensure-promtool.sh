#!/usr/bin/env bash
# Makes sure Prometheus' promtool is installed (/usr/bin/promtool, from Debian's prometheus package), for the test
# that checks the gateway's /metrics with `promtool check metrics`. Installs only when missing; safe to run twice.
set -euo pipefail

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if command -v promtool >/dev/null 2>&1; then
  exit 0
fi

echo "ensure-promtool: installing prometheus (for promtool) from Debian's packages"
as_root apt-get update -qq
DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends prometheus >/dev/null
promtool --version
