#pragma once
// Helpers shared by the tests that compare loopsim with recordings of real node: the
// repository root, whole-file reads, the recorder's path normalisation and the lists of
// known gaps.
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

namespace loopsim::conformance {

inline const std::filesystem::path k_root = LOOPSIM_SOURCE_DIR;

inline std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// What scripts/record-expected.mjs does to paths: the repository root and its '/' removed.
inline std::string strip_root(std::string text) {
    const std::string root = k_root.string() + "/";
    for (size_t at; (at = text.find(root)) != std::string::npos;) text.erase(at, root.size());
    return text;
}

// The programs a list in tests/conformance names: the first word of each line that is not
// empty or a # comment (known_failures.txt, explore_known_gaps.txt).
inline std::set<std::string> listed_programs(const std::string& list) {
    std::set<std::string> names;
    std::istringstream in(slurp(k_root / "tests/conformance" / list));
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        names.insert(line.substr(0, line.find(' ')));
    }
    return names;
}

} // namespace loopsim::conformance
