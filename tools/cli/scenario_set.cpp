// Collecting, ordering and sharding scenario files. See scenario_set.h.
#include "tools/cli/scenario_set.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <map>
#include <ostream>
#include <system_error>

namespace loopsim::cli {

namespace fs = std::filesystem;

namespace {

bool is_hidden_or_vendored(const fs::path& name) {
    const std::string n = name.string();
    return (!n.empty() && n[0] == '.') || n == "node_modules";
}

// True when a line of the file is a `// @skip-record` directive (as the recorder reads it).
bool is_marked_skip_record(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    for (std::string line; std::getline(in, line);) {
        size_t i = line.find_first_not_of(" \t");
        if (i == std::string::npos || line.compare(i, 2, "//") != 0) continue;
        i = line.find_first_not_of(" \t", i + 2);
        if (i != std::string::npos && line.compare(i, 12, "@skip-record") == 0) {
            const size_t after = i + 12;
            if (after == line.size() || line[after] == ' ' || line[after] == '\t' ||
                line[after] == '\r')
                return true;
        }
    }
    return false;
}

fs::path common_folder(const std::vector<fs::path>& folders) {
    if (folders.empty()) return {};
    fs::path common = folders[0];
    for (const fs::path& f : folders) {
        fs::path shared;
        auto a = common.begin(), b = f.begin();
        for (; a != common.end() && b != f.end() && *a == *b; ++a, ++b) shared /= *a;
        common = shared;
    }
    return common;
}

std::string join(const std::string& input, const fs::path& below) {
    if (below.empty()) return input;
    std::string base = input;
    while (base.size() > 1 && base.back() == '/') base.pop_back();
    return base + "/" + below.generic_string();
}

} // namespace

std::optional<Shard> parse_shard(std::string_view text, std::string& error) {
    const size_t slash = text.find('/');
    Shard s;
    const auto number = [](std::string_view part, uint32_t& value) {
        auto r = std::from_chars(part.data(), part.data() + part.size(), value);
        return !part.empty() && r.ec == std::errc() && r.ptr == part.data() + part.size();
    };
    if (slash == std::string_view::npos || !number(text.substr(0, slash), s.index) ||
        !number(text.substr(slash + 1), s.count) || s.count == 0 || s.index == 0 ||
        s.index > s.count) {
        error = "--shard takes K/N with 1 <= K <= N (e.g. --shard 2/4), not '" + std::string(text) +
                "'";
        return std::nullopt;
    }
    return s;
}

std::optional<std::vector<ScenarioFile>> collect_scenarios(std::string_view command,
                                                           std::span<const std::string> inputs,
                                                           std::ostream& err) {
    struct Found {
        fs::path absolute;
        std::string path;
    };
    std::vector<Found> found;
    std::vector<fs::path> roots;
    for (const std::string& input : inputs) {
        std::error_code ec;
        const fs::file_status st = fs::status(input, ec);
        if (ec || !fs::exists(st)) {
            err << "loopsim " << command << ": cannot read " << input
                << ": no such file or folder\n";
            return std::nullopt;
        }
        const fs::path absolute = fs::absolute(input).lexically_normal();
        if (!fs::is_directory(st)) {
            roots.push_back(absolute.parent_path());
            if (!is_marked_skip_record(absolute)) found.push_back({absolute, input});
            continue;
        }
        const fs::path folder = fs::path(absolute.string() + "/").lexically_normal().parent_path();
        roots.push_back(folder);
        fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied,
                                            ec),
            end;
        if (ec) {
            err << "loopsim " << command << ": cannot read " << input << ": " << ec.message()
                << '\n';
            return std::nullopt;
        }
        for (; it != end; it.increment(ec)) {
            if (ec) {
                err << "loopsim " << command << ": cannot read below " << input << ": "
                    << ec.message() << '\n';
                return std::nullopt;
            }
            const fs::path& p = it->path();
            if (is_hidden_or_vendored(p.filename())) {
                if (it->is_directory()) it.disable_recursion_pending();
                continue;
            }
            if (!it->is_regular_file() || (p.extension() != ".js" && p.extension() != ".mjs"))
                continue;
            const fs::path below = p.lexically_relative(input);
            const fs::path abs = (folder / below).lexically_normal();
            if (is_marked_skip_record(abs)) continue;
            found.push_back({abs, join(input, below)});
        }
    }
    const fs::path base = common_folder(roots);
    std::map<std::string, Found> by_relative; // sorted, and each file once
    for (Found& f : found) {
        std::string relative = path_below(f.absolute, base);
        by_relative.emplace(std::move(relative), std::move(f));
    }
    std::vector<ScenarioFile> files;
    files.reserve(by_relative.size());
    for (auto& [relative, f] : by_relative)
        files.push_back({std::move(f.path), std::move(f.absolute), relative});
    return files;
}

std::vector<ScenarioFile> select_shard(const std::vector<ScenarioFile>& all, Shard shard) {
    std::vector<ScenarioFile> mine;
    for (size_t i = shard.index - 1; i < all.size(); i += shard.count) mine.push_back(all[i]);
    return mine;
}

fs::path recording_root(const fs::path& scenario_absolute) {
    std::error_code ec;
    for (fs::path dir = scenario_absolute.parent_path(); !dir.empty(); dir = dir.parent_path()) {
        if (fs::exists(dir / "scripts" / "record-expected.mjs", ec)) return dir;
        if (dir == dir.root_path()) break;
    }
    return fs::current_path(ec);
}

std::string path_below(const fs::path& absolute, const fs::path& root) {
    if (root.empty()) return absolute.generic_string();
    const fs::path rel = absolute.lexically_relative(root);
    if (rel.empty() || *rel.begin() == "..") return absolute.generic_string();
    return rel.generic_string();
}

} // namespace loopsim::cli
