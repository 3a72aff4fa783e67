// Latin-1 case mapping and a simplified root collation (see string_collation.h).
#include "model/js/builtins/string_collation.h"

#include <tuple>

namespace loopsim::js {

namespace {

bool is_upper_latin1(char16_t c) {
    return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7);
}
bool is_lower_latin1(char16_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7);
}

char16_t lower(char16_t c) {
    return is_upper_latin1(c) ? static_cast<char16_t>(c + 0x20) : c;
}

// The base letter of a Latin-1 letter (accents removed), lower case.
char16_t base_letter(char16_t c) {
    c = lower(c);
    if (c < 0xE0) return c;
    static constexpr char16_t bases[] = {u'a', u'a', u'a', u'a', u'a', u'a', u'a', u'c',
                                         u'e', u'e', u'e', u'e', u'i', u'i', u'i', u'i',
                                         u'd', u'n', u'o', u'o', u'o', u'o', u'o', 0xF7,
                                         u'o', u'u', u'u', u'u', u'u', u'y', u't', u'y'};
    return bases[c - 0xE0];
}

// Primary class: 0 space/punctuation/symbols, 1 digits, 2 letters, 3 everything else.
int primary_class(char16_t c) {
    if (c >= '0' && c <= '9') return 1;
    if (is_upper_latin1(c) || is_lower_latin1(c) || c == 0xAA || c == 0xBA || c == 0xB5) return 2;
    if (c < 0xC0) return 0;
    return 3;
}

} // namespace

std::u16string to_upper_latin1(const std::u16string& text) {
    std::u16string out;
    out.reserve(text.size());
    for (char16_t c : text) {
        if (c >= 'a' && c <= 'z')
            out.push_back(static_cast<char16_t>(c - 0x20));
        else if (c == 0xDF)
            out += u"SS";
        else if (c == 0xFF)
            out.push_back(0x178);
        else if (c == 0xB5)
            out.push_back(0x39C);
        else if (c >= 0xE0 && c <= 0xFE && c != 0xF7)
            out.push_back(static_cast<char16_t>(c - 0x20));
        else
            out.push_back(c);
    }
    return out;
}

std::u16string to_lower_latin1(const std::u16string& text) {
    std::u16string out;
    out.reserve(text.size());
    for (char16_t c : text) {
        if (c == 0x178)
            out.push_back(0xFF);
        else
            out.push_back(lower(c));
    }
    return out;
}

int collate(const std::u16string& a, const std::u16string& b) {
    auto key = [](char16_t c) {
        int cls = primary_class(c);
        char16_t primary = cls == 2 ? base_letter(c) : c;
        return std::make_tuple(cls, primary);
    };
    // Primary level.
    size_t n = std::min(a.size(), b.size());
    for (size_t i = 0; i < n; ++i) {
        auto ka = key(a[i]), kb = key(b[i]);
        if (ka != kb) return ka < kb ? -1 : 1;
    }
    if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
    // Secondary: accents (an unaccented letter first).
    for (size_t i = 0; i < n; ++i) {
        bool accent_a = lower(a[i]) >= 0xE0, accent_b = lower(b[i]) >= 0xE0;
        if (lower(a[i]) != lower(b[i]) && accent_a != accent_b) return accent_a ? 1 : -1;
        if (lower(a[i]) != lower(b[i])) return lower(a[i]) < lower(b[i]) ? -1 : 1;
    }
    // Tertiary: lower case first.
    for (size_t i = 0; i < n; ++i) {
        if (a[i] == b[i]) continue;
        bool upper_a = is_upper_latin1(a[i]), upper_b = is_upper_latin1(b[i]);
        if (upper_a != upper_b) return upper_a ? 1 : -1;
        return a[i] < b[i] ? -1 : 1;
    }
    return 0;
}

} // namespace loopsim::js
