// The narration of a trace. See narration.h.
#include "traces/narration.h"

#include "traces/reason.h"

#include <algorithm>
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
void print_output(std::ostringstream& out, std::string_view indent, std::string_view text, Stream stream) {
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
    void add(Queue q, uint64_t id, std::string label) { m_queues[q].push_back({id, std::move(label)}); }
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
    std::map<Queue, std::vector<std::pair<uint64_t, std::string>>> m_queues; // ordered by the Queue enum
};

std::string short_label(std::string_view label) {
    if (label.empty()) return "(anonymous)";
    if (label.size() > 48) return std::string(label.substr(0, 45)) + "...";
    return std::string(label);
}

} // namespace

std::string narrate(const Trace& trace, const NarrationOptions& options) {
    std::ostringstream out;
    const auto& phases = trace.header.phases;
    const StringPool& strings = trace.strings;
    out << "loopsim explain " << trace.header.scenario_path << "  (profile " << trace.header.profile << ", seed "
        << trace.header.seed << ")\n";
    QueueState queues;
    std::map<uint64_t, std::string> labels;
    std::set<uint64_t> hidden; // Node's bookkeeping callbacks, left out unless asked for
    std::string pending_phase; // printed only when something happens inside the phase
    std::string indent = "  ";
    int depth = 0;
    for (const TraceEvent& e : trace.events) {
        switch (e.kind) {
        case EventKind::IterationStart:
            out << "\nloop iteration " << e.iteration << "  (virtual time " << ms(e.time) << ")\n";
            break;
        case EventKind::PhaseEnter: {
            std::ostringstream p;
            p << "  " << (e.phase < phases.size() ? phases[e.phase] : std::string("?")) << " phase";
            if (options.show_loop_time) p << "  (loop time " << e.loop_time_ms << " ms)";
            pending_phase = p.str();
            break;
        }
        case EventKind::PhaseLeave: pending_phase.clear(); break;
        case EventKind::CallbackCreated: {
            if (!options.show_internal && e.reason.code == ReasonCode::NodeInternal) {
                hidden.insert(e.callback);
                break;
            }
            std::string label = short_label(strings.get(e.label));
            labels[e.callback] = label;
            if (e.to_queue == Queue::CallStack) break; // the main script
            queues.add(e.to_queue, e.callback, label);
            if (depth > 0)
                out << indent << "  queues " << label << " -> " << queue_name(e.to_queue)
                    << (e.reason.code != ReasonCode::None ? "  (" + render_reason(e, strings) + ")" : "") << '\n';
            break;
        }
        case EventKind::CallbackStart: {
            if (hidden.contains(e.callback)) break;
            if (!pending_phase.empty()) {
                out << pending_phase << '\n';
                pending_phase.clear();
            }
            queues.remove(e.from_queue, e.callback);
            std::string where = e.from_queue == Queue::None ? "" : std::string(" from ") + std::string(queue_name(e.from_queue));
            out << indent << (depth > 0 ? "  " : "") << "runs " << short_label(strings.get(e.label)) << where << '\n';
            if (e.reason.code != ReasonCode::None) out << indent << "    why: " << render_reason(e, strings) << '\n';
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
            out << indent << "  cancels " << labels[e.callback] << " (was in " << queue_name(e.from_queue) << ")\n";
            break;
        case EventKind::Console: print_output(out, indent + "  ", strings.get(e.text), e.stream); break;
        case EventKind::WorkerPick:
            queues.remove(Queue::ThreadPool, e.callback); // the job leaves the queue for its worker
            out << indent << "  [worker lane " << e.actor << "] picks " << short_label(strings.get(e.label)) << " at "
                << ms(e.time) << '\n';
            break;
        case EventKind::WorkerDone:
            out << indent << "  [worker lane " << e.actor << "] finishes " << short_label(strings.get(e.label)) << " at "
                << ms(e.time) << "; its callback waits for the poll phase\n";
            break;
        case EventKind::Error: out << "  error: " << strings.get(e.text) << '\n'; break;
        case EventKind::RunEnd: out << "\nthe loop has nothing left to do at " << ms(e.time) << '\n'; break;
        default: break;
        }
    }
    out << "outcome: " << outcome_status_name(trace.outcome.status) << ", exit code " << trace.outcome.exit_code;
    if (!trace.outcome.message.empty()) out << " (" << trace.outcome.message << ")";
    out << '\n';
    return out.str();
}

} // namespace loopsim::trace
