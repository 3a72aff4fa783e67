#pragma once
// RecentFiles: the File menu's list of recently opened traces, kept in a small text file
// ($XDG_CONFIG_HOME/loopsim/recent, else ~/.config/loopsim/recent; never the working
// directory), one absolute path per line, most recent first.
// Contract: the list logic is pure (parse, add, format) and tested; load() and save() are the
// only functions that touch the file system, and a missing or unreadable file is an empty
// list, never an error the user has to deal with.
#include <string>
#include <string_view>
#include <vector>

namespace loopsim::viewer {

class RecentFiles {
public:
    static constexpr size_t kMaxEntries = 10;

    // Where the list lives, from the two environment variables (null when unset); empty
    // when neither is set.
    static std::string default_path(const char* xdg_config_home, const char* home);

    // Puts `path` first, removing an older entry of it and dropping the oldest past the limit.
    void add(std::string path);
    void remove(std::string_view path);
    const std::vector<std::string>& entries() const { return m_entries; }

    void parse(std::string_view text);
    std::string format() const;

    // File I/O: load() replaces the list with the file's; save() creates the folder if needed.
    void load(const std::string& file);
    bool save(const std::string& file) const;

private:
    std::vector<std::string> m_entries;
};

} // namespace loopsim::viewer
