// Tests for viewer/core/document: opening traces, samples and scenarios.
#include "traces/json_writer.h"
#include "viewer/core/document.h"
#include "viewer/core/sample_traces.h"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>

using namespace loopsim;
using namespace loopsim::viewer;

TEST_SUITE("viewer.document") {
    TEST_CASE("a sample opens by name, and an unknown one lists the known names") {
        auto doc = open_document("sample:timeout-vs-immediate");
        REQUIRE(doc);
        CHECK(doc.value().index->step_count() > 10);
        auto bad = open_document("sample:nope");
        REQUIRE_FALSE(bad);
        CHECK(bad.error().message.find("timeout-vs-immediate") != std::string::npos);
    }

    TEST_CASE("a scenario opens as its simulated run; one outside the dialect is an error") {
        const auto dir = std::filesystem::temp_directory_path() / "loopsim-viewer-test-scenario";
        std::filesystem::create_directories(dir);
        const std::string good = (dir / "order.js").string();
        std::ofstream(good) << "setImmediate(() => console.log('immediate'));\n"
                               "process.nextTick(() => console.log('tick'));\n";
        auto doc = open_document(good);
        REQUIRE(doc);
        const trace::Trace& t = doc.value().index->trace();
        CHECK(t.header.scenario_path == good);
        std::string printed;
        for (const trace::TraceEvent& e : t.events)
            if (e.kind == trace::EventKind::Console) printed += t.strings.get(e.text);
        CHECK(printed == "tick\nimmediate\n"); // node's order
        const std::string bad = (dir / "bad.js").string();
        std::ofstream(bad) << "function* g() {}\n";
        auto error = open_document(bad);
        REQUIRE_FALSE(error);
        CHECK(error.error().message.find("bad.js:1:") != std::string::npos);
        CHECK(error.error().message.find("generator") != std::string::npos);
        REQUIRE_FALSE(open_document((dir / "missing.js").string()));
        std::filesystem::remove_all(dir);
    }

    TEST_CASE("a trace file opens; a truncated one is an error with path:line:col") {
        const auto dir = std::filesystem::temp_directory_path() / "loopsim-viewer-test-document";
        std::filesystem::create_directories(dir);
        const std::string good = (dir / "good.json").string();
        auto sample = make_sample("nexttick-and-promises");
        REQUIRE(sample);
        REQUIRE(trace::write_trace_file(sample.value(), good));
        auto doc = open_document(good);
        REQUIRE(doc);
        CHECK(doc.value().index->step_count() == sample.value().events.size());

        const std::string text = trace::trace_to_json(sample.value());
        const std::string bad = (dir / "bad.json").string();
        std::ofstream(bad, std::ios::binary) << text.substr(0, text.size() - 40);
        auto broken = open_document(bad);
        REQUIRE_FALSE(broken);
        const std::string& message = broken.error().message;
        CHECK(message.find(bad + ":") == 0);
        CHECK(message.find(": error: ") != std::string::npos);
        std::filesystem::remove_all(dir);
    }

    TEST_CASE("a racy scenario's outcomes each open as the run that prints them") {
        const auto dir = std::filesystem::temp_directory_path() / "loopsim-viewer-test-outcomes";
        std::filesystem::create_directories(dir);
        const std::string path = (dir / "race.js").string();
        std::ofstream(path) << "setTimeout(() => console.log('timeout'), 0);\n"
                               "setImmediate(() => console.log('immediate'));\n";
        auto doc = open_document(path);
        REQUIRE(doc);
        auto found = explore_document(doc.value());
        REQUIRE(found);
        REQUIRE(found.value().outputs.size() == 2); // node prints both orders
        for (const node::ExploredOutput& o : found.value().outputs) {
            auto run = open_outcome(doc.value(), o.choices);
            REQUIRE(run);
            const trace::Trace& t = run.value().index->trace();
            std::string printed;
            for (const trace::TraceEvent& e : t.events)
                if (e.kind == trace::EventKind::Console) printed += t.strings.get(e.text);
            CHECK(printed == o.stdout_text);
            CHECK(run.value().scenario.has_value());
        }
        // A sample has no scenario to explore.
        auto sample = open_document("sample:timeout-vs-immediate");
        REQUIRE(sample);
        CHECK_FALSE(explore_document(sample.value()));
        std::filesystem::remove_all(dir);
    }

    TEST_CASE("live edit: an edited source runs again; an edit outside the dialect is an error") {
        const auto dir = std::filesystem::temp_directory_path() / "loopsim-viewer-test-edit";
        std::filesystem::create_directories(dir);
        const std::string path = (dir / "edit.js").string();
        std::ofstream(path) << "console.log('a');\n";
        auto doc = open_document(path);
        REQUIRE(doc);
        const auto printed = [](const Document& d) {
            const trace::Trace& t = d.index->trace();
            std::string text;
            for (const trace::TraceEvent& e : t.events)
                if (e.kind == trace::EventKind::Console) text += t.strings.get(e.text);
            return text;
        };
        CHECK(printed(doc.value()) == "a\n");
        auto edited = rerun_with_source(doc.value(), "process.nextTick(() => console.log('b'));\n"
                                                     "console.log('a');\n");
        REQUIRE(edited);
        CHECK(printed(edited.value()) == "a\nb\n");
        CHECK(edited.value().index->trace().header.scenario_source.find("nextTick") !=
              std::string::npos);
        // A header written in the editor takes effect: @file makes the file exist.
        auto with_file = rerun_with_source(
            doc.value(),
            "// @file data.txt \"hi\"\n"
            "console.log(require('fs').readFileSync(__dirname + '/data.txt', 'utf8'));\n");
        REQUIRE(with_file);
        CHECK(printed(with_file.value()) == "hi\n");
        auto broken = rerun_with_source(doc.value(), "console.log('a';\n");
        REQUIRE_FALSE(broken);
        CHECK(broken.error().message.find("edit.js:1:") != std::string::npos);
        std::filesystem::remove_all(dir);
    }
}
