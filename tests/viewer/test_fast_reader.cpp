// Tests for traces/fast_reader: the same Trace or the same error as the reference reader.
#include "traces/fast_reader.h"
#include "traces/json_reader.h"
#include "traces/json_writer.h"
#include "viewer/core/sample_traces.h"

#include <doctest/doctest.h>
#include <string>

using namespace loopsim;

namespace {
std::string sample_json(std::string_view name) {
    auto trace = viewer::make_sample(name);
    REQUIRE(trace);
    return trace::trace_to_json(trace.value());
}
// Both readers on the same text: equal traces, or equal error messages.
void check_same(const std::string& text) {
    auto fast = trace::parse_trace_fast(text, "t.json");
    auto slow = trace::parse_trace(text, "t.json");
    REQUIRE(fast.is_ok() == slow.is_ok());
    if (slow.is_ok())
        CHECK(fast.value() == slow.value());
    else
        CHECK(fast.error().message == slow.error().message);
}
} // namespace

TEST_SUITE("viewer.fast_reader") {
    TEST_CASE("every sample reads back equal to what was written") {
        for (const viewer::SampleInfo& s : viewer::samples()) {
            CAPTURE(s.name);
            const std::string text = sample_json(s.name);
            auto fast = trace::parse_trace_fast(text, "t.json");
            REQUIRE(fast);
            auto original = viewer::make_sample(s.name);
            CHECK(fast.value() == original.value());
            check_same(text);
        }
    }

    TEST_CASE("escaped and non-ASCII text decodes like the reference reader") {
        trace::Trace t = std::move(viewer::make_sample("sync-order")).value();
        trace::TraceEvent e;
        e.kind = trace::EventKind::Console;
        e.time = sim::SimTime::ms(10);
        e.stream = trace::Stream::Stdout;
        e.text = t.strings.intern("tab\there \"quoted\" back\\slash é → 😀 \x01\n");
        t.events.push_back(e);
        const std::string text = trace::trace_to_json(t);
        auto fast = trace::parse_trace_fast(text, "t.json");
        REQUIRE(fast);
        CHECK(fast.value() == t);
        check_same(text);
    }

    TEST_CASE("broken files give the reference reader's positioned errors") {
        const std::string text = sample_json("timeout-vs-immediate");
        SUBCASE("truncated") {
            check_same(text.substr(0, text.size() / 2));
        }
        SUBCASE("unknown kind") {
            std::string bad = text;
            bad.replace(bad.find("\"callback_start\""), 16, "\"callback_stert\"");
            check_same(bad);
            CHECK(trace::parse_trace_fast(bad, "t.json").error().message.find("t.json:") == 0);
        }
        SUBCASE("wrong event count") {
            std::string bad = text;
            const size_t at = bad.find("\"event_count\":") + 14;
            bad.insert(at, "1");
            check_same(bad);
        }
        SUBCASE("a fractional time") {
            std::string bad = text;
            const size_t at = bad.find("\"t\":", bad.find("\"events\"")) + 4;
            bad.insert(bad.find(',', at), ".5");
            check_same(bad);
        }
        SUBCASE("events out of time order") {
            std::string bad = text;
            const size_t at = bad.rfind("\"t\":") + 4;
            bad.replace(at, bad.find(',', at) - at, "0");
            check_same(bad);
        }
        SUBCASE("empty") {
            check_same("");
        }
        SUBCASE("not a trace") {
            check_same("{\"hello\":1}");
        }
    }

    TEST_CASE("a file that cannot be opened is an error naming the path") {
        auto r = trace::read_trace_fast("/nonexistent/dir/trace.json");
        REQUIRE_FALSE(r);
        CHECK(r.error().message.find("/nonexistent/dir/trace.json") == 0);
    }
}
