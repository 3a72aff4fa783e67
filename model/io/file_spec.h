#pragma once
// FileSpec: a file a scenario declares in its header, `// @file NAME SIZE` or
// `// @file NAME "TEXT"` (docs/scenarios.md). scripts/record-expected.mjs creates the same
// bytes next to the scenario when it records node, so both runs read identical files:
// - SIZE is digits followed by B, KiB or MiB; the contents are the 37-byte line
//   "abcdefghijklmnopqrstuvwxyz0123456789\n" repeated and cut to SIZE bytes;
// - "TEXT" is a JSON string literal, written out as UTF-8.
#include "sim/result.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace loopsim::io {

struct FileSpec {
    std::string name;     // relative to the scenario's folder (or absolute)
    std::string contents; // the bytes
};

// The largest @file SIZE accepted, so a typo cannot exhaust memory.
inline constexpr uint64_t k_max_file_spec_size = uint64_t{256} << 20;

// Parses the text after `@file`. Errors say what is wrong and what is accepted.
sim::Result<FileSpec> parse_file_spec(std::string_view text);
// The repeating pattern cut to `size` bytes.
std::string pattern_contents(uint64_t size);
// Decodes a JSON string literal (with its quotes) to UTF-8, as JSON.parse does; a lone
// surrogate becomes U+FFFD, as Node's UTF-8 encoder writes it.
sim::Result<std::string> decode_json_string(std::string_view literal);

} // namespace loopsim::io
