#pragma once
// write_file_atomically: an output file that is either absent, its previous version, or
// complete. The bytes go to a temporary file in the same folder (".NAME.XXXXXX.tmp") that
// is renamed over NAME once written and closed, so an interrupted run never leaves a
// half-written file under NAME. Returns an error message, or nothing on success.
#include <optional>
#include <string>
#include <string_view>

namespace loopsim::cli {

std::optional<std::string> write_file_atomically(const std::string& path, std::string_view bytes);

} // namespace loopsim::cli
