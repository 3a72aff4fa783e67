#pragma once
// explore(): every output the model's choice points allow for one scenario (sim/chooser.h).
// The scenario is re-run along every path of the choice tree, on `jobs` threads; runs that
// print the same (stdout, stderr, exit code) are one output. Paths are taken fewest departures
// from the first option first (then lexicographic by path) and, when there are more than
// `max_paths`, the first `max_paths` in that order are kept: the result is the same for any
// number of threads. Outputs are listed in depth-first (lexicographic) order of the first
// kept path printing each, so a full search reads the same whatever order paths ran in.
// `loopsim explore` prints it, `loopsim conform` compares it with real node, and the
// viewer's outcome selector opens the run behind each output. docs/explore.md.
#include "model/node/scenario_runner.h"
#include "sim/chooser.h"

#include <cstddef>
#include <string>
#include <vector>

namespace loopsim::node {

struct ExploredOutput {
    std::string stdout_text, stderr_text;
    int exit_code = 0;
    size_t paths = 0;                      // how many explored paths printed this
    std::vector<sim::ChoicePoint> choices; // the first such path's choices
};

struct Exploration {
    std::vector<ExploredOutput> outputs; // in the order of the first path printing each
    size_t paths = 0;                    // paths run and kept (at most max_paths)
    bool complete = true;                // false: max_paths cut the search
    size_t most_choice_points = 0;       // the longest path's number of choice points
};

Exploration explore(const ScenarioOptions& scenario, size_t max_paths, size_t jobs);

} // namespace loopsim::node
