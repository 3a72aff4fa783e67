// Start-up cost of the `loopsim` binary: wall time and peak resident memory of
// `loopsim --version`, measured in the same run as `/bin/true` (the floor a process
// spawn costs on this machine). Target (issue 2): under 10 ms and 10 MiB.
#include <benchmark/benchmark.h>

#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <cstdlib>
#include <fcntl.h>
#include <string>
#include <unistd.h>

extern char** environ;

namespace {

// Spawns `path args...` with stdout and stderr sent to /dev/null; returns the child's peak
// RSS in KiB, or -1 if it could not run or exited non-zero.
long spawn_and_wait(const char* path, const char* arg) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    char* argv[] = {const_cast<char*>(path), const_cast<char*>(arg), nullptr};
    pid_t pid = 0;
    int rc = posix_spawn(&pid, path, &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) return -1;
    int status = 0;
    rusage usage{};
    if (wait4(pid, &status, 0, &usage) != pid) return -1;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return -1;
    return usage.ru_maxrss;
}

void run_spawn(benchmark::State& state, const char* path, const char* arg) {
    long max_rss_kib = 0;
    for (auto _ : state) {
        long rss = spawn_and_wait(path, arg);
        if (rss < 0) {
            state.SkipWithError("the program could not be run");
            return;
        }
        max_rss_kib = std::max(max_rss_kib, rss);
    }
    state.counters["peak_rss_MiB"] = static_cast<double>(max_rss_kib) / 1024.0;
}

void BM_spawn_bin_true(benchmark::State& state) {
    run_spawn(state, "/bin/true", nullptr);
}

void BM_spawn_loopsim_version(benchmark::State& state) {
    run_spawn(state, LOOPSIM_BINARY, "--version");
}

} // namespace

BENCHMARK(BM_spawn_bin_true)->Unit(benchmark::kMillisecond)->MinTime(0.5);
BENCHMARK(BM_spawn_loopsim_version)->Unit(benchmark::kMillisecond)->MinTime(0.5);
BENCHMARK_MAIN();
