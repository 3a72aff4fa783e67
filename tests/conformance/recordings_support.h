#pragma once
// Helpers shared by the tests that compare loopsim with recordings of real node: the
// repository root, whole-file reads, and the recorder's path normalisation.
#include <filesystem>
#include <fstream>
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

} // namespace loopsim::conformance
