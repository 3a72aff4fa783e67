// Primitives and keys as util.inspect prints them: strEscape's quote choice and escapes,
// formatPrimitive's splitting of long strings, formatNumber, the key part of
// formatProperty; plus the text helpers (UTF-16 lengths, display widths, padding).
#include "model/js/conversions.h"
#include "model/js/inspect_context.h"
#include "model/js/string.h"
#include "model/js/symbol.h"
#include "sim/utf8.h"

#include <cmath>

namespace loopsim::js::inspect_detail {

namespace {

using sim::append_utf8;

// Node's kMinLineLength: strings this short are never split.
constexpr size_t kMinLineLength = 16;

const char kHexUpper[] = "0123456789ABCDEF";
const char kHexLower[] = "0123456789abcdef";

// The `meta` table of inspect.js for code units below 0xA0 that need an escape; null when
// the unit stands for itself. The quote is handled by the caller.
const char* short_escape(char16_t unit) {
    switch (unit) {
    case '\b':
        return "\\b";
    case '\t':
        return "\\t";
    case '\n':
        return "\\n";
    case '\f':
        return "\\f";
    case '\r':
        return "\\r";
    case '\\':
        return "\\\\";
    default:
        return nullptr;
    }
}

bool needs_hex_escape(char16_t unit) {
    return unit < 0x20 || (unit >= 0x7F && unit <= 0x9F);
}

// Escapes `text`; `quote` (if not 0) is escaped with a backslash too.
std::string escape_units(std::u16string_view text, char16_t quote) {
    std::string out;
    out.reserve(text.size() + 2);
    for (size_t i = 0; i < text.size(); ++i) {
        char16_t unit = text[i];
        if (quote != 0 && unit == quote) {
            out += '\\';
            out += static_cast<char>(unit);
        } else if (const char* escape = short_escape(unit)) {
            out += escape;
        } else if (needs_hex_escape(unit)) {
            out += "\\x";
            out += kHexUpper[unit >> 4];
            out += kHexUpper[unit & 0xF];
        } else if (unit >= 0xD800 && unit <= 0xDFFF) {
            if (unit <= 0xDBFF && i + 1 < text.size() && text[i + 1] >= 0xDC00 &&
                text[i + 1] <= 0xDFFF) {
                uint32_t cp = 0x10000 + ((uint32_t{unit} - 0xD800) << 10) + (text[i + 1] - 0xDC00);
                append_utf8(out, cp);
                ++i;
            } else { // a lone surrogate: \ud83d (lower-case hex, as Number#toString(16))
                out += "\\u";
                for (int shift = 12; shift >= 0; shift -= 4)
                    out += kHexLower[(unit >> shift) & 0xF];
            }
        } else {
            append_utf8(out, unit);
        }
    }
    return out;
}

bool contains(std::u16string_view text, std::u16string_view needle) {
    return text.find(needle) != std::u16string_view::npos;
}

bool is_zero_width(uint32_t cp) {
    return cp <= 0x1F || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x300 && cp <= 0x36F) ||
           (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x20D0 && cp <= 0x20FF) ||
           (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xFE20 && cp <= 0xFE2F) ||
           (cp >= 0xE0100 && cp <= 0xE01EF);
}

bool is_full_width(uint32_t cp) {
    return cp >= 0x1100 && (cp <= 0x115F || cp == 0x2329 || cp == 0x232A ||
                            (cp >= 0x2E80 && cp <= 0x3247 && cp != 0x303F) ||
                            (cp >= 0x3250 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0xA4C6) ||
                            (cp >= 0xA960 && cp <= 0xA97C) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
                            (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE10 && cp <= 0xFE19) ||
                            (cp >= 0xFE30 && cp <= 0xFE6B) || (cp >= 0xFF01 && cp <= 0xFF60) ||
                            (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1B000 && cp <= 0x1B001) ||
                            (cp >= 0x1F200 && cp <= 0x1F251) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
                            (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD));
}

bool is_identifier_key(std::u16string_view key) {
    auto is_start = [](char16_t c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    };
    if (key.empty() || !is_start(key[0])) return false;
    for (char16_t c : key.substr(1))
        if (!is_start(c) && !(c >= '0' && c <= '9')) return false;
    return true;
}

std::u16string key_units(PropertyKey key) {
    if (key.is_index()) {
        std::string digits = std::to_string(key.as_index());
        return std::u16string(digits.begin(), digits.end());
    }
    return key.as_string()->to_utf16();
}

std::u16string symbol_units(const Symbol& symbol) {
    std::u16string out = u"Symbol(";
    if (symbol.description()) out += symbol.description()->to_utf16();
    out += u")";
    return out;
}

} // namespace

// --- text helpers ------------------------------------------------------------------------------

std::string utf16_to_utf8(std::u16string_view units) {
    std::string out;
    out.reserve(units.size());
    for (size_t i = 0; i < units.size(); ++i) {
        uint32_t cp = units[i];
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < units.size() && units[i + 1] >= 0xDC00 &&
            units[i + 1] <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (units[i + 1] - 0xDC00);
            ++i;
        } else if (cp >= 0xD800 && cp <= 0xDFFF) {
            cp = 0xFFFD; // as Node writes a lone surrogate to a stream
        }
        append_utf8(out, cp);
    }
    return out;
}

size_t js_length(std::string_view utf8) {
    size_t length = 0;
    for (unsigned char byte : utf8) {
        if ((byte & 0xC0) != 0x80) ++length; // a lead byte: one code unit...
        if ((byte & 0xF8) == 0xF0) ++length; // ...two for a supplementary code point
    }
    return length;
}

size_t display_width(std::string_view utf8) {
    size_t width = 0;
    for (size_t i = 0; i < utf8.size();) {
        auto byte = static_cast<unsigned char>(utf8[i]);
        uint32_t cp = byte;
        size_t extra = 0;
        if (byte >= 0xF0) {
            cp = byte & 0x07;
            extra = 3;
        } else if (byte >= 0xE0) {
            cp = byte & 0x0F;
            extra = 2;
        } else if (byte >= 0xC0) {
            cp = byte & 0x1F;
            extra = 1;
        }
        for (size_t k = 1; k <= extra && i + k < utf8.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
        i += extra + 1;
        if (is_zero_width(cp)) continue;
        width += is_full_width(cp) ? 2 : 1;
    }
    return width;
}

std::string pad_start(const std::string& text, size_t target_js_length) {
    size_t length = js_length(text);
    if (length >= target_js_length) return text;
    return std::string(target_js_length - length, ' ') + text;
}

std::string pad_end(const std::string& text, size_t target_js_length) {
    size_t length = js_length(text);
    if (length >= target_js_length) return text;
    return text + std::string(target_js_length - length, ' ');
}

std::string spaces(int count) {
    return std::string(count > 0 ? static_cast<size_t>(count) : 0, ' ');
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) {
        if (i) out += separator;
        out += parts[i];
    }
    return out;
}

// --- primitives --------------------------------------------------------------------------------

std::string quote_js_string(std::u16string_view text) {
    char16_t quote = '\'';
    if (contains(text, u"'")) {
        if (!contains(text, u"\""))
            quote = '"';
        else if (!contains(text, u"`") && !contains(text, u"${"))
            quote = '`';
    }
    // Only a single quote is ever escaped: the other two are chosen because they are absent.
    std::string body = escape_units(text, quote == '\'' ? u'\'' : u'\0');
    std::string out;
    out.reserve(body.size() + 2);
    out += static_cast<char>(quote);
    out += body;
    out += static_cast<char>(quote);
    return out;
}

std::string escape_key_text(std::u16string_view text) {
    return escape_units(text, u'\'');
}

std::string format_number(double number) {
    if (number == 0 && std::signbit(number)) return "-0";
    return number_to_string(number);
}

std::string remaining_text(uint64_t remaining) {
    return "... " + std::to_string(remaining) + " more item" + (remaining > 1 ? "s" : "");
}

std::string format_primitive(Context& ctx, Value value) {
    if (value.is_string()) {
        std::u16string text = value.as_string()->to_utf16();
        std::string trailer;
        if (text.size() > ctx.options.max_string_length) {
            size_t remaining = text.size() - ctx.options.max_string_length;
            text.resize(ctx.options.max_string_length);
            trailer =
                "... " + std::to_string(remaining) + " more character" + (remaining > 1 ? "s" : "");
        }
        auto limit = static_cast<long long>(ctx.options.break_length) - ctx.indentation - 4;
        if (text.size() > kMinLineLength && static_cast<long long>(text.size()) > limit) {
            // Split after every newline; each line is quoted on its own.
            std::vector<std::string> lines;
            size_t start = 0;
            while (start < text.size()) {
                size_t newline = text.find(u'\n', start);
                size_t end = newline == std::u16string::npos ? text.size() : newline + 1;
                lines.push_back(
                    quote_js_string(std::u16string_view(text).substr(start, end - start)));
                start = end;
            }
            return join(lines, " +\n" + spaces(ctx.indentation + 2)) + trailer;
        }
        return quote_js_string(text) + trailer;
    }
    if (value.is_number()) return format_number(value.as_number());
    if (value.is_boolean()) return value.as_bool() ? "true" : "false";
    if (value.is_undefined()) return "undefined";
    if (value.is_null()) return "null";
    if (value.is_symbol()) return utf16_to_utf8(symbol_units(*value.as_symbol()));
    return "undefined";
}

std::string format_key_name(Context&, PropertyKey key, bool enumerable) {
    if (key.is_symbol()) return "[" + escape_key_text(symbol_units(*key.as_symbol())) + "]";
    std::u16string units = key_units(key);
    if (units == u"__proto__") return "['__proto__']";
    if (!enumerable) return "[" + escape_key_text(units) + "]";
    if (is_identifier_key(units)) return utf16_to_utf8(units);
    return quote_js_string(units);
}

} // namespace loopsim::js::inspect_detail
