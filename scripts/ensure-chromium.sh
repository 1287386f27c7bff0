#!/usr/bin/env bash
# Makes sure Debian's headless-capable Chromium and its ChromeDriver are installed (/usr/bin/chromium,
# /usr/bin/chromedriver), for the sandbox dashboard's browser tests. Installs only when missing; safe to run twice.
set -euo pipefail

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi

echo "ensure-chromium: installing chromium and chromium-driver from Debian's packages"
as_root apt-get update -qq
DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-dejavu-core >/dev/null
/usr/bin/chromium --version
/usr/bin/chromedriver --version
