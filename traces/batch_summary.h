#pragma once
// BatchSummary: what one `loopsim batch` or `loopsim check` run, or one shard of it, did to
// each scenario; `--summary FILE` writes it and `loopsim merge` combines the shards'.
// Contract: JSON with keys in one fixed order and one scenario per line, scenarios sorted by
// name, no wall-clock time, so the same run gives the same bytes on every machine and with
// any number of workers:
//   {"format":"loopsim-summary","version":1,"command":"check","format_option":"",
//    "shards":{"count":4,"included":[2]},"totals":{"passed":30,...},"scenarios":[
//   {"name":"scenarios/basics/01_sync_order.js","status":"passed","exit_code":0,...},
//   ...]}
// `totals` is written for readers' convenience; the reader recomputes it from the entries.
// The reader never throws: a malformed file is one Error naming the file and the problem.
#include "sim/result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace loopsim::trace {

inline constexpr std::string_view kSummaryFormatName = "loopsim-summary";
inline constexpr int kSummaryFormatVersion = 1;

// What happened to one scenario. batch: Written or Failed; check: Passed, Failed, Known
// (listed as a known failure, still failing) or Fixed (listed as a known failure, now passes).
enum class ScenarioStatus : uint8_t {
    Written,
    Passed,
    Failed,
    Known,
    Fixed
};
inline constexpr size_t kScenarioStatusCount = 5;
std::string_view scenario_status_name(ScenarioStatus status);

struct SummaryEntry {
    std::string name; // the scenario's path, relative to the root it was run from
    ScenarioStatus status = ScenarioStatus::Passed;
    int exit_code = 0;   // the scenario's exit code (as node's); -1 when it did not run
    std::string message; // batch: why it failed; check: the first difference; may be empty
    std::string output;  // batch: the output file written; empty otherwise
    bool operator==(const SummaryEntry&) const = default;
};

struct BatchSummary {
    std::string command;          // "batch" or "check"
    std::string format;           // batch: json, chrome or text; empty for check
    uint32_t shard_count = 1;     // N of --shard K/N
    std::vector<uint32_t> shards; // the Ks this summary covers (sorted); {1} when unsharded
    std::vector<SummaryEntry> scenarios;
    bool operator==(const BatchSummary&) const = default;

    // Entries with this status.
    size_t count(ScenarioStatus status) const;
};

std::string summary_to_json(const BatchSummary& summary);
// `name` is used in messages (usually the path the text came from).
sim::Result<BatchSummary> parse_summary(std::string_view text, std::string_view name);

} // namespace loopsim::trace
