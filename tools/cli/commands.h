#pragma once
// The subcommands' entry points, one cmd_<name>.cpp each; commands.cpp lists them.
#include <iosfwd>
#include <optional>
#include <span>
#include <string>

namespace loopsim::cli {

int cmd_run(std::span<const std::string> args, std::ostream& out, std::ostream& err);
int cmd_explain(std::span<const std::string> args, std::ostream& out, std::ostream& err);
int cmd_explore(std::span<const std::string> args, std::ostream& out, std::ostream& err);
int cmd_conform(std::span<const std::string> args, std::ostream& out, std::ostream& err);
int cmd_parse(std::span<const std::string> args, std::ostream& out, std::ostream& err);
int cmd_trace(std::span<const std::string> args, std::ostream& out, std::ostream& err);
int cmd_batch(std::span<const std::string> args, std::ostream& out, std::ostream& err);
int cmd_check(std::span<const std::string> args, std::ostream& out, std::ostream& err);
int cmd_diff(std::span<const std::string> args, std::ostream& out, std::ostream& err);
int cmd_merge(std::span<const std::string> args, std::ostream& out, std::ostream& err);

// Reads a whole file; on failure prints "loopsim: cannot read PATH: reason" to err.
std::optional<std::string> read_file(const std::string& path, std::ostream& err);

} // namespace loopsim::cli
