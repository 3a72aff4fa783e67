// The subcommand table, in the order `loopsim --help` lists them. Each command lives in its
// own cmd_<name>.cpp.
#include "tools/cli/commands.h"

#include "tools/cli/cli.h"

namespace loopsim::cli {

std::span<const Command> commands() {
    static const Command table[] = {
        {"run", "simulate a scenario and print what node prints (--trace: write its trace)",
         "usage: loopsim run [options] FILE\n"
         "\n"
         "Runs the scenario on loopsim's model of Node 20 and libuv, on a virtual clock, and\n"
         "prints exactly what `node FILE` prints: stdout, stderr, and node's exit code.\n"
         "\n"
         "  --trace OUT.json     write the run's trace (docs/trace-format.md)\n"
         "  --trace-memory       record the trace in memory but write nothing (benchmarks)\n"
         "  --trace-stats        the same, then print the trace's size in memory to stderr\n"
         "  --profile P          node20 (default, libuv 1.46) or node18 (libuv 1.44)\n"
         "  --seed N             seed for the timing choices the model makes (default 0)\n"
         "  --env NAME=VALUE     an environment variable (repeatable; also `// @env` in the file)\n"
         "  --max-time MS        stop after MS of virtual time (default 3600000)\n"
         "  --max-events N       stop after N simulation events (default 50000000)\n"
         "  --max-queue N        stop when a queue holds more than N callbacks (default 10000000)\n"
         "\n"
         "Exit status: the scenario's, as node's; 1 also when loopsim could not run it.\n",
         cmd_run},
        {"explain",
         "simulate a scenario and narrate it tick by tick: what runs, why, and what waits",
         "usage: loopsim explain [options] FILE\n"
         "\n"
         "Runs the scenario like `loopsim run` and tells the story of the run: each loop\n"
         "iteration, each phase where something happens, every callback that runs with the\n"
         "reason it runs, what it queues and prints (`> ` stdout, `! ` stderr), and what waits\n"
         "in each queue after it. Takes the options of `loopsim run` (--profile, --seed,\n"
         "--env, --max-time, --max-events, --max-queue), and:\n"
         "\n"
         "  --show-internal      also show Node's own bookkeeping callbacks (the afterWrite tick\n"
         "                       a console.log queues), which print nothing\n",
         cmd_explain},
        {"explore", "list every output the model allows for a scenario, and the timing behind each",
         "usage: loopsim explore [options] FILE\n"
         "\n"
         "Re-runs the scenario along every path of the model's choice points: the places where\n"
         "real node's order depends on timing (docs/explore.md lists them). Runs that print the\n"
         "same are one output; for each output it prints the choices of one path leading to it,\n"
         "in plain words, and how many paths lead to it. A scenario whose order is fixed has\n"
         "exactly one output.\n"
         "\n"
         "  --json           print {\"outputs\": [stdout...], \"outcomes\": [...], \"paths\": N}\n"
         "                   (schema in docs/explore.md)\n"
         "  --max-paths N    stop after N paths (default 10000) and say the list is incomplete\n"
         "  -j, --jobs N     run paths on N threads (default: one per hardware thread); the\n"
         "                   output is the same bytes for any N\n"
         "  and the options of `loopsim run`: --profile, --seed, --env, --max-time, --max-events,\n"
         "  --max-queue.\n"
         "\n"
         "Exit status: 0 every path explored, 1 the scenario could not be loaded or --max-paths\n"
         "cut the search, 2 usage error.\n",
         cmd_explore},
        {"conform",
         "run real node and loopsim's explore on scenarios and report where they disagree",
         "usage: loopsim conform [options] DIR|FILE...\n"
         "\n"
         "For each scenario, runs real node N times (through scripts/record-expected.mjs\n"
         "--print, as recordings are made; nothing is written) and explores it with loopsim.\n"
         "A node output loopsim's explore cannot produce is a model bug (BUG); outputs loopsim\n"
         "allows that node did not print in these runs are listed below the scenario (possible\n"
         "over-approximations, or races too rare for N runs).\n"
         "\n"
         "Where node printed one output in all its runs and explore allows only that one, node\n"
         "runs once more under traces/reference/record-reference.mjs (async_hooks) and the\n"
         "order of callback types (Timeout, Immediate, TickObject, PROMISE, Microtask,\n"
         "FSREQCALLBACK, ...) is compared with loopsim's trace: an ORDER line names the first\n"
         "callback where they differ and the line printed just before it. Closing line: N\n"
         "agree, N model bugs; N allow outputs node did not show; callback order: N agree,\n"
         "N differ.\n"
         "\n"
         "  --runs N           node runs per scenario (default 20)\n"
         "  --node PATH        the node to run (default: node on PATH)\n"
         "  --known-gaps FILE  scenarios listed there (first word of a line) report KNOWN, not "
         "BUG\n"
         "  --warn-on-races    an unrecorded output of a `// @nondeterministic` scenario is a\n"
         "                     warning (RACE), not a model bug\n"
         "  --no-order         do not compare callback order\n"
         "  --fail-on-order    a callback-order divergence fails the run (exit 1)\n"
         "  --order-known-gaps FILE  divergences of scenarios listed there report ORDER KNOWN\n"
         "                     and never fail the run\n"
         "  --max-paths N, -j N  as for `loopsim explore`\n"
         "\n"
         "Exit status: 0 no model bug, 1 a model bug, node could not run, or (with\n"
         "--fail-on-order) an unlisted order divergence, 2 usage error.\n",
         cmd_conform},
        {"parse",
         "check that scenarios are inside loopsim's dialect (--dump-ast: print the syntax tree)",
         "usage: loopsim parse [--dump-ast] [--quiet] FILE...\n"
         "\n"
         "Parses each scenario as loopsim will run it. A file outside the dialect gets a\n"
         "diagnostic: file:line:col, the source line with a caret under the column, what is\n"
         "wrong and what to use instead (docs/dialect.md lists the dialect).\n"
         "\n"
         "  --dump-ast   print the syntax tree, one node per line with its source range\n"
         "  --quiet      print nothing for files that parse\n"
         "\n"
         "Exit status: 0 all files parse, 1 a file could not be read or parsed, 2 usage error.\n",
         cmd_parse},
        {"trace", "validate trace files and summarise them",
         "usage: loopsim trace [--kinds] FILE...\n"
         "\n"
         "Reads loopsim traces (docs/trace-format.md). A malformed or truncated file is\n"
         "rejected with path:line:col and what is wrong; a valid one gets a one-line summary:\n"
         "events, actors, loop iterations, virtual time and outcome.\n"
         "\n"
         "  --kinds   also count the events of each kind\n"
         "\n"
         "Exit status: 0 all files are valid, 1 a file could not be read or is invalid, 2 usage "
         "error.\n",
         cmd_trace},
        {"batch", "run every scenario below some folders on N threads and write one trace each",
         "usage: loopsim batch [options] DIR|FILE... -o OUTDIR\n"
         "\n"
         "Runs every scenario (*.js and *.mjs, recursively, in sorted order; hidden entries,\n"
         "node_modules and files marked `// @skip-record` are left out) on N worker threads and\n"
         "writes one output per scenario under OUTDIR, mirroring the scenarios' folders. Each\n"
         "output is written to a temporary file and renamed into place. A scenario that cannot\n"
         "run is reported and the others go on. Outputs and report lines are the same bytes for\n"
         "any N.\n"
         "\n"
         "  -o, --output OUTDIR  where the outputs go (created if missing)\n"
         "  -j, --jobs N         worker threads (default: one per hardware thread)\n"
         "  --format F           json (loopsim trace, NAME.trace.json; default), chrome (Chrome\n"
         "                       trace-event JSON for Perfetto, NAME.chrome.json) or text (the\n"
         "                       narration of `loopsim explain`, NAME.txt)\n"
         "  --shard K/N          run only the K-th of N round-robin slices of the sorted list\n"
         "  --summary FILE       write a JSON summary (for `loopsim merge`)\n"
         "  --junit FILE         write a JUnit XML report\n"
         "  --no-output          run and record every scenario but write no outputs (timing)\n"
         "  --isolate            run each scenario in its own `loopsim run` process: slower, but "
         "a\n"
         "                       scenario that crashes or hangs loopsim fails alone\n"
         "  --timeout S          with --isolate, kill a scenario's process after S seconds (60)\n"
         "  and the options of `loopsim run`: --profile, --seed, --env, --max-time, --max-events,\n"
         "  --max-queue (applied to every scenario). See docs/batch.md.\n"
         "\n"
         "Exit status: 0 every output written, 1 a scenario failed to run or write, 2 usage "
         "error.\n",
         cmd_batch},
        {"check", "run scenarios and compare their output with what real node printed (CI)",
         "usage: loopsim check [options] DIR|FILE...\n"
         "\n"
         "Runs every scenario that has a recording of real node (NAME.expect.json beside NAME.js\n"
         "or NAME.mjs, written by scripts/record-expected.mjs) and compares loopsim's stdout,\n"
         "stderr and exit code with it, normalised as the recorder normalises node's (paths\n"
         "below the folder holding scripts/record-expected.mjs made relative, `(node:PID)`).\n"
         "Any recorded outcome of a race counts. Prints PASS/FAIL with the first difference per\n"
         "scenario and a closing `N passed, N failed` line.\n"
         "\n"
         "  --known-failures FILE  scenarios listed there (first word of a line) are expected to\n"
         "                         fail: KNOWN, not FAIL; one that passes is reported as FIXED\n"
         "  --junit FILE           write a JUnit XML report\n"
         "  --summary FILE         write a JSON summary (for `loopsim merge`)\n"
         "  --update               first re-record the expectations with real node\n"
         "                         (node scripts/record-expected.mjs; never from loopsim's "
         "output)\n"
         "  --node PATH            the node to record with (default: node on PATH)\n"
         "  --root DIR             the folder recordings were made from (default: found above\n"
         "                         each scenario by scripts/record-expected.mjs, else the cwd)\n"
         "  -j N, --shard K/N, --isolate, --timeout S, and the options of `loopsim run`, as\n"
         "  for `loopsim batch`\n"
         "\n"
         "Exit status: 0 nothing failed unexpectedly, 1 a scenario failed, 2 usage error.\n",
         cmd_check},
        {"diff", "show where two runs first disagree on the order callbacks ran in",
         "usage: loopsim diff [options] A B\n"
         "       loopsim diff [options] FILE.js --vs PROFILE\n"
         "\n"
         "Compares the callback order of two runs: A and B are traces (*.json, from `run --trace`\n"
         "or `batch`) or scenarios, run here. With --vs, one scenario runs under --profile "
         "(default\n"
         "node20) and under PROFILE. The first callback that differs (by label and the queue it\n"
         "left) is shown side by side with each side's reason and a few callbacks around it.\n"
         "\n"
         "  --vs PROFILE     node18 or node20: the profile of the second run\n"
         "  --context N      callbacks shown before and after the difference (default 3)\n"
         "  --show-internal  also compare Node's own bookkeeping callbacks (the afterWrite\n"
         "                   tick a console.log queues), which print nothing\n"
         "  and the options of `loopsim run` for scenarios: --profile, --seed, --env, --max-*\n"
         "\n"
         "Exit status: 0 same order, 1 the orders differ, 2 usage error or unreadable input.\n",
         cmd_diff},
        {"merge", "combine the summaries and JUnit reports of the shards of a batch or check run",
         "usage: loopsim merge [--summary OUT.json] [--junit OUT.xml] FILE...\n"
         "\n"
         "FILE: the summaries (.json, from --summary) and/or JUnit reports (.xml, from --junit)\n"
         "of the shards of one `loopsim batch` or `loopsim check` run. Checks that they fit\n"
         "together (same command and shard count, no shard or scenario twice), prints the\n"
         "closing line of the whole run and reports missing shards.\n"
         "\n"
         "  --summary OUT.json   write the merged summary\n"
         "  --junit OUT.xml      write one JUnit report (from the .xml inputs, or else from the\n"
         "                       summaries)\n"
         "\n"
         "Exit status: 0 complete and nothing failed, 1 a scenario failed or a shard is missing,\n"
         "2 usage error or unreadable input.\n",
         cmd_merge},
        {"version", "print the version", "usage: loopsim version\n",
         [](std::span<const std::string>, std::ostream& out, std::ostream&) {
             return run({"loopsim", "--version"}, out, out);
         }},
    };
    return table;
}

} // namespace loopsim::cli
