// measure_run: runs one command and reports its wall time and peak memory, for
// bench/whole_program.sh and bench/ab_pairs.sh.
//
//   measure_run OUT_FILE COMMAND [ARGS...]
//
// Writes "WALL_NS PEAK_RSS_KB" to OUT_FILE and exits with the command's status (128 + the
// signal if a signal ended it, 127 if it could not be started). Standard input, output and
// error are the command's own.
//
// Why not `date` and /usr/bin/time around the command, as the scripts did at first: on the
// virtual machines the figures come from, starting a process takes milliseconds, and those
// measurements counted the start of `date` and of /usr/bin/time too (about 8 to 16 ms a run
// in all; /bin/true measured 16 ms). That is noise in node's 0.3 s but a quarter of a 50 ms
// program. Here the clock starts just before the fork and stops when the command has been
// reaped, so a program's own start-up still counts, and nothing else does.
#include <cerrno>
#include <cstdio>
#include <ctime>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {
long long monotonic_ns() {
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return static_cast<long long>(now.tv_sec) * 1'000'000'000LL + now.tv_nsec;
}
} // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: measure_run OUT_FILE COMMAND [ARGS...]\n");
        return 2;
    }
    const long long start = monotonic_ns();
    const pid_t child = fork();
    if (child < 0) {
        std::perror("measure_run: fork");
        return 2;
    }
    if (child == 0) {
        execvp(argv[2], argv + 2);
        std::perror("measure_run: exec");
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    while (wait4(child, &status, 0, &usage) < 0) {
        if (errno != EINTR) {
            std::perror("measure_run: wait4");
            return 2;
        }
    }
    const long long wall = monotonic_ns() - start;
    std::FILE* out = std::fopen(argv[1], "w");
    if (out == nullptr) {
        std::perror("measure_run: cannot write the result");
        return 2;
    }
    std::fprintf(out, "%lld %ld\n", wall, usage.ru_maxrss);
    std::fclose(out);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return WEXITSTATUS(status);
}
