#pragma once
// NodeRecording: what real node printed for one program, as scripts/record-expected.mjs
// writes it beside the program (NAME.expect.json). Contract: {"node": version, "runs": N,
// "env": {NAME: VALUE}, "outcomes": [{"count", "exit_code", "stdout", "stderr"}]}, outcomes
// most frequent first; stdout and stderr are normalised by the recorder (the repository root
// followed by '/' removed, node's process id written as `(node:PID)`). A deterministic program
// has one outcome, a race several: any of them is a correct run. The reader never throws;
// a malformed file is one Error naming the file and what is wrong. Recordings come only from
// real node: nothing in loopsim writes them.
#include "sim/result.h"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace loopsim::trace {

struct RecordedOutcome {
    uint64_t count = 0; // how many of the runs printed this
    int exit_code = 0;
    std::string stdout_text;
    std::string stderr_text;
};

struct NodeRecording {
    std::string node_version;               // e.g. "v20.20.2"
    uint64_t runs = 0;                      // how many times node ran the program
    std::map<std::string, std::string> env; // the program's `// @env` variables
    std::vector<RecordedOutcome> outcomes;  // at least one
};

// `name` is used in messages (usually the path of the .expect.json file).
sim::Result<NodeRecording> parse_node_recording(std::string_view text, std::string_view name);

// The recorder's normalisation of what a process printed: every `root` + "/" removed, and
// `(node:<digits>)` written as `(node:PID)`. An empty root removes no path.
std::string normalise_recorded_output(std::string_view text, std::string_view root);

} // namespace loopsim::trace
