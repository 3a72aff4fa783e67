// The recent-files list and its small file. See recent_files.h.
#include "viewer/core/recent_files.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace loopsim::viewer {

std::string RecentFiles::default_path(const char* xdg_config_home, const char* home) {
    if (xdg_config_home && *xdg_config_home)
        return std::string(xdg_config_home) + "/loopsim/recent";
    if (home && *home) return std::string(home) + "/.config/loopsim/recent";
    return {};
}

void RecentFiles::add(std::string path) {
    if (path.empty()) return;
    remove(path);
    m_entries.insert(m_entries.begin(), std::move(path));
    if (m_entries.size() > kMaxEntries) m_entries.resize(kMaxEntries);
}

void RecentFiles::remove(std::string_view path) {
    m_entries.erase(std::remove(m_entries.begin(), m_entries.end(), path), m_entries.end());
}

void RecentFiles::parse(std::string_view text) {
    m_entries.clear();
    while (!text.empty()) {
        size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (!line.empty() && m_entries.size() < kMaxEntries &&
            std::find(m_entries.begin(), m_entries.end(), line) == m_entries.end())
            m_entries.emplace_back(line);
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
}

std::string RecentFiles::format() const {
    std::string out;
    for (const std::string& e : m_entries) out += e + "\n";
    return out;
}

void RecentFiles::load(const std::string& file) {
    m_entries.clear();
    if (file.empty()) return;
    std::ifstream in(file, std::ios::binary);
    if (!in) return;
    std::stringstream text;
    text << in.rdbuf();
    parse(text.str());
}

bool RecentFiles::save(const std::string& file) const {
    if (file.empty()) return false;
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(file).parent_path(), ec);
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    if (!out) return false;
    out << format();
    return static_cast<bool>(out);
}

} // namespace loopsim::viewer
