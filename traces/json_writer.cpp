#include "traces/json_writer.h"

#include "sim/assert.h"

#include <array>
#include <cerrno>
#include <cstring>

namespace loopsim::trace {
namespace {

// Per-kind line openings ({"kind":"callback_start","t":), per-queue quoted names and
// per-reason openings, built once so an event is mostly memcpy and to_chars.
struct Prefixes {
    std::array<std::string, kEventKindCount> kind;
    std::array<std::string, kQueueCount> queue;
    std::array<std::string, kReasonCount> reason;
};

const Prefixes& prefixes() {
    static const Prefixes table = [] {
        Prefixes p;
        for (size_t i = 0; i < kEventKindCount; ++i) {
            p.kind[i] = "{\"kind\":\"" + std::string(event_kind_name(static_cast<EventKind>(i))) +
                        "\",\"t\":";
        }
        for (size_t i = 0; i < kQueueCount; ++i) {
            p.queue[i] = "\"" + std::string(queue_name(static_cast<Queue>(i))) + "\"";
        }
        for (size_t i = 0; i < kReasonCount; ++i) {
            p.reason[i] = ",\"reason\":{\"code\":\"" +
                          std::string(reason_name(static_cast<ReasonCode>(i))) + "\"";
        }
        return p;
    }();
    return table;
}

// Appending to a reserved region: the caller reserved enough for every fixed-size part.
inline char* put(char* at, std::string_view text) {
    std::memcpy(at, text.data(), text.size());
    return at + text.size();
}
template <size_t N> inline char* put_lit(char* at, const char (&text)[N]) {
    std::memcpy(at, text, N - 1);
    return at + N - 1;
}
inline char* put_int(char* at, int64_t v) {
    return std::to_chars(at, at + 24, v).ptr;
}
inline char* put_uint(char* at, uint64_t v) {
    return std::to_chars(at, at + 24, v).ptr;
}

// Longest fixed part of an event line (numbers at 20 digits, every key present).
constexpr size_t kFixedPartMax = 512;

void write_reason(JsonOutput& out, const Reason& reason, const StringPool& strings) {
    const Prefixes& pre = prefixes();
    char* at = out.reserve(kFixedPartMax);
    at = put(at, pre.reason[static_cast<size_t>(reason.code)]);
    int count = reason_int_slot_count(reason.code);
    for (int i = 2; i >= count; --i) {
        if (reason.args[i] != 0) {
            count = i + 1;
            break;
        }
    }
    if (count > 0) {
        at = put_lit(at, ",\"args\":[");
        for (int i = 0; i < count; ++i) {
            if (i > 0) *at++ = ',';
            at = put_int(at, reason.args[i]);
        }
        *at++ = ']';
    }
    std::string_view str = strings.get(reason.str);
    if (reason.str != kNoString) {
        at = put_lit(at, ",\"str\":");
        out.commit(at);
        out.string(str);
        at = out.reserve(kFixedPartMax);
    }
    at = put_lit(at, ",\"text\":\"");
    for (const ReasonPiece& piece : reason_pieces(reason.code)) {
        out.commit(at);
        at = out.reserve(piece.json_text.size() + 32); // the literal, a number, the closing "}
        at = put(at, piece.json_text);
        if (piece.slot == ReasonPiece::kStringSlot) {
            out.commit(at);
            out.string_body(str);
            at = out.reserve(32);
        } else if (piece.slot != ReasonPiece::kNoSlot) {
            at = put_int(at, reason.args[piece.slot]);
        }
    }
    at = put_lit(at, "\"}");
    out.commit(at);
}

void write_header(JsonOutput& out, const TraceHeader& h) {
    out.raw("{\"format\":");
    out.string(kFormatName);
    out.raw(",\"version\":");
    out.integer(kFormatVersion);
    out.raw(",\"header\":{\"scenario\":{\"path\":");
    out.string(h.scenario_path);
    out.raw(",\"source\":");
    out.string(h.scenario_source);
    out.raw("},\"options\":{\"seed\":");
    out.unsigned_integer(h.seed);
    out.raw(",\"profile\":");
    out.string(h.profile);
    out.raw(",\"budgets\":{\"max_time_ns\":");
    out.integer(h.budgets.max_time_ns);
    out.raw(",\"max_instructions\":");
    out.unsigned_integer(h.budgets.max_instructions);
    out.raw(",\"max_queue_length\":");
    out.unsigned_integer(h.budgets.max_queue_length);
    out.raw("}},\"actors\":[");
    for (size_t i = 0; i < h.actors.size(); ++i) {
        const Actor& a = h.actors[i];
        out.raw(i == 0 ? "{\"id\":" : ",{\"id\":");
        out.unsigned_integer(a.id);
        out.raw(",\"name\":");
        out.string(a.name);
        out.raw(",\"kind\":");
        out.string(actor_kind_name(a.kind));
        out.raw('}');
    }
    out.raw("],\"phases\":[");
    for (size_t i = 0; i < h.phases.size(); ++i) {
        if (i > 0) out.raw(',');
        out.string(h.phases[i]);
    }
    out.raw("],\"queues\":[");
    for (size_t i = 0; i < kQueueCount; ++i) {
        if (i > 0) out.raw(',');
        out.raw(prefixes().queue[i]);
    }
    out.raw("]},\"events\":[");
}

} // namespace

JsonTraceWriter::~JsonTraceWriter() {
    if (m_begun && !m_finished) {
        (void)finish(Outcome{
            OutcomeStatus::Aborted, 0, "the trace writer was closed before the run finished", {}});
    }
}

void JsonTraceWriter::begin(const TraceHeader& header) {
    LOOPSIM_ASSERT(!m_begun, "JsonTraceWriter::begin called twice");
    m_begun = true;
    write_header(m_out, header);
}

void JsonTraceWriter::write_event(const TraceEvent& e, const StringPool& strings) {
    LOOPSIM_ASSERT(m_begun && !m_finished, "write_event outside begin() .. finish()");
    const Prefixes& pre = prefixes();
    char* at = m_out.reserve(kFixedPartMax);
    if (m_events_written != 0)
        at = put_lit(at, ",\n");
    else
        *at++ = '\n';
    ++m_events_written;

    at = put(at, pre.kind[static_cast<size_t>(e.kind)]);
    at = put_int(at, e.time.count_ns());
    if (e.loop_time_ms != -1) {
        at = put_lit(at, ",\"loop_ms\":");
        at = put_int(at, e.loop_time_ms);
    }
    at = put_lit(at, ",\"actor\":");
    at = put_uint(at, e.actor);
    at = put_lit(at, ",\"iter\":");
    at = put_uint(at, e.iteration);
    if (e.phase != kNoPhase) {
        at = put_lit(at, ",\"phase\":");
        at = put_uint(at, e.phase);
    }
    if (e.callback != 0) {
        at = put_lit(at, ",\"cb\":");
        at = put_uint(at, e.callback);
    }
    if (e.creator != 0) {
        at = put_lit(at, ",\"creator\":");
        at = put_uint(at, e.creator);
    }
    if (e.from_queue != Queue::None) {
        at = put_lit(at, ",\"from\":");
        at = put(at, pre.queue[static_cast<size_t>(e.from_queue)]);
    }
    if (e.to_queue != Queue::None) {
        at = put_lit(at, ",\"to\":");
        at = put(at, pre.queue[static_cast<size_t>(e.to_queue)]);
    }
    if (e.line != 0) {
        at = put_lit(at, ",\"line\":");
        at = put_uint(at, e.line);
    }
    if (e.column != 0) {
        at = put_lit(at, ",\"col\":");
        at = put_uint(at, e.column);
    }
    if (e.label != kNoString) {
        at = put_lit(at, ",\"label\":");
        m_out.commit(at);
        m_out.string(strings.get(e.label));
        at = m_out.reserve(kFixedPartMax);
    }
    if (e.stream != Stream::None) {
        at = put_lit(at, ",\"stream\":");
        at = put_lit(at, e.stream == Stream::Stdout ? "\"stdout\"" : "\"stderr\"");
    }
    if (e.text != kNoString) {
        at = put_lit(at, ",\"text\":");
        m_out.commit(at);
        m_out.string(strings.get(e.text));
        at = m_out.reserve(kFixedPartMax);
    }
    if (e.reason.code != ReasonCode::None) {
        m_out.commit(at);
        write_reason(m_out, e.reason, strings);
        at = m_out.reserve(kFixedPartMax);
    }
    *at++ = '}';
    m_out.commit(at);
}

void JsonTraceWriter::write_new_events(const EventLog& events, const StringPool& strings) {
    const EventLog::Iterator end = events.end();
    for (EventLog::Iterator it = events.at(m_events_written); it != end; ++it) write_event(*it, strings);
}

sim::Result<void> JsonTraceWriter::finish(const Outcome& outcome) {
    LOOPSIM_ASSERT(m_begun && !m_finished, "JsonTraceWriter::finish without begin, or twice");
    m_finished = true;
    m_out.raw(m_events_written == 0 ? "],\"outcome\":{\"status\":"
                                    : "\n],\"outcome\":{\"status\":");
    m_out.string(outcome_status_name(outcome.status));
    m_out.raw(",\"exit_code\":");
    m_out.integer(outcome.exit_code);
    if (!outcome.message.empty()) {
        m_out.raw(",\"message\":");
        m_out.string(outcome.message);
    }
    if (!outcome.budget.empty()) {
        m_out.raw(",\"budget\":");
        m_out.string(outcome.budget);
    }
    m_out.raw(",\"event_count\":");
    m_out.unsigned_integer(m_events_written);
    m_out.raw("}}\n");
    return m_out.flush();
}

sim::Result<void> write_trace(const Trace& trace, JsonOutput& out) {
    JsonTraceWriter writer(out);
    writer.begin(trace.header);
    writer.write_new_events(trace.events, trace.strings);
    return writer.finish(trace.outcome);
}

std::string trace_to_json(const Trace& trace) {
    std::string text;
    {
        JsonOutput out = JsonOutput::to_string(text);
        (void)write_trace(trace, out); // writing to a string cannot fail
    }
    return text;
}

sim::Result<void> write_trace_file(const Trace& trace, const std::string& path) {
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (!file)
        return sim::Error{path + ": error: cannot open for writing: " + std::strerror(errno)};
    sim::Result<void> result;
    {
        JsonOutput out = JsonOutput::to_file(file);
        result = write_trace(trace, out);
    }
    if (std::fclose(file) != 0 && result) {
        return sim::Error{path + ": error: cannot write: " + std::strerror(errno)};
    }
    if (!result) return sim::Error{path + ": error: " + result.error().message};
    return {};
}

} // namespace loopsim::trace
