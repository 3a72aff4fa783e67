#include "trace_samples.h"
#include "traces/json_reader.h"
#include "traces/json_writer.h"

#include <cstdio>
#include <doctest/doctest.h>
#include <set>
#include <string>

using namespace loopsim::trace;

namespace {

// A minimal valid trace, written by hand: line 1 is the header, lines 2-4 the events, line 5
// the outcome. Each malformed case below changes one thing and names the expected position.
const std::string kTiny =
    R"({"format":"loopsim-trace","version":1,"header":{"scenario":{"path":"t.js","source":"x"},)"
    R"("options":{"seed":0,"profile":"node20","budgets":{"max_time_ns":0,"max_instructions":0,)"
    R"("max_queue_length":0}},"actors":[{"id":0,"name":"main","kind":"main"}],"phases":["timers"],)"
    R"("queues":["none"]},"events":[)"
    "\n"
    R"({"kind":"run_start","t":0,"actor":0,"iter":0},)"
    "\n"
    R"({"kind":"callback_start","t":5,"actor":0,"iter":0,"cb":1},)"
    "\n"
    R"({"kind":"run_end","t":9,"actor":0,"iter":0})"
    "\n"
    R"(],"outcome":{"status":"completed","exit_code":0,"event_count":3}})"
    "\n";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    size_t at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    return text.replace(at, from.size(), to);
}

// The error message for `text`, which must fail to read.
std::string error_of(const std::string& text) {
    auto result = parse_trace(text, "t.json");
    REQUIRE_FALSE(result.is_ok());
    return result.error().message;
}

bool starts_with(const std::string& s, const std::string& prefix) {
    return s.rfind(prefix, 0) == 0;
}

} // namespace

TEST_SUITE("json_reader") {

    TEST_CASE("the hand-written minimal trace reads") {
        auto result = parse_trace(kTiny, "t.json");
        REQUIRE_MESSAGE(result.is_ok(), result.error().message);
        const Trace& t = result.value();
        CHECK(t.header.scenario_path == "t.js");
        CHECK(t.events.size() == 3);
        CHECK(t.events[1].kind == EventKind::CallbackStart);
        CHECK(t.events[1].callback == 1);
        CHECK(t.events[1].loop_time_ms == -1);
        CHECK(t.events[1].phase == kNoPhase);
        CHECK(t.outcome.status == OutcomeStatus::Completed);
    }

    TEST_CASE("a trace with every event kind reads back equal and rewrites to the same bytes") {
        Trace original = testing::sample_trace();
        std::set<EventKind> kinds;
        for (const TraceEvent& e : original.events) kinds.insert(e.kind);
        REQUIRE(kinds.size() == kEventKindCount); // the sample covers the whole table

        std::string text = trace_to_json(original);
        auto read = parse_trace(text, "sample.json");
        REQUIRE_MESSAGE(read.is_ok(), read.error().message);
        CHECK(read.value() == original);
        CHECK(trace_to_json(read.value()) == text);
    }

    TEST_CASE("a column without a line and a line without a column both survive a round trip") {
        Trace trace;
        trace.header = testing::sample_header();
        TraceEvent e;
        e.kind = EventKind::Note;
        e.text = trace.strings.intern("n");
        e.column = 27;
        trace.events.push_back(e);
        e.column = 0;
        e.line = 4;
        trace.events.push_back(e);
        std::string text = trace_to_json(trace);
        CHECK(text.find(R"("iter":0,"col":27,"text")") != std::string::npos);
        auto read = parse_trace(text, "cols.json");
        REQUIRE_MESSAGE(read.is_ok(), read.error().message);
        CHECK(read.value() == trace);
    }

    TEST_CASE("read_trace reads a file and names a missing one") {
        std::string path = std::string(LOOPSIM_BINARY_DIR) + "/test_traces_reader.json";
        REQUIRE(write_trace_file(testing::sample_trace(), path).is_ok());
        auto read = read_trace(path);
        REQUIRE_MESSAGE(read.is_ok(), read.error().message);
        CHECK(read.value() == testing::sample_trace());
        std::remove(path.c_str());

        auto missing = read_trace("/nonexistent-dir/none.json");
        REQUIRE_FALSE(missing.is_ok());
        CHECK(missing.error().message ==
              "/nonexistent-dir/none.json: error: cannot open: No such file or directory");
    }

    TEST_CASE("an empty file is an error at 1:1") {
        CHECK(starts_with(error_of(""), "t.json:1:1: error: empty file"));
        CHECK(starts_with(error_of("  \n"), "t.json:1:1: error: empty file"));
    }

    TEST_CASE("a truncated file is an error at its end that says it ends early") {
        // (cut after `chars` characters of line `line`) -> error at line:chars+1
        struct Cut {
            int line;
            size_t chars;
        };
        for (Cut cut : {Cut{1, 10}, Cut{1, 200}, Cut{3, 20}, Cut{4, 0}, Cut{5, 1}, Cut{5, 40}}) {
            size_t line_start = 0;
            for (int l = 1; l < cut.line; ++l) line_start = kTiny.find('\n', line_start) + 1;
            std::string text = kTiny.substr(0, line_start + cut.chars);
            std::string expected = "t.json:" + std::to_string(cut.line) + ":" +
                                   std::to_string(cut.chars + 1) + ": error: ";
            std::string message = error_of(text);
            CAPTURE(message);
            CHECK(starts_with(message, expected));
            CHECK(message.find("ends early") != std::string::npos);
        }
        // Only the final brace missing.
        std::string text = kTiny.substr(0, kTiny.size() - 2);
        CHECK(starts_with(error_of(text), "t.json:5:65: error: "));
    }

    TEST_CASE("bad JSON is an error at the offending byte") {
        std::string message =
            error_of(replaced(kTiny, R"("iter":0,"cb":1)", R"("iter":0,,"cb":1)"));
        CHECK(starts_with(message, "t.json:3:51: error: syntax error while parsing object key"));
        CHECK(starts_with(error_of("{\n  \"format\": tru\n}"), "t.json:2:16: error: syntax error"));
        CHECK(starts_with(error_of("[1,2]"), "t.json:1:1: error: a trace must be a JSON object"));
        CHECK(starts_with(error_of("\"just a string\""),
                          "t.json:1:1: error: a trace must be a JSON object"));
    }

    TEST_CASE("an unknown format or version names what is supported") {
        CHECK(error_of(replaced(kTiny, R"("version":1)", R"("version":2)")) ==
              "t.json:1:37: error: unsupported trace version 2: this loopsim reads version 1 only");
        CHECK(error_of(replaced(kTiny, R"("loopsim-trace")", R"("chrome-trace")")) ==
              "t.json:1:11: error: unknown format \"chrome-trace\": expected \"loopsim-trace\"");
        CHECK(starts_with(error_of(replaced(kTiny, R"("format":"loopsim-trace",)", "")),
                          "t.json:1:12: error: missing \"format\" before \"version\""));
    }

    TEST_CASE("an unknown event kind names the kind and the event's line") {
        CHECK(error_of(replaced(kTiny, R"("run_end")", R"("run_stop")")) ==
              "t.json:4:1: error: event 2: unknown event kind \"run_stop\"");
    }

    TEST_CASE("a missing required field names the field and the event's line") {
        CHECK(error_of(replaced(kTiny, R"(,"cb":1)", "")) ==
              "t.json:3:1: error: event 1 (callback_start): missing required field \"cb\"");
        CHECK(error_of(replaced(kTiny, R"("kind":"run_start",)", "")) ==
              "t.json:2:1: error: event 0: missing required field \"kind\"");
        CHECK(error_of(replaced(kTiny, R"(,"event_count":3)", "")) ==
              "t.json:5:13: error: outcome: missing required field \"event_count\"");
        CHECK(error_of(replaced(
                  kTiny, R"(,"outcome":{"status":"completed","exit_code":0,"event_count":3})",
                  "")) == "t.json:5:2: error: missing required field \"outcome\"");
    }

    TEST_CASE("a field of the wrong type says what was expected and what was found") {
        CHECK(error_of(replaced(kTiny, R"("t":5)", R"("t":"5")")) ==
              "t.json:3:1: error: event 1 (callback_start): field \"t\" must be a 64-bit integer, "
              "not a string");
        CHECK(error_of(replaced(kTiny, R"("t":5)", R"("t":5.5)")) ==
              "t.json:3:1: error: event 1 (callback_start): field \"t\" must be a 64-bit integer, "
              "not a fractional number");
        CHECK(error_of(replaced(kTiny, R"("cb":1)", R"("cb":-1)")) ==
              "t.json:3:1: error: event 1 (callback_start): field \"cb\" must be an unsigned "
              "64-bit integer, "
              "not the integer -1");
        CHECK(error_of(replaced(kTiny, R"("seed":0)", R"("seed":null)")) ==
              "t.json:1:48: error: header.options: field \"seed\" must be an unsigned 64-bit "
              "integer, not null");
        CHECK(error_of(replaced(kTiny, R"("events":[)",
                                R"("events":{})"
                                "\n"
                                R"(,"x":[)")) ==
              "t.json:1:295: error: \"events\" must be an array, not an object");
        CHECK(error_of(replaced(kTiny, R"({"kind":"run_start","t":0,"actor":0,"iter":0})", "42")) ==
              "t.json:2:1: error: event 0: an event must be an object, not the integer 42");
    }

    TEST_CASE("an actor's events out of time order are rejected at the later event") {
        CHECK(error_of(replaced(kTiny, R"("t":9)", R"("t":4)")) ==
              "t.json:4:1: error: event 2 (run_end): time 4 ns is earlier than the previous "
              "event's 5 ns on the same actor "
              "(each actor's events must be in time order)");
    }

    TEST_CASE("references to unknown actors, phases, queues and reasons are rejected") {
        CHECK(error_of(replaced(kTiny, R"("actor":0,"iter":0,"cb":1)",
                                R"("actor":3,"iter":0,"cb":1)")) ==
              "t.json:3:1: error: event 1 (callback_start): actor 3 is not in header.actors");
        CHECK(error_of(replaced(kTiny, R"("cb":1)", R"("cb":1,"phase":1)")) ==
              "t.json:3:1: error: event 1 (callback_start): phase 1 is not an index into "
              "header.phases (1 phases)");
        CHECK(error_of(replaced(kTiny, R"("cb":1)", R"("cb":1,"to":"nowhere")")) ==
              "t.json:3:1: error: event 1 (callback_start): unknown queue \"nowhere\" in field "
              "\"to\"");
        CHECK(
            error_of(replaced(kTiny, R"("cb":1)", R"("cb":1,"reason":{"code":"because"})")) ==
            "t.json:3:1: error: event 1 (callback_start): reason: unknown reason code \"because\"");
        CHECK(error_of(replaced(kTiny, R"("event_count":3)", R"("event_count":4)")) ==
              "t.json:5:13: error: outcome: event_count says 4 events but the file holds 3");
    }

    TEST_CASE("keys a reader does not know are ignored") {
        std::string text = replaced(kTiny, R"("cb":1)", R"("cb":1,"future_field":[1,{"a":2}])");
        text = replaced(text, R"("outcome":{)", R"("extra":true,"outcome":{)");
        auto result = parse_trace(text, "t.json");
        REQUIRE_MESSAGE(result.is_ok(), result.error().message);
        CHECK(result.value().events.size() == 3);
    }

    TEST_CASE("every truncation and many corruptions of a real trace fail cleanly") {
        std::string text = trace_to_json(testing::sample_trace());
        size_t cuts = 0, failures = 0;
        for (size_t cut = 0; cut + 1 < text.size();
             cut += 3) { // text ends "}}\n": every cut is short
            ++cuts;
            auto result = parse_trace(std::string_view(text).substr(0, cut), "cut.json");
            if (result.is_ok()) continue;
            ++failures;
            REQUIRE(starts_with(result.error().message, "cut.json:"));
            REQUIRE(result.error().message.find(": error: ") != std::string::npos);
        }
        CHECK(failures == cuts);
        for (size_t at = 0; at < text.size(); at += 5) {
            for (char c : {'}', '"', '\xff', '9', '\0'}) {
                std::string corrupted = text;
                corrupted[at] = c;
                auto result = parse_trace(corrupted, "bad.json");
                if (!result.is_ok()) REQUIRE(starts_with(result.error().message, "bad.json:"));
            }
        }
    }

} // TEST_SUITE
