#pragma once
// SourceFile: one scenario file's path and text, and the table of where its lines start.
// Everything else in the front end speaks in byte offsets into text(); a SourceFile turns an
// offset into what a user reads:
// - line and column are 1-based;
// - a line ends at LF, CR LF, CR, U+2028 or U+2029 (the ECMAScript line terminators, so
//   line numbers agree with node's);
// - the column counts Unicode code points from the start of the line (a tab is one column).
//   Node's stack traces count UTF-16 code units instead; the two agree on text inside the
//   Basic Multilingual Plane, which is all text outside emoji and rare scripts.
// An offset past the end maps to the position just after the last character.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace loopsim::js::syntax {

struct LineColumn {
    uint32_t line;   // 1-based
    uint32_t column; // 1-based, in code points
};

class SourceFile {
public:
    SourceFile(std::string path, std::string text);

    const std::string& path() const { return m_path; }
    const std::string& text() const { return m_text; }
    uint32_t size() const { return static_cast<uint32_t>(m_text.size()); }
    uint32_t line_count() const { return static_cast<uint32_t>(m_line_starts.size()); }

    LineColumn line_column(uint32_t offset) const;
    // "12:9"
    std::string position_string(uint32_t offset) const;
    // The text of a 1-based line, without its terminator.
    std::string_view line_text(uint32_t line) const;
    // Byte offset of the first character of a 1-based line.
    uint32_t line_start(uint32_t line) const;
    // Two lines: the source line indented by two spaces, then a caret under the column of
    // `offset`. Tabs before the caret are repeated in the caret line so it stays aligned in any
    // tab width.
    std::string code_frame(uint32_t offset) const;

private:
    std::string m_path;
    std::string m_text;
    std::vector<uint32_t> m_line_starts; // offset of each line's first byte; [0] == 0
};

} // namespace loopsim::js::syntax
