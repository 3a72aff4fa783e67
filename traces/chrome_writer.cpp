// Chrome trace-event export. See chrome_writer.h.
//
// Two passes over the events. The first finds, per callback, where it was created and
// where it first ran (for the flow arrows). The second turns events into records: slices
// open on a per-lane stack and become one "X" record when they close; instants, counters
// and flow ends become records at once. Each record's JSON text goes into one scratch
// buffer; the records are then sorted per lane by time and copied out in that order.
#include "traces/chrome_writer.h"

#include "traces/reason.h"

#include <algorithm>
#include <map>
#include <vector>

namespace loopsim::trace {
namespace {

constexpr uint64_t kNone = ~uint64_t{0};

// Microseconds as an exact decimal of integer nanoseconds: 1000331 -> "1000.331".
void put_us(JsonOutput& out, int64_t ns) {
    if (ns < 0) {
        out.raw('-');
        ns = -ns;
    }
    out.integer(ns / 1000);
    int64_t frac = ns % 1000;
    if (frac == 0) return;
    char digits[4] = {'.', static_cast<char>('0' + frac / 100),
                      static_cast<char>('0' + frac / 10 % 10), static_cast<char>('0' + frac % 10)};
    size_t n = 4;
    while (digits[n - 1] == '0') --n;
    out.raw(std::string_view(digits, n));
}

enum class SliceKind : uint8_t {
    Run,
    Iteration,
    Phase,
    Drain,
    Callback,
    Job
};

struct OpenSlice {
    SliceKind kind;
    uint64_t key;       // iteration, phase, queue or callback id: what the closing event names
    size_t event_index; // the event that opened it
};

// One output object: where its text sits in the scratch buffer and how it sorts.
struct Record {
    uint32_t tid;
    int64_t ts;
    int64_t dur;  // slices only; -1 for everything else
    size_t order; // the event it comes from (for a slice: the one that opened it)
    uint64_t seq;
    size_t begin, end;
};

class ChromeExport {
public:
    explicit ChromeExport(const Trace& trace)
        : m_trace(trace), m_out(JsonOutput::to_string(m_scratch)) {}

    void build() {
        assign_lanes();
        find_flows();
        for (size_t i = 0; i < m_trace.events.size(); ++i) {
            const TraceEvent& e = m_trace.events[i];
            m_end_ns = std::max(m_end_ns, e.time.count_ns());
        }
        for (size_t i = 0; i < m_trace.events.size(); ++i) convert(i);
        for (auto& [tid, stack] : m_stacks)
            while (!stack.empty()) close_top(tid, m_end_ns);
        (void)m_out.flush(); // a string target cannot fail
        std::stable_sort(m_records.begin(), m_records.end(), [](const Record& a, const Record& b) {
            if (a.tid != b.tid) return a.tid < b.tid;
            if (a.ts != b.ts) return a.ts < b.ts;
            const bool a_slice = a.dur >= 0, b_slice = b.dur >= 0;
            if (a_slice != b_slice) return a_slice;   // a slice before what happens at its start
            if (a.dur != b.dur) return a.dur > b.dur; // the enclosing slice first
            if (a.order != b.order)
                return a.order < b.order; // equal bounds: the outer opened first
            return a.seq < b.seq;
        });
    }

    void write(JsonOutput& out) const {
        out.raw("{\"traceEvents\":[\n");
        write_metadata(out);
        for (const Record& r : m_records) {
            out.raw(",\n");
            out.raw(std::string_view(m_scratch).substr(r.begin, r.end - r.begin));
        }
        out.raw("\n],\"displayTimeUnit\":\"ns\",\"otherData\":{\"format\":\"loopsim-chrome\","
                "\"scenario\":");
        out.string(m_trace.header.scenario_path);
        out.raw(",\"profile\":");
        out.string(m_trace.header.profile);
        out.raw(",\"seed\":");
        out.unsigned_integer(m_trace.header.seed);
        out.raw(",\"status\":");
        out.string(outcome_status_name(m_trace.outcome.status));
        out.raw(",\"exit_code\":");
        out.integer(m_trace.outcome.exit_code);
        out.raw("}}\n");
    }

private:
    struct Lane {
        uint32_t tid;
        std::string name;
    };

    // Main thread first, then the other actors in header order, the OS last (a synthetic
    // OS lane when the header has no OS actor, so every export has the same three kinds).
    void assign_lanes() {
        const auto& actors = m_trace.header.actors;
        uint32_t next = 1;
        const auto add = [&](uint32_t actor, std::string name) {
            m_lanes.push_back({next, std::move(name)});
            m_tid_of[actor] = next++;
        };
        for (const Actor& a : actors)
            if (a.kind == ActorKind::Main && m_tid_of.empty()) add(a.id, "main thread");
        if (m_tid_of.empty())
            m_lanes.push_back({next++, "main thread"}); // no main actor: tid 1 anyway
        for (const Actor& a : actors) {
            if (m_tid_of.count(a.id) || a.kind == ActorKind::Os) continue;
            add(a.id, a.kind == ActorKind::Loop ? "event loop" : a.name);
        }
        for (const Actor& a : actors) {
            if (a.kind != ActorKind::Os || m_tid_of.count(a.id)) continue;
            if (m_os_tid == 0) m_os_tid = next;
            add(a.id, a.name.empty() ? "os" : a.name);
        }
        if (m_os_tid == 0) {
            m_os_tid = next;
            m_lanes.push_back({next++, "os"});
        }
    }

    uint32_t tid(uint32_t actor) const {
        auto it = m_tid_of.find(actor);
        return it == m_tid_of.end() ? 1 : it->second;
    }

    // Per callback: the event that created it, its first run (callback start or worker
    // pick), and for a thread-pool job the worker's pick and the callback that follows.
    struct Flow {
        size_t created = kNone, first_start = kNone, worker_pick = kNone, run_after_job = kNone;
        uint64_t creation_arrow = 0, job_arrow = 0; // flow ids; 0 = no arrow
    };
    void find_flows() {
        for (size_t i = 0; i < m_trace.events.size(); ++i) {
            const TraceEvent& e = m_trace.events[i];
            if (e.callback == 0) continue;
            Flow& f = m_flows[e.callback];
            switch (e.kind) {
            case EventKind::CallbackCreated:
                if (f.created == kNone) f.created = i;
                break;
            case EventKind::CallbackStart:
                if (f.first_start == kNone)
                    f.first_start = i;
                else if (f.worker_pick != kNone && f.run_after_job == kNone)
                    f.run_after_job = i;
                break;
            case EventKind::WorkerPick:
                if (f.first_start == kNone) f.first_start = i;
                if (f.worker_pick == kNone) f.worker_pick = i;
                break;
            default:
                break;
            }
        }
        // Arrow ids, numbered in the order the arrows start. A callback nobody created (the
        // main script) gets no arrow, and neither does one whose run is not after its start.
        const auto valid = [&](size_t from, size_t to) {
            return from != kNone && to != kNone &&
                   !(m_trace.events[to].time < m_trace.events[from].time);
        };
        uint64_t next = 1;
        for (size_t i = 0; i < m_trace.events.size(); ++i) {
            const TraceEvent& e = m_trace.events[i];
            if (e.callback == 0) continue;
            Flow& f = m_flows[e.callback];
            if (i == f.created && e.creator != 0 && valid(f.created, f.first_start))
                f.creation_arrow = next++;
            if (i == f.worker_pick && valid(f.worker_pick, f.run_after_job)) f.job_arrow = next++;
        }
    }

    // Opens a record: the common prefix of every object.
    size_t begin_record(std::string_view name, std::string_view cat, char ph, int64_t ts) {
        const size_t begin = m_out.bytes_written();
        m_out.raw("{\"name\":");
        m_out.string(name);
        m_out.raw(",\"cat\":\"");
        m_out.raw(cat);
        m_out.raw("\",\"ph\":\"");
        m_out.raw(ph);
        m_out.raw("\",\"ts\":");
        put_us(m_out, ts);
        return begin;
    }
    void end_record(size_t begin, uint32_t lane, int64_t ts, int64_t dur) {
        m_out.raw(",\"pid\":1,\"tid\":");
        m_out.unsigned_integer(lane);
        m_out.raw('}');
        m_records.push_back({lane, ts, dur, m_order, m_seq++, begin, m_out.bytes_written()});
    }

    std::string_view label(const TraceEvent& e) const { return m_trace.strings.get(e.label); }

    void arg_sep(bool& first) {
        m_out.raw(first ? "{" : ",");
        first = false;
    }
    void event_args(const TraceEvent& e, bool with_text) {
        bool first = true;
        if (e.callback != 0) {
            arg_sep(first);
            m_out.raw("\"cb\":");
            m_out.unsigned_integer(e.callback);
        }
        if (e.from_queue != Queue::None) {
            arg_sep(first);
            m_out.raw("\"queue\":");
            m_out.string(queue_name(e.from_queue));
        }
        if (e.to_queue != Queue::None && e.to_queue != Queue::CallStack) {
            arg_sep(first);
            m_out.raw("\"to\":");
            m_out.string(queue_name(e.to_queue));
        }
        if (e.callback != 0) {
            auto it = m_flows.find(e.callback);
            if (it != m_flows.end() && it->second.created != kNone) {
                const TraceEvent& c = m_trace.events[it->second.created];
                if (c.creator != 0) {
                    arg_sep(first);
                    m_out.raw("\"creator\":");
                    m_out.unsigned_integer(c.creator);
                }
                if (c.line != 0) {
                    arg_sep(first);
                    m_out.raw("\"created_at\":\"line ");
                    m_out.unsigned_integer(c.line);
                    if (c.column != 0) {
                        m_out.raw(":");
                        m_out.unsigned_integer(c.column);
                    }
                    m_out.raw('"');
                }
            }
        }
        if (e.loop_time_ms >= 0) {
            arg_sep(first);
            m_out.raw("\"loop_ms\":");
            m_out.integer(e.loop_time_ms);
        }
        arg_sep(first);
        m_out.raw("\"iteration\":");
        m_out.unsigned_integer(e.iteration);
        if (with_text && e.text != kNoString) {
            m_out.raw(",\"text\":");
            m_out.string(m_trace.strings.get(e.text));
        }
        if (e.reason.code != ReasonCode::None) {
            m_out.raw(",\"reason\":");
            m_out.string(render_reason(e, m_trace.strings));
        }
        m_out.raw('}');
    }

    std::string slice_name(const OpenSlice& s, const TraceEvent& e) const {
        switch (s.kind) {
        case SliceKind::Run:
            return "run";
        case SliceKind::Iteration:
            return "iteration " + std::to_string(e.iteration);
        case SliceKind::Phase:
            return (e.phase < m_trace.header.phases.size() ? m_trace.header.phases[e.phase]
                                                           : "phase " + std::to_string(e.phase)) +
                   " phase";
        case SliceKind::Drain:
            if (e.from_queue == Queue::NextTick) return "drain nextTick queue";
            if (e.from_queue == Queue::Microtasks) return "drain microtask queue";
            return "drain " + std::string(queue_name(e.from_queue));
        case SliceKind::Callback:
        case SliceKind::Job:
            if (!label(e).empty()) return std::string(label(e));
            return (s.kind == SliceKind::Job ? "job " : "callback ") + std::to_string(e.callback);
        }
        return "slice";
    }

    static std::string_view slice_category(SliceKind kind) {
        switch (kind) {
        case SliceKind::Run:
        case SliceKind::Iteration:
            return "loop";
        case SliceKind::Phase:
            return "phase";
        case SliceKind::Drain:
            return "drain";
        case SliceKind::Callback:
            return "callback";
        case SliceKind::Job:
            return "thread_pool";
        }
        return "loop";
    }

    void close_top(uint32_t lane, int64_t end_ns) {
        std::vector<OpenSlice>& stack = m_stacks[lane];
        const OpenSlice s = stack.back();
        stack.pop_back();
        const size_t event_order = m_order;
        m_order = s.event_index;
        const TraceEvent& e = m_trace.events[s.event_index];
        const int64_t ts = e.time.count_ns();
        const int64_t dur = std::max<int64_t>(0, end_ns - ts);
        const size_t begin = begin_record(slice_name(s, e), slice_category(s.kind), 'X', ts);
        m_out.raw(",\"dur\":");
        put_us(m_out, dur);
        m_out.raw(",\"args\":");
        switch (s.kind) {
        case SliceKind::Callback:
        case SliceKind::Job:
        case SliceKind::Drain:
            event_args(e, false);
            break;
        case SliceKind::Phase:
        case SliceKind::Iteration:
        case SliceKind::Run:
            m_out.raw("{\"iteration\":");
            m_out.unsigned_integer(e.iteration);
            if (e.loop_time_ms >= 0) {
                m_out.raw(",\"loop_ms\":");
                m_out.integer(e.loop_time_ms);
            }
            m_out.raw('}');
            break;
        }
        end_record(begin, lane, ts, dur);
        m_order = event_order;
    }

    void open(uint32_t lane, SliceKind kind, uint64_t key, size_t index) {
        m_stacks[lane].push_back({kind, key, index});
    }
    // Closes the innermost open slice of this kind and key, and any still open inside it.
    void close(uint32_t lane, SliceKind kind, uint64_t key, int64_t end_ns) {
        std::vector<OpenSlice>& stack = m_stacks[lane];
        auto it = std::find_if(stack.rbegin(), stack.rend(),
                               [&](const OpenSlice& s) { return s.kind == kind && s.key == key; });
        if (it == stack.rend()) return; // an end without a start: nothing to draw
        const size_t depth = static_cast<size_t>(stack.rend() - it);
        while (stack.size() >= depth) close_top(lane, end_ns);
    }

    void instant(std::string_view name, std::string_view cat, uint32_t lane, const TraceEvent& e) {
        const int64_t ts = e.time.count_ns();
        const size_t begin = begin_record(name, cat, 'i', ts);
        m_out.raw(",\"s\":\"t\",\"args\":");
        event_args(e, true);
        end_record(begin, lane, ts, -1);
    }

    void flow(char ph, uint64_t id, const TraceEvent& e) {
        const uint32_t lane = tid(e.actor);
        const int64_t ts = e.time.count_ns();
        const size_t begin = begin_record("queued", "flow", ph, ts);
        m_out.raw(",\"id\":");
        m_out.unsigned_integer(id);
        if (ph == 'f') m_out.raw(",\"bp\":\"e\"");
        end_record(begin, lane, ts, -1);
    }

    // Flow arrows that start or end at event i: creation -> first run, and a job on its
    // worker -> the callback that takes its result. The second arrow starts at the pick,
    // where the job's slice surely encloses it.
    void flows_at(size_t i, const TraceEvent& e) {
        auto it = m_flows.find(e.callback);
        if (it == m_flows.end()) return;
        const Flow& f = it->second;
        const auto pair = [&](size_t from, size_t to, uint64_t id) {
            if (id == 0) return;
            if (i == from) flow('s', id, e);
            if (i == to) flow('f', id, e);
        };
        pair(f.created, f.first_start, f.creation_arrow);
        pair(f.worker_pick, f.run_after_job, f.job_arrow);
    }

    void convert(size_t i) {
        m_order = i;
        const TraceEvent& e = m_trace.events[i];
        const uint32_t lane = tid(e.actor);
        const int64_t t = e.time.count_ns();
        // A flow's end binds to the slice that starts here: open it first (done below), and
        // record the flow after; sorting puts slices before the instants at the same time.
        switch (e.kind) {
        case EventKind::RunStart:
            open(lane, SliceKind::Run, 0, i);
            break;
        case EventKind::RunEnd:
            close(lane, SliceKind::Run, 0, t);
            break;
        case EventKind::IterationStart:
            open(lane, SliceKind::Iteration, e.iteration, i);
            break;
        case EventKind::IterationEnd:
            close(lane, SliceKind::Iteration, e.iteration, t);
            break;
        case EventKind::PhaseEnter:
            open(lane, SliceKind::Phase, e.phase, i);
            break;
        case EventKind::PhaseLeave:
            close(lane, SliceKind::Phase, e.phase, t);
            break;
        case EventKind::DrainBegin:
            open(lane, SliceKind::Drain, static_cast<uint64_t>(e.from_queue), i);
            break;
        case EventKind::DrainEnd:
            close(lane, SliceKind::Drain, static_cast<uint64_t>(e.from_queue), t);
            break;
        case EventKind::CallbackStart:
            open(lane, SliceKind::Callback, e.callback, i);
            break;
        case EventKind::CallbackEnd:
            close(lane, SliceKind::Callback, e.callback, t);
            break;
        case EventKind::WorkerPick:
            open(lane, SliceKind::Job, e.callback, i);
            break;
        case EventKind::WorkerDone:
            close(lane, SliceKind::Job, e.callback, t);
            break;
        case EventKind::LoopTimeUpdate: {
            const size_t begin = begin_record("loop time (ms)", "loop", 'C', t);
            m_out.raw(",\"args\":{\"ms\":");
            m_out.integer(e.loop_time_ms);
            m_out.raw('}');
            end_record(begin, lane, t, -1);
            break;
        }
        case EventKind::Console:
            instant(e.stream == Stream::Stderr ? "stderr" : "stdout", "console", lane, e);
            break;
        case EventKind::Error:
            instant("uncaught error", "error", lane, e);
            break;
        case EventKind::BudgetExceeded:
            instant("budget exceeded", "error", lane, e);
            break;
        case EventKind::Choice:
            instant("choice", "choice", lane, e);
            break;
        case EventKind::Note:
            instant("note", "note", lane, e);
            break;
        case EventKind::OsReady:
            instant("os ready", "os", m_os_tid, e);
            break;
        case EventKind::CallbackCancelled:
            instant("cancelled: " + (label(e).empty() ? "callback " + std::to_string(e.callback)
                                                      : std::string(label(e))),
                    "callback", lane, e);
            break;
        case EventKind::CallbackMoved:
            instant("moved to " + std::string(queue_name(e.to_queue)), "callback", lane, e);
            break;
        case EventKind::CallbackCreated:
            break; // drawn as the start of its flow arrow
        }
        if (e.callback != 0) flows_at(i, e);
    }

    void write_metadata(JsonOutput& out) const {
        out.raw("{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":1,\"tid\":1,\"args\":{\"name\":");
        out.string("loopsim " + m_trace.header.scenario_path + " (" + m_trace.header.profile + ")");
        out.raw("}}");
        for (const Lane& lane : m_lanes) {
            out.raw(",\n{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,\"tid\":");
            out.unsigned_integer(lane.tid);
            out.raw(",\"args\":{\"name\":");
            out.string(lane.name);
            out.raw("}},\n{\"name\":\"thread_sort_index\",\"ph\":\"M\",\"pid\":1,\"tid\":");
            out.unsigned_integer(lane.tid);
            out.raw(",\"args\":{\"sort_index\":");
            out.unsigned_integer(lane.tid);
            out.raw("}}");
        }
    }

    const Trace& m_trace;
    std::string m_scratch;
    JsonOutput m_out;
    std::vector<Lane> m_lanes;
    std::map<uint32_t, uint32_t> m_tid_of; // actor id -> tid
    uint32_t m_os_tid = 0;
    std::map<uint64_t, Flow> m_flows;
    std::map<uint32_t, std::vector<OpenSlice>> m_stacks; // per tid
    std::vector<Record> m_records;
    uint64_t m_seq = 0;
    size_t m_order = 0; // Record::order of the records being made
    int64_t m_end_ns = 0;
};

} // namespace

sim::Result<void> write_chrome_trace(const Trace& trace, JsonOutput& out) {
    ChromeExport exporter(trace);
    exporter.build();
    exporter.write(out);
    return out.flush();
}

std::string trace_to_chrome_json(const Trace& trace) {
    std::string text;
    {
        JsonOutput out = JsonOutput::to_string(text);
        (void)write_chrome_trace(trace, out); // writing to a string cannot fail
    }
    return text;
}

} // namespace loopsim::trace
