#include "traces/recorder.h"

#include <doctest/doctest.h>
#include <vector>

using namespace loopsim::trace;
using loopsim::sim::SimTime;

namespace {
TraceEvent event_at(int64_t t_ns, uint64_t callback) {
    TraceEvent e;
    e.kind = EventKind::CallbackStart;
    e.time = SimTime::ns(t_ns);
    e.callback = callback;
    return e;
}
} // namespace

TEST_SUITE("recorder") {

    TEST_CASE("recorded events come back in recording order") {
        TraceRecorder r;
        for (uint64_t i = 1; i <= 5; ++i) r.record(event_at(static_cast<int64_t>(i / 2), i));
        CHECK(r.size() == 5);
        std::vector<uint64_t> callbacks;
        for (const TraceEvent& e : r.events()) callbacks.push_back(e.callback);
        CHECK(callbacks == std::vector<uint64_t>{1, 2, 3, 4, 5});
    }

    TEST_CASE("another actor's earlier event may follow: only each actor's own time must not go back") {
        TraceRecorder r;
        TraceEvent main_late = event_at(50'000'000, 1); // main thread busy until 50 ms
        TraceEvent worker_early = event_at(3'000'000, 2); // a worker finished at 3 ms
        worker_early.actor = 1;
        r.record(main_late);
        r.record(worker_early);
        CHECK(r.size() == 2);
        CHECK(r.events()[1].time == SimTime::ms(3));
    }

    TEST_CASE("events spanning many chunks keep their values") {
        TraceRecorder r;
        const size_t n = EventLog::kChunkSize * 3 + 17;
        for (size_t i = 0; i < n; ++i) r.record(event_at(static_cast<int64_t>(i), i + 1));
        REQUIRE(r.size() == n);
        CHECK(r.events()[0].callback == 1);
        bool all_match = true;
        size_t index = 0;
        for (const TraceEvent& e : r.events()) {
            all_match = all_match && e.callback == index + 1 &&
                        e.time == SimTime::ns(static_cast<int64_t>(index));
            ++index;
        }
        CHECK(all_match);
        CHECK(index == n);
        CHECK(r.events()[EventLog::kChunkSize].callback == EventLog::kChunkSize + 1);
    }

    TEST_CASE("take moves the trace out and leaves an empty recorder ready for the next run") {
        TraceHeader header;
        header.profile = "node20";
        TraceRecorder r(header);
        StringId label = r.intern("main");
        TraceEvent e = event_at(100, 1);
        e.label = label;
        r.record(e);
        r.set_outcome(Outcome{OutcomeStatus::Error, 1, "Uncaught Error", {}});

        Trace t = r.take();
        CHECK(t.events.size() == 1);
        CHECK(t.strings.get(t.events[0].label) == "main");
        CHECK(t.outcome.status == OutcomeStatus::Error);
        CHECK(t.header.profile == "node20");

        CHECK(r.size() == 0);
        CHECK(r.strings().size() == 1);
        r.record(event_at(0, 2)); // time may restart at 0 for a new run
        CHECK(r.size() == 1);
    }

    TEST_CASE("a moved-from event log is empty and can be filled again") {
        EventLog a;
        for (int i = 0; i < 10; ++i) a.push_back(event_at(i, 1));
        EventLog b = std::move(a);
        CHECK(b.size() == 10);
        CHECK(a.size() == 0); // NOLINT(bugprone-use-after-move): checking the moved-from state
        a.push_back(event_at(0, 7));
        CHECK(a.size() == 1);
        CHECK(a[0].callback == 7);
        CHECK(b[0].callback == 1);
    }

    TEST_CASE("two identical recordings are equal traces") {
        auto record = [] {
            TraceRecorder r;
            for (int i = 0; i < 100; ++i) {
                TraceEvent e = event_at(i, static_cast<uint64_t>(i));
                e.label = r.intern("f" + std::to_string(i % 7));
                r.record(e);
            }
            return r.take();
        };
        Trace a = record();
        Trace b = record();
        CHECK(a == b);
        b.outcome.exit_code = 3;
        CHECK_FALSE(a == b);
    }

    TEST_CASE("traces compare strings by text, not by id") {
        Trace a, b;
        StringId a_x = a.strings.intern("x");
        b.strings.intern("unused first");
        StringId b_x = b.strings.intern("x");
        REQUIRE(a_x != b_x);
        TraceEvent ea = event_at(0, 1), eb = event_at(0, 1);
        ea.label = a_x;
        eb.label = b_x;
        a.events.push_back(ea);
        b.events.push_back(eb);
        CHECK(a == b);
    }

} // TEST_SUITE
