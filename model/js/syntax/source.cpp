#include "model/js/syntax/source.h"

#include <algorithm>

namespace loopsim::js::syntax {

namespace {

// Length in bytes of the line terminator starting at `i`, or 0.
uint32_t terminator_length(std::string_view text, size_t i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') return 1;
    if (c == '\r') return (i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
    // U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR: E2 80 A8 / E2 80 A9.
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(text[i + 2]) == 0xA8 ||
         static_cast<unsigned char>(text[i + 2]) == 0xA9))
        return 3;
    return 0;
}

bool is_continuation_byte(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

} // namespace

SourceFile::SourceFile(std::string path, std::string text)
    : m_path(std::move(path)), m_text(std::move(text)) {
    m_line_starts.push_back(0);
    for (size_t i = 0; i < m_text.size();) {
        uint32_t n = terminator_length(m_text, i);
        if (n == 0) {
            ++i;
            continue;
        }
        i += n;
        m_line_starts.push_back(static_cast<uint32_t>(i));
    }
}

LineColumn SourceFile::line_column(uint32_t offset) const {
    offset = std::min<uint32_t>(offset, size());
    auto it = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), offset);
    uint32_t line = static_cast<uint32_t>(it - m_line_starts.begin()); // 1-based
    uint32_t column = 1;
    for (uint32_t i = m_line_starts[line - 1]; i < offset; ++i)
        if (!is_continuation_byte(m_text[i])) ++column;
    return {line, column};
}

std::string SourceFile::position_string(uint32_t offset) const {
    LineColumn lc = line_column(offset);
    return std::to_string(lc.line) + ":" + std::to_string(lc.column);
}

uint32_t SourceFile::line_start(uint32_t line) const {
    if (line == 0 || line > line_count()) return size();
    return m_line_starts[line - 1];
}

std::string_view SourceFile::line_text(uint32_t line) const {
    if (line == 0 || line > line_count()) return {};
    uint32_t start = m_line_starts[line - 1];
    uint32_t end = line < line_count() ? m_line_starts[line] : size();
    std::string_view text(m_text);
    // Strip the terminator (1 to 3 bytes) that ends every line but possibly the last.
    uint32_t i = start;
    while (i < end && terminator_length(text, i) == 0) ++i;
    return text.substr(start, i - start);
}

std::string SourceFile::code_frame(uint32_t offset) const {
    offset = std::min<uint32_t>(offset, size());
    LineColumn lc = line_column(offset);
    std::string_view line = line_text(lc.line);
    std::string frame = "  ";
    frame += line;
    frame += "\n  ";
    uint32_t start = m_line_starts[lc.line - 1];
    for (uint32_t i = start; i < offset && i - start < line.size(); ++i) {
        char c = m_text[i];
        if (is_continuation_byte(c)) continue;
        frame += (c == '\t') ? '\t' : ' ';
    }
    frame += "^\n";
    return frame;
}

} // namespace loopsim::js::syntax
