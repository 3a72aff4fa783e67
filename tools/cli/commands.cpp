// The subcommand table. Each command lives in its own cmd_<name>.cpp.
#include "tools/cli/cli.h"

namespace loopsim::cli {

std::span<const Command> commands() {
    static const Command table[] = {
        {"version", "print the version", "usage: loopsim version\n",
         [](std::span<const std::string>, std::ostream& out, std::ostream&) {
             return run({"loopsim", "--version"}, out, out);
         }},
    };
    return table;
}

} // namespace loopsim::cli
