// Dispatch for the loopsim command line: global flags, the subcommand table, usage errors.
#include "tools/cli/cli.h"

#include "loopsim/version.h"

#include <algorithm>
#include <ostream>

namespace loopsim::cli {
namespace {

// Levenshtein distance, for "did you mean" on a mistyped subcommand.
size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t above = row[j];
            row[j] =
                std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

const Command* find_command(std::string_view name) {
    for (const Command& c : commands())
        if (c.name == name) return &c;
    return nullptr;
}

void print_help(std::ostream& out) {
    out << "loopsim " << k_version << " - a deterministic simulator of the Node.js event loop\n\n"
        << "usage: loopsim <command> [options] [args]\n"
        << "       loopsim --help | --version\n"
        << "       loopsim <command> --help\n\n"
        << "commands:\n";
    size_t width = 0;
    for (const Command& c : commands()) width = std::max(width, c.name.size());
    for (const Command& c : commands())
        out << "  " << c.name << std::string(width - c.name.size() + 2, ' ') << c.summary << '\n';
    out << "\nDocumentation: docs/ in the loopsim source tree (start with docs/cli.md).\n";
}

int unknown_command(std::string_view name, std::ostream& err) {
    err << "loopsim: unknown command '" << name << "'";
    const Command* best = nullptr;
    size_t best_distance = 3; // suggest only close matches
    for (const Command& c : commands()) {
        size_t d = edit_distance(name, c.name);
        if (d < best_distance) best = &c, best_distance = d;
    }
    if (best) err << "; did you mean '" << best->name << "'?";
    err << "\ncommands:";
    for (const Command& c : commands()) err << ' ' << c.name;
    err << "\n(see 'loopsim --help')\n";
    return k_exit_usage;
}

} // namespace

int run(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
    if (argv.size() < 2) {
        print_help(err);
        return k_exit_usage;
    }
    const std::string& first = argv[1];
    if (first == "--help" || first == "-h" || first == "help") {
        if (first == "help" && argv.size() > 2) {
            const Command* c = find_command(argv[2]);
            if (!c) return unknown_command(argv[2], err);
            out << c->usage;
            return k_exit_ok;
        }
        print_help(out);
        return k_exit_ok;
    }
    if (first == "--version" || first == "-V") {
        out << "loopsim " << k_version << '\n';
        return k_exit_ok;
    }
    if (first.starts_with("-")) {
        err << "loopsim: unknown option '" << first
            << "' (expected a command; see 'loopsim --help')\n";
        return k_exit_usage;
    }
    const Command* command = find_command(first);
    if (!command) return unknown_command(first, err);
    std::vector<std::string> args(argv.begin() + 2, argv.end());
    if (std::find(args.begin(), args.end(), "--help") != args.end() ||
        std::find(args.begin(), args.end(), "-h") != args.end()) {
        out << command->usage;
        return k_exit_ok;
    }
    return command->run(args, out, err);
}

namespace {
bool g_process_ends_with_command = false;
} // namespace

int run(int argc, char** argv, std::ostream& out, std::ostream& err) {
    g_process_ends_with_command = true;
    return run(std::vector<std::string>(argv, argv + argc), out, err);
}

bool process_ends_with_command() {
    return g_process_ends_with_command;
}

} // namespace loopsim::cli
