#pragma once
// The loopsim command-line interface as a library, so tests drive it without a process.
// `run` parses argv, dispatches to one subcommand and returns the process exit code:
//   0 success, 1 the scenario or input failed (error printed), 2 usage error.
#include <iosfwd>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace loopsim::cli {

inline constexpr int k_exit_ok = 0;
inline constexpr int k_exit_failure = 1;
inline constexpr int k_exit_usage = 2;

// One subcommand: its name, a one-line summary for `--help`, its usage text, and the
// function that runs it with the arguments after the subcommand name.
struct Command {
    std::string_view name;
    std::string_view summary;
    std::string_view usage;
    int (*run)(std::span<const std::string> args, std::ostream& out, std::ostream& err);
};

// The table of subcommands that exist, in the order `--help` lists them.
std::span<const Command> commands();

// The process's entry (tools/loopsim/main.cpp): the process ends when the command returns,
// so a command may end it itself once everything it writes is written
// (process_ends_with_command()).
int run(int argc, char** argv, std::ostream& out, std::ostream& err);
// The same without that licence: tests drive the commands in their own process.
int run(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err);

// Whether the command runs as the whole process (it came through run(argc, argv, ...)).
bool process_ends_with_command();

} // namespace loopsim::cli
