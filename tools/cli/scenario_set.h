#pragma once
// The scenario list of the commands that run many scenarios (batch, check): which files,
// in which order, which shard, where their outputs go and which root their recordings
// were made from.
//
// Contract: collect_scenarios() walks each input (a folder, recursively, or one file) and
// returns every scenario once, sorted by its path relative to the inputs' common folder
// (byte order), so the list is the same on every machine and every run. A scenario is a
// `.js` file (a CommonJS main) or a `.mjs` file (an ES module main), as the recorder takes
// them; hidden entries (`.name`), `node_modules` folders and files marked
// `// @skip-record` (helper modules, not programs) are left out. Shard K of N keeps the
// entries whose 0-based index i in that list has i % N == K - 1 (round-robin), so N
// shards cover the list exactly once with no coordinator.
#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace loopsim::cli {

struct ScenarioFile {
    std::string path; // what to open: the input as given joined with the path below it
    std::filesystem::path absolute; // absolute and lexically normal
    std::string relative;           // below the inputs' common folder, with '/' separators
};

struct Shard {
    uint32_t index = 1; // K, 1-based
    uint32_t count = 1; // N
};

// Parses "K/N" (1 <= K <= N); on failure returns nullopt and says why in `error`.
std::optional<Shard> parse_shard(std::string_view text, std::string& error);

// Prints "loopsim COMMAND: ..." to err and returns nullopt when an input is missing.
std::optional<std::vector<ScenarioFile>> collect_scenarios(std::string_view command,
                                                           std::span<const std::string> inputs,
                                                           std::ostream& err);

std::vector<ScenarioFile> select_shard(const std::vector<ScenarioFile>& all, Shard shard);

// The folder a recording of `scenario` was made from: the nearest folder at or above the
// scenario's that holds scripts/record-expected.mjs (the recorder runs node from there and
// strips that prefix from paths); the current directory when there is none.
std::filesystem::path recording_root(const std::filesystem::path& scenario_absolute);

// `absolute` relative to `root` with '/' separators, or `absolute` itself when it is not
// below `root`.
std::string path_below(const std::filesystem::path& absolute, const std::filesystem::path& root);

} // namespace loopsim::cli
