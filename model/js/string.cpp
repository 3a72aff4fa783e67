// String: construction from UTF-8/UTF-16, ropes and their flattening, content operations.
#include "model/js/string.h"

#include "model/js/heap.h"
#include "sim/utf8.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace loopsim::js {

namespace {

using sim::append_utf8;

void* allocate_chars(uint32_t length, bool one_byte) {
    if (length == 0) return nullptr;
    size_t bytes = one_byte ? length : size_t{length} * 2;
    void* buffer = std::malloc(bytes);
    LOOPSIM_ASSERT(buffer != nullptr, "out of memory for string characters");
    return buffer;
}

size_t char_bytes(uint32_t length, bool one_byte) {
    return one_byte ? length : size_t{length} * 2;
}

String* make_flat(Heap& heap, uint32_t length, bool one_byte, void* chars) {
    return heap.allocate_accounting<String>(char_bytes(length, one_byte), length, one_byte, chars);
}

// Decodes one UTF-8 sequence at `i`; returns the code point and advances `i`. A malformed
// sequence yields one U+FFFD per maximal subpart (the WHATWG decoder's rule, which Node's
// Buffer#toString follows): a truncated but well-begun sequence is one U+FFFD.
uint32_t decode_utf8(std::string_view s, size_t& i) {
    auto byte = [&](size_t k) { return static_cast<uint8_t>(s[k]); };
    uint8_t lead = byte(i++);
    if (lead < 0x80) return lead;
    int extra = 0;
    uint32_t cp = 0;
    uint8_t low = 0x80, high = 0xBF; // allowed range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) {
        extra = 1, cp = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        extra = 2, cp = lead & 0x0F;
        if (lead == 0xE0) low = 0xA0;
        if (lead == 0xED) high = 0x9F; // no surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        extra = 3, cp = lead & 0x07;
        if (lead == 0xF0) low = 0x90;
        if (lead == 0xF4) high = 0x8F; // nothing above U+10FFFF
    } else {
        return 0xFFFD;
    }
    for (int k = 0; k < extra; ++k) {
        if (i >= s.size()) return 0xFFFD;
        uint8_t b = byte(i);
        if (b < low || b > high) return 0xFFFD;
        low = 0x80, high = 0xBF;
        cp = (cp << 6) | (b & 0x3F);
        ++i;
    }
    return cp;
}

} // namespace

String::String(uint32_t length, bool one_byte, void* chars)
    : Cell(CellKind::String), m_length(length), m_one_byte(one_byte), m_chars(chars) {}

String::String(String* left, String* right)
    : Cell(CellKind::String), m_length(left->length() + right->length()),
      m_one_byte(left->is_one_byte() && right->is_one_byte()), m_rope(true), m_left(left),
      m_right(right) {}

String::~String() {
    std::free(m_chars);
}

String* String::from_utf8(Heap& heap, std::string_view utf8) {
    bool ascii = std::all_of(utf8.begin(), utf8.end(),
                             [](char c) { return static_cast<uint8_t>(c) < 0x80; });
    if (ascii) return from_latin1(heap, utf8);
    std::u16string units;
    units.reserve(utf8.size());
    for (size_t i = 0; i < utf8.size();) {
        uint32_t cp = decode_utf8(utf8, i);
        if (cp >= 0x10000) {
            cp -= 0x10000;
            units.push_back(static_cast<char16_t>(0xD800 + (cp >> 10)));
            units.push_back(static_cast<char16_t>(0xDC00 + (cp & 0x3FF)));
        } else {
            units.push_back(static_cast<char16_t>(cp));
        }
    }
    return from_utf16(heap, units);
}

String* String::from_utf16(Heap& heap, std::u16string_view units) {
    LOOPSIM_ASSERT(units.size() <= kMaxLength, "string longer than the maximum length");
    auto length = static_cast<uint32_t>(units.size());
    bool one_byte = std::all_of(units.begin(), units.end(), [](char16_t u) { return u < 0x100; });
    void* chars = allocate_chars(length, one_byte);
    if (one_byte) {
        auto* out = static_cast<uint8_t*>(chars);
        for (uint32_t i = 0; i < length; ++i) out[i] = static_cast<uint8_t>(units[i]);
    } else if (length > 0) {
        std::memcpy(chars, units.data(), char_bytes(length, false));
    }
    return make_flat(heap, length, one_byte, chars);
}

String* String::from_latin1(Heap& heap, std::string_view bytes) {
    LOOPSIM_ASSERT(bytes.size() <= kMaxLength, "string longer than the maximum length");
    auto length = static_cast<uint32_t>(bytes.size());
    void* chars = allocate_chars(length, true);
    if (length > 0) std::memcpy(chars, bytes.data(), length);
    return make_flat(heap, length, true, chars);
}

String* String::from_code_unit(Heap& heap, char16_t unit) {
    return from_utf16(heap, std::u16string_view(&unit, 1));
}

String* String::concat(Heap& heap, String* left, String* right) {
    if (left->is_empty()) return right;
    if (right->is_empty()) return left;
    uint64_t length = uint64_t{left->length()} + right->length();
    LOOPSIM_ASSERT(length <= kMaxLength, "concatenation longer than the maximum string length");
    if (length >= kMinRopeLength) return heap.allocate<String>(left, right);
    // Short: copy both into one flat buffer (ropes of short strings cost more than a copy).
    bool one_byte = left->is_one_byte() && right->is_one_byte();
    auto n = static_cast<uint32_t>(length);
    void* chars = allocate_chars(n, one_byte);
    uint32_t at = 0;
    auto copy = [&](const String* s) {
        s->for_each_segment([&](const auto* units, uint32_t count) {
            for (uint32_t i = 0; i < count; ++i, ++at) {
                if (one_byte)
                    static_cast<uint8_t*>(chars)[at] = static_cast<uint8_t>(units[i]);
                else
                    static_cast<char16_t*>(chars)[at] = units[i];
            }
        });
    };
    copy(left);
    copy(right);
    return make_flat(heap, n, one_byte, chars);
}

// Calls f(const uint8_t*, n) or f(const char16_t*, n) for each flat piece, in order. Ropes
// are walked with an explicit stack, never recursion.
template <typename F> void String::for_each_segment(F&& f) const {
    auto emit = [&](const String* s) {
        if (s->m_length == 0) return;
        if (s->m_one_byte)
            f(static_cast<const uint8_t*>(s->m_chars), s->m_length);
        else
            f(static_cast<const char16_t*>(s->m_chars), s->m_length);
    };
    if (!m_rope) {
        emit(this);
        return;
    }
    std::vector<const String*> stack{this};
    while (!stack.empty()) {
        const String* s = stack.back();
        stack.pop_back();
        if (s->m_rope) {
            stack.push_back(s->m_right);
            stack.push_back(s->m_left);
        } else {
            emit(s);
        }
    }
}

void String::flatten(Heap& heap) {
    if (!m_rope) return;
    void* chars = allocate_chars(m_length, m_one_byte);
    uint32_t at = 0;
    for_each_segment([&](const auto* units, uint32_t count) {
        for (uint32_t i = 0; i < count; ++i, ++at) {
            if (m_one_byte)
                static_cast<uint8_t*>(chars)[at] = static_cast<uint8_t>(units[i]);
            else
                static_cast<char16_t*>(chars)[at] = units[i];
        }
    });
    m_chars = chars;
    m_rope = false;
    m_left = nullptr;
    m_right = nullptr;
    heap.account_external(this, static_cast<int64_t>(char_bytes(m_length, m_one_byte)));
}

const uint8_t* String::one_byte_chars() const {
    LOOPSIM_ASSERT(!m_rope && m_one_byte, "one_byte_chars of a rope or a two-byte string");
    return static_cast<const uint8_t*>(m_chars);
}

const char16_t* String::two_byte_chars() const {
    LOOPSIM_ASSERT(!m_rope && !m_one_byte, "two_byte_chars of a rope or a one-byte string");
    return static_cast<const char16_t*>(m_chars);
}

String* String::substring(Heap& heap, uint32_t begin, uint32_t end) {
    LOOPSIM_ASSERT(begin <= end && end <= m_length, "substring range out of bounds");
    flatten(heap);
    if (begin == 0 && end == m_length) return this;
    if (m_one_byte)
        return from_latin1(
            heap,
            std::string_view(reinterpret_cast<const char*>(one_byte_chars()) + begin, end - begin));
    return from_utf16(heap, std::u16string_view(two_byte_chars() + begin, end - begin));
}

std::u16string String::to_utf16() const {
    std::u16string out;
    out.reserve(m_length);
    for_each_segment([&](const auto* units, uint32_t count) { out.append(units, units + count); });
    return out;
}

std::string String::to_utf8() const {
    std::string out;
    out.reserve(m_length);
    if (!m_rope && m_one_byte) {
        const uint8_t* chars = one_byte_chars();
        uint32_t ascii = 0; // ASCII is its own UTF-8: copied at once
        while (ascii < m_length && chars[ascii] < 0x80) ++ascii;
        out.assign(reinterpret_cast<const char*>(chars), ascii);
        for (uint32_t i = ascii; i < m_length; ++i) append_utf8(out, chars[i]);
        return out;
    }
    std::u16string units = to_utf16();
    for (size_t i = 0; i < units.size(); ++i) {
        char16_t u = units[i];
        if (u >= 0xD800 && u <= 0xDBFF && i + 1 < units.size() && units[i + 1] >= 0xDC00 &&
            units[i + 1] <= 0xDFFF) {
            append_utf8(out, 0x10000 + ((uint32_t{u} - 0xD800) << 10) + (units[i + 1] - 0xDC00));
            ++i;
        } else if (u >= 0xD800 && u <= 0xDFFF) {
            append_utf8(out, 0xFFFD);
        } else {
            append_utf8(out, u);
        }
    }
    return out;
}

uint32_t String::hash_units(std::u16string_view units) {
    uint32_t h = 2166136261u;
    for (char16_t u : units) h = (h ^ u) * 16777619u;
    return h == 0 ? 1 : h;
}

uint32_t String::hash_units(std::string_view latin1) {
    uint32_t h = 2166136261u;
    for (char c : latin1) h = (h ^ static_cast<uint8_t>(c)) * 16777619u;
    return h == 0 ? 1 : h;
}

uint32_t String::hash() const {
    if (m_hash != 0) return m_hash;
    uint32_t h = 2166136261u;
    for_each_segment([&](const auto* units, uint32_t count) {
        for (uint32_t i = 0; i < count; ++i) h = (h ^ units[i]) * 16777619u;
    });
    m_hash = h == 0 ? 1 : h;
    return m_hash;
}

bool String::equals(const String* a, const String* b) {
    if (a == b) return true;
    if (a->m_length != b->m_length) return false;
    if (a->m_atom && b->m_atom) return false;
    if (a->m_hash != 0 && b->m_hash != 0 && a->m_hash != b->m_hash) return false;
    if (!a->m_rope && !b->m_rope && a->m_one_byte && b->m_one_byte)
        return a->m_length == 0 || std::memcmp(a->m_chars, b->m_chars, a->m_length) == 0;
    return a->to_utf16() == b->to_utf16();
}

int String::compare(const String* a, const String* b) {
    if (a == b) return 0;
    if (!a->m_rope && !b->m_rope && a->m_one_byte && b->m_one_byte) {
        uint32_t n = std::min(a->m_length, b->m_length);
        int c = n == 0 ? 0 : std::memcmp(a->m_chars, b->m_chars, n);
        if (c != 0) return c;
        return a->m_length < b->m_length ? -1 : (a->m_length > b->m_length ? 1 : 0);
    }
    return a->to_utf16().compare(b->to_utf16());
}

std::optional<uint32_t> String::as_array_index() const {
    if (m_length == 0 || m_length > 10 || m_rope || !m_one_byte) return std::nullopt;
    const uint8_t* chars = one_byte_chars();
    if (chars[0] == '0') return m_length == 1 ? std::optional<uint32_t>(0) : std::nullopt;
    uint64_t value = 0;
    for (uint32_t i = 0; i < m_length; ++i) {
        if (chars[i] < '0' || chars[i] > '9') return std::nullopt;
        value = value * 10 + (chars[i] - '0');
    }
    if (value >= 0xFFFFFFFFu) return std::nullopt; // 2^32 - 1 is not an array index
    return static_cast<uint32_t>(value);
}

bool String::equals_ascii(std::string_view ascii) const {
    if (ascii.size() != m_length) return false;
    if (!m_rope && m_one_byte)
        return m_length == 0 || std::memcmp(m_chars, ascii.data(), m_length) == 0;
    std::u16string units = to_utf16();
    for (size_t i = 0; i < ascii.size(); ++i)
        if (units[i] != static_cast<uint8_t>(ascii[i])) return false;
    return true;
}

void String::visit_edges(Visitor& visitor) {
    if (m_rope) {
        visitor.visit(m_left);
        visitor.visit(m_right);
    }
}

} // namespace loopsim::js
