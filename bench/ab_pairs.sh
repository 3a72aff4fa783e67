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

out_a="$(mktemp)"
out_b="$(mktemp)"
trap 'rm -f "$out_a" "$out_b"' EXIT

# Prints the wall time of one run of $1, its stdout kept in $2.
one_run() {
    local t
    t="$({ /usr/bin/time -f "%e" "$1" run --trace-memory "$program" > "$2" || true; } 2>&1 | tail -1)"
    echo "$t"
}

times=""
for ((i = 1; i <= pairs; i++)); do
    if ((i % 2 == 1)); then
        ta="$(one_run "$a" "$out_a")"
        tb="$(one_run "$b" "$out_b")"
    else
        tb="$(one_run "$b" "$out_b")"
        ta="$(one_run "$a" "$out_a")"
    fi
    if ! cmp -s "$out_a" "$out_b"; then
        echo "ab_pairs: the two builds print different output for $program" >&2
        exit 1
    fi
    times+="$ta $tb"$'\n'
done

printf '%s' "$times" | python3 -c '
import statistics as st
import sys

pairs = [tuple(map(float, line.split())) for line in sys.stdin if line.strip()]
a = [p[0] for p in pairs]
b = [p[1] for p in pairs]
ratios = [y / x for x, y in pairs if x > 0]
print(f"{len(pairs)} pairs: median B/A {st.median(ratios):.3f}; "
      f"A best {min(a):.2f} s, median {st.median(a):.2f} s; "
      f"B best {min(b):.2f} s, median {st.median(b):.2f} s")
'
