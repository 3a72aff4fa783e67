#include "traces/json_locator.h"

namespace loopsim::trace {
namespace {

constexpr size_t npos = std::string_view::npos;

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

size_t skip_space(std::string_view t, size_t at) {
    while (at < t.size() && is_space(t[at])) ++at;
    return at;
}

// `at` is on an opening quote; returns the offset just past the closing quote, or npos.
size_t skip_string(std::string_view t, size_t at) {
    for (size_t i = at + 1; i < t.size(); ++i) {
        if (t[i] == '\\')
            ++i;
        else if (t[i] == '"')
            return i + 1;
    }
    return npos;
}

// `at` is on the first byte of a value; returns the offset just past it, or npos.
size_t skip_value(std::string_view t, size_t at) {
    if (at >= t.size()) return npos;
    if (t[at] == '"') return skip_string(t, at);
    if (t[at] != '{' && t[at] != '[') {
        while (at < t.size() && !is_space(t[at]) && t[at] != ',' && t[at] != '}' && t[at] != ']')
            ++at;
        return at;
    }
    size_t depth = 0;
    for (size_t i = at; i < t.size(); ++i) {
        char c = t[i];
        if (c == '"') {
            i = skip_string(t, i);
            if (i == npos) return npos;
            --i;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (--depth == 0) return i + 1;
        }
    }
    return npos;
}

} // namespace

TextPosition position_of(std::string_view text, size_t offset) {
    if (offset > text.size()) offset = text.size();
    TextPosition pos;
    size_t line_start = 0;
    for (size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++pos.line;
            line_start = i + 1;
        }
    }
    pos.column = offset - line_start + 1;
    return pos;
}

size_t top_level_value_offset(std::string_view t, std::string_view key) {
    size_t at = skip_space(t, 0);
    if (at >= t.size() || t[at] != '{') return npos;
    at = skip_space(t, at + 1);
    while (at < t.size() && t[at] == '"') {
        size_t key_end = skip_string(t, at);
        if (key_end == npos) return npos;
        std::string_view this_key = t.substr(at + 1, key_end - at - 2);
        at = skip_space(t, key_end);
        if (at >= t.size() || t[at] != ':') return npos;
        at = skip_space(t, at + 1);
        if (this_key == key) return at < t.size() ? at : npos;
        at = skip_space(t, skip_value(t, at));
        if (at >= t.size() || t[at] != ',') return npos;
        at = skip_space(t, at + 1);
    }
    return npos;
}

size_t array_element_offset(std::string_view t, size_t array_offset, size_t index) {
    if (array_offset >= t.size() || t[array_offset] != '[') return npos;
    size_t at = skip_space(t, array_offset + 1);
    for (size_t i = 0; at < t.size() && t[at] != ']'; ++i) {
        if (i == index) return at;
        at = skip_space(t, skip_value(t, at));
        if (at >= t.size() || t[at] != ',') return npos;
        at = skip_space(t, at + 1);
    }
    return npos;
}

size_t last_non_space_offset(std::string_view text) {
    size_t at = text.size();
    while (at > 0 && is_space(text[at - 1])) --at;
    return at == 0 ? 0 : at - 1;
}

} // namespace loopsim::trace
