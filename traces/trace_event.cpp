#include "traces/trace_event.h"

namespace loopsim::trace {

std::string_view stream_name(Stream stream) {
    switch (stream) {
    case Stream::None:
        return "none";
    case Stream::Stdout:
        return "stdout";
    case Stream::Stderr:
        return "stderr";
    }
    return "none";
}

uint32_t present_fields(const TraceEvent& e) {
    uint32_t f = field::None;
    if (e.loop_time_ms != -1) f |= field::LoopTime;
    if (e.phase != kNoPhase) f |= field::Phase;
    if (e.callback != 0) f |= field::Callback;
    if (e.creator != 0) f |= field::Creator;
    if (e.from_queue != Queue::None) f |= field::FromQueue;
    if (e.to_queue != Queue::None) f |= field::ToQueue;
    if (e.line != 0) f |= field::Location;
    if (e.label != kNoString) f |= field::Label;
    if (e.stream != Stream::None) f |= field::Stream;
    if (e.text != kNoString) f |= field::Text;
    if (e.reason.code != ReasonCode::None) f |= field::Reason;
    return f;
}

bool same_event(const TraceEvent& a, const StringPool& as, const TraceEvent& b,
                const StringPool& bs) {
    return a.time == b.time && a.loop_time_ms == b.loop_time_ms && a.callback == b.callback &&
           a.creator == b.creator && a.reason.code == b.reason.code &&
           a.reason.args == b.reason.args && as.get(a.reason.str) == bs.get(b.reason.str) &&
           a.actor == b.actor && a.iteration == b.iteration && a.line == b.line &&
           a.column == b.column && as.get(a.label) == bs.get(b.label) &&
           as.get(a.text) == bs.get(b.text) && a.kind == b.kind && a.phase == b.phase &&
           a.from_queue == b.from_queue && a.to_queue == b.to_queue && a.stream == b.stream;
}

} // namespace loopsim::trace
