#include "traces/json_output.h"

#include "sim/assert.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <unistd.h>

namespace loopsim::trace {
namespace {

// Bytes that may be copied into a JSON string as they are: printable ASCII except '"' and
// '\\'. Everything else takes the slow path (escape, UTF-8 check).
constexpr std::array<bool, 256> make_plain_table() {
    std::array<bool, 256> t{};
    for (int c = 0x20; c < 0x80; ++c) t[c] = c != '"' && c != '\\';
    return t;
}
constexpr std::array<bool, 256> kPlain = make_plain_table();

// True when none of the 8 bytes of `w` needs the slow path (SWAR: "has a byte below 0x20",
// "has a zero byte after xor with '"' or '\\'", "has a byte with the top bit set").
inline bool word_is_plain(uint64_t w) {
    constexpr uint64_t ones = 0x0101010101010101ull;
    constexpr uint64_t highs = 0x8080808080808080ull;
    auto has_zero = [](uint64_t v) { return (v - ones) & ~v & highs; };
    uint64_t below_space = (w - ones * 0x20) & ~w & highs;
    return (below_space | has_zero(w ^ (ones * '"')) | has_zero(w ^ (ones * '\\')) | (w & highs)) ==
           0;
}

// Length of the well-formed UTF-8 sequence starting at p (lead byte >= 0x80), or 0 when the
// bytes there are not one (Unicode Table 3-7: no overlongs, no surrogates, <= U+10FFFF).
inline size_t utf8_sequence_length(const unsigned char* p, const unsigned char* end) {
    auto in = [](unsigned char c, unsigned char lo, unsigned char hi) {
        return c >= lo && c <= hi;
    };
    size_t avail = static_cast<size_t>(end - p);
    unsigned char b0 = p[0];
    if (in(b0, 0xC2, 0xDF)) return avail >= 2 && in(p[1], 0x80, 0xBF) ? 2 : 0;
    if (in(b0, 0xE0, 0xEF)) {
        if (avail < 3) return 0;
        unsigned char lo = b0 == 0xE0 ? 0xA0 : 0x80;
        unsigned char hi = b0 == 0xED ? 0x9F : 0xBF;
        return in(p[1], lo, hi) && in(p[2], 0x80, 0xBF) ? 3 : 0;
    }
    if (in(b0, 0xF0, 0xF4)) {
        if (avail < 4) return 0;
        unsigned char lo = b0 == 0xF0 ? 0x90 : 0x80;
        unsigned char hi = b0 == 0xF4 ? 0x8F : 0xBF;
        return in(p[1], lo, hi) && in(p[2], 0x80, 0xBF) && in(p[3], 0x80, 0xBF) ? 4 : 0;
    }
    return 0;
}

// Writes the escape for the special byte(s) at *p into out; advances p. Returns new out.
inline char* escape_special(const unsigned char*& p, const unsigned char* end, char* out) {
    static constexpr char kHex[] = "0123456789abcdef";
    unsigned char c = *p;
    if (c < 0x80) {
        *out++ = '\\';
        switch (c) {
        case '"':
            *out++ = '"';
            break;
        case '\\':
            *out++ = '\\';
            break;
        case '\n':
            *out++ = 'n';
            break;
        case '\t':
            *out++ = 't';
            break;
        case '\r':
            *out++ = 'r';
            break;
        case '\b':
            *out++ = 'b';
            break;
        case '\f':
            *out++ = 'f';
            break;
        default:
            std::memcpy(out, "u00", 3);
            out[3] = kHex[c >> 4];
            out[4] = kHex[c & 0xF];
            out += 5;
        }
        ++p;
        return out;
    }
    size_t n = utf8_sequence_length(p, end);
    if (n == 0) {
        std::memcpy(out, "\xEF\xBF\xBD", 3); // U+FFFD for this one byte
        ++p;
        return out + 3;
    }
    std::memcpy(out, p, n);
    p += n;
    return out + n;
}

} // namespace

JsonOutput::JsonOutput(Target target, std::string* string, std::FILE* file, int fd)
    : m_target(target), m_string(string), m_file(file), m_fd(fd),
      m_buffer(std::make_unique_for_overwrite<char[]>(kBufferSize)) {
    m_cursor = m_buffer.get();
    m_limit = m_cursor + kBufferSize;
}

JsonOutput JsonOutput::to_string(std::string& out) {
    return JsonOutput(Target::String, &out, nullptr, -1);
}
JsonOutput JsonOutput::to_file(std::FILE* file) {
    return JsonOutput(Target::File, nullptr, file, -1);
}
JsonOutput JsonOutput::to_fd(int fd) {
    return JsonOutput(Target::Fd, nullptr, nullptr, fd);
}

JsonOutput::JsonOutput(JsonOutput&& other) noexcept
    : m_target(other.m_target), m_string(other.m_string), m_file(other.m_file), m_fd(other.m_fd),
      m_buffer(std::move(other.m_buffer)), m_cursor(other.m_cursor), m_limit(other.m_limit),
      m_drained(other.m_drained), m_error(std::move(other.m_error)) {
    other.m_cursor = other.m_limit = nullptr;
}

JsonOutput::~JsonOutput() {
    if (m_buffer) (void)flush();
}

void JsonOutput::write_target(const char* data, size_t size) {
    m_drained += size;
    if (!m_error.empty() || size == 0) return;
    switch (m_target) {
    case Target::String:
        m_string->append(data, size);
        break;
    case Target::File:
        if (std::fwrite(data, 1, size, m_file) != size) m_error = std::strerror(errno);
        break;
    case Target::Fd:
        while (size > 0) {
            ssize_t n = ::write(m_fd, data, size);
            if (n < 0) {
                if (errno == EINTR) continue;
                m_error = std::strerror(errno);
                return;
            }
            data += n;
            size -= static_cast<size_t>(n);
        }
        break;
    }
}

void JsonOutput::drain() {
    write_target(m_buffer.get(), static_cast<size_t>(m_cursor - m_buffer.get()));
    m_cursor = m_buffer.get();
}

void JsonOutput::raw_slow(std::string_view text) {
    drain();
    if (text.size() >= kBufferSize) {
        write_target(text.data(), text.size());
    } else {
        std::memcpy(m_cursor, text.data(), text.size());
        m_cursor += text.size();
    }
}

void JsonOutput::string_body(std::string_view text) {
    auto p = reinterpret_cast<const unsigned char*>(text.data());
    const unsigned char* const end = p + text.size();
    // Work in input chunks whose worst-case output (6 bytes per input byte, plus one UTF-8
    // sequence running past the chunk) fits in the buffer.
    constexpr size_t kChunk = kBufferSize / 8;
    while (p < end) {
        size_t chunk = std::min<size_t>(static_cast<size_t>(end - p), kChunk);
        const unsigned char* chunk_end = p + chunk;
        char* out = reserve(chunk * 6 + 8);
        while (p < chunk_end) {
            const unsigned char* run = p;
            while (chunk_end - p >= 8) {
                uint64_t w;
                std::memcpy(&w, p, 8);
                if (!word_is_plain(w)) break;
                p += 8;
            }
            while (p < chunk_end && kPlain[*p]) ++p;
            std::memcpy(out, run, static_cast<size_t>(p - run));
            out += p - run;
            if (p < chunk_end) out = escape_special(p, end, out);
        }
        commit(out);
    }
}

sim::Result<void> JsonOutput::flush() {
    drain();
    if (m_target == Target::File && m_error.empty() && std::fflush(m_file) != 0) {
        m_error = std::strerror(errno);
    }
    if (!m_error.empty()) return sim::Error{"cannot write trace: " + m_error};
    return {};
}

} // namespace loopsim::trace
