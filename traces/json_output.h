#pragma once
// JsonOutput: a large-buffer byte sink with the JSON primitives the trace writer needs.
// Contract: bytes go into one buffer (kBufferSize) and reach the target (a std::string, a
// FILE* or a file descriptor) only when it fills or on flush(), so writing an event costs
// no system call. Numbers are written with std::to_chars, strings with JSON escaping:
// '"', '\\' and control characters are escaped, well-formed UTF-8 passes through unchanged,
// and every byte that is not part of a well-formed UTF-8 sequence becomes U+FFFD. A failed
// write is remembered (error()) and later output is dropped; the caller checks once at the
// end. The target is not owned (never closed here).
#include "sim/result.h"

#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

namespace loopsim::trace {

class JsonOutput {
public:
    static constexpr size_t kBufferSize = size_t{1} << 20;

    static JsonOutput to_string(std::string& out);
    static JsonOutput to_file(std::FILE* file);
    static JsonOutput to_fd(int fd);

    JsonOutput(JsonOutput&& other) noexcept;
    JsonOutput& operator=(JsonOutput&&) = delete;
    ~JsonOutput();

    // A pointer to at least n writable bytes (n <= kBufferSize); finish with commit().
    char* reserve(size_t n) {
        if (static_cast<size_t>(m_limit - m_cursor) < n) [[unlikely]]
            drain();
        return m_cursor;
    }
    void commit(char* end) { m_cursor = end; }

    void raw(std::string_view text) {
        if (static_cast<size_t>(m_limit - m_cursor) >= text.size()) [[likely]] {
            std::memcpy(m_cursor, text.data(), text.size());
            m_cursor += text.size();
        } else {
            raw_slow(text);
        }
    }
    void raw(char c) { *reserve(1) = c, ++m_cursor; }
    void integer(int64_t value) {
        char* at = reserve(24);
        m_cursor = std::to_chars(at, at + 24, value).ptr;
    }
    void unsigned_integer(uint64_t value) {
        char* at = reserve(24);
        m_cursor = std::to_chars(at, at + 24, value).ptr;
    }
    // A quoted, escaped JSON string.
    void string(std::string_view text) {
        raw('"');
        string_body(text);
        raw('"');
    }
    // The escaped contents of a JSON string, without quotes.
    void string_body(std::string_view text);

    // Sends buffered bytes to the target. Returns the first write error seen, if any.
    sim::Result<void> flush();
    bool has_failed() const { return !m_error.empty(); }
    // Bytes handed to this output so far (buffered or written).
    uint64_t bytes_written() const {
        return m_drained + static_cast<uint64_t>(m_cursor - m_buffer.get());
    }

private:
    enum class Target : uint8_t {
        String,
        File,
        Fd
    };
    JsonOutput(Target target, std::string* string, std::FILE* file, int fd);

    void drain();
    void write_target(const char* data, size_t size);
    void raw_slow(std::string_view text);

    Target m_target;
    std::string* m_string = nullptr;
    std::FILE* m_file = nullptr;
    int m_fd = -1;
    std::unique_ptr<char[]> m_buffer;
    char* m_cursor = nullptr;
    char* m_limit = nullptr;
    uint64_t m_drained = 0;
    std::string m_error;
};

} // namespace loopsim::trace
