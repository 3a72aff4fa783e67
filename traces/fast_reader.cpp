// Fast trace reader: a scanner specialised for loopsim traces, falling back to the reference
// reader on anything unexpected. See fast_reader.h.
#include "traces/fast_reader.h"

#include "sim/utf8.h"
#include "traces/json_reader.h"

#include <array>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <limits>
#include <string>

namespace loopsim::trace {
namespace {

// Thrown when the fast path meets anything it does not handle; never escapes this file.
struct Fallback {};

[[noreturn]] void fallback() {
    throw Fallback{};
}

// Name -> enum lookups built once from the .def tables (expanded through the *_name
// functions), so the scanner compares against a short array instead of building strings.
template <typename Enum, size_t N> struct NameTable {
    std::array<std::string_view, N> names;
    template <typename NameOf> explicit NameTable(NameOf name_of) {
        for (size_t i = 0; i < N; ++i) names[i] = name_of(static_cast<Enum>(i));
    }
    Enum find(std::string_view name) const {
        for (size_t i = 0; i < N; ++i)
            if (names[i] == name) return static_cast<Enum>(i);
        fallback();
    }
};

class Scanner {
public:
    explicit Scanner(std::string_view text) : m_p(text.data()), m_end(text.data() + text.size()) {}

    void ws() {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t')) ++m_p;
    }
    char peek() {
        ws();
        if (m_p >= m_end) fallback();
        return *m_p;
    }
    void expect(char c) {
        if (peek() != c) fallback();
        ++m_p;
    }
    bool accept(char c) {
        if (peek() != c) return false;
        ++m_p;
        return true;
    }
    bool at_end() {
        ws();
        return m_p == m_end;
    }
    const char* position() const { return m_p; }

    // A string's contents; escapes are decoded into `scratch` (the view then points there).
    std::string_view string(std::string& scratch) {
        expect('"');
        const char* start = m_p;
        while (m_p < m_end && *m_p != '"' && *m_p != '\\') {
            if (static_cast<unsigned char>(*m_p) < 0x20) fallback();
            ++m_p;
        }
        if (m_p >= m_end) fallback();
        if (*m_p == '"') return std::string_view(start, static_cast<size_t>(m_p++ - start));
        scratch.assign(start, m_p);
        while (true) {
            if (m_p >= m_end) fallback();
            char c = *m_p++;
            if (c == '"') return scratch;
            if (static_cast<unsigned char>(c) < 0x20) fallback();
            if (c != '\\') {
                scratch.push_back(c);
                continue;
            }
            if (m_p >= m_end) fallback();
            switch (*m_p++) {
            case '"':
                scratch.push_back('"');
                break;
            case '\\':
                scratch.push_back('\\');
                break;
            case '/':
                scratch.push_back('/');
                break;
            case 'b':
                scratch.push_back('\b');
                break;
            case 'f':
                scratch.push_back('\f');
                break;
            case 'n':
                scratch.push_back('\n');
                break;
            case 'r':
                scratch.push_back('\r');
                break;
            case 't':
                scratch.push_back('\t');
                break;
            case 'u':
                unicode_escape(scratch);
                break;
            default:
                fallback();
            }
        }
    }

    // A JSON integer (no fraction, no exponent); nullopt-free: anything else falls back.
    int64_t int64() {
        ws();
        int64_t v = 0;
        auto [ptr, ec] = std::from_chars(m_p, m_end, v);
        if (ec != std::errc() || ptr == m_p) fallback();
        if (*m_p == '-' ? (ptr - m_p > 2 && m_p[1] == '0') : (ptr - m_p > 1 && *m_p == '0'))
            fallback(); // leading zeros are not JSON
        m_p = ptr;
        if (m_p < m_end && (*m_p == '.' || *m_p == 'e' || *m_p == 'E')) fallback();
        return v;
    }
    uint64_t uint64(uint64_t max) {
        ws();
        if (m_p < m_end && *m_p == '-') fallback();
        uint64_t v = 0;
        auto [ptr, ec] = std::from_chars(m_p, m_end, v);
        if (ec != std::errc() || ptr == m_p || (ptr - m_p > 1 && *m_p == '0')) fallback();
        m_p = ptr;
        if (m_p < m_end && (*m_p == '.' || *m_p == 'e' || *m_p == 'E')) fallback();
        if (v > max) fallback();
        return v;
    }

    // Skips any JSON value (only strings, objects, arrays, numbers, literals).
    void skip_value() {
        char c = peek();
        if (c == '"') {
            std::string scratch;
            string(scratch);
        } else if (c == '{' || c == '[') {
            const char close = c == '{' ? '}' : ']';
            ++m_p;
            if (accept(close)) return;
            do {
                if (c == '{') {
                    std::string scratch;
                    string(scratch);
                    expect(':');
                }
                skip_value();
            } while (accept(','));
            expect(close);
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            ++m_p;
            while (m_p < m_end && (std::isdigit(static_cast<unsigned char>(*m_p)) || *m_p == '.' ||
                                   *m_p == 'e' || *m_p == 'E' || *m_p == '+' || *m_p == '-'))
                ++m_p;
        } else {
            for (std::string_view lit : {"true", "false", "null"}) {
                if (static_cast<size_t>(m_end - m_p) >= lit.size() &&
                    std::string_view(m_p, lit.size()) == lit) {
                    m_p += lit.size();
                    return;
                }
            }
            fallback();
        }
    }

private:
    unsigned hex4() {
        if (m_end - m_p < 4) fallback();
        unsigned v = 0;
        for (int i = 0; i < 4; ++i) {
            char c = *m_p++;
            v <<= 4;
            if (c >= '0' && c <= '9')
                v |= static_cast<unsigned>(c - '0');
            else if (c >= 'a' && c <= 'f')
                v |= static_cast<unsigned>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                v |= static_cast<unsigned>(c - 'A' + 10);
            else
                fallback();
        }
        return v;
    }
    void unicode_escape(std::string& out) {
        unsigned cp = hex4();
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (m_end - m_p < 2 || m_p[0] != '\\' || m_p[1] != 'u') fallback();
            m_p += 2;
            unsigned low = hex4();
            if (low < 0xDC00 || low > 0xDFFF) fallback();
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            fallback();
        }
        sim::append_utf8(out, cp);
    }

    const char* m_p;
    const char* m_end;
};

constexpr uint64_t kU32 = std::numeric_limits<uint32_t>::max();

struct Tables {
    NameTable<EventKind, kEventKindCount> kinds{event_kind_name};
    NameTable<Queue, kQueueCount> queues{queue_name};
    NameTable<ReasonCode, kReasonCount> reasons{reason_name};
};

const Tables& tables() {
    static const Tables t;
    return t;
}

class FastParser {
public:
    FastParser(std::string_view text, std::string_view name)
        : m_text(text), m_name(name), m_s(text) {}

    Trace parse() {
        std::string scratch;
        m_s.expect('{');
        key("format");
        if (m_s.string(scratch) != kFormatName) fallback();
        m_s.expect(',');
        key("version");
        if (m_s.int64() != kFormatVersion) fallback();
        m_s.expect(',');
        key("header");
        header();
        m_s.expect(',');
        key("events");
        events();
        m_s.expect(',');
        key("outcome");
        outcome();
        m_s.expect('}');
        if (!m_s.at_end()) fallback();
        return std::move(m_trace);
    }

private:
    void key(std::string_view expected) {
        if (m_s.string(m_scratch) != expected) fallback();
        m_s.expect(':');
    }

    // The header goes through the reference reader, wrapped in a minimal trace.
    void header() {
        m_s.peek();
        const char* begin = m_s.position();
        m_s.skip_value();
        std::string_view text(begin, static_cast<size_t>(m_s.position() - begin));
        std::string doc = "{\"format\":\"loopsim-trace\",\"version\":1,\"header\":";
        doc.append(text);
        doc += ",\"events\":[],\"outcome\":{\"status\":\"completed\",\"exit_code\":0,\"event_"
               "count\":0}}";
        sim::Result<Trace> parsed = parse_trace(doc, m_name);
        if (!parsed) fallback();
        m_trace.header = std::move(parsed.value().header);
        for (const Actor& a : m_trace.header.actors) {
            if (m_last_time.size() <= a.id) m_last_time.resize(a.id + 1);
            if (m_known_actor.size() <= a.id) m_known_actor.resize(a.id + 1, false);
            m_known_actor[a.id] = true;
        }
    }

    void events() {
        m_s.expect('[');
        if (m_s.accept(']')) return;
        do {
            event();
        } while (m_s.accept(','));
        m_s.expect(']');
    }

    Queue queue() {
        Queue q = tables().queues.find(m_s.string(m_scratch));
        if (q == Queue::None) fallback();
        return q;
    }

    void reason(TraceEvent& e) {
        m_s.expect('{');
        bool has_code = false;
        if (!m_s.accept('}')) {
            do {
                std::string_view k = m_s.string(m_key);
                m_s.expect(':');
                if (k == "code") {
                    e.reason.code = tables().reasons.find(m_s.string(m_scratch));
                    if (e.reason.code == ReasonCode::None) fallback();
                    has_code = true;
                } else if (k == "args") {
                    e.reason.args = {};
                    m_s.expect('[');
                    size_t i = 0;
                    if (!m_s.accept(']')) {
                        do {
                            if (i >= 3) fallback();
                            e.reason.args[i++] = m_s.int64();
                        } while (m_s.accept(','));
                        m_s.expect(']');
                    }
                } else if (k == "str") {
                    e.reason.str = m_trace.strings.intern(m_s.string(m_scratch));
                } else {
                    m_s.skip_value(); // "text" is derived; unknown keys are ignored
                }
            } while (m_s.accept(','));
            m_s.expect('}');
        }
        if (!has_code) fallback();
    }

    void event() {
        TraceEvent e;
        uint32_t seen = 0; // bit 0 kind, 1 t, 2 actor, 3 iter
        m_s.expect('{');
        if (m_s.accept('}')) fallback();
        do {
            std::string_view k = m_s.string(m_key);
            m_s.expect(':');
            if (k.empty()) fallback();
            switch (k[0]) {
            case 'k':
                if (k != "kind") goto unknown;
                e.kind = tables().kinds.find(m_s.string(m_scratch));
                seen |= 1;
                continue;
            case 't':
                if (k == "t") {
                    e.time = sim::SimTime::ns(m_s.int64());
                    seen |= 2;
                } else if (k == "to") {
                    e.to_queue = queue();
                } else if (k == "text") {
                    e.text = m_trace.strings.intern(m_s.string(m_scratch));
                } else {
                    goto unknown;
                }
                continue;
            case 'a':
                if (k != "actor") goto unknown;
                e.actor = static_cast<uint32_t>(m_s.uint64(kU32));
                seen |= 4;
                continue;
            case 'i':
                if (k != "iter") goto unknown;
                e.iteration = static_cast<uint32_t>(m_s.uint64(kU32));
                seen |= 8;
                continue;
            case 'l':
                if (k == "loop_ms")
                    e.loop_time_ms = m_s.int64();
                else if (k == "line")
                    e.line = static_cast<uint32_t>(m_s.uint64(kU32));
                else if (k == "label")
                    e.label = m_trace.strings.intern(m_s.string(m_scratch));
                else
                    goto unknown;
                continue;
            case 'p':
                if (k != "phase") goto unknown;
                e.phase = static_cast<uint8_t>(m_s.uint64(kNoPhase - 1));
                if (e.phase >= m_trace.header.phases.size()) fallback();
                continue;
            case 'c':
                if (k == "cb")
                    e.callback = m_s.uint64(UINT64_MAX);
                else if (k == "creator")
                    e.creator = m_s.uint64(UINT64_MAX);
                else if (k == "col")
                    e.column = static_cast<uint32_t>(m_s.uint64(kU32));
                else
                    goto unknown;
                continue;
            case 'f':
                if (k != "from") goto unknown;
                e.from_queue = queue();
                continue;
            case 's': {
                if (k != "stream") goto unknown;
                std::string_view s = m_s.string(m_scratch);
                if (s == "stdout")
                    e.stream = Stream::Stdout;
                else if (s == "stderr")
                    e.stream = Stream::Stderr;
                else
                    fallback();
                continue;
            }
            case 'r':
                if (k != "reason") goto unknown;
                reason(e);
                continue;
            default:
                break;
            }
        unknown:
            m_s.skip_value();
        } while (m_s.accept(','));
        m_s.expect('}');
        if (seen != 15) fallback();
        if (e.actor >= m_known_actor.size() || !m_known_actor[e.actor]) fallback();
        if (event_kind_required_fields(e.kind) & ~present_fields(e)) fallback();
        if (m_seen_actor.size() <= e.actor) m_seen_actor.resize(e.actor + 1, false);
        if (m_seen_actor[e.actor] && e.time < m_last_time[e.actor]) fallback();
        m_seen_actor[e.actor] = true;
        m_last_time[e.actor] = e.time;
        m_trace.events.push_back(e);
    }

    void outcome() {
        m_s.expect('{');
        bool has_status = false, has_exit = false, has_count = false;
        if (!m_s.accept('}')) {
            do {
                std::string_view k = m_s.string(m_key);
                m_s.expect(':');
                if (k == "status") {
                    auto status = outcome_status_from_name(m_s.string(m_scratch));
                    if (!status) fallback();
                    m_trace.outcome.status = *status;
                    has_status = true;
                } else if (k == "exit_code") {
                    int64_t code = m_s.int64();
                    if (code < std::numeric_limits<int>::min() ||
                        code > std::numeric_limits<int>::max())
                        fallback();
                    m_trace.outcome.exit_code = static_cast<int>(code);
                    has_exit = true;
                } else if (k == "message") {
                    m_trace.outcome.message = std::string(m_s.string(m_scratch));
                } else if (k == "budget") {
                    m_trace.outcome.budget = std::string(m_s.string(m_scratch));
                } else if (k == "event_count") {
                    if (m_s.uint64(UINT64_MAX) != m_trace.events.size()) fallback();
                    has_count = true;
                } else {
                    m_s.skip_value();
                }
            } while (m_s.accept(','));
            m_s.expect('}');
        }
        if (!has_status || !has_exit || !has_count) fallback();
    }

    std::string_view m_text;
    std::string_view m_name;
    Scanner m_s;
    Trace m_trace;
    std::string m_scratch;
    std::string m_key;
    std::vector<sim::SimTime> m_last_time;
    std::vector<bool> m_seen_actor;
    std::vector<bool> m_known_actor;
};

} // namespace

sim::Result<Trace> parse_trace_fast(std::string_view text, std::string_view name) {
    try {
        FastParser parser(text, name);
        return parser.parse();
    } catch (const Fallback&) {
        return parse_trace(text, name);
    }
}

sim::Result<Trace> read_trace_fast(std::string_view path) {
    std::string path_string(path);
    std::FILE* file = std::fopen(path_string.c_str(), "rb");
    if (!file) return sim::Error{path_string + ": error: cannot open: " + std::strerror(errno)};
    std::string text;
    if (std::fseek(file, 0, SEEK_END) == 0) {
        long size = std::ftell(file);
        if (size > 0) text.reserve(static_cast<size_t>(size));
        std::fseek(file, 0, SEEK_SET);
    }
    char chunk[1 << 16];
    size_t n;
    while ((n = std::fread(chunk, 1, sizeof chunk, file)) > 0) text.append(chunk, n);
    const bool failed = std::ferror(file) != 0;
    std::fclose(file);
    if (failed) return sim::Error{path_string + ": error: cannot read: " + std::strerror(errno)};
    return parse_trace_fast(text, path);
}

} // namespace loopsim::trace
