// TraceIndex: one pass over the trace per concern. See trace_index.h.
#include "viewer/core/trace_index.h"

#include <algorithm>
#include <limits>

namespace loopsim::viewer {

using trace::EventKind;
using trace::Queue;
using trace::TraceEvent;

TraceIndex::TraceIndex(trace::Trace trace) : m_trace(std::move(trace)) {
    m_worker_of_actor.clear();
    for (const trace::Actor& actor : m_trace.header.actors) {
        if (m_worker_of_actor.size() <= actor.id) m_worker_of_actor.resize(actor.id + 1, -1);
        if (actor.kind == trace::ActorKind::Worker)
            m_worker_of_actor[actor.id] = static_cast<int32_t>(m_worker_count++);
    }
    index_callbacks();
    index_lanes();
    index_checkpoints();
    index_source();
}

std::string TraceIndex::card_label(CardId card) const {
    const CallbackInfo& info = m_callbacks[card];
    if (info.label != trace::kNoString) return std::string(text(info.label));
    return (info.is_job ? "job #" : "callback #") + std::to_string(info.id);
}

void TraceIndex::index_callbacks() {
    const size_t n = m_trace.events.size();
    for (size_t i = 0; i < n; ++i) {
        const TraceEvent& e = m_trace.events[i];
        const auto step = static_cast<uint32_t>(i);
        switch (e.kind) {
        case EventKind::PhaseEnter:
            m_phase_steps.push_back(step);
            break;
        case EventKind::IterationStart:
            m_iteration_steps.push_back(step);
            break;
        case EventKind::Console:
            m_console_steps.push_back(step);
            break;
        default:
            break;
        }
        if (e.callback == 0) continue;
        CardId card = kNoCard;
        switch (e.kind) {
        case EventKind::CallbackCreated:
        case EventKind::CallbackMoved:
        case EventKind::CallbackStart:
        case EventKind::CallbackEnd:
        case EventKind::CallbackCancelled:
        case EventKind::WorkerPick:
        case EventKind::WorkerDone:
            card = m_callbacks.intern(e.callback);
            break;
        default:
            continue;
        }
        CallbackInfo& info = m_callbacks[card];
        if (e.label != trace::kNoString) info.label = e.label;
        switch (e.kind) {
        case EventKind::CallbackCreated:
            if (info.created_step != kNoStep) break;
            info.created_step = step;
            info.created_time = e.time;
            info.creator = e.creator;
            info.creator_card = e.creator ? m_callbacks.find(e.creator) : kNoCard;
            info.first_queue = e.to_queue;
            info.is_job = e.to_queue == Queue::ThreadPool;
            info.line = e.line;
            break;
        case EventKind::CallbackStart:
        case EventKind::WorkerPick:
            if (info.start_step == kNoStep) {
                info.start_step = step;
                info.start_time = e.time;
            }
            break;
        case EventKind::CallbackCancelled:
            info.cancelled = true;
            [[fallthrough]];
        case EventKind::CallbackEnd:
        case EventKind::WorkerDone:
            if (info.end_step == kNoStep) info.end_step = step;
            break;
        default:
            break;
        }
    }
}

void TraceIndex::index_lanes() {
    const auto& actors = m_trace.header.actors;
    std::vector<int32_t> lane_of_actor;
    for (const trace::Actor& actor : actors) {
        if (actor.kind == trace::ActorKind::Loop) continue; // the loop is drawn as phase bands
        if (lane_of_actor.size() <= actor.id) lane_of_actor.resize(actor.id + 1, -1);
        lane_of_actor[actor.id] = static_cast<int32_t>(m_lanes.size());
        m_lanes.push_back(Lane{actor.name, actor.kind, actor.id, {}});
    }
    struct Open {
        CardId card;
        int64_t start;
        uint32_t step;
    };
    std::vector<std::vector<Open>> open(m_lanes.size()); // per lane, a stack
    auto close_span = [&](size_t lane, CardId card, int64_t end) {
        auto& stack = open[lane];
        // Close the innermost open span of `card` (and anything left open inside it).
        auto it = std::find_if(stack.rbegin(), stack.rend(),
                               [&](const Open& o) { return o.card == card; });
        if (it == stack.rend()) return;
        size_t depth = static_cast<size_t>(stack.rend() - it) - 1;
        auto& levels = m_lanes[lane].levels;
        if (levels.size() <= depth) levels.resize(depth + 1);
        levels[depth].push_back(Span{it->start, end, it->step, it->card});
        stack.resize(depth);
    };
    int64_t phase_start = 0, iteration_start = 0;
    uint32_t phase_step = 0, iteration_step = 0;
    uint8_t phase = trace::kNoPhase;
    bool in_iteration = false;
    m_start_ns = std::numeric_limits<int64_t>::max();
    m_end_ns = std::numeric_limits<int64_t>::min();
    const int32_t main_actor = actors.empty() ? -1 : static_cast<int32_t>(actors.front().id);
    const size_t n = m_trace.events.size();
    for (size_t i = 0; i < n; ++i) {
        const TraceEvent& e = m_trace.events[i];
        const auto step = static_cast<uint32_t>(i);
        const int64_t t = e.time.count_ns();
        m_start_ns = std::min(m_start_ns, t);
        m_end_ns = std::max(m_end_ns, t);
        if (static_cast<int32_t>(e.actor) == main_actor) m_main_times.emplace_back(t, step);
        const int32_t lane = e.actor < lane_of_actor.size() ? lane_of_actor[e.actor] : -1;
        switch (e.kind) {
        case EventKind::CallbackStart:
        case EventKind::WorkerPick:
            if (lane >= 0) open[lane].push_back(Open{m_callbacks.find(e.callback), t, step});
            break;
        case EventKind::CallbackEnd:
        case EventKind::WorkerDone:
            if (lane >= 0) close_span(static_cast<size_t>(lane), m_callbacks.find(e.callback), t);
            break;
        case EventKind::OsReady:
            if (lane >= 0) {
                auto& levels = m_lanes[lane].levels;
                if (levels.empty()) levels.resize(1);
                levels[0].push_back(Span{t, t, step, m_callbacks.find(e.callback)});
            }
            break;
        case EventKind::PhaseEnter:
            phase = e.phase;
            phase_start = t;
            phase_step = step;
            break;
        case EventKind::PhaseLeave:
            if (phase != trace::kNoPhase)
                m_phase_spans.push_back(Span{phase_start, t, phase_step, phase});
            phase = trace::kNoPhase;
            break;
        case EventKind::IterationStart:
            in_iteration = true;
            iteration_start = t;
            iteration_step = step;
            break;
        case EventKind::IterationEnd:
            if (in_iteration)
                m_iteration_spans.push_back(Span{iteration_start, t, iteration_step, e.iteration});
            in_iteration = false;
            break;
        default:
            break;
        }
    }
    // Work still open when the trace ends (a run stopped by a budget) ends with the trace.
    for (size_t lane = 0; lane < open.size(); ++lane) {
        while (!open[lane].empty()) close_span(lane, open[lane].back().card, m_end_ns);
    }
    if (n == 0) m_start_ns = m_end_ns = 0;
}

void TraceIndex::index_checkpoints() {
    Board board(m_worker_count);
    const BoardContext context = board_context();
    const size_t n = m_trace.events.size();
    m_checkpoints.reserve(n / kCheckpointInterval + 1);
    for (size_t i = 0; i < n; ++i) {
        if (i % kCheckpointInterval == 0) m_checkpoints.push_back(board);
        board.apply(m_trace.events[i], context);
    }
    if (m_checkpoints.empty()) m_checkpoints.push_back(board);
}

Board TraceIndex::board_at(size_t step) const {
    if (step == static_cast<size_t>(-1) || step_count() == 0) return Board(m_worker_count);
    step = std::min(step, step_count() - 1);
    const size_t target = step + 1; // events [0, target) applied
    const size_t checkpoint =
        std::min((target - 1) / kCheckpointInterval, m_checkpoints.size() - 1);
    Board board = m_checkpoints[checkpoint];
    const BoardContext context = board_context();
    for (size_t i = checkpoint * kCheckpointInterval; i < target; ++i)
        board.apply(m_trace.events[i], context);
    return board;
}

size_t TraceIndex::next_in(const std::vector<uint32_t>& steps, size_t step) {
    auto it = std::upper_bound(steps.begin(), steps.end(), step);
    return it == steps.end() ? step : *it;
}

size_t TraceIndex::prev_in(const std::vector<uint32_t>& steps, size_t step) {
    auto it = std::lower_bound(steps.begin(), steps.end(), step);
    return it == steps.begin() ? step : *(it - 1);
}

size_t TraceIndex::console_count_at(size_t step) const {
    return static_cast<size_t>(
        std::upper_bound(m_console_steps.begin(), m_console_steps.end(), step) -
        m_console_steps.begin());
}

uint8_t TraceIndex::phase_at(size_t step) const {
    if (step >= step_count()) return trace::kNoPhase;
    return m_trace.events[step].phase;
}

size_t TraceIndex::step_at_time(int64_t t) const {
    auto it = std::upper_bound(m_main_times.begin(), m_main_times.end(),
                               std::pair<int64_t, uint32_t>{t, UINT32_MAX});
    return it == m_main_times.begin() ? 0 : (it - 1)->second;
}

void TraceIndex::index_source() {
    const std::string& source = m_trace.header.scenario_source;
    if (source.empty()) return;
    m_line_starts.push_back(0);
    for (size_t i = 0; i < source.size(); ++i) {
        if (source[i] == '\n' && i + 1 < source.size()) m_line_starts.push_back(i + 1);
    }
}

std::string_view TraceIndex::source_line(size_t line) const {
    if (line == 0 || line > m_line_starts.size()) return {};
    const std::string& source = m_trace.header.scenario_source;
    const size_t begin = m_line_starts[line - 1];
    size_t end = line < m_line_starts.size() ? m_line_starts[line] - 1 : source.size();
    if (end > begin && source[end - 1] == '\n') --end;
    if (end > begin && source[end - 1] == '\r') --end;
    return std::string_view(source).substr(begin, end - begin);
}

} // namespace loopsim::viewer
