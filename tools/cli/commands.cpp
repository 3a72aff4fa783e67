// The subcommand table, in the order `loopsim --help` lists them. Each command lives in its
// own cmd_<name>.cpp.
#include "tools/cli/cli.h"
#include "tools/cli/commands.h"

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
         "  --profile P          node20 (default, libuv 1.46) or node18 (libuv 1.44)\n"
         "  --seed N             seed for the timing choices the model makes (default 0)\n"
         "  --env NAME=VALUE     an environment variable (repeatable; also `// @env` in the file)\n"
         "  --max-time MS        stop after MS of virtual time (default 3600000)\n"
         "  --max-events N       stop after N simulation events (default 50000000)\n"
         "  --max-queue N        stop when a queue holds more than N callbacks (default 10000000)\n"
         "\n"
         "Exit status: the scenario's, as node's; 1 also when loopsim could not run it.\n",
         cmd_run},
        {"explain", "simulate a scenario and narrate it tick by tick: what runs, why, and what waits",
         "usage: loopsim explain [options] FILE\n"
         "\n"
         "Runs the scenario like `loopsim run` and tells the story of the run: each loop\n"
         "iteration, each phase where something happens, every callback that runs with the\n"
         "reason it runs, what it queues and prints (`> ` stdout, `! ` stderr), and what waits\n"
         "in each queue after it. Takes the options of `loopsim run` (--profile, --seed,\n"
         "--env, --max-time, --max-events, --max-queue).\n",
         cmd_explain},
        {"parse", "check that scenarios are inside loopsim's dialect (--dump-ast: print the syntax tree)",
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
         "Exit status: 0 all files are valid, 1 a file could not be read or is invalid, 2 usage error.\n",
         cmd_trace},
        {"version", "print the version", "usage: loopsim version\n",
         [](std::span<const std::string>, std::ostream& out, std::ostream&) {
             return run({"loopsim", "--version"}, out, out);
         }},
    };
    return table;
}

} // namespace loopsim::cli
