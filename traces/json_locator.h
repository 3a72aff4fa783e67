#pragma once
// JSON locator: byte offsets of values in JSON text, for error messages.
// Contract: the reader converts values as nlohmann parses them and so has no positions;
// when it reports a semantic error it asks these helpers where the value starts, scanning
// the text again (only on error, so cost does not matter). They are tolerant: on text that
// is malformed or truncated past the point asked for they return npos, never read out of
// bounds. Lines and columns are 1-based; columns count bytes.
#include <cstddef>
#include <string_view>

namespace loopsim::trace {

struct TextPosition {
    size_t line = 1;
    size_t column = 1;
};

// Line and column of byte `offset` (offset == text.size() is the end of the text).
TextPosition position_of(std::string_view text, size_t offset);
// Offset of the value of `key` in the top-level object, or npos.
size_t top_level_value_offset(std::string_view text, std::string_view key);
// Offset of element `index` of the array that starts at `array_offset` (at its '['), or npos.
size_t array_element_offset(std::string_view text, size_t array_offset, size_t index);
// Offset of the last non-whitespace byte (0 for blank text).
size_t last_non_space_offset(std::string_view text);

} // namespace loopsim::trace
