#pragma once
// TraceIndex: everything the viewer precomputes once per trace, so that drawing any step is
// cheap whatever the trace's length.
// Contract: built once from a Trace (which it then owns), never changed afterwards, and a
// pure function of that trace. A "step" is an index into the trace's events; the state at
// step K is the state after event K. It holds:
// - the callback table (every callback and job, with "created by" links and step ranges);
// - board checkpoints every kCheckpointInterval steps, so board_at(K) replays at most that
//   many events (Tracy keeps the same kind of periodic snapshots for its memory views);
// - timeline lanes: main-thread callbacks nested by depth, each worker's jobs, the OS, and
//   the loop's phases; iteration marks;
// - the steps where phases and iterations begin (stepping by phase or iteration) and where
//   console output happens (console so far = a prefix of that list);
// - the scenario source split into lines (for the source panel).
#include "traces/trace.h"
#include "viewer/core/board.h"
#include "viewer/core/callback_table.h"
#include "viewer/core/timeline.h"

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace loopsim::viewer {

class TraceIndex {
public:
    static constexpr size_t kCheckpointInterval = 2048;

    explicit TraceIndex(trace::Trace trace);
    TraceIndex(TraceIndex&&) noexcept = default;
    TraceIndex& operator=(TraceIndex&&) noexcept = default;

    const trace::Trace& trace() const { return m_trace; }
    size_t step_count() const { return m_trace.events.size(); }
    trace::TraceEvent event(size_t step) const { return m_trace.events[step]; }
    std::string_view text(trace::StringId id) const { return m_trace.strings.get(id); }

    const CallbackTable& callbacks() const { return m_callbacks; }
    const CallbackInfo& callback(CardId card) const { return m_callbacks[card]; }
    // The label a card shows: its label, or "callback #id" when the trace gave none.
    std::string card_label(CardId card) const;
    uint32_t worker_count() const { return m_worker_count; }
    // Worker index of each actor id (-1: not a worker).
    const std::vector<int32_t>& worker_of_actor() const { return m_worker_of_actor; }
    BoardContext board_context() const { return {m_callbacks, m_worker_of_actor}; }

    // The board after `step` (an empty board for step == npos, "before the first event").
    Board board_at(size_t step) const;

    // Stepping: the next/previous step after/before `step` that begins a phase (phase_enter)
    // or an iteration (iteration_start); `step` itself when there is none.
    size_t next_phase(size_t step) const { return next_in(m_phase_steps, step); }
    size_t prev_phase(size_t step) const { return prev_in(m_phase_steps, step); }
    size_t next_iteration(size_t step) const { return next_in(m_iteration_steps, step); }
    size_t prev_iteration(size_t step) const { return prev_in(m_iteration_steps, step); }

    // Console: steps of console events, in order, and how many happened up to `step`.
    std::span<const uint32_t> console_steps() const { return m_console_steps; }
    size_t console_count_at(size_t step) const;
    // The phase the loop is in at `step` (kNoPhase outside phases).
    uint8_t phase_at(size_t step) const;

    // Timeline.
    const std::vector<Lane>& lanes() const { return m_lanes; }
    const std::vector<Span>& phase_spans() const { return m_phase_spans; }
    const std::vector<Span>& iteration_spans() const { return m_iteration_spans; }
    int64_t start_ns() const { return m_start_ns; }
    int64_t end_ns() const { return m_end_ns; }
    // The last main-thread step at or before time `t` (for click-to-jump), 0 if none.
    size_t step_at_time(int64_t t) const;

    // Source lines of the scenario (empty when the trace carries no source).
    size_t source_line_count() const { return m_line_starts.size(); }
    std::string_view source_line(size_t line_1based) const;

private:
    static size_t next_in(const std::vector<uint32_t>& steps, size_t step);
    static size_t prev_in(const std::vector<uint32_t>& steps, size_t step);
    void index_callbacks();
    void index_lanes();
    void index_checkpoints();
    void index_source();

    trace::Trace m_trace;
    CallbackTable m_callbacks;
    uint32_t m_worker_count = 0;
    std::vector<int32_t> m_worker_of_actor;
    std::vector<Board> m_checkpoints; // m_checkpoints[i] = board after step i*interval - 1
    std::vector<uint32_t> m_phase_steps;
    std::vector<uint32_t> m_iteration_steps;
    std::vector<uint32_t> m_console_steps;
    std::vector<Lane> m_lanes;
    std::vector<Span> m_phase_spans;
    std::vector<Span> m_iteration_spans;
    std::vector<std::pair<int64_t, uint32_t>> m_main_times; // (time, step) of main-actor events
    int64_t m_start_ns = 0;
    int64_t m_end_ns = 0;
    std::vector<size_t> m_line_starts;
};

} // namespace loopsim::viewer
