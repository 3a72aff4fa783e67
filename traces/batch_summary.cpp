// The batch/check summary file. See batch_summary.h.
#include "traces/batch_summary.h"

#include "traces/json_output.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <vector>

namespace loopsim::trace {
namespace {

constexpr std::array<std::string_view, kScenarioStatusCount> kStatusNames = {
    "written", "passed", "failed", "known", "fixed"};

} // namespace

std::string_view scenario_status_name(ScenarioStatus status) {
    return kStatusNames[static_cast<size_t>(status)];
}

size_t BatchSummary::count(ScenarioStatus status) const {
    return static_cast<size_t>(
        std::count_if(scenarios.begin(), scenarios.end(),
                      [&](const SummaryEntry& e) { return e.status == status; }));
}

std::string summary_to_json(const BatchSummary& summary) {
    std::string text;
    {
        JsonOutput out = JsonOutput::to_string(text);
        out.raw("{\"format\":");
        out.string(kSummaryFormatName);
        out.raw(",\"version\":");
        out.integer(kSummaryFormatVersion);
        out.raw(",\"command\":");
        out.string(summary.command);
        out.raw(",\"format_option\":");
        out.string(summary.format);
        out.raw(",\"shards\":{\"count\":");
        out.unsigned_integer(summary.shard_count);
        out.raw(",\"included\":[");
        for (size_t i = 0; i < summary.shards.size(); ++i) {
            if (i > 0) out.raw(',');
            out.unsigned_integer(summary.shards[i]);
        }
        out.raw("]},\"totals\":{\"scenarios\":");
        out.unsigned_integer(summary.scenarios.size());
        for (size_t s = 0; s < kScenarioStatusCount; ++s) {
            out.raw(",\"");
            out.raw(kStatusNames[s]);
            out.raw("\":");
            out.unsigned_integer(summary.count(static_cast<ScenarioStatus>(s)));
        }
        out.raw("},\"scenarios\":[");
        // Sorted by name, whatever order the entries were made in (a merge concatenates).
        std::vector<const SummaryEntry*> sorted;
        for (const SummaryEntry& e : summary.scenarios) sorted.push_back(&e);
        std::stable_sort(
            sorted.begin(), sorted.end(),
            [](const SummaryEntry* a, const SummaryEntry* b) { return a->name < b->name; });
        for (size_t i = 0; i < sorted.size(); ++i) {
            const SummaryEntry& e = *sorted[i];
            out.raw(i == 0 ? "\n{\"name\":" : ",\n{\"name\":");
            out.string(e.name);
            out.raw(",\"status\":");
            out.string(scenario_status_name(e.status));
            out.raw(",\"exit_code\":");
            out.integer(e.exit_code);
            if (!e.message.empty()) {
                out.raw(",\"message\":");
                out.string(e.message);
            }
            if (!e.output.empty()) {
                out.raw(",\"output\":");
                out.string(e.output);
            }
            out.raw('}');
        }
        out.raw(summary.scenarios.empty() ? "]}\n" : "\n]}\n");
    }
    return text;
}

sim::Result<BatchSummary> parse_summary(std::string_view text, std::string_view name) {
    using nlohmann::json;
    const json doc = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    const auto fail = [&](const std::string& what) -> sim::Result<BatchSummary> {
        return sim::Error{std::string(name) + ": error: " + what};
    };
    if (doc.is_discarded()) return fail("not valid JSON");
    if (!doc.is_object()) return fail("expected a JSON object");
    auto format = doc.find("format");
    if (format == doc.end() || *format != kSummaryFormatName)
        return fail("not a loopsim summary (\"format\" must be \"loopsim-summary\"; summaries are "
                    "written by "
                    "`loopsim batch|check --summary FILE`)");
    auto version = doc.find("version");
    if (version == doc.end() || *version != kSummaryFormatVersion)
        return fail("unsupported summary version (this loopsim reads version " +
                    std::to_string(kSummaryFormatVersion) + ")");
    BatchSummary s;
    auto command = doc.find("command");
    if (command == doc.end() || !command->is_string()) return fail("\"command\" must be a string");
    s.command = command->get<std::string>();
    if (s.command != "batch" && s.command != "check")
        return fail("\"command\" must be \"batch\" or \"check\"");
    if (auto f = doc.find("format_option"); f != doc.end() && f->is_string())
        s.format = f->get<std::string>();
    auto shards = doc.find("shards");
    if (shards == doc.end() || !shards->is_object()) return fail("\"shards\" must be an object");
    auto count = shards->find("count");
    auto included = shards->find("included");
    if (count == shards->end() || !count->is_number_unsigned() || *count == 0)
        return fail("\"shards.count\" must be a whole number > 0");
    s.shard_count = count->get<uint32_t>();
    if (included == shards->end() || !included->is_array())
        return fail("\"shards.included\" must be an array");
    for (const json& k : *included) {
        if (!k.is_number_unsigned() || k == 0 || k.get<uint32_t>() > s.shard_count)
            return fail("\"shards.included\" must hold shard numbers 1.." +
                        std::to_string(s.shard_count));
        s.shards.push_back(k.get<uint32_t>());
    }
    auto scenarios = doc.find("scenarios");
    if (scenarios == doc.end() || !scenarios->is_array())
        return fail("\"scenarios\" must be an array");
    for (size_t i = 0; i < scenarios->size(); ++i) {
        const json& o = (*scenarios)[i];
        const std::string where = "scenarios[" + std::to_string(i) + "]";
        if (!o.is_object()) return fail(where + " must be an object");
        SummaryEntry e;
        auto n = o.find("name");
        auto st = o.find("status");
        auto code = o.find("exit_code");
        if (n == o.end() || !n->is_string()) return fail(where + ".name must be a string");
        if (st == o.end() || !st->is_string()) return fail(where + ".status must be a string");
        if (code == o.end() || !code->is_number_integer())
            return fail(where + ".exit_code must be an integer");
        e.name = n->get<std::string>();
        const std::string status = st->get<std::string>();
        auto known = std::find(kStatusNames.begin(), kStatusNames.end(), status);
        if (known == kStatusNames.end())
            return fail(where + ".status \"" + status +
                        "\" is not one of written, passed, failed, known, fixed");
        e.status = static_cast<ScenarioStatus>(known - kStatusNames.begin());
        e.exit_code = code->get<int>();
        if (auto m = o.find("message"); m != o.end() && m->is_string())
            e.message = m->get<std::string>();
        if (auto m = o.find("output"); m != o.end() && m->is_string())
            e.output = m->get<std::string>();
        s.scenarios.push_back(std::move(e));
    }
    return s;
}

} // namespace loopsim::trace
