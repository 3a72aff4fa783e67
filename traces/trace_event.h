#pragma once
// TraceEvent: one step of a run, as the viewer animates it and CI diffs it.
// Contract: a fixed-size plain struct (no owning members) so a model can record ~10 M events
// a second by copying it into a TraceRecorder. Text lives in the trace's StringPool and is
// referenced by StringId; the reason is a code plus arguments, rendered only when written
// or shown. Every optional field has an "absent" value (listed per field) that the JSON
// writer leaves out; field:: flags in event_kind.h name them, and event_kinds.def says which
// ones each kind requires. Each actor's events are in non-decreasing `time` order; the
// trace's order is the order the simulation observed them.
#include "sim/sim_time.h"
#include "traces/event_kind.h"
#include "traces/queue.h"
#include "traces/reason.h"
#include "traces/string_pool.h"

#include <cstdint>

namespace loopsim::trace {

inline constexpr uint8_t kNoPhase = 0xFF;

// Where console text went.
enum class Stream : uint8_t {
    None,
    Stdout,
    Stderr
};
std::string_view stream_name(Stream stream);

struct TraceEvent {
    sim::SimTime time;          // virtual time of the event (JSON "t", ns); always present
    int64_t loop_time_ms = -1;  // libuv's cached loop clock ("loop_ms"); -1 = absent
    uint64_t callback = 0;      // the callback (or job) this event is about ("cb"); 0 = absent
    uint64_t creator = 0;       // the callback that created it ("creator"); 0 = absent
    Reason reason;              // why ("reason"); ReasonCode::None = absent
    uint32_t actor = 0;         // lane: an id from TraceHeader::actors; always present
    uint32_t iteration = 0;     // loop iteration number ("iter"); 0 before the loop starts
    uint32_t line = 0;          // source line, 1-based ("line"); 0 = absent
    uint32_t column = 0;        // source column, 1-based ("col"); 0 = absent
    StringId label = kNoString; // function name or first source line ("label")
    StringId text = kNoString;  // console text, error message, note ("text")
    EventKind kind = EventKind::Note;
    uint8_t phase = kNoPhase;       // index into TraceHeader::phases; kNoPhase = absent
    Queue from_queue = Queue::None; // "from"; None = absent
    Queue to_queue = Queue::None;   // "to"; None = absent
    Stream stream = Stream::None;   // "stream"; None = absent
};

static_assert(sizeof(TraceEvent) <= 96, "TraceEvent must stay compact: it is copied per event");

// field:: flags of the optional fields `event` carries (not their absent value).
uint32_t present_fields(const TraceEvent& event);

// Field-by-field equality, with strings compared by text (each event resolves its ids in its
// own pool), so a trace read back from JSON equals the one that was written.
bool same_event(const TraceEvent& a, const StringPool& a_strings, const TraceEvent& b,
                const StringPool& b_strings);

} // namespace loopsim::trace
