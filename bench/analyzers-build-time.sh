#!/usr/bin/env bash
# How much the NordeaConnect analyzers add to build time, measured in one run:
# each round rebuilds the chosen projects (--no-incremental --no-dependencies) once without and once with the
# analyzers, alternating which goes first; the script prints the median of each and their ratio.
#
#   bench/analyzers-build-time.sh                 # default projects, 5 rounds
#   ROUNDS=9 bench/analyzers-build-time.sh src/NordeaConnect.Client/NordeaConnect.Client.csproj
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
rounds=${ROUNDS:-5}
artifacts=${ARTIFACTS:-/tmp/art-analyzers-bench}
if [ "$#" -gt 0 ]; then
  projects=("$@")
else
  projects=()
  for name in Primitives Client Sandbox Grains.Abstractions Grains Grpc Contracts Gateway; do
    candidate="$repo/src/NordeaConnect.$name/NordeaConnect.$name.csproj"
    [ -f "$candidate" ] && projects+=("$candidate")
  done
fi

echo "== Building the analyzers (Release)"
dotnet build "$repo/analyzers/NordeaConnect.Analyzers/NordeaConnect.Analyzers.csproj" -c Release \
  -p:ArtifactsPath="$artifacts" --nologo -v:q >/dev/null
analyzer="$artifacts/bin/NordeaConnect.Analyzers/release/NordeaConnect.Analyzers.dll"
targets="$repo/bench/analyzers/use-analyzer.targets"

# NordeaConnectAnalyzers=false switches off the repository's own wiring (Directory.Build.props), so "off" is really off
# and "on" loads exactly one copy, through the targets file.
# Findings are reported as warnings, not errors, so that a project with a finding is still measured to the end.
common=(-p:ArtifactsPath="$artifacts" -p:NordeaConnectAnalyzers=false -p:CustomAfterMicrosoftCommonTargets="$targets"
  -p:TreatWarningsAsErrors=false -p:MSBuildTreatWarningsAsErrors=false --nologo -v:q)

echo "== Warm-up: build every project and its dependencies once (projects that do not build are left out)"
buildable=()
for project in "${projects[@]}"; do
  if dotnet build "$project" "${common[@]}" -p:NordeaConnectAnalyzerPath= >/tmp/analyzers-bench-warmup.log 2>&1; then
    buildable+=("$project")
  else
    echo "   skipped (does not build now): $project"
  fi
done
if [ "${#buildable[@]}" -eq 0 ]; then
  echo "No project builds; nothing to measure." >&2
  exit 1
fi
printf '   measuring %s\n' "${buildable[@]##*/}"

# One timed rebuild of every project; "with" adds the analyzer assembly.
build_all() {
  local mode=$1
  local path=""
  [ "$mode" = with ] && path="$analyzer"
  local start end
  start=$(date +%s.%N)
  for project in "${buildable[@]}"; do
    dotnet build "$project" "${common[@]}" --no-incremental --no-dependencies -p:NordeaConnectAnalyzerPath="$path" >/tmp/analyzers-bench-build.log 2>&1 \
      || { cat /tmp/analyzers-bench-build.log; echo "Build failed ($mode): $project" >&2; exit 1; }
  done
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

without=()
with=()
# One discarded round each, so both modes start from a warm compiler server and disk cache.
build_all without >/dev/null
build_all with >/dev/null
for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) -eq 1 ]; then
    without+=("$(build_all without)")
    with+=("$(build_all with)")
  else
    with+=("$(build_all with)")
    without+=("$(build_all without)")
  fi
  printf '   round %d: without %.2fs, with %.2fs\n' "$round" "${without[-1]}" "${with[-1]}"
done

median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
m_without=$(median "${without[@]}")
m_with=$(median "${with[@]}")
ratio=$(echo "scale=4; $m_with / $m_without" | bc)
printf '\nmedian without analyzers: %.2fs\nmedian with analyzers:    %.2fs\nratio with/without:       %.3f (%+.1f%%)\n' \
  "$m_without" "$m_with" "$ratio" "$(echo "($ratio - 1) * 100" | bc -l)"

# The compiler's own account, less sensitive to a busy machine than wall-clock time: how long our analyzers ran
# (summed over their concurrent work) next to all analyzers of the build, one more rebuild per project.
ours=0
all=0
for project in "${buildable[@]}"; do
  dotnet build "$project" "${common[@]/-v:q/-v:d}" --no-incremental --no-dependencies -p:NordeaConnectAnalyzerPath="$analyzer" \
    -p:ReportAnalyzer=true >/tmp/analyzers-bench-report.log 2>&1
  project_all=$(grep -m1 "Total analyzer execution time" /tmp/analyzers-bench-report.log | grep -oE "[0-9]+\.[0-9]+" || echo 0)
  project_ours=$(grep -m1 -E "^\s+[0-9.<]+\s+[0-9<]+\s+NordeaConnect\.Analyzers, Version" /tmp/analyzers-bench-report.log | awk '{ print $1 }' | tr -d '<' || echo 0)
  printf '   %-40s ours %6.3fs of %6.3fs analyzer time\n' "${project##*/}" "${project_ours:-0}" "${project_all:-0}"
  ours=$(echo "$ours + ${project_ours:-0}" | bc -l)
  all=$(echo "$all + ${project_all:-0}" | bc -l)
done
printf 'NordeaConnect analyzers: %.3fs of %.3fs total analyzer execution time (%.1f%%)\n' "$ours" "$all" "$(echo "$ours * 100 / $all" | bc -l)"
