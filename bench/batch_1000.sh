#!/usr/bin/env bash
# Batch throughput: 1,000 small scenarios through `loopsim batch -j2`.
#
# usage: bench/batch_1000.sh [-n COUNT] [-j JOBS] [-r REPS] [LOOPSIM]
#
# Generates COUNT (default 1000) small scenarios (timers, immediates, nextTick, promises,
# async/await, intervals; five shapes, each with its own numbers) into a temporary folder,
# then times, REPS times each (default 3, the best run is kept):
#   batch --no-output            run and record every trace, write nothing
#   batch -o OUT                 the same, plus every trace written as JSON (the default)
#   batch -o OUT --format chrome the same, written as Chrome trace-event JSON
#   batch -o /dev/shm/...        JSON again, into a tmpfs folder (when there is one)
# and prints wall, user and sys times, the share of the JSON run spent writing traces
# ((json - no-output) / json, in wall and CPU time, split into user time: serialising,
# and sys time: the file system creating files) and the per-scenario cost. The target is
# under 10 s for 1,000 scenarios with -j2 on a 2-core machine; on a shared machine compare
# CPU times, which the load does not inflate. LOOPSIM defaults to build/release/loopsim.
set -euo pipefail

count=1000
jobs=2
reps=3
while [ $# -gt 0 ]; do
    case "$1" in
    -n) count=${2:?-n needs a count}; shift 2 ;;
    -j) jobs=${2:?-j needs a number}; shift 2 ;;
    -r) reps=${2:?-r needs a count}; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "batch_1000.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
    *) break ;;
    esac
done
loopsim=${1:-build/release/loopsim}
[ -x "$loopsim" ] || { echo "batch_1000.sh: no loopsim binary at $loopsim (build it, or pass its path)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/loopsim-batch-bench.XXXXXX")
shm_out=""
trap 'rm -rf "$work"' EXIT

# Five shapes of scenario, cycled; i makes each file different.
generate() {
    local i=$1 file=$2
    case $((i % 5)) in
    0) cat >"$file" <<EOF
console.log('start $i');
setTimeout(() => console.log('timeout $i'), $((i % 7)));
setImmediate(() => console.log('immediate $i'));
process.nextTick(() => console.log('tick $i'));
Promise.resolve($i).then((v) => console.log('promise', v));
EOF
    ;;
    1) cat >"$file" <<EOF
async function step(n) {
  await null;
  return n * 2;
}
(async () => {
  let total = 0;
  for (let k = 0; k < $((i % 10 + 5)); k++) total += await step(k);
  console.log('total $i', total);
})();
setTimeout(() => console.log('after $i'), 1);
EOF
    ;;
    2) cat >"$file" <<EOF
let ticks = 0;
const id = setInterval(() => {
  ticks++;
  if (ticks === $((i % 4 + 2))) {
    clearInterval(id);
    console.log('interval $i done after', ticks);
  }
}, $((i % 3 + 1)));
setImmediate(() => console.log('immediate $i'));
EOF
    ;;
    3) cat >"$file" <<EOF
const order = [];
for (let k = 0; k < $((i % 8 + 4)); k++) {
  if (k % 2) setImmediate(() => order.push('i' + k));
  else setTimeout(() => order.push('t' + k), 0);
}
setTimeout(() => console.log('$i', order.join(' ')), 5);
EOF
    ;;
    4) cat >"$file" <<EOF
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
process.nextTick(() => console.log('tick $i'));
queueMicrotask(() => console.log('microtask $i'));
new Promise((resolve) => setTimeout(resolve, 2)).then(() => console.log('fib $i', fib($((i % 6 + 10)))));
EOF
    ;;
    esac
}

echo "generating $count scenarios in $work/in ..."
for ((i = 0; i < count; i++)); do
    dir="$work/in/group$((i % 20))"
    mkdir -p "$dir"
    generate "$i" "$dir/s$i.js"
done

# "WALL USER SYS" (seconds) of the run with the best wall time among REPS
best() {
    local best_wall="" best_user="" best_sys=""
    for ((r = 0; r < reps; r++)); do
        rm -rf "$work/out" "$shm_out"
        /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" >"$work/log" 2>&1 ||
            { echo "batch_1000.sh: failed: $*" >&2; tail -5 "$work/log" >&2; exit 1; }
        local wall user sys
        read -r wall user sys <"$work/time"
        if [ -z "$best_wall" ] || [ "$(echo "$wall < $best_wall" | bc)" = 1 ]; then
            best_wall=$wall best_user=$user best_sys=$sys
        fi
    done
    echo "$best_wall $best_user $best_sys"
}

# A tmpfs folder (when there is one) separates loopsim's serialisation from the disk.
shm_out=""
[ -d /dev/shm ] && [ -w /dev/shm ] && shm_out="/dev/shm/loopsim-batch-bench.$$"
trap 'rm -rf "$work" ${shm_out:+"$shm_out"}' EXIT

row() { # label wall user sys [note]
    printf '%-36s %7.2f %7.2f %7.2f %8.2f  %s\n' "$1" "$2" "$3" "$4" "$(echo "$3 + $4" | bc)" "${5:-}"
}
mb() { echo "scale=1; $(du -sb "$1" | cut -f1) / 1048576" | bc; }

read -r n_wall n_user n_sys < <(best "$loopsim" batch "$work/in" --no-output -j "$jobs")
read -r j_wall j_user j_sys < <(best "$loopsim" batch "$work/in" -o "$work/out" -j "$jobs")
json_mb=$(mb "$work/out")
read -r c_wall c_user c_sys < <(best "$loopsim" batch "$work/in" -o "$work/out" -j "$jobs" --format chrome)
chrome_mb=$(mb "$work/out")
if [ -n "$shm_out" ]; then
    read -r s_wall s_user s_sys < <(best "$loopsim" batch "$work/in" -o "$shm_out" -j "$jobs")
fi
tail -1 "$work/log"

printf '%-36s %7s %7s %7s %8s\n' "loopsim batch, $count scenarios, -j$jobs" "wall" "user" "sys" "cpu (s)"
row "run + record, no output" "$n_wall" "$n_user" "$n_sys"
row "+ write json traces" "$j_wall" "$j_user" "$j_sys" "($json_mb MB)"
row "+ write chrome traces" "$c_wall" "$c_user" "$c_sys" "($chrome_mb MB)"
[ -n "$shm_out" ] && row "+ write json traces to tmpfs" "$s_wall" "$s_user" "$s_sys"
n_cpu=$(echo "$n_user + $n_sys" | bc)
j_cpu=$(echo "$j_user + $j_sys" | bc)
printf 'share of the json run spent writing traces: %.0f%% of wall time, %.0f%% of cpu time\n' \
    "$(echo "($j_wall - $n_wall) * 100 / $j_wall" | bc -l)" "$(echo "($j_cpu - $n_cpu) * 100 / $j_cpu" | bc -l)"
printf '  of which serialising (user time): %.0f%% of cpu time; file system (sys time): %.0f%%\n' \
    "$(echo "($j_user - $n_user) * 100 / $j_cpu" | bc -l)" "$(echo "($j_sys - $n_sys) * 100 / $j_cpu" | bc -l)"
printf 'per scenario (json): %.2f ms of cpu\n' "$(echo "$j_cpu * 1000 / $count" | bc -l)"
echo "load average while measuring: $(cut -d' ' -f1-3 /proc/loadavg) (on $(nproc) cores)"
if [ "$(echo "$j_wall < 10" | bc)" = 1 ]; then echo "target (< 10 s): met"; else echo "target (< 10 s): MISSED"; fi
