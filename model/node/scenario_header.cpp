// Reading the scenario header. See scenario_header.h.
#include "model/node/scenario_header.h"

#include "model/io/file_spec.h"

namespace loopsim::node {

namespace {

bool is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

// `// @name rest` -> (name, rest), as record-expected.mjs's /^\s*\/\/\s*@([a-z-]+)\s*(.*?)\s*$/.
bool split_directive(std::string_view line, std::string_view& name, std::string_view& rest) {
    size_t i = 0;
    while (i < line.size() && is_blank(line[i])) ++i;
    if (line.substr(i, 2) != "//") return false;
    i += 2;
    while (i < line.size() && is_blank(line[i])) ++i;
    if (i >= line.size() || line[i] != '@') return false;
    const size_t start = ++i;
    while (i < line.size() && ((line[i] >= 'a' && line[i] <= 'z') || line[i] == '-')) ++i;
    if (i == start) return false;
    name = line.substr(start, i - start);
    rest = line.substr(i);
    while (!rest.empty() && is_blank(rest.front())) rest.remove_prefix(1);
    while (!rest.empty() && is_blank(rest.back())) rest.remove_suffix(1);
    return true;
}

} // namespace

sim::Result<void> apply_scenario_header(ScenarioOptions& options) {
    const std::string_view source = options.source;
    size_t pos = 0;
    uint32_t line_number = 0;
    std::map<std::string, std::string> header_env;
    while (pos <= source.size()) {
        const size_t end = source.find('\n', pos);
        const std::string_view line =
            source.substr(pos, (end == std::string_view::npos ? source.size() : end) - pos);
        ++line_number;
        std::string_view name, rest;
        if (split_directive(line, name, rest)) {
            const auto fail = [&](const std::string& message) {
                return sim::Error{options.path + ":" + std::to_string(line_number) + ": " +
                                  message};
            };
            if (name == "env") {
                const size_t eq = rest.find('=');
                if (eq != std::string_view::npos && eq > 0)
                    header_env[std::string(rest.substr(0, eq))] = std::string(rest.substr(eq + 1));
            } else if (name == "file") {
                sim::Result<io::FileSpec> spec = io::parse_file_spec(rest);
                if (!spec) return fail(spec.error().message);
                options.files.push_back(std::move(spec).value());
            } else if (name == "latency") {
                sim::Result<void> applied = options.latency.apply(rest);
                if (!applied) return fail(applied.error().message);
            }
        }
        if (end == std::string_view::npos) break;
        pos = end + 1;
    }
    for (auto& [k, v] : header_env) options.env.emplace(k, v); // values already set win
    return {};
}

} // namespace loopsim::node
