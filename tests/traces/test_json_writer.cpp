#include "trace_samples.h"
#include "traces/json_reader.h"
#include "traces/json_writer.h"

#include <cstdio>
#include <doctest/doctest.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

using namespace loopsim::trace;
using loopsim::sim::SimTime;
using nlohmann::json;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

TraceHeader tiny_header() {
    TraceHeader h;
    h.scenario_path = "t.js";
    h.scenario_source = "x";
    h.actors = {{0, "main", ActorKind::Main}};
    h.phases = {"timers", "poll"};
    return h;
}

} // namespace

TEST_SUITE("json_writer") {

    TEST_CASE("the file is a header line, one line per event, then the outcome line") {
        Trace trace = testing::sample_trace();
        std::string text = trace_to_json(trace);
        std::vector<std::string> lines = lines_of(text);
        REQUIRE(lines.size() == trace.events.size() + 2);
        CHECK(lines.front().rfind("{\"format\":\"loopsim-trace\",\"version\":1,\"header\":{", 0) ==
              0);
        CHECK(lines.front().substr(lines.front().size() - 10) == "\"events\":[");
        for (size_t i = 1; i + 1 < lines.size(); ++i) {
            std::string line = lines[i];
            if (i + 2 < lines.size()) {
                REQUIRE(line.back() == ',');
                line.pop_back();
            }
            auto event = nlohmann::ordered_json::parse(line); // each event line is a JSON object
            CHECK(event.begin().key() == "kind");
        }
        CHECK(lines.back().rfind("],\"outcome\":{\"status\":\"budget_exceeded\"", 0) == 0);
        CHECK(json::parse(text)["events"].size() == trace.events.size());
    }

    TEST_CASE("absent fields are left out and present ones come in the fixed order") {
        Trace trace;
        trace.header = tiny_header();
        TraceEvent bare;
        bare.kind = EventKind::RunStart;
        trace.events.push_back(bare);

        TraceEvent full;
        full.kind = EventKind::CallbackMoved;
        full.time = SimTime::ns(1500);
        full.loop_time_ms = 1;
        full.actor = 0;
        full.iteration = 2;
        full.phase = 1;
        full.callback = 42;
        full.creator = 7;
        full.from_queue = Queue::Timers;
        full.to_queue = Queue::CallStack;
        full.line = 3;
        full.column = 9;
        full.label = trace.strings.intern("onTimeout");
        full.stream = Stream::Stdout;
        full.text = trace.strings.intern("hi\n");
        full.reason = Reason{ReasonCode::TimerExpired, kNoString, {1, 1, 2}};
        trace.events.push_back(full);

        std::vector<std::string> lines = lines_of(trace_to_json(trace));
        REQUIRE(lines.size() == 4);
        CHECK(lines[1] == R"({"kind":"run_start","t":0,"actor":0,"iter":0},)");
        CHECK(
            lines[2] ==
            R"({"kind":"callback_moved","t":1500,"loop_ms":1,"actor":0,"iter":2,"phase":1,)"
            R"("cb":42,"creator":7,"from":"timers","to":"call_stack","line":3,"col":9,)"
            R"("label":"onTimeout","stream":"stdout","text":"hi\n","reason":{"code":"timer_expired",)"
            R"("args":[1,1,2],"text":"timer list 1 ms expired at 1 ms; loop time is 2 ms"}})");
        CHECK(lines[3] == R"(],"outcome":{"status":"completed","exit_code":0,"event_count":2}})");
    }

    TEST_CASE("the header lists actors, phases and every queue name") {
        Trace trace;
        trace.header = tiny_header();
        json j = json::parse(trace_to_json(trace));
        CHECK(j["header"]["actors"][0]["kind"] == "main");
        CHECK(j["header"]["phases"] == json::array({"timers", "poll"}));
        CHECK(j["header"]["queues"].size() == kQueueCount);
        CHECK(j["header"]["queues"][1] == "timers");
        CHECK(j["header"]["options"]["budgets"]["max_time_ns"] == 0);
        CHECK(j["events"].empty());
    }

    TEST_CASE("reason arguments beyond the template are kept, the string argument is written") {
        Trace trace;
        trace.header = tiny_header();
        TraceEvent e;
        e.kind = EventKind::Note;
        e.text = trace.strings.intern("n");
        e.reason = Reason{ReasonCode::NextTickQueued, kNoString, {0, 5, 0}};
        trace.events.push_back(e);
        e.reason = Reason{ReasonCode::IoCompleted, trace.strings.intern("read \"a\""), {12, 0, 0}};
        trace.events.push_back(e);
        json j = json::parse(trace_to_json(trace));
        CHECK(j["events"][0]["reason"]["args"] == json::array({0, 5}));
        CHECK(j["events"][1]["reason"]["args"] == json::array({12}));
        CHECK(j["events"][1]["reason"]["str"] == "read \"a\"");
        CHECK(j["events"][1]["reason"]["text"] == "read \"a\" completed after 12 ns");
    }

    TEST_CASE("a writer destroyed before finish leaves a readable trace marked aborted") {
        Trace sample = testing::sample_trace();
        std::string text;
        {
            JsonOutput out = JsonOutput::to_string(text);
            JsonTraceWriter writer(out);
            writer.begin(sample.header);
            EventLog partial;
            for (size_t i = 0; i < 5; ++i) {
                partial.push_back(sample.events[i]);
                writer.write_new_events(partial, sample.strings); // streamed as they happen
            }
            CHECK(writer.events_written() == 5);
        }
        auto read = parse_trace(text, "aborted.json");
        REQUIRE_MESSAGE(read.is_ok(), read.error().message);
        CHECK(read.value().events.size() == 5);
        CHECK(read.value().outcome.status == OutcomeStatus::Aborted);
        CHECK(read.value().outcome.message ==
              "the trace writer was closed before the run finished");
    }

    TEST_CASE("a run stopped by a budget writes the events so far and says which budget") {
        Trace sample = testing::sample_trace();
        std::string text;
        {
            JsonOutput out = JsonOutput::to_string(text);
            JsonTraceWriter writer(out);
            writer.begin(sample.header);
            for (size_t i = 0; i < 3; ++i) writer.write_event(sample.events[i], sample.strings);
            CHECK(writer
                      .finish(Outcome{OutcomeStatus::BudgetExceeded, 1,
                                      "nextTick recursion starves the loop", "max_instructions"})
                      .is_ok());
        }
        json j = json::parse(text);
        CHECK(j["events"].size() == 3);
        CHECK(j["outcome"] == json::parse(R"({"status":"budget_exceeded","exit_code":1,)"
                                          R"("message":"nextTick recursion starves the loop",)"
                                          R"("budget":"max_instructions","event_count":3})"));
    }

    TEST_CASE("two identical recordings give byte-identical files") {
        std::string dir = LOOPSIM_BINARY_DIR;
        std::string a = dir + "/test_traces_determinism_a.json";
        std::string b = dir + "/test_traces_determinism_b.json";
        REQUIRE(write_trace_file(testing::sample_trace(), a).is_ok());
        REQUIRE(write_trace_file(testing::sample_trace(), b).is_ok());
        std::string text_a = slurp(a);
        CHECK(text_a.size() > 1000);
        CHECK(text_a == slurp(b));
        CHECK(text_a == trace_to_json(testing::sample_trace()));
        std::remove(a.c_str());
        std::remove(b.c_str());
    }

    TEST_CASE("writing to a path that cannot be opened is an error naming the path") {
        auto result = write_trace_file(testing::sample_trace(), "/nonexistent-dir/trace.json");
        REQUIRE_FALSE(result.is_ok());
        CHECK(result.error().message.rfind("/nonexistent-dir/trace.json: error: cannot open", 0) ==
              0);
    }

} // TEST_SUITE
