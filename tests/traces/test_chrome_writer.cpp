// The Chrome trace-event export: valid by the format's rules (tests/traces/chrome_rules.h),
// one track per lane, slices for phases, iterations and callbacks, flows from creator to
// run, exact microsecond timestamps.
#include "tests/traces/chrome_rules.h"
#include "tests/traces/trace_samples.h"
#include "traces/chrome_writer.h"
#include "traces/reason.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace loopsim::trace;
using loopsim::testing::chrome_rule_violations;
using nlohmann::json;

namespace {

TraceEvent event(EventKind kind, int64_t t_ns, uint32_t actor = 0) {
    TraceEvent e;
    e.kind = kind;
    e.time = loopsim::sim::SimTime::ns(t_ns);
    e.actor = actor;
    return e;
}

// main script (cb 1) creates a timer (cb 2) and an immediate (cb 3); iteration 1 runs the
// immediate in the check phase, then the timer in the timers phase.
Trace two_callbacks() {
    TraceHeader h;
    h.scenario_path = "x.js";
    h.actors = {{0, "main", ActorKind::Main}};
    h.phases = {"timers", "pending", "idle", "prepare", "poll", "check", "close"};
    TraceRecorder r(h);
    TraceEvent e = event(EventKind::RunStart, 0);
    r.record(e);
    e = event(EventKind::CallbackStart, 0);
    e.callback = 1;
    e.label = r.intern("main script");
    e.reason = Reason{ReasonCode::MainScript, kNoString, {0, 0, 0}};
    r.record(e);
    e = event(EventKind::CallbackCreated, 90);
    e.callback = 2;
    e.creator = 1;
    e.to_queue = Queue::Timers;
    e.label = r.intern("() => log('timeout')");
    r.record(e);
    e = event(EventKind::CallbackCreated, 145);
    e.callback = 3;
    e.creator = 1;
    e.to_queue = Queue::Check;
    e.label = r.intern("() => log('immediate')");
    r.record(e);
    e = event(EventKind::CallbackEnd, 215);
    e.callback = 1;
    r.record(e);
    e = event(EventKind::IterationStart, 331);
    e.iteration = 1;
    r.record(e);
    e = event(EventKind::PhaseEnter, 331);
    e.iteration = 1;
    e.phase = 5;
    r.record(e);
    e = event(EventKind::CallbackStart, 1000331);
    e.iteration = 1;
    e.phase = 5;
    e.callback = 3;
    e.from_queue = Queue::Check;
    e.label = r.intern("() => log('immediate')");
    e.reason = Reason{ReasonCode::ImmediateRuns, kNoString, {0, 0, 0}};
    r.record(e);
    e = event(EventKind::CallbackEnd, 1000383);
    e.iteration = 1;
    e.callback = 3;
    r.record(e);
    e = event(EventKind::PhaseLeave, 1000400);
    e.iteration = 1;
    e.phase = 5;
    r.record(e);
    e = event(EventKind::PhaseEnter, 1000400);
    e.iteration = 1;
    e.phase = 0;
    r.record(e);
    e = event(EventKind::CallbackStart, 1001500);
    e.iteration = 1;
    e.phase = 0;
    e.callback = 2;
    e.from_queue = Queue::Timers;
    e.label = r.intern("() => log('timeout')");
    e.reason = Reason{ReasonCode::TimerExpired, kNoString, {1, 1, 1}};
    r.record(e);
    e = event(EventKind::CallbackEnd, 1002000);
    e.iteration = 1;
    e.callback = 2;
    r.record(e);
    e = event(EventKind::PhaseLeave, 1002000);
    e.iteration = 1;
    e.phase = 0;
    r.record(e);
    e = event(EventKind::IterationEnd, 1002000);
    e.iteration = 1;
    r.record(e);
    e = event(EventKind::RunEnd, 1002000);
    e.iteration = 1;
    r.record(e);
    return r.take();
}

std::vector<json> with_ph(const json& doc, const std::string& ph) {
    std::vector<json> found;
    for (const json& e : doc["traceEvents"])
        if (e["ph"] == ph) found.push_back(e);
    return found;
}

const json* find_named(const std::vector<json>& events, const std::string& name) {
    for (const json& e : events)
        if (e["name"] == name) return &e;
    return nullptr;
}

} // namespace

TEST_SUITE("traces.chrome") {
    TEST_CASE("the rule checker rejects what Perfetto would misdraw") {
        const std::string meta =
            R"({"name":"thread_name","ph":"M","pid":1,"tid":1,"args":{"name":"main"}})";
        const auto doc = [&](const std::string& events) {
            return R"({"traceEvents":[)" + meta + "," + events + "]}";
        };
        CHECK(
            chrome_rule_violations(doc(R"({"name":"a","ph":"X","ts":0,"dur":10,"pid":1,"tid":1})"))
                .empty());
        // overlapping, not nested
        CHECK(!chrome_rule_violations(doc(R"({"name":"a","ph":"X","ts":0,"dur":10,"pid":1,"tid":1},
                                          {"name":"b","ph":"X","ts":5,"dur":10,"pid":1,"tid":1})"))
                   .empty());
        // time going backwards on one tid
        CHECK(!chrome_rule_violations(doc(R"({"name":"a","ph":"X","ts":5,"dur":1,"pid":1,"tid":1},
                                          {"name":"b","ph":"X","ts":1,"dur":1,"pid":1,"tid":1})"))
                   .empty());
        // an unpaired flow, a negative dur, a tid without a name, B without E
        CHECK(!chrome_rule_violations(doc(R"({"name":"a","ph":"X","ts":0,"dur":10,"pid":1,"tid":1},
                                          {"name":"q","cat":"flow","ph":"s","id":1,"ts":1,"pid":1,"tid":1})"))
                   .empty());
        CHECK(
            !chrome_rule_violations(doc(R"({"name":"a","ph":"X","ts":0,"dur":-1,"pid":1,"tid":1})"))
                 .empty());
        CHECK(
            !chrome_rule_violations(doc(R"({"name":"a","ph":"X","ts":0,"dur":1,"pid":1,"tid":2})"))
                 .empty());
        CHECK(!chrome_rule_violations(doc(R"({"name":"a","ph":"B","ts":0,"pid":1,"tid":1})"))
                   .empty());
        CHECK(!chrome_rule_violations("{\"events\":[]}").empty());
    }

    TEST_CASE("the sample trace with every event kind exports valid, one thread per lane") {
        const Trace t = testing::sample_trace();
        const std::string text = trace_to_chrome_json(t);
        const std::vector<std::string> bad = chrome_rule_violations(text);
        for (const std::string& b : bad) MESSAGE(b);
        CHECK(bad.empty());
        const json doc = json::parse(text);
        std::map<int64_t, std::string> threads;
        for (const json& m : with_ph(doc, "M"))
            if (m["name"] == "thread_name") threads[m["tid"].get<int64_t>()] = m["args"]["name"];
        // main, loop, worker 1, os: four lanes, the main thread first, the OS last
        REQUIRE(threads.size() == 4);
        CHECK(threads[1] == "main thread");
        CHECK(threads[2] == "event loop");
        CHECK(threads[3] == "worker 1");
        CHECK(threads[4] == "os");
        // the worker's job is a slice on the worker's lane; OS readiness an instant on the OS lane
        const std::vector<json> slices = with_ph(doc, "X");
        const auto job =
            std::find_if(slices.begin(), slices.end(), [](const json& e) { return e["tid"] == 3; });
        REQUIRE(job != slices.end());
        CHECK(job->at("cat") == "thread_pool");
        CHECK(job->at("dur").get<double>() == doctest::Approx(896.2)); // 3800 ns .. 900000 ns
        const std::vector<json> instants = with_ph(doc, "i");
        const json* os = find_named(instants, "os ready");
        REQUIRE(os);
        CHECK((*os)["tid"] == 4);
        CHECK(doc["otherData"]["status"] == "budget_exceeded");
    }

    TEST_CASE("callbacks are slices with their reason, phases and iterations enclose them") {
        const Trace t = two_callbacks();
        const std::string text = trace_to_chrome_json(t);
        CHECK(chrome_rule_violations(text).empty());
        const json doc = json::parse(text);
        const std::vector<json> slices = with_ph(doc, "X");
        const json* immediate = find_named(slices, "() => log('immediate')");
        const json* check = find_named(slices, "check phase");
        const json* iteration = find_named(slices, "iteration 1");
        REQUIRE(immediate);
        REQUIRE(check);
        REQUIRE(iteration);
        CHECK((*immediate)["ts"].get<double>() == doctest::Approx(1000.331));
        CHECK((*immediate)["dur"].get<double>() == doctest::Approx(0.052));
        CHECK((*immediate)["args"]["queue"] == "check");
        CHECK((*immediate)["args"]["reason"] ==
              render_reason(Reason{ReasonCode::ImmediateRuns, kNoString, {}}, ""));
        CHECK((*immediate)["args"]["creator"] == 1);
        CHECK((*check)["ts"].get<double>() <= (*immediate)["ts"].get<double>());
        CHECK((*iteration)["ts"].get<double>() == doctest::Approx(0.331));
        // timestamps are exact decimals of the nanoseconds
        CHECK(text.find("\"ts\":1000.331") != std::string::npos);
        CHECK(text.find("\"ts\":1001.5,") != std::string::npos);
        CHECK(text.find("\"ts\":0.09,") != std::string::npos);
    }

    TEST_CASE("a flow arrow goes from where a callback was created to where it runs") {
        const json doc = json::parse(trace_to_chrome_json(two_callbacks()));
        const std::vector<json> starts = with_ph(doc, "s"), ends = with_ph(doc, "f");
        REQUIRE(starts.size() == 2); // the timer and the immediate; the main script has no creator
        REQUIRE(ends.size() == 2);
        std::map<int64_t, std::pair<double, double>> by_id;
        for (const json& s : starts) by_id[s["id"]].first = s["ts"];
        for (const json& f : ends) {
            by_id[f["id"]].second = f["ts"];
            CHECK(f["bp"] == "e");
        }
        // the timer (cb 2): created at 90 ns, ran at 1001500 ns; the immediate (cb 3):
        // created at 145 ns, ran at 1000331 ns. Ids are numbered in the order arrows start.
        CHECK(by_id[1].first == doctest::Approx(0.09));
        CHECK(by_id[1].second == doctest::Approx(1001.5));
        CHECK(by_id[2].first == doctest::Approx(0.145));
        CHECK(by_id[2].second == doctest::Approx(1000.331));
    }

    TEST_CASE("a run that stops inside a callback still exports strictly nested slices") {
        Trace t = two_callbacks();
        TraceHeader h = t.header;
        TraceRecorder r(h);
        // Copy everything up to (not including) the end of the timer callback.
        for (const TraceEvent& e : t.events) {
            if (e.kind == EventKind::CallbackEnd && e.callback == 2) break;
            TraceEvent copy = e;
            copy.label = e.label == kNoString ? kNoString : r.intern(t.strings.get(e.label));
            r.record(copy);
        }
        TraceEvent leave = event(EventKind::PhaseLeave, 1001800);
        leave.phase = 0;
        leave.iteration = 1;
        r.record(leave); // the phase ends while the callback is still open
        const std::string text = trace_to_chrome_json(r.take());
        const std::vector<std::string> bad = chrome_rule_violations(text);
        for (const std::string& b : bad) MESSAGE(b);
        CHECK(bad.empty());
        const std::vector<json> slices = with_ph(json::parse(text), "X");
        const json* timeout = find_named(slices, "() => log('timeout')");
        REQUIRE(timeout);
        CHECK((*timeout)["dur"].get<double>() == doctest::Approx(0.3)); // closed with its phase
    }

    TEST_CASE("the same trace gives the same bytes") {
        CHECK(trace_to_chrome_json(testing::sample_trace()) ==
              trace_to_chrome_json(testing::sample_trace()));
    }
}
