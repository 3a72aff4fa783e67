#include "traces/json_reader.h"

#include "traces/json_locator.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>

namespace loopsim::trace {
namespace {

using nlohmann::json;

// Where a semantic error points: the document's start or end, a top-level value, one event.
struct Where {
    enum class Kind {
        Start,
        End,
        TopLevel,
        Event
    } kind = Kind::End;
    std::string key; // TopLevel: the top-level key
    size_t event = 0;
};

// Thrown inside the parse callback to stop parsing; caught in parse_trace, never escapes.
struct ReadError {
    Where where;
    std::string message;
};

[[noreturn]] void fail(Where where, std::string message) {
    throw ReadError{std::move(where), std::move(message)};
}

// Typed access to one JSON object, with errors that name the field by its path.
class Fields {
public:
    Fields(const json& object, Where where, std::string context)
        : m_object(object), m_where(std::move(where)), m_context(std::move(context)) {}

    bool has(const char* key) const { return m_object.contains(key); }
    const json* find(const char* key) const {
        auto it = m_object.find(key);
        return it == m_object.end() ? nullptr : &*it;
    }
    const json& require(const char* key) const {
        const json* value = find(key);
        if (!value) error(std::string("missing required field \"") + key + "\"");
        return *value;
    }
    [[noreturn]] void type_error(const char* key, const char* expected, const json& got) const {
        error(std::string("field \"") + key + "\" must be " + expected + ", not " + describe(got));
    }
    [[noreturn]] void error(const std::string& message) const {
        fail(m_where, m_context + message);
    }

    int64_t int64(const char* key, const json& v) const {
        if (v.is_number_unsigned()) {
            if (v.get<uint64_t>() <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
                return static_cast<int64_t>(v.get<uint64_t>());
            }
        } else if (v.is_number_integer()) {
            return v.get<int64_t>();
        }
        type_error(key, "a 64-bit integer", v);
    }
    uint64_t uint(const char* key, const json& v, uint64_t max) const {
        if (v.is_number_unsigned() && v.get<uint64_t>() <= max) return v.get<uint64_t>();
        if (v.is_number_integer() && v.get<int64_t>() >= 0 &&
            static_cast<uint64_t>(v.get<int64_t>()) <= max) {
            return static_cast<uint64_t>(v.get<int64_t>());
        }
        type_error(key,
                   max == std::numeric_limits<uint32_t>::max()   ? "an unsigned 32-bit integer"
                   : max == std::numeric_limits<uint64_t>::max() ? "an unsigned 64-bit integer"
                                                                 : "a small unsigned integer",
                   v);
    }
    const std::string& string(const char* key, const json& v) const {
        if (!v.is_string()) type_error(key, "a string", v);
        return v.get_ref<const std::string&>();
    }

    int64_t int64(const char* key) const { return int64(key, require(key)); }
    uint64_t uint(const char* key, uint64_t max) const { return uint(key, require(key), max); }
    const std::string& string(const char* key) const { return string(key, require(key)); }
    const json& object(const char* key) const {
        const json& v = require(key);
        if (!v.is_object()) type_error(key, "an object", v);
        return v;
    }
    const json& array(const char* key) const {
        const json& v = require(key);
        if (!v.is_array()) type_error(key, "an array", v);
        return v;
    }
    const Where& where() const { return m_where; }
    const std::string& context() const { return m_context; }

    static std::string describe(const json& v) {
        if (v.is_number_float()) return "a fractional number";
        if (v.is_number_integer()) return "the integer " + v.dump();
        if (v.is_string()) return "a string";
        if (v.is_boolean()) return "a boolean";
        if (v.is_null()) return "null";
        if (v.is_array()) return "an array";
        return "an object";
    }

private:
    const json& m_object;
    Where m_where;
    std::string m_context;
};

constexpr uint64_t kU32 = std::numeric_limits<uint32_t>::max();
constexpr uint64_t kU64 = std::numeric_limits<uint64_t>::max();

// The JSON key of each optional field (for "missing required field" messages).
struct FieldKey {
    uint32_t flag;
    const char* key;
};
constexpr FieldKey kFieldKeys[] = {
    {field::LoopTime, "loop_ms"}, {field::Phase, "phase"},    {field::Callback, "cb"},
    {field::Creator, "creator"},  {field::FromQueue, "from"}, {field::ToQueue, "to"},
    {field::Location, "line"},    {field::Label, "label"},    {field::Stream, "stream"},
    {field::Text, "text"},        {field::Reason, "reason"},
};

TraceHeader convert_header(const json& j) {
    Where where{Where::Kind::TopLevel, "header", 0};
    if (!j.is_object()) fail(where, "\"header\" must be an object, not " + Fields::describe(j));
    Fields h(j, where, "header: ");
    TraceHeader header;
    Fields scenario(h.object("scenario"), where, "header.scenario: ");
    header.scenario_path = scenario.string("path");
    header.scenario_source = scenario.string("source");
    Fields options(h.object("options"), where, "header.options: ");
    header.seed = options.uint("seed", kU64);
    header.profile = options.string("profile");
    Fields budgets(options.object("budgets"), where, "header.options.budgets: ");
    header.budgets.max_time_ns = budgets.int64("max_time_ns");
    header.budgets.max_instructions = budgets.uint("max_instructions", kU64);
    header.budgets.max_queue_length = budgets.uint("max_queue_length", kU64);

    const json& actors = h.array("actors");
    for (size_t i = 0; i < actors.size(); ++i) {
        std::string context = "header.actors[" + std::to_string(i) + "]: ";
        if (!actors[i].is_object()) h.error("actors[" + std::to_string(i) + "] must be an object");
        Fields a(actors[i], where, context);
        Actor actor;
        actor.id = static_cast<uint32_t>(a.uint("id", kU32));
        actor.name = a.string("name");
        const std::string& kind = a.string("kind");
        auto parsed = actor_kind_from_name(kind);
        if (!parsed) a.error("unknown actor kind \"" + kind + "\" (known: main, loop, worker, os)");
        actor.kind = *parsed;
        if (header.find_actor(actor.id))
            a.error("actor id " + std::to_string(actor.id) + " is used twice");
        header.actors.push_back(std::move(actor));
    }
    const json& phases = h.array("phases");
    if (phases.size() >= kNoPhase) h.error("at most 254 phases are supported");
    for (size_t i = 0; i < phases.size(); ++i) {
        if (!phases[i].is_string()) h.error("phases[" + std::to_string(i) + "] must be a string");
        header.phases.push_back(phases[i].get<std::string>());
    }
    const json& queues = h.array("queues");
    for (size_t i = 0; i < queues.size(); ++i) {
        if (!queues[i].is_string()) h.error("queues[" + std::to_string(i) + "] must be a string");
    }
    return header;
}

Queue convert_queue(const Fields& f, const char* key) {
    const std::string& name = f.string(key);
    auto queue = queue_from_name(name);
    if (!queue || *queue == Queue::None)
        f.error("unknown queue \"" + name + "\" in field \"" + key + "\"");
    return *queue;
}

void convert_reason(const Fields& f, const json& j, TraceEvent& e, StringPool& strings) {
    if (!j.is_object()) f.type_error("reason", "an object", j);
    Fields r(j, f.where(), f.context() + "reason: ");
    const std::string& code = r.string("code");
    auto parsed = reason_from_name(code);
    if (!parsed || *parsed == ReasonCode::None) r.error("unknown reason code \"" + code + "\"");
    e.reason.code = *parsed;
    if (const json* args = r.find("args")) {
        if (!args->is_array() || args->size() > 3)
            r.type_error("args", "an array of at most 3 integers", *args);
        for (size_t i = 0; i < args->size(); ++i) e.reason.args[i] = r.int64("args", (*args)[i]);
    }
    if (const json* str = r.find("str")) e.reason.str = strings.intern(r.string("str", *str));
    // "text" is derived from code and arguments; it is recomputed, never read back.
}

TraceEvent convert_event(const json& j, size_t index, const TraceHeader& header,
                         StringPool& strings) {
    Where where{Where::Kind::Event, {}, index};
    std::string context = "event " + std::to_string(index) + ": ";
    if (!j.is_object())
        fail(where, context + "an event must be an object, not " + Fields::describe(j));
    Fields f(j, where, context);
    TraceEvent e;
    const std::string& kind_name = f.string("kind");
    auto kind = event_kind_from_name(kind_name);
    if (!kind) f.error("unknown event kind \"" + kind_name + "\"");
    e.kind = *kind;
    Fields k(j, where, "event " + std::to_string(index) + " (" + kind_name + "): ");
    e.time = sim::SimTime::ns(k.int64("t"));
    e.actor = static_cast<uint32_t>(k.uint("actor", kU32));
    if (!header.find_actor(e.actor))
        k.error("actor " + std::to_string(e.actor) + " is not in header.actors");
    e.iteration = static_cast<uint32_t>(k.uint("iter", kU32));
    if (const json* v = k.find("loop_ms")) e.loop_time_ms = k.int64("loop_ms", *v);
    if (const json* v = k.find("phase")) {
        e.phase = static_cast<uint8_t>(k.uint("phase", *v, kNoPhase - 1));
        if (e.phase >= header.phases.size()) {
            k.error("phase " + std::to_string(e.phase) + " is not an index into header.phases (" +
                    std::to_string(header.phases.size()) + " phases)");
        }
    }
    if (const json* v = k.find("cb")) e.callback = k.uint("cb", *v, kU64);
    if (const json* v = k.find("creator")) e.creator = k.uint("creator", *v, kU64);
    if (k.has("from")) e.from_queue = convert_queue(k, "from");
    if (k.has("to")) e.to_queue = convert_queue(k, "to");
    if (const json* v = k.find("line")) e.line = static_cast<uint32_t>(k.uint("line", *v, kU32));
    if (const json* v = k.find("col")) e.column = static_cast<uint32_t>(k.uint("col", *v, kU32));
    if (const json* v = k.find("label")) e.label = strings.intern(k.string("label", *v));
    if (const json* v = k.find("stream")) {
        const std::string& s = k.string("stream", *v);
        if (s == "stdout")
            e.stream = Stream::Stdout;
        else if (s == "stderr")
            e.stream = Stream::Stderr;
        else
            k.error("field \"stream\" must be \"stdout\" or \"stderr\", not \"" + s + "\"");
    }
    if (const json* v = k.find("text")) e.text = strings.intern(k.string("text", *v));
    if (const json* v = k.find("reason")) convert_reason(k, *v, e, strings);

    uint32_t missing = event_kind_required_fields(e.kind) & ~present_fields(e);
    for (const FieldKey& fk : kFieldKeys) {
        if (missing & fk.flag) k.error(std::string("missing required field \"") + fk.key + "\"");
    }
    return e;
}

Outcome convert_outcome(const json& j, uint64_t events_read) {
    Where where{Where::Kind::TopLevel, "outcome", 0};
    if (!j.is_object()) fail(where, "\"outcome\" must be an object, not " + Fields::describe(j));
    Fields o(j, where, "outcome: ");
    Outcome outcome;
    const std::string& status = o.string("status");
    auto parsed = outcome_status_from_name(status);
    if (!parsed)
        o.error("unknown status \"" + status +
                "\" (known: completed, error, budget_exceeded, aborted)");
    outcome.status = *parsed;
    int64_t exit_code = o.int64("exit_code");
    if (exit_code < std::numeric_limits<int>::min() ||
        exit_code > std::numeric_limits<int>::max()) {
        o.error("exit_code " + std::to_string(exit_code) + " is out of range");
    }
    outcome.exit_code = static_cast<int>(exit_code);
    if (const json* v = o.find("message")) outcome.message = o.string("message", *v);
    if (const json* v = o.find("budget")) outcome.budget = o.string("budget", *v);
    uint64_t count = o.uint("event_count", kU64);
    if (count != events_read) {
        o.error("event_count says " + std::to_string(count) + " events but the file holds " +
                std::to_string(events_read));
    }
    return outcome;
}

// Drives nlohmann's callback parser: checks format and version as soon as they are read,
// converts the header when it closes, converts each event when it closes and discards its
// JSON (so a big trace is never held twice), and checks the outcome last.
class TraceParser {
public:
    bool on_event(int depth, json::parse_event_t event, json& parsed) {
        using E = json::parse_event_t;
        if (depth == 0) {
            if (event == E::object_end)
                finish();
            else if (event != E::object_start)
                fail({Where::Kind::Start, {}, 0}, "a trace must be a JSON object");
            return true;
        }
        if (depth == 1) return on_top_level(event, parsed);
        if (depth == 2 && m_in_events &&
            (event == E::object_end || event == E::array_end || event == E::value)) {
            TraceEvent e =
                convert_event(parsed, m_trace.events.size(), m_trace.header, m_trace.strings);
            if (m_last_time_by_actor.size() <= e.actor) m_last_time_by_actor.resize(e.actor + 1, kNever);
            if (e.time < m_last_time_by_actor[e.actor]) {
                fail({Where::Kind::Event, {}, m_trace.events.size()},
                     "event " + std::to_string(m_trace.events.size()) + " (" +
                         std::string(event_kind_name(e.kind)) + "): time " +
                         std::to_string(e.time.count_ns()) +
                         " ns is earlier than the previous event's " +
                         std::to_string(m_last_time_by_actor[e.actor].count_ns()) +
                         " ns on the same actor (each actor's events must be in time order)");
            }
            m_last_time_by_actor[e.actor] = e.time;
            m_trace.events.push_back(e);
            return false;
        }
        return true;
    }

    Trace take() { return std::move(m_trace); }

private:
    bool on_top_level(json::parse_event_t event, json& parsed) {
        using E = json::parse_event_t;
        if (event == E::key) {
            m_key = parsed.get<std::string>();
            if ((m_key == "header" || m_key == "events" || m_key == "outcome") && !m_seen_version) {
                fail({Where::Kind::TopLevel, m_key, 0},
                     m_seen_format ? "missing \"version\" before \"" + m_key + "\""
                                   : "missing \"format\": this is not a loopsim trace");
            }
            if ((m_key == "events" || m_key == "outcome") && !m_seen_header) {
                fail({Where::Kind::TopLevel, m_key, 0},
                     "missing \"header\" before \"" + m_key + "\"");
            }
            if (m_key == "outcome" && !m_seen_events) {
                fail({Where::Kind::TopLevel, m_key, 0}, "missing \"events\" before \"outcome\"");
            }
            return true;
        }
        Where here{Where::Kind::TopLevel, m_key, 0};
        if (m_key == "format" && event == E::value) {
            if (!parsed.is_string() || parsed.get<std::string>() != kFormatName) {
                fail(here, "unknown format " + parsed.dump() + ": expected \"" +
                               std::string(kFormatName) + "\"");
            }
            m_seen_format = true;
        } else if (m_key == "version" && event == E::value) {
            if (!m_seen_format)
                fail(here, "missing \"format\" before \"version\": this is not a loopsim trace");
            if (!parsed.is_number_integer() || parsed.get<int64_t>() != kFormatVersion) {
                fail(here, "unsupported trace version " + parsed.dump() +
                               ": this loopsim reads version " + std::to_string(kFormatVersion) +
                               " only");
            }
            m_seen_version = true;
        } else if (m_key == "header" && event != E::object_start && event != E::array_start) {
            m_trace.header = convert_header(parsed);
            m_seen_header = true;
            return false;
        } else if (m_key == "events") {
            if (event == E::array_start) {
                m_in_events = true;
            } else if (event == E::array_end) {
                m_in_events = false;
                m_seen_events = true;
                return false;
            } else if (event != E::object_start) {
                fail(here, "\"events\" must be an array, not " + Fields::describe(parsed));
            }
        } else if (m_key == "outcome" && event != E::object_start && event != E::array_start) {
            m_trace.outcome = convert_outcome(parsed, m_trace.events.size());
            m_seen_outcome = true;
            return false;
        }
        return true;
    }

    void finish() {
        const char* missing = !m_seen_format    ? "format"
                              : !m_seen_version ? "version"
                              : !m_seen_header  ? "header"
                              : !m_seen_events  ? "events"
                              : !m_seen_outcome ? "outcome"
                                                : nullptr;
        if (missing) fail({}, std::string("missing required field \"") + missing + "\"");
    }

    Trace m_trace;
    static constexpr sim::SimTime kNever = sim::SimTime::ns(INT64_MIN);
    std::vector<sim::SimTime> m_last_time_by_actor; // events of one actor are in time order
    std::string m_key; // the current top-level key
    bool m_seen_format = false;
    bool m_seen_version = false;
    bool m_seen_header = false;
    bool m_seen_events = false;
    bool m_seen_outcome = false;
    bool m_in_events = false;
};

std::string with_position(std::string_view name, std::string_view text, size_t offset,
                          std::string_view message) {
    TextPosition pos = position_of(text, offset);
    return std::string(name) + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column) +
           ": error: " + std::string(message);
}

size_t offset_of(const Where& where, std::string_view text) {
    size_t offset = std::string_view::npos;
    if (where.kind == Where::Kind::Start) {
        offset = text.find_first_not_of(" \t\r\n");
    } else if (where.kind == Where::Kind::TopLevel) {
        offset = top_level_value_offset(text, where.key);
    } else if (where.kind == Where::Kind::Event) {
        size_t array = top_level_value_offset(text, "events");
        if (array != std::string_view::npos)
            offset = array_element_offset(text, array, where.event);
    }
    if (offset == std::string_view::npos) offset = last_non_space_offset(text);
    return offset;
}

// nlohmann's message minus its "[json.exception...] parse error at line L, column C: " prefix.
std::string syntax_message(const json::parse_error& e) {
    std::string what = e.what();
    size_t at = what.find(": ", what.find("column"));
    return at == std::string::npos ? what : what.substr(at + 2);
}

} // namespace

sim::Result<Trace> parse_trace(std::string_view text, std::string_view name) {
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        return sim::Error{std::string(name) +
                          ":1:1: error: empty file: a loopsim trace is a JSON object"};
    }
    TraceParser parser;
    try {
        json::parser_callback_t callback = [&parser](int depth, json::parse_event_t event,
                                                     json& parsed) {
            return parser.on_event(depth, event, parsed);
        };
        json rest = json::parse(text.begin(), text.end(), callback);
        (void)rest; // the top-level object minus header, events and outcome
    } catch (const ReadError& e) {
        return sim::Error{with_position(name, text, offset_of(e.where, text), e.message)};
    } catch (const json::parse_error& e) {
        size_t offset = e.byte == 0 ? 0 : e.byte - 1;
        std::string message = syntax_message(e);
        if (offset >= text.size()) {
            offset = text.size();
            message += " (the file ends early: was the run killed before the trace was finished?)";
        }
        return sim::Error{with_position(name, text, offset, message)};
    } catch (const std::exception& e) {
        return sim::Error{std::string(name) + ":1:1: error: cannot read trace: " + e.what()};
    }
    return parser.take();
}

sim::Result<Trace> read_trace(std::string_view path) {
    std::string path_string(path);
    std::FILE* file = std::fopen(path_string.c_str(), "rb");
    if (!file) return sim::Error{path_string + ": error: cannot open: " + std::strerror(errno)};
    std::string text;
    char chunk[1 << 16];
    size_t n;
    while ((n = std::fread(chunk, 1, sizeof chunk, file)) > 0) text.append(chunk, n);
    bool failed = std::ferror(file) != 0;
    std::fclose(file);
    if (failed) return sim::Error{path_string + ": error: cannot read: " + std::strerror(errno)};
    return parse_trace(text, path);
}

} // namespace loopsim::trace
