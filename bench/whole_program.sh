#!/usr/bin/env bash
# Whole-program benchmarks: loopsim against real node on the same files, in the same run.
#
# usage: bench/whole_program.sh [-r REPS] [-o OUT_DIR] [--no-json] LOOPSIM [PROGRAM.js...]
#
# For every program (default: bench/programs/*.js) it runs, REPS times each (default 3),
# node and the two loopsim runs taking turns:
#   node PROGRAM                          real node, the reference
#   loopsim run --trace-memory PROGRAM    every trace event recorded in memory, as the viewer
#                                         needs it, nothing written
#   loopsim run PROGRAM                   no trace at all
#   loopsim run --trace OUT.json PROGRAM  the whole trace written as JSON (skip: --no-json)
# and prints the best wall time and the highest peak RSS of each, the callbacks per second
# (the program's `// @callbacks N` header divided by the wall time, start-up included) and
# the ratios loopsim-with-trace / node. Times come from bench/measure_run (built next to
# LOOPSIM, in its build folder's bench/), which counts the program's own start-up and not
# the timer's; without it, from `date` around /usr/bin/time, which adds about 10 ms a run. loopsim's stdout and exit status must equal node's,
# or the program is reported as a mismatch and the script exits 1.
# The table is also written to OUT_DIR/whole_program.txt (default: the build folder of
# LOOPSIM, under bench-results/).
set -euo pipefail

reps=3
out_dir=""
json=1
while [ $# -gt 0 ]; do
    case "$1" in
    -r) reps=${2:?-r needs a count}; shift 2 ;;
    -o) out_dir=${2:?-o needs a folder}; shift 2 ;;
    --no-json) json=0; shift ;;
    -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "whole_program.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
    *) break ;;
    esac
done
loopsim=${1:?usage: whole_program.sh [-r REPS] [-o OUT_DIR] [--no-json] LOOPSIM [PROGRAM.js...]}
shift
[ -x "$loopsim" ] || { echo "whole_program.sh: '$loopsim' is not an executable" >&2; exit 2; }
command -v node >/dev/null || { echo "whole_program.sh: node is not on PATH" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "whole_program.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
if [ $# -eq 0 ]; then set -- "$here"/programs/*.js; fi
[ -n "$out_dir" ] || out_dir="$(cd "$(dirname "$loopsim")" && pwd)/bench-results"
mkdir -p "$out_dir"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

measure="$(cd "$(dirname "$loopsim")" && pwd)/bench/measure_run"
if [ ! -x "$measure" ]; then
    echo "whole_program.sh: no $measure (build the bench/ folder); timing with date and" \
        "/usr/bin/time, which adds about 10 ms to every run" >&2
    measure=""
fi

# run_once NAME CMD...: runs CMD once; keeps the best wall time (in microseconds) and the
# highest peak RSS of NAME's runs so far in best_us[NAME] and peak_kb[NAME], its stdout in
# $tmp/NAME.out and its exit status in $tmp/NAME.rc.
declare -A best_us peak_kb
run_once() {
    local name=$1
    shift
    local start end us kb rc=0
    if [ -n "$measure" ]; then
        "$measure" "$tmp/time" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" || rc=$?
        read -r ns kb <"$tmp/time"
        us=$((ns / 1000))
    else
        start=$(date +%s%N)
        /usr/bin/time -f '%M' -o "$tmp/time" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" || rc=$?
        end=$(date +%s%N)
        us=$(((end - start) / 1000))
        kb=$(tail -n 1 "$tmp/time")
    fi
    echo "$rc" >"$tmp/$name.rc"
    if [ -z "${best_us[$name]:-}" ] || [ "$us" -lt "${best_us[$name]}" ]; then best_us[$name]=$us; fi
    if [ "$kb" -gt "${peak_kb[$name]:-0}" ]; then peak_kb[$name]=$kb; fi
}

# rate CALLBACKS US: callbacks per second, in millions, two decimals.
rate() { awk -v n="$1" -v us="$2" 'BEGIN { if (us <= 0) us = 1; printf "%.2f", n / (us / 1e6) / 1e6 }'; }
# seconds US: the time in seconds, three decimals.
seconds() { awk -v us="$1" 'BEGIN { printf "%.3f", us / 1e6 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b <= 0) b = 1; printf "%.2f", a / b }'; }
mb() { awk -v kb="$1" 'BEGIN { printf "%.1f", kb / 1024 }'; }

table="$tmp/table"
{
    printf '%-22s %9s | %8s %8s %7s | %8s %8s %7s | %7s %7s | %9s %8s | %8s %8s %9s\n' \
        program callbacks node_s node_MB node_M/s sim_s sim_MB sim_M/s t/node mem/node \
        notrace_s notr_MB json_s json_MB json_size
} >"$table"
status=0
for program in "$@"; do
    name=$(basename "$program" .js)
    callbacks=$(sed -n 's|^// @callbacks *\([0-9][0-9]*\).*|\1|p' "$program" | head -n 1)
    [ -n "$callbacks" ] || { echo "whole_program.sh: $program has no '// @callbacks N' header" >&2; exit 2; }
    echo "== $name" >&2
    # node, loopsim with the trace and loopsim without it take turns, so that the machine's
    # drifts in speed fall on all three alike and the ratios stay fair.
    best_us=() peak_kb=()
    for ((i = 0; i < reps; i++)); do
        run_once node node "$program"
        run_once sim "$loopsim" run --trace-memory "$program"
        run_once bare "$loopsim" run "$program"
    done
    node_us=${best_us[node]} node_kb=${peak_kb[node]}
    sim_us=${best_us[sim]} sim_kb=${peak_kb[sim]}
    bare_us=${best_us[bare]} bare_kb=${peak_kb[bare]}
    if ! cmp -s "$tmp/node.out" "$tmp/sim.out" || ! cmp -s "$tmp/node.rc" "$tmp/sim.rc"; then
        echo "whole_program.sh: $name: loopsim's output differs from node's" >&2
        diff "$tmp/node.out" "$tmp/sim.out" | head -n 5 >&2 || true
        status=1
    fi
    json_s="-" json_mb="-" json_size="-"
    if [ "$json" = 1 ]; then
        for ((i = 0; i < reps; i++)); do
            run_once json "$loopsim" run --trace "$tmp/trace.json" "$program"
        done
        json_s=$(seconds "${best_us[json]}")
        json_mb=$(mb "${peak_kb[json]}")
        json_size="$(($(stat -c %s "$tmp/trace.json") / 1048576))MB"
        rm -f "$tmp/trace.json"
    fi
    printf '%-22s %9s | %8s %8s %7s | %8s %8s %7s | %7s %7s | %9s %8s | %8s %8s %9s\n' \
        "$name" "$callbacks" \
        "$(seconds "$node_us")" "$(mb "$node_kb")" "$(rate "$callbacks" "$node_us")" \
        "$(seconds "$sim_us")" "$(mb "$sim_kb")" "$(rate "$callbacks" "$sim_us")" \
        "$(ratio "$sim_us" "$node_us")" "$(ratio "$sim_kb" "$node_kb")" \
        "$(seconds "$bare_us")" "$(mb "$bare_kb")" \
        "$json_s" "$json_mb" "$json_size" >>"$table"
done
{
    echo "whole programs: best of $reps wall times, highest peak RSS; sim = loopsim run --trace-memory"
    echo "(every event recorded in memory, none written); t/node and mem/node = sim / node;"
    echo "notrace = loopsim run; json = loopsim run --trace FILE (time, peak RSS, file size)"
    cat "$table"
} | tee "$out_dir/whole_program.txt"
exit $status
