// Plain words for each step. See step_text.h.
#include "viewer/core/step_text.h"

#include "traces/reason.h"

#include <cstdio>

namespace loopsim::viewer {

using trace::EventKind;
using trace::Queue;

namespace {

// What each libuv phase does, in the words of docs/event-loop.md.
struct PhaseWords {
    std::string_view name;
    Queue queue;
    std::string_view does;
};
constexpr PhaseWords kPhaseWords[] = {
    {"timers", Queue::Timers, "timers whose due time has passed run, earliest first"},
    {"pending", Queue::Pending, "I/O callbacks deferred from the previous iteration run"},
    {"idle", Queue::Idle,
     "idle handles run (Node's keeps poll from blocking while immediates wait)"},
    {"prepare", Queue::Prepare, "prepare handles run, just before the loop polls for I/O"},
    {"poll", Queue::Poll, "the loop waits for I/O and runs the callbacks of what became ready"},
    {"check", Queue::Check, "setImmediate callbacks run"},
    {"close", Queue::Close, "close callbacks run"},
};

std::string_view phase_name(const TraceIndex& index, uint8_t phase) {
    const auto& phases = index.trace().header.phases;
    return phase < phases.size() ? std::string_view(phases[phase]) : std::string_view();
}

std::string_view phase_does(std::string_view name) {
    for (const PhaseWords& p : kPhaseWords)
        if (p.name == name) return p.does;
    return {};
}

std::string quoted_label(const TraceIndex& index, uint64_t callback) {
    CardId card = index.callbacks().find(callback);
    if (card == kNoCard) return "callback #" + std::to_string(callback);
    return index.card_label(card);
}

std::string queue_words(Queue queue) {
    if (queue == Queue::CallStack) return "the call stack";
    if (queue == Queue::None) return "nowhere";
    return "the " + std::string(trace::queue_name(queue)) + " queue";
}

} // namespace

std::string format_time(int64_t ns) {
    char buf[48];
    const int64_t a = ns < 0 ? -ns : ns;
    const char* sign = ns < 0 ? "-" : "";
    if (a < 1'000) {
        std::snprintf(buf, sizeof buf, "%s%lld ns", sign, static_cast<long long>(a));
    } else if (a < 1'000'000) {
        std::snprintf(buf, sizeof buf, "%s%lld.%02lld µs", sign, static_cast<long long>(a / 1000),
                      static_cast<long long>(a % 1000 / 10));
    } else {
        std::snprintf(buf, sizeof buf, "%s%lld.%03lld ms", sign,
                      static_cast<long long>(a / 1'000'000),
                      static_cast<long long>(a % 1'000'000 / 1000));
    }
    return buf;
}

Queue queue_of_phase(std::string_view name) {
    for (const PhaseWords& p : kPhaseWords)
        if (p.name == name) return p.queue;
    return Queue::None;
}

std::string place_name(PlaceId place) {
    if (place == kNoPlace) return "nowhere";
    if (is_worker_place(place)) return "worker " + std::to_string(place - trace::kQueueCount + 1);
    return queue_words(static_cast<Queue>(place));
}

std::string step_title(const TraceIndex& index, size_t step) {
    if (step >= index.step_count()) return "empty trace";
    const trace::TraceEvent& e = index.event(step);
    const std::string label = e.callback ? quoted_label(index, e.callback) : std::string();
    switch (e.kind) {
    case EventKind::RunStart:
        return "the main script starts";
    case EventKind::RunEnd:
        return "the run is over";
    case EventKind::IterationStart:
        return "loop iteration " + std::to_string(e.iteration) + " begins";
    case EventKind::IterationEnd:
        return "loop iteration " + std::to_string(e.iteration) + " ends";
    case EventKind::PhaseEnter:
        return "the loop enters the " + std::string(phase_name(index, e.phase)) + " phase";
    case EventKind::PhaseLeave:
        return "the loop leaves the " + std::string(phase_name(index, e.phase)) + " phase";
    case EventKind::LoopTimeUpdate:
        return "the loop refreshes its clock to " + std::to_string(e.loop_time_ms) + " ms";
    case EventKind::CallbackCreated:
        return label + " enters " + queue_words(e.to_queue);
    case EventKind::CallbackMoved:
        return label + " moves from " + queue_words(e.from_queue) + " to " +
               queue_words(e.to_queue);
    case EventKind::CallbackStart:
        return label + " runs";
    case EventKind::CallbackEnd:
        return label + (e.text != trace::kNoString ? " throws" : " returns");
    case EventKind::CallbackCancelled:
        return label + " is cancelled";
    case EventKind::DrainBegin:
        return "draining " + queue_words(e.from_queue) + " begins";
    case EventKind::DrainEnd:
        return queue_words(e.from_queue) + " is empty again";
    case EventKind::WorkerPick:
        return "a worker picks " + label;
    case EventKind::WorkerDone:
        return "a worker finishes " + label;
    case EventKind::OsReady:
        return "the OS reports I/O ready";
    case EventKind::Console:
        return std::string(e.stream == trace::Stream::Stderr ? "stderr: " : "stdout: ") +
               std::string(index.text(e.text));
    case EventKind::Error:
        return "uncaught error";
    case EventKind::BudgetExceeded:
        return "a budget ran out";
    case EventKind::Choice:
        return "a timing-dependent choice";
    case EventKind::Note: {
        // The title is the note up to its first colon ("Node pays for its first setTimeout
        // call"); the why text below has the whole note.
        const std::string_view text = index.text(e.text);
        return std::string(text.substr(0, text.find(':')));
    }
    }
    return std::string(trace::event_kind_name(e.kind));
}

std::string step_reason(const TraceIndex& index, size_t step) {
    if (step >= index.step_count()) return {};
    const trace::TraceEvent& e = index.event(step);
    if (e.reason.code != trace::ReasonCode::None)
        return trace::render_reason(e, index.trace().strings);
    const std::string_view phase = phase_name(index, e.phase);
    const std::string label = e.callback ? quoted_label(index, e.callback) : std::string();
    switch (e.kind) {
    case EventKind::RunStart:
        return "Node runs the whole main script first; nothing queued can run before it returns.";
    case EventKind::RunEnd:
        return "Nothing is left that could wake the loop (no timers, immediates, I/O or jobs), "
               "so the process exits.";
    case EventKind::IterationStart:
        return "The loop turns again because something is still waiting: timers, immediates, "
               "I/O or thread-pool jobs.";
    case EventKind::IterationEnd:
        return "Every phase of this turn ran; the loop checks whether anything is still alive.";
    case EventKind::PhaseEnter:
    case EventKind::PhaseLeave: {
        std::string does(phase_does(phase));
        return does.empty() ? std::string()
                            : "In the " + std::string(phase) + " phase " + does + ".";
    }
    case EventKind::CallbackCreated: {
        CardId card = index.callbacks().find(e.callback);
        std::string who = "the running code";
        if (card != kNoCard && index.callback(card).creator_card != kNoCard)
            who = index.card_label(index.callback(card).creator_card);
        return "Created by " + who + "; it waits in " + queue_words(e.to_queue) +
               " until the loop (or a drain) gets to it.";
    }
    case EventKind::CallbackStart:
        if (e.from_queue == Queue::NextTick || e.from_queue == Queue::Microtasks)
            return "After every callback Node drains process.nextTick callbacks first, then "
                   "promise jobs, until both queues are empty.";
        if (!phase.empty())
            return "The " + std::string(phase) + " phase takes it from " +
                   queue_words(e.from_queue) + ": " + std::string(phase_does(phase)) + ".";
        return "It runs outside the loop's phases.";
    case EventKind::CallbackEnd:
        return "The call stack unwinds; what it queued waits for its turn.";
    case EventKind::CallbackCancelled:
        return label + " was removed from " + queue_words(e.from_queue) + " before it could run.";
    case EventKind::DrainBegin:
    case EventKind::DrainEnd:
        return "Node drains the nextTick queue, then the microtask queue, after every callback "
               "that came from C++ (a timer, an immediate, an I/O completion, the main script).";
    case EventKind::WorkerDone:
        return "The job is done on its worker thread; its callback waits for the poll phase of "
               "the loop, which runs completions in the order they finished.";
    case EventKind::Console:
        return "console output is written at once, in program order.";
    case EventKind::Error:
    case EventKind::Note:
        return std::string(index.text(e.text));
    default:
        return {};
    }
}

} // namespace loopsim::viewer
