#pragma once
// run_child: one command in a child process, its stdout and stderr collected, killed when it
// outlives a time limit. `batch --isolate` and `check --isolate` run each scenario this way
// (`loopsim run` in a process of its own), so a scenario that crashes loopsim is one failed
// scenario, not the end of the run.
#include <string>
#include <vector>

namespace loopsim::cli {

struct ChildResult {
    bool started = false;
    std::string error; // why it could not start
    std::string out;
    std::string err;
    int exit_code = -1; // 128 + signal when killed by one
    int signal = 0;     // the signal that ended it, 0 when it exited
    bool timed_out = false;
};

ChildResult run_child(const std::vector<std::string>& argv, int timeout_seconds);

// The loopsim executable to run children with: $LOOPSIM_EXE when set (tests, wrappers),
// else this process's own executable.
std::string loopsim_executable();

} // namespace loopsim::cli
