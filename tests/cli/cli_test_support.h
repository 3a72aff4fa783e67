#pragma once
// Helpers shared by the CLI tests: run `loopsim ARGS...` in-process and keep what it printed.
#include "tools/cli/cli.h"

#include <sstream>
#include <string>
#include <vector>

namespace loopsim::cli::testing {

struct Outcome {
    int code;
    std::string out;
    std::string err;
};

// `args` without the program name: {"run", "x.js"}.
inline Outcome run_cli(std::vector<std::string> args) {
    args.insert(args.begin(), "loopsim");
    std::ostringstream out, err;
    int code = loopsim::cli::run(args, out, err);
    return {code, out.str(), err.str()};
}

} // namespace loopsim::cli::testing
