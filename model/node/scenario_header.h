#pragma once
// The scenario header: the `// @directive` comment lines of a scenario (docs/scenarios.md),
// read the way scripts/record-expected.mjs reads them when it records node, so that loopsim
// and node run the scenario under the same conditions. Every caller that runs a scenario
// (run, explain, the viewer, batch runs) applies it through apply_scenario_header.
//
// Directives that change the run:
//   // @env NAME=VALUE        process.env (UV_THREADPOOL_SIZE ...); repeatable
//   // @file NAME SIZE        a file in the virtual file system (model/io/file_spec.h)
//   // @file NAME "TEXT"
//   // @latency KEY VALUE     an OS latency override (model/io/latency_model.h, docs/io.md)
// The others (@title, @lesson, @runs, @nondeterministic, @skip-record) describe the scenario
// and are ignored here. A directive is a line that starts, after blanks, with `//`, blanks
// and `@word`; it may appear anywhere in the file, as for the recorder.
#include "model/node/scenario_runner.h"
#include "sim/result.h"

namespace loopsim::node {

// Fills options.env (values already present win: callers set command-line values first or
// after, as they choose), options.files and options.latency from options.source. A malformed
// @file or @latency is an error "PATH:LINE: ..." naming what is accepted.
sim::Result<void> apply_scenario_header(ScenarioOptions& options);

} // namespace loopsim::node
