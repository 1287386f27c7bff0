#!/usr/bin/env bash
# Packs the NordeaConnect analyzers, restores them from a local folder into this stand-alone sample, and shows the
# build failing on the classic Nordea Connect bugs (Buggy/) and passing on the fixed code (Fixed/).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
work=$(mktemp -d /tmp/nc-analyzer-demo.XXXXXX)
trap 'rm -rf "$work"' EXIT
feed="$work/feed"

echo "== 1. dotnet pack the analyzer package into a local folder feed"
dotnet pack "$repo/analyzers/NordeaConnect.Analyzers.Package/NordeaConnect.Analyzers.Package.csproj" \
  -c Release -o "$feed" -p:ArtifactsPath="$work/pack" --nologo -v:q
ls "$feed"

# A private package cache, so the package just packed is the one restored (never a stale copy of the same version).
common=(-p:ArtifactsPath="$work/demo" -p:RestorePackagesPath="$work/packages" -p:RestoreAdditionalProjectSources="$feed" --nologo)

echo "== 2. Build Buggy/: must fail on the analyzers' diagnostics"
if dotnet build "$here/AnalyzerDemo.csproj" -p:DemoVariant=Buggy "${common[@]}" >"$work/buggy.log" 2>&1; then
  cat "$work/buggy.log"
  echo "FAIL: the buggy checkout built without errors"
  exit 1
fi
grep -oE "error NC[0-9]{4}: [^[]*" "$work/buggy.log" | sort -u
for id in NC1001 NC1004 NC2002 NC2003 NC2004 NC2005; do
  if ! grep -q "error $id" "$work/buggy.log"; then
    cat "$work/buggy.log"
    echo "FAIL: expected $id in the buggy build"
    exit 1
  fi
done
if grep -E ": error [A-Z]+[0-9]+" "$work/buggy.log" | grep -qv ": error NC"; then
  cat "$work/buggy.log"
  echo "FAIL: the buggy build failed for another reason than the analyzers"
  exit 1
fi

echo "== 3. Build Fixed/: must pass"
if ! dotnet build "$here/AnalyzerDemo.csproj" -p:DemoVariant=Fixed "${common[@]}" >"$work/fixed.log" 2>&1; then
  cat "$work/fixed.log"
  echo "FAIL: the fixed checkout did not build"
  exit 1
fi
grep -E "Build succeeded|Warn|Error" "$work/fixed.log" | head -3

echo "PASS: the package restores from a folder feed, fails the buggy build and passes the fixed one"
