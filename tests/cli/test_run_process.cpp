// `loopsim run` as a process of its own ends the process as soon as everything is written,
// without taking the model apart (tools/cli/cmd_run.cpp). Whatever it writes must be what
// the same command writes when it returns normally, as it does in-process.
#include "tests/cli/cli_test_support.h"
#include "tools/cli/child_process.h"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

namespace fs = std::filesystem;
using loopsim::cli::run_child;
using loopsim::cli::testing::run_cli;

namespace {
std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}
} // namespace

TEST_SUITE("cli") {
    TEST_CASE("loopsim run as a process prints, traces and exits as the command does in-process") {
        const fs::path dir =
            fs::temp_directory_path() / ("loopsim-run-process-" + std::to_string(getpid()));
        fs::create_directories(dir);
        // Exit 0; an uncaught error (stderr, exit 1); an exit code the script sets; timers;
        // 100 k timers, whose trace fills many sealed chunks.
        for (const char* name :
             {"scenarios/basics/01_sync_order.js",
              "scenarios/errors_and_exit/02_uncaught_in_timer.js",
              "scenarios/errors_and_exit/08_exit_code.js", "scenarios/timers/01_order_by_delay.js",
              "bench/programs/05_timeouts_zero.js"}) {
            const std::string scenario = std::string(LOOPSIM_SOURCE_DIR) + "/" + name;
            CAPTURE(scenario);
            const fs::path in_process = dir / "in_process.json";
            const fs::path child_trace = dir / "child.json";
            const auto expected = run_cli({"run", "--trace", in_process.string(), scenario});
            const auto child = run_child(
                {LOOPSIM_BINARY_DIR "/loopsim", "run", "--trace", child_trace.string(), scenario},
                120);
            REQUIRE(child.started);
            CHECK(child.signal == 0);
            CHECK(child.out.size() + child.err.size() > 0);
            CHECK(child.exit_code == expected.code);
            CHECK(child.out == expected.out);
            CHECK(child.err == expected.err);
            const std::string trace = read_file(child_trace);
            CHECK(trace.size() > 100);
            CHECK(trace == read_file(in_process));
        }
        fs::remove_all(dir);
    }
}
