#!/usr/bin/env bash
# Two loopsim builds on one program, in alternating pairs: which is faster, on a machine
# whose speed drifts between runs.
#
# usage: bench/ab_pairs.sh [-n PAIRS] A_LOOPSIM B_LOOPSIM PROGRAM.js
#
# Runs `loopsim run --trace-memory PROGRAM` with A and with B, PAIRS times (default 10),
# A first in odd pairs and B first in even ones (whichever runs second tends to be slower
# here), and prints the median of the B / A wall-time ratios of the pairs, with each side's
# best and median time. Both builds must print the same stdout, or the script exits 1.
set -euo pipefail

pairs=10
if [[ "${1:-}" == "-n" ]]; then
    pairs="$2"
    shift 2
fi
if [[ $# -ne 3 ]]; then
    sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi
a="$1"
b="$2"
program="$3"
for bin in "$a" "$b"; do
    [[ -x "$bin" ]] || { echo "ab_pairs: $bin is not an executable" >&2; exit 2; }
done
[[ -f "$program" ]] || { echo "ab_pairs: no such program: $program" >&2; exit 2; }

dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT

# The stopwatch: bench/measure_run from either build (microseconds, the program's own
# start-up and nothing else), or else /usr/bin/time (hundredths of a second).
measure=""
for bin in "$b" "$a"; do
    candidate="$(cd "$(dirname "$bin")" && pwd)/bench/measure_run"
    if [[ -x "$candidate" ]]; then
        measure="$candidate"
        break
    fi
done

# Prints the wall time in seconds of one run of $1, its stdout kept in $2.
one_run() {
    if [[ -n "$measure" ]]; then
        "$measure" "$dir/time" "$1" run --trace-memory "$program" >"$2" || true
        awk '{ printf "%.4f\n", $1 / 1e9 }' "$dir/time"
    else
        { /usr/bin/time -f "%e" "$1" run --trace-memory "$program" >"$2" || true; } 2>&1 | tail -1
    fi
}

for ((i = 1; i <= pairs; i++)); do
    if ((i % 2 == 1)); then
        ta="$(one_run "$a" "$dir/a.out")"
        tb="$(one_run "$b" "$dir/b.out")"
    else
        tb="$(one_run "$b" "$dir/b.out")"
        ta="$(one_run "$a" "$dir/a.out")"
    fi
    if ! cmp -s "$dir/a.out" "$dir/b.out"; then
        echo "ab_pairs: the two builds print different output for $program" >&2
        exit 1
    fi
    echo "$ta" >>"$dir/a.times"
    echo "$tb" >>"$dir/b.times"
    awk -v a="$ta" -v b="$tb" 'BEGIN { print (a > 0 ? b / a : 1) }' >>"$dir/ratios"
done

# median FILE: the median of the numbers in FILE, one a line.
median() {
    sort -g "$1" | awk '{ v[NR] = $1 }
        END { printf "%.3f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
best() { sort -g "$1" | head -n 1; }
printf '%d pairs: median B/A %s; A best %.3f s, median %.3f s; B best %.3f s, median %.3f s\n' \
    "$pairs" "$(median "$dir/ratios")" "$(best "$dir/a.times")" "$(median "$dir/a.times")" \
    "$(best "$dir/b.times")" "$(median "$dir/b.times")"
