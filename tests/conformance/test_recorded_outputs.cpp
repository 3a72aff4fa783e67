// loopsim against real node: every program (.js or .mjs) of tests/corpus, tests/probes and
// every scenario is run with `loopsim run` (a separate process, so one crash cannot take the
// suite down, with a time limit) and its stdout, stderr and exit code compared with what node
// printed (the .expect.json beside it, written by scripts/record-expected.mjs). For a race, any
// recorded outcome counts; for a deterministic program there is exactly one.
//
// Programs loopsim does not get right yet are listed, with the reason, in
// tests/conformance/known_failures.txt. The test fails when a listed program passes (the
// list must shrink with the fix) and when an unlisted one fails. With
// LOOPSIM_CONFORMANCE=report it prints every failure with a diff-friendly excerpt instead;
// with LOOPSIM_CONFORMANCE=update it rewrites known_failures.txt from this run (the list
// names programs and the first difference; expected outputs still come only from node).

#include "tests/conformance/recordings_support.h"

#include <algorithm>
#include <cstdlib>
#include <doctest/doctest.h>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <poll.h>
#include <set>
#include <spawn.h>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

using loopsim::conformance::k_root;
using loopsim::conformance::slurp;

std::string normalise(std::string text) {
    return loopsim::conformance::strip_root(std::move(text));
}

struct Program {
    fs::path path;        // absolute
    std::string relative; // from the repository root
};

std::vector<Program> programs() {
    std::vector<Program> found;
    for (const char* dir : {"tests/corpus", "scenarios", "tests/probes"}) {
        for (const auto& entry : fs::recursive_directory_iterator(k_root / dir)) {
            const fs::path& p = entry.path();
            if (p.extension() != ".js" && p.extension() != ".mjs") continue;
            fs::path expect = p;
            expect.replace_extension(".expect.json");
            if (!fs::exists(expect)) continue;
            found.push_back({p, fs::relative(p, k_root).string()});
        }
    }
    std::sort(found.begin(), found.end(),
              [](const Program& a, const Program& b) { return a.relative < b.relative; });
    return found;
}

struct Run {
    std::string out;
    std::string err;
    int exit_code = -1;
};

extern "C" char** environ;

// Runs `loopsim run` on the program (at most 60 s, then killed) and collects its output.
Run run_loopsim(const Program& program, const nlohmann::json& env) {
    std::vector<std::string> argv{
        "/usr/bin/timeout", "-s", "KILL", "60", LOOPSIM_BINARY_DIR "/loopsim", "run"};
    for (auto& [k, v] : env.items()) {
        argv.push_back("--env");
        argv.push_back(k + "=" + v.get<std::string>());
    }
    argv.push_back(program.path.string());
    std::vector<char*> c_argv;
    for (auto& a : argv) c_argv.push_back(a.data());
    c_argv.push_back(nullptr);
    int out_pipe[2], err_pipe[2];
    REQUIRE(pipe(out_pipe) == 0);
    REQUIRE(pipe(err_pipe) == 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
    posix_spawn_file_actions_addclose(&actions, out_pipe[0]);
    posix_spawn_file_actions_addclose(&actions, err_pipe[0]);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, c_argv[0], &actions, nullptr, c_argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(out_pipe[1]);
    close(err_pipe[1]);
    Run run;
    if (rc != 0) {
        close(out_pipe[0]);
        close(err_pipe[0]);
        run.err = "could not start loopsim";
        return run;
    }
    pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
    std::string* sinks[2] = {&run.out, &run.err};
    int open_fds = 2;
    char buffer[65536];
    while (open_fds > 0 && poll(fds, 2, -1) > 0) {
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP))) continue;
            ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
            if (n > 0) {
                sinks[i]->append(buffer, static_cast<size_t>(n));
            } else {
                close(fds[i].fd);
                fds[i].fd = -1;
                --open_fds;
            }
        }
    }
    int status = 0;
    waitpid(pid, &status, 0);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return run;
}

// True if loopsim's run matches one of node's recorded outcomes; `why` gets the first
// difference otherwise.
bool matches(const Program& program, std::string& why) {
    nlohmann::json expect =
        nlohmann::json::parse(slurp(fs::path(program.path).replace_extension(".expect.json")));
    Run r = run_loopsim(program, expect["env"]);
    const std::string out = normalise(r.out), err = normalise(r.err);
    for (const auto& o : expect["outcomes"])
        if (o["stdout"] == out && o["stderr"] == err && o["exit_code"] == r.exit_code) return true;
    const auto& first = expect["outcomes"][0];
    std::ostringstream s;
    if (first["exit_code"] != r.exit_code)
        s << "exit code " << r.exit_code << ", node " << first["exit_code"] << "; ";
    const auto excerpt = [&](const std::string& got, const std::string& want, const char* stream) {
        if (got == want) return;
        size_t i = 0;
        while (i < got.size() && i < want.size() && got[i] == want[i]) ++i;
        const size_t from = i > 40 ? i - 40 : 0;
        s << stream << " differs at byte " << i << ": loopsim "
          << nlohmann::json(got.substr(from, 80)).dump() << " node "
          << nlohmann::json(want.substr(from, 80)).dump() << "; ";
    };
    excerpt(out, first["stdout"].get<std::string>(), "stdout");
    excerpt(err, first["stderr"].get<std::string>(), "stderr");
    why = s.str();
    return false;
}

} // namespace

TEST_SUITE("conformance") {
    TEST_CASE("every recorded program prints what node printed, except the listed known failures") {
        const std::string mode =
            std::getenv("LOOPSIM_CONFORMANCE") ? std::getenv("LOOPSIM_CONFORMANCE") : "";
        const bool report = mode == "report" || mode == "update";
        std::string updated =
            "# Programs loopsim does not yet print exactly as node does, with the first "
            "difference.\n"
            "# Rewritten by LOOPSIM_CONFORMANCE=update build/release/tests/test_conformance.\n";
        const std::set<std::string> known =
            loopsim::conformance::listed_programs("known_failures.txt");
        size_t passed = 0, failed = 0;
        const bool verbose = std::getenv("LOOPSIM_CONFORMANCE_VERBOSE") != nullptr;
        for (const Program& p : programs()) {
            if (verbose) fprintf(stderr, "running %s\n", p.relative.c_str());
            std::string why;
            const bool ok = matches(p, why);
            ok ? ++passed : ++failed;
            if (report) {
                if (!ok) {
                    MESSAGE(p.relative << " " << why);
                    updated += p.relative + "  " + why.substr(0, 160) + "\n";
                }
                continue;
            }
            if (known.count(p.relative)) {
                CHECK_MESSAGE(!ok,
                              p.relative << " now matches node: remove it from known_failures.txt");
            } else {
                CHECK_MESSAGE(ok, p.relative << ": " << why);
            }
        }
        if (mode == "update")
            std::ofstream(k_root / "tests/conformance/known_failures.txt") << updated;
        MESSAGE("conformance: " << passed << " programs match node, " << failed << " do not ("
                                << known.size() << " listed as known failures)");
    }
}
