#pragma once
// Errno: a system error of a simulated request, expanded from errno.def. Node turns one into
// an Error whose message is "CODE: description, syscall 'path'" (see model/node/node_io.h).
#include <cstdint>
#include <string_view>

namespace loopsim::io {

enum class Errno : uint8_t {
    None, // success
#define LOOPSIM_ERRNO(Enum, code, number, description) Enum,
#include "model/io/errno.def"
#undef LOOPSIM_ERRNO
};

// "ENOENT"; empty for Errno::None.
std::string_view errno_code(Errno error);
// -2 for ENOENT (libuv's negated errno); 0 for Errno::None.
int errno_number(Errno error);
// "no such file or directory" (uv_strerror).
std::string_view errno_description(Errno error);

} // namespace loopsim::io
