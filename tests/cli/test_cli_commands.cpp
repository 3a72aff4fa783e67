// Tests for the parse and trace subcommands, through the CLI library as a user calls them.
#include "tests/cli/cli_test_support.h"
#include "tools/cli/cli.h"
#include "traces/json_writer.h"
#include "traces/recorder.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace fs = std::filesystem;

namespace {

using loopsim::cli::testing::Outcome;
using loopsim::cli::testing::run_cli;

std::vector<fs::path> files_in(const fs::path& dir, const std::string& extension) {
    std::vector<fs::path> found;
    for (const auto& entry : fs::recursive_directory_iterator(dir))
        if (entry.is_regular_file() && entry.path().extension() == extension)
            found.push_back(entry.path());
    std::sort(found.begin(), found.end());
    return found;
}

std::string first_line(const std::string& text) {
    return text.substr(0, text.find('\n'));
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

const fs::path k_root = LOOPSIM_SOURCE_DIR;

} // namespace

TEST_SUITE("cli.commands") {
    TEST_CASE("parse rejects every program outside the dialect with exit 1 and the expected "
              "position and message") {
        const auto programs = files_in(k_root / "tests/js_syntax/unsupported", ".js");
        REQUIRE(programs.size() >= 30);
        for (const fs::path& program : programs) {
            Outcome r = run_cli({"parse", program.string()});
            fs::path expected_file = program;
            expected_file.replace_extension(".expected");
            const std::string expected = first_line(slurp(expected_file));
            // The diagnostic names the path as given; the expectation names the file alone.
            std::string got = first_line(r.err);
            const std::string dir = program.parent_path().string() + "/";
            if (got.starts_with(dir)) got = got.substr(dir.size());
            CHECK_MESSAGE(r.code == 1, program.string());
            CHECK_MESSAGE(got == expected, program.string());
            CHECK(r.err.find('^') != std::string::npos); // the code frame's caret
        }
    }

    TEST_CASE("parse accepts every bundled scenario") {
        const auto scenarios = files_in(k_root / "scenarios", ".js");
        REQUIRE(scenarios.size() >= 60);
        for (const fs::path& s : scenarios) {
            Outcome r = run_cli({"parse", "--quiet", s.string()});
            CHECK_MESSAGE(r.code == 0, s.string() << "\n" << r.err);
        }
    }

    TEST_CASE("parse of a missing file says so and exits 1") {
        Outcome r = run_cli({"parse", "no/such/file.js"});
        CHECK(r.code == 1);
        CHECK(r.err == "loopsim: cannot read no/such/file.js: No such file or directory\n");
    }

    TEST_CASE("with a trace, distinct timer labels count against the queue budget") {
        // 60 timers from 60 different anonymous functions, each cleared at once: no queue
        // grows, but the pool of labels does. Labels exist only for the trace: without one
        // the pool stays empty and the same budget is not reached.
        const fs::path path = fs::temp_directory_path() / "loopsim-timer-labels.js";
        {
            std::ofstream source(path, std::ios::binary);
            for (int i = 0; i < 60; ++i)
                source << "clearTimeout(setTimeout(() => " << i << ", 1));\n";
            source << "console.log('made');\n";
        }
        Outcome within = run_cli({"run", "--trace-memory", path.string()});
        CHECK(within.code == 0);
        CHECK(within.out == "made\n");
        Outcome untraced = run_cli({"run", "--max-queue", "50", path.string()});
        CHECK(untraced.code == 0);
        CHECK(untraced.out == "made\n");
        Outcome over = run_cli({"run", "--trace-memory", "--max-queue", "50", path.string()});
        CHECK(over.code == 1);
        CHECK(over.err.find("the timer label pool holds 51 entries (limit 50)") !=
              std::string::npos);
        CHECK(over.err.find("--max-queue N") != std::string::npos);
        fs::remove(path);
    }

    TEST_CASE("trace summarises a valid trace and rejects a truncated one with its position") {
        using namespace loopsim;
        trace::TraceRecorder recorder;
        recorder.header().actors.push_back(trace::Actor{0, "main", trace::ActorKind::Main});
        trace::TraceEvent e;
        e.kind = trace::EventKind::RunStart;
        recorder.record(e);
        e.kind = trace::EventKind::RunEnd;
        e.time = sim::SimTime::ms(3);
        recorder.record(e);
        const std::string json = trace::trace_to_json(recorder.trace());
        const fs::path dir = fs::temp_directory_path() / "loopsim-test-cli";
        fs::create_directories(dir);
        const fs::path good = dir / "good.json", cut = dir / "cut.json";
        std::ofstream(good) << json;
        std::ofstream(cut) << json.substr(0, json.size() / 2);

        Outcome ok = run_cli({"trace", good.string()});
        CHECK(ok.code == 0);
        CHECK(ok.out.find("2 events, 1 actors") != std::string::npos);
        CHECK(ok.out.find("3.0 ms of virtual time; completed, exit code 0") != std::string::npos);

        Outcome bad = run_cli({"trace", cut.string()});
        CHECK(bad.code == 1);
        CHECK(bad.err.starts_with(cut.string() + ":"));
        CHECK(bad.err.find("error:") != std::string::npos);
        fs::remove_all(dir);
    }
}
