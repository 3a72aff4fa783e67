// @file directives. See file_spec.h.
#include "model/io/file_spec.h"

#include "sim/utf8.h"

#include <charconv>

namespace loopsim::io {

namespace {

using sim::append_utf8;

constexpr std::string_view k_pattern = "abcdefghijklmnopqrstuvwxyz0123456789\n";

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

} // namespace

std::string pattern_contents(uint64_t size) {
    std::string out;
    out.reserve(size);
    while (out.size() + k_pattern.size() <= size) out.append(k_pattern);
    out.append(k_pattern.substr(0, size - out.size()));
    return out;
}

sim::Result<std::string> decode_json_string(std::string_view literal) {
    if (literal.size() < 2 || literal.front() != '"' || literal.back() != '"')
        return sim::Error{"expected a JSON string in double quotes"};
    std::string out;
    std::string_view body = literal.substr(1, literal.size() - 2);
    // UTF-16 code units, then UTF-8: a surrogate pair joins, a lone surrogate is U+FFFD.
    uint32_t pending_high = 0;
    auto flush_high = [&] {
        if (pending_high) append_utf8(out, 0xFFFD);
        pending_high = 0;
    };
    auto push_unit = [&](uint32_t unit) {
        if (unit >= 0xD800 && unit <= 0xDBFF) {
            flush_high();
            pending_high = unit;
        } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
            if (pending_high) {
                append_utf8(out, 0x10000 + ((pending_high - 0xD800) << 10) + (unit - 0xDC00));
                pending_high = 0;
            } else {
                append_utf8(out, 0xFFFD);
            }
        } else {
            flush_high();
            append_utf8(out, unit);
        }
    };
    for (size_t i = 0; i < body.size(); ++i) {
        const auto c = static_cast<unsigned char>(body[i]);
        if (c == '"') return sim::Error{"unescaped '\"' inside the JSON string"};
        if (c < 0x20)
            return sim::Error{
                "control character inside the JSON string (write it as \\n, \\t or \\u00XX)"};
        if (c != '\\') {
            flush_high();
            out.push_back(static_cast<char>(c));
            continue;
        }
        if (++i >= body.size()) return sim::Error{"the JSON string ends with a lone '\\'"};
        switch (body[i]) {
        case '"':
            push_unit('"');
            break;
        case '\\':
            push_unit('\\');
            break;
        case '/':
            push_unit('/');
            break;
        case 'b':
            push_unit('\b');
            break;
        case 'f':
            push_unit('\f');
            break;
        case 'n':
            push_unit('\n');
            break;
        case 'r':
            push_unit('\r');
            break;
        case 't':
            push_unit('\t');
            break;
        case 'u': {
            uint32_t unit = 0;
            for (int k = 1; k <= 4; ++k) {
                const int h = i + k < body.size() ? hex_value(body[i + k]) : -1;
                if (h < 0) return sim::Error{"\\u needs four hex digits"};
                unit = unit * 16 + static_cast<uint32_t>(h);
            }
            i += 4;
            push_unit(unit);
            break;
        }
        default:
            return sim::Error{std::string("unknown escape '\\") + body[i] + "' in the JSON string"};
        }
    }
    flush_high();
    return out;
}

sim::Result<FileSpec> parse_file_spec(std::string_view text) {
    const std::string_view usage =
        "expected '@file NAME SIZE' (SIZE like 100B, 4KiB, 2MiB) or '@file NAME \"TEXT\"'";
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
        text.remove_suffix(1);
    size_t space = text.find_first_of(" \t");
    if (text.empty() || space == std::string_view::npos)
        return sim::Error{"bad @file directive '" + std::string(text) + "': " + std::string(usage)};
    FileSpec spec;
    spec.name = std::string(text.substr(0, space));
    std::string_view rest = text.substr(space);
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
    if (!rest.empty() && rest.front() == '"') {
        sim::Result<std::string> decoded = decode_json_string(rest);
        if (!decoded)
            return sim::Error{"bad @file text for '" + spec.name + "': " + decoded.error().message};
        spec.contents = std::move(decoded).value();
        return spec;
    }
    uint64_t n = 0;
    auto r = std::from_chars(rest.data(), rest.data() + rest.size(), n);
    std::string_view unit = r.ec == std::errc()
                                ? rest.substr(static_cast<size_t>(r.ptr - rest.data()))
                                : std::string_view();
    uint64_t scale = unit == "B" ? 1 : unit == "KiB" ? 1024 : unit == "MiB" ? 1024 * 1024 : 0;
    if (r.ec != std::errc() || r.ptr == rest.data() || scale == 0)
        return sim::Error{"bad @file size '" + std::string(rest) + "' for '" + spec.name +
                          "' (expected e.g. 100B, 64KiB, 2MiB)"};
    if (n > k_max_file_spec_size / scale)
        return sim::Error{"@file size '" + std::string(rest) + "' for '" + spec.name +
                          "' is too large (at most 256MiB)"};
    spec.contents = pattern_contents(n * scale);
    return spec;
}

} // namespace loopsim::io
