#!/usr/bin/env bash
# Runs every benchmark binary of a build folder and keeps their JSON reports in
# BUILD/bench-results/, so figures quoted in notes and docs can be traced to a run.
# usage: scripts/run-bench.sh BUILD_DIR [benchmark-filter-regex]
set -euo pipefail
build=${1:?usage: run-bench.sh BUILD_DIR [filter]}
filter=${2:-}
out="$build/bench-results"
mkdir -p "$out"
status=0
for b in "$build"/bench/bench_*; do
    [ -x "$b" ] || continue
    name=$(basename "$b")
    echo "== $name"
    args=(--benchmark_out="$out/$name.json" --benchmark_out_format=json)
    [ -n "$filter" ] && args+=(--benchmark_filter="$filter")
    "$b" "${args[@]}" || status=1
done
exit $status
