// The errno table. See errno.h.
#include "model/io/errno.h"

namespace loopsim::io {

namespace {

struct ErrnoInfo {
    std::string_view code;
    int number;
    std::string_view description;
};

constexpr ErrnoInfo k_errors[] = {
    {"", 0, ""},
#define LOOPSIM_ERRNO(Enum, code, number, description) {code, number, description},
#include "model/io/errno.def"
#undef LOOPSIM_ERRNO
};

const ErrnoInfo& info(Errno error) {
    return k_errors[static_cast<size_t>(error)];
}

} // namespace

std::string_view errno_code(Errno error) {
    return info(error).code;
}

int errno_number(Errno error) {
    return info(error).number;
}

std::string_view errno_description(Errno error) {
    return info(error).description;
}

} // namespace loopsim::io
