// Reading NAME.expect.json. See node_recording.h.
#include "traces/node_recording.h"

#include <cctype>
#include <nlohmann/json.hpp>

namespace loopsim::trace {

sim::Result<NodeRecording> parse_node_recording(std::string_view text, std::string_view name) {
    using nlohmann::json;
    const json doc = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    const auto fail = [&](const std::string& what) -> sim::Result<NodeRecording> {
        return sim::Error{std::string(name) + ": error: " + what +
                          " (recordings are written by `node scripts/record-expected.mjs`)"};
    };
    if (doc.is_discarded()) return fail("not valid JSON");
    if (!doc.is_object()) return fail("expected a JSON object");
    NodeRecording r;
    if (auto it = doc.find("node"); it != doc.end() && it->is_string())
        r.node_version = it->get<std::string>();
    if (auto it = doc.find("runs"); it != doc.end() && it->is_number_unsigned())
        r.runs = it->get<uint64_t>();
    if (auto it = doc.find("env"); it != doc.end()) {
        if (!it->is_object()) return fail("\"env\" must be an object of strings");
        for (const auto& [key, value] : it->items()) {
            if (!value.is_string()) return fail("\"env\"." + key + " must be a string");
            r.env[key] = value.get<std::string>();
        }
    }
    auto outcomes = doc.find("outcomes");
    if (outcomes == doc.end() || !outcomes->is_array() || outcomes->empty())
        return fail("\"outcomes\" must be a non-empty array");
    for (size_t i = 0; i < outcomes->size(); ++i) {
        const json& o = (*outcomes)[i];
        const std::string where = "outcomes[" + std::to_string(i) + "]";
        if (!o.is_object()) return fail(where + " must be an object");
        RecordedOutcome out;
        auto code = o.find("exit_code");
        auto so = o.find("stdout");
        auto se = o.find("stderr");
        if (code == o.end() || !code->is_number_integer())
            return fail(where + ".exit_code must be an integer");
        if (so == o.end() || !so->is_string()) return fail(where + ".stdout must be a string");
        if (se == o.end() || !se->is_string()) return fail(where + ".stderr must be a string");
        out.exit_code = code->get<int>();
        out.stdout_text = so->get<std::string>();
        out.stderr_text = se->get<std::string>();
        if (auto c = o.find("count"); c != o.end() && c->is_number_unsigned())
            out.count = c->get<uint64_t>();
        r.outcomes.push_back(std::move(out));
    }
    return r;
}

std::string normalise_recorded_output(std::string_view text, std::string_view root) {
    std::string prefix = std::string(root) + "/";
    std::string out;
    out.reserve(text.size());
    size_t i = 0;
    while (i < text.size()) {
        if (!root.empty() && text.compare(i, prefix.size(), prefix) == 0) {
            i += prefix.size();
            continue;
        }
        if (text.compare(i, 6, "(node:") == 0) {
            size_t j = i + 6;
            while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
            if (j > i + 6 && j < text.size() && text[j] == ')') {
                out += "(node:PID)";
                i = j + 1;
                continue;
            }
        }
        out += text[i++];
    }
    return out;
}

} // namespace loopsim::trace
