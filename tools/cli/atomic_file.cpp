// Writing a file through a temporary and a rename. See atomic_file.h.
#include "tools/cli/atomic_file.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace loopsim::cli {

namespace {

// The process's umask, read without changing it (umask(2) can only read by setting, which
// would race with the other workers): Linux reports it in /proc/self/status.
mode_t process_umask() {
    static const mode_t mask = [] {
        std::ifstream in("/proc/self/status");
        for (std::string line; std::getline(in, line);) {
            if (line.rfind("Umask:", 0) == 0)
                return static_cast<mode_t>(std::strtoul(line.c_str() + 6, nullptr, 8));
        }
        return static_cast<mode_t>(022);
    }();
    return mask;
}

} // namespace

std::optional<std::string> write_file_atomically(const std::string& path, std::string_view bytes) {
    const size_t slash = path.rfind('/');
    const std::string folder = slash == std::string::npos ? "" : path.substr(0, slash + 1);
    const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    std::string temp = folder + "." + name + ".XXXXXX.tmp";
    std::vector<char> temp_buffer(temp.begin(), temp.end());
    temp_buffer.push_back('\0');
    const int fd = mkstemps(temp_buffer.data(), 4);
    if (fd < 0) return path + ": cannot create a temporary file beside it: " + std::strerror(errno);
    temp.assign(temp_buffer.data());
    const auto fail = [&](const char* what) {
        const std::string message = path + ": " + what + ": " + std::strerror(errno);
        ::close(fd);
        ::unlink(temp.c_str());
        return message;
    };
    const char* at = bytes.data();
    size_t left = bytes.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, at, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            return fail("cannot write");
        }
        at += n;
        left -= static_cast<size_t>(n);
    }
    // mkstemps makes the file 0600; outputs are ordinary files (0666 less the umask).
    if (::fchmod(fd, 0666 & ~process_umask()) != 0) return fail("cannot set permissions");
    if (::close(fd) != 0) {
        const std::string message = path + ": cannot write: " + std::strerror(errno);
        ::unlink(temp.c_str());
        return message;
    }
    if (std::rename(temp.c_str(), path.c_str()) != 0) {
        const std::string message =
            path + ": cannot rename the temporary file into place: " + std::strerror(errno);
        ::unlink(temp.c_str());
        return message;
    }
    return std::nullopt;
}

} // namespace loopsim::cli
