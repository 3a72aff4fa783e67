// `loopsim merge`: combines what the shards of a batch or check run wrote (--summary JSON
// files, --junit XML files) into one summary and one JUnit report, checks that the shards
// fit together (same command and shard count, no shard or scenario twice, none missing) and
// prints the closing line the unsharded run would have printed.
// Exit status: 0 all shards present and nothing failed, 1 a scenario failed or a shard is
// missing, 2 usage error or unreadable input.
#include "tools/cli/atomic_file.h"
#include "tools/cli/cli.h"
#include "tools/cli/commands.h"
#include "tools/cli/junit.h"
#include "traces/batch_summary.h"

#include <algorithm>
#include <map>
#include <ostream>

namespace loopsim::cli {

namespace {

// Folds one shard's summary into `merged`; prints why and returns false when they do not fit.
bool add_summary(trace::BatchSummary& merged, const trace::BatchSummary& shard,
                 const std::string& path, std::map<std::string, std::string>& seen,
                 std::ostream& err) {
    if (merged.command.empty()) {
        merged.command = shard.command;
        merged.format = shard.format;
        merged.shard_count = shard.shard_count;
    } else if (shard.command != merged.command || shard.format != merged.format ||
               shard.shard_count != merged.shard_count) {
        err << "loopsim merge: " << path << " is from 'loopsim " << shard.command << "'"
            << (shard.format.empty() ? "" : " --format " + shard.format) << " in "
            << shard.shard_count << " shards, the first summary from 'loopsim " << merged.command
            << "'" << (merged.format.empty() ? "" : " --format " + merged.format) << " in "
            << merged.shard_count << " shards: merge the shards of one run\n";
        return false;
    }
    for (uint32_t k : shard.shards) {
        if (std::find(merged.shards.begin(), merged.shards.end(), k) != merged.shards.end()) {
            err << "loopsim merge: shard " << k << "/" << shard.shard_count
                << " is given twice (again in " << path << ")\n";
            return false;
        }
        merged.shards.push_back(k);
    }
    for (const trace::SummaryEntry& e : shard.scenarios) {
        auto [it, inserted] = seen.emplace(e.name, path);
        if (!inserted) {
            err << "loopsim merge: " << e.name << " is in both " << it->second << " and " << path
                << '\n';
            return false;
        }
        merged.scenarios.push_back(e);
    }
    return true;
}

} // namespace

int cmd_merge(std::span<const std::string> args, std::ostream& out, std::ostream& err) {
    std::string summary_out, junit_out;
    std::vector<std::string> summaries, junits;
    const auto usage = [&](const std::string& what) {
        err << "loopsim merge: " << what << " (see 'loopsim merge --help')\n";
        return k_exit_usage;
    };
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        const std::string* value = i + 1 < args.size() ? &args[i + 1] : nullptr;
        if (a == "--summary" || a == "-o" || a == "--junit") {
            if (!value || value->empty()) return usage(a + " needs a file name");
            (a == "--junit" ? junit_out : summary_out) = *value;
            ++i;
        } else if (a.starts_with("-")) {
            return usage("unknown option '" + a + "'");
        } else if (a.ends_with(".json")) {
            summaries.push_back(a);
        } else if (a.ends_with(".xml")) {
            junits.push_back(a);
        } else {
            return usage("'" + a + "' is neither a summary (.json) nor a JUnit report (.xml)");
        }
    }
    if (summaries.empty() && junits.empty()) return usage("no summaries or JUnit reports to merge");
    if (!summary_out.empty() && summaries.empty())
        return usage("--summary writes merged summaries: give the shards' summary .json files");

    int status = k_exit_ok;
    trace::BatchSummary merged;
    std::map<std::string, std::string> seen;
    for (const std::string& path : summaries) {
        std::optional<std::string> text = read_file(path, err);
        if (!text) return k_exit_usage;
        sim::Result<trace::BatchSummary> s = trace::parse_summary(*text, path);
        if (!s) {
            err << "loopsim merge: " << s.error().message << '\n';
            return k_exit_usage;
        }
        if (!add_summary(merged, s.value(), path, seen, err)) return k_exit_usage;
    }
    std::sort(merged.shards.begin(), merged.shards.end());
    std::sort(
        merged.scenarios.begin(), merged.scenarios.end(),
        [](const trace::SummaryEntry& a, const trace::SummaryEntry& b) { return a.name < b.name; });

    std::vector<JunitCase> cases;
    for (const std::string& path : junits) {
        std::optional<std::string> text = read_file(path, err);
        if (!text) return k_exit_usage;
        if (!parse_junit_cases(*text, cases)) {
            err << "loopsim merge: " << path
                << ": not a JUnit report (no <testsuite> element, or a <testcase> "
                << "that is not closed)\n";
            return k_exit_usage;
        }
    }

    if (!summaries.empty()) {
        std::vector<uint32_t> missing;
        for (uint32_t k = 1; k <= merged.shard_count; ++k)
            if (!std::binary_search(merged.shards.begin(), merged.shards.end(), k))
                missing.push_back(k);
        const size_t failed = merged.count(trace::ScenarioStatus::Failed);
        if (merged.command == "check") {
            const size_t fixed = merged.count(trace::ScenarioStatus::Fixed);
            out << merged.count(trace::ScenarioStatus::Passed) + fixed << " passed, " << failed
                << " failed, " << merged.count(trace::ScenarioStatus::Known) << " known";
        } else {
            out << "batch: " << merged.scenarios.size() << " scenarios, "
                << merged.count(trace::ScenarioStatus::Written) << " written, " << failed
                << " failed";
        }
        out << " (merged " << merged.shards.size() << " of " << merged.shard_count << " shards)\n";
        if (!missing.empty()) {
            err << "loopsim merge: missing shard" << (missing.size() == 1 ? "" : "s");
            for (uint32_t k : missing) err << ' ' << k << '/' << merged.shard_count;
            err << ": the merged result covers only part of the scenarios\n";
            status = k_exit_failure;
        }
        if (failed > 0) status = k_exit_failure;
    }
    if (!junits.empty()) {
        size_t failures = 0, errors = 0, skipped = 0;
        for (const JunitCase& c : cases)
            failures += c.failed, errors += c.errored, skipped += c.skipped;
        out << "junit: " << cases.size() << " tests, " << failures << " failures, " << errors
            << " errors, " << skipped << " skipped (merged " << junits.size() << " report"
            << (junits.size() == 1 ? "" : "s") << ")\n";
        if (failures + errors > 0) status = k_exit_failure;
    }

    if (!summary_out.empty()) {
        if (auto e = write_file_atomically(summary_out, trace::summary_to_json(merged))) {
            err << "loopsim merge: " << *e << '\n';
            return k_exit_usage;
        }
    }
    if (!junit_out.empty()) {
        const std::string suite =
            "loopsim " + (merged.command.empty() ? std::string("check") : merged.command);
        const std::string xml =
            junits.empty() ? junit_from_summary(merged, suite) : junit_from_cases(cases, suite);
        if (auto e = write_file_atomically(junit_out, xml)) {
            err << "loopsim merge: " << *e << '\n';
            return k_exit_usage;
        }
    }
    return status;
}

} // namespace loopsim::cli
