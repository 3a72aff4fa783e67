// Reading input files for the subcommands, with a clear message when it fails.
#include "tools/cli/commands.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <ostream>
#include <sstream>
#include <sys/stat.h>

namespace loopsim::cli {

std::optional<std::string> read_file(const std::string& path, std::ostream& err) {
    struct stat st {};
    if (stat(path.c_str(), &st) != 0) {
        err << "loopsim: cannot read " << path << ": " << std::strerror(errno) << '\n';
        return std::nullopt;
    }
    if (S_ISDIR(st.st_mode)) {
        err << "loopsim: cannot read " << path << ": it is a directory\n";
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        err << "loopsim: cannot read " << path << ": " << std::strerror(errno) << '\n';
        return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace loopsim::cli
