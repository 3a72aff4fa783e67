// The narration of a trace. See narration.h.
#include "traces/narration.h"

#include "traces/reason.h"

#include <algorithm>
#include <deque>
#include <map>
#include <set>
#include <sstream>
#include <vector>

namespace loopsim::trace {

namespace {

std::string ms(sim::SimTime t) {
    const int64_t us = t.count_ns() / 1000;
    std::ostringstream s;
    s << us / 1000 << '.' << (us % 1000) / 100 << (us % 100) / 10 << us % 10 << " ms";
    return s.str();
}

// Console text as one or more quoted output lines.
void print_output(std::ostringstream& out, std::string_view indent, std::string_view text,
                  Stream stream) {
    while (!text.empty()) {
        size_t nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        out << indent << (stream == Stream::Stderr ? "! " : "> ") << line << '\n';
        if (nl == std::string_view::npos) break;
        text.remove_prefix(nl + 1);
    }
}

// What waits in each queue, in the order callbacks entered it (callbacks by label).
class QueueState {
public:
    void add(Queue q, uint64_t id, std::string label) {
        m_queues[q].push_back({id, std::move(label)});
    }
    size_t size(Queue q) const {
        auto it = m_queues.find(q);
        return it == m_queues.end() ? 0 : it->second.size();
    }
    void remove(Queue q, uint64_t id) {
        auto it = m_queues.find(q);
        if (it == m_queues.end()) return;
        std::erase_if(it->second, [id](const auto& e) { return e.first == id; });
    }
    std::string describe() const {
        std::ostringstream s;
        bool first = true;
        for (const auto& [q, entries] : m_queues) {
            if (entries.empty() || q == Queue::CallStack) continue;
            s << (first ? "" : "  ·  ") << queue_name(q) << " [";
            for (size_t i = 0; i < entries.size(); ++i) {
                if (i == 4) {
                    s << ", +" << entries.size() - 4 << " more";
                    break;
                }
                s << (i ? ", " : "") << entries[i].second;
            }
            s << "]";
            first = false;
        }
        return s.str();
    }

private:
    std::map<Queue, std::vector<std::pair<uint64_t, std::string>>>
        m_queues; // ordered by the Queue enum
};

std::string short_label(std::string_view label) {
    if (label.empty()) return "(anonymous)";
    if (label.size() > 48) return std::string(label.substr(0, 45)) + "...";
    return std::string(label);
}

// A thread-pool job that finished and waits for the loop to collect its result.
struct FinishedJob {
    std::string label;
    sim::SimTime at;
};

} // namespace

std::string narrate(const Trace& trace, const NarrationOptions& options) {
    std::ostringstream out;
    const auto& phases = trace.header.phases;
    const StringPool& strings = trace.strings;
    out << "loopsim explain " << trace.header.scenario_path << "  (profile " << trace.header.profile
        << ", seed " << trace.header.seed << ")\n";
    QueueState queues;
    std::map<uint64_t, std::string> labels;
    std::set<uint64_t> hidden; // Node's bookkeeping callbacks, left out unless asked for
    std::string pending_phase; // printed only when something happens inside the phase
    std::string indent = "  ";
    int depth = 0;
    sim::SimTime iteration_start;
    // The poll phase: when it began, whether the main thread did anything in it yet, and the
    // finished pool jobs the loop has not collected (in the order they finished).
    bool in_poll = false;
    bool poll_seen = false; // in this iteration
    bool poll_active = false;
    sim::SimTime poll_enter;
    std::deque<FinishedJob> finished;
    const auto flush_phase = [&] {
        if (pending_phase.empty()) return;
        out << pending_phase << '\n';
        pending_phase.clear();
    };
    // The first thing the main thread does in the poll phase. If it collects a pool job that
    // finished after the phase began, the loop was blocked until then; otherwise (another
    // kind of readiness) until now.
    const auto poll_wakes = [&](sim::SimTime now) {
        if (!in_poll || poll_active) return;
        poll_active = true;
        const sim::SimTime ready = finished.empty() ? now : finished.front().at;
        if (ready > poll_enter) {
            flush_phase();
            out << indent << "  blocks " << ms(ready - poll_enter)
                << " waiting for I/O (nothing else is ready)\n";
        }
    };
    const auto phase_name = [&](uint8_t phase) {
        return phase < phases.size() ? phases[phase] : std::string("?");
    };
    for (const TraceEvent& e : trace.events) {
        switch (e.kind) {
        case EventKind::IterationStart:
            iteration_start = e.time;
            poll_seen = false;
            out << "\nloop iteration " << e.iteration << "  (virtual time " << ms(e.time) << ")\n";
            break;
        case EventKind::PhaseEnter: {
            std::ostringstream p;
            p << "  " << phase_name(e.phase) << " phase";
            if (options.show_loop_time) p << "  (loop time " << e.loop_time_ms << " ms)";
            // libuv 1.45 (node20) runs due timers again at the end of every iteration.
            if (poll_seen && phase_name(e.phase) == "timers")
                p << ", at the end of the iteration: libuv runs due timers after check and close";
            pending_phase = p.str();
            in_poll = phase_name(e.phase) == "poll";
            poll_seen = poll_seen || in_poll;
            poll_active = false;
            poll_enter = e.time;
            break;
        }
        case EventKind::PhaseLeave:
            if (in_poll) {
                if (!poll_active && e.time > poll_enter) {
                    flush_phase();
                    out << indent << "  blocks " << ms(e.time - poll_enter)
                        << " waiting for I/O, until the next timer is due\n";
                } else if (queues.size(Queue::Check) > 0) {
                    // The hand-off: an immediate waiting means the poll phase must not block.
                    flush_phase();
                    out << indent
                        << "  does not wait for more I/O: an immediate is waiting, so the loop "
                           "goes on to the check phase\n";
                }
            }
            in_poll = false;
            pending_phase.clear();
            break;
        case EventKind::CallbackCreated: {
            if (!options.show_internal && e.reason.code == ReasonCode::NodeInternal) {
                hidden.insert(e.callback);
                break;
            }
            std::string label = short_label(strings.get(e.label));
            labels[e.callback] = label;
            if (e.to_queue == Queue::CallStack) break; // the main script
            queues.add(e.to_queue, e.callback, label);
            if (depth > 0) {
                out << indent << "  queues " << label << " -> " << queue_name(e.to_queue)
                    << (e.reason.code != ReasonCode::None ? "  (" + render_reason(e, strings) + ")"
                                                          : "")
                    << '\n';
            } else if (e.to_queue == Queue::ThreadPool && in_poll) {
                // No JavaScript runs: Node's own completion of a multi-step request (readFile's
                // open -> fstat -> read -> close) sends the next step to the pool.
                poll_wakes(e.time);
                flush_phase();
                out << indent << "  collects ";
                if (!finished.empty()) {
                    out << finished.front().label << " (done at " << ms(finished.front().at) << ")";
                    finished.pop_front();
                } else {
                    out << "a finished request";
                }
                out << "; Node's fs code sends the next step, " << label << " -> thread_pool\n";
            } else if (!pending_phase.empty() || in_poll) {
                flush_phase();
                out << indent << "  Node queues " << label << " -> " << queue_name(e.to_queue)
                    << '\n';
            }
            break;
        }
        case EventKind::CallbackStart: {
            if (hidden.contains(e.callback)) break;
            if (depth == 0) poll_wakes(e.time);
            flush_phase();
            queues.remove(e.from_queue, e.callback);
            std::string where = e.from_queue == Queue::None
                                    ? ""
                                    : std::string(" from ") + std::string(queue_name(e.from_queue));
            out << indent << (depth > 0 ? "  " : "") << "runs " << short_label(strings.get(e.label))
                << where << '\n';
            if (e.reason.code == ReasonCode::IoCompleted) {
                out << indent << "    why: " << strings.get(e.reason.str) << " completed "
                    << ms(sim::SimTime::ns(e.reason.args[0])) << " after it was called";
                if (!finished.empty()) {
                    out << "; its last request, " << finished.front().label << ", finished at "
                        << ms(finished.front().at);
                    finished.pop_front();
                }
                out << '\n';
            } else if (e.reason.code != ReasonCode::None) {
                out << indent << "    why: " << render_reason(e, strings) << '\n';
            }
            ++depth;
            break;
        }
        case EventKind::CallbackEnd: {
            if (hidden.contains(e.callback)) break;
            depth = std::max(0, depth - 1);
            if (depth == 0 && options.show_queues) {
                std::string state = queues.describe();
                out << indent << "  waiting: " << (state.empty() ? "nothing" : state) << '\n';
            }
            break;
        }
        case EventKind::CallbackCancelled:
            queues.remove(e.from_queue, e.callback);
            out << indent << "  cancels " << labels[e.callback] << " (was in "
                << queue_name(e.from_queue) << ")\n";
            break;
        case EventKind::Console:
            print_output(out, indent + "  ", strings.get(e.text), e.stream);
            break;
        case EventKind::WorkerPick:
            queues.remove(Queue::ThreadPool, e.callback); // the job leaves the queue for its worker
            out << indent << "  [worker " << e.actor << "] starts "
                << short_label(strings.get(e.label)) << " at " << ms(e.time);
            if (e.time < iteration_start || e.iteration == 0)
                out << " (while the main thread was still busy)";
            out << '\n';
            break;
        case EventKind::WorkerDone:
            finished.push_back({short_label(strings.get(e.label)), e.time});
            out << indent << "  [worker " << e.actor << "] finishes "
                << short_label(strings.get(e.label)) << " at " << ms(e.time)
                << "; the loop collects it in a poll phase\n";
            break;
        case EventKind::Note:
            out << indent << "  " << strings.get(e.text) << '\n';
            break;
        case EventKind::Error:
            out << "  error: " << strings.get(e.text) << '\n';
            break;
        case EventKind::RunEnd:
            out << "\nthe loop has nothing left to do at " << ms(e.time) << '\n';
            break;
        default:
            break;
        }
    }
    out << "outcome: " << outcome_status_name(trace.outcome.status) << ", exit code "
        << trace.outcome.exit_code;
    if (!trace.outcome.message.empty()) out << " (" << trace.outcome.message << ")";
    out << '\n';
    return out.str();
}

} // namespace loopsim::trace
