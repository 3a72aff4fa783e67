// Tests for tools/cli: global flags, the subcommand table and usage errors.
#include "tests/cli/cli_test_support.h"
#include "tools/cli/cli.h"

#include <doctest/doctest.h>
#include <sstream>

namespace {

using loopsim::cli::testing::Outcome;
using loopsim::cli::testing::run_cli;

} // namespace

TEST_SUITE("cli") {
    TEST_CASE("--version prints the project version on stdout and exits 0") {
        Outcome r = run_cli({"--version"});
        CHECK(r.code == 0);
        CHECK(r.out.starts_with("loopsim "));
        CHECK(r.out.ends_with("\n"));
        CHECK(r.out.find('.') != std::string::npos); // a dotted version number
        CHECK(r.err.empty());
    }

    TEST_CASE("--help lists every subcommand of the table with its summary") {
        Outcome r = run_cli({"--help"});
        CHECK(r.code == 0);
        CHECK(r.out.find("usage: loopsim <command>") != std::string::npos);
        for (const auto& c : loopsim::cli::commands()) {
            CHECK_MESSAGE(r.out.find(std::string(c.name)) != std::string::npos, c.name);
            CHECK_MESSAGE(r.out.find(std::string(c.summary)) != std::string::npos, c.summary);
        }
    }

    TEST_CASE("no arguments prints the help on stderr and is a usage error") {
        Outcome r = run_cli({});
        CHECK(r.code == 2);
        CHECK(r.out.empty());
        CHECK(r.err.find("usage: loopsim") != std::string::npos);
    }

    TEST_CASE("an unknown command is a usage error that names it and lists the commands") {
        Outcome r = run_cli({"frobnicate"});
        CHECK(r.code == 2);
        CHECK(r.out.empty());
        CHECK(r.err.find("unknown command 'frobnicate'") != std::string::npos);
        CHECK(r.err.find("did you mean") == std::string::npos);
        CHECK(r.err.find("loopsim --help") != std::string::npos);
    }

    TEST_CASE("a mistyped command gets a did-you-mean suggestion") {
        const auto& first = loopsim::cli::commands().front();
        std::string typo(first.name);
        std::swap(typo[0], typo[1]);
        Outcome r = run_cli({typo});
        CHECK(r.code == 2);
        CHECK(r.err.find("did you mean '" + std::string(first.name) + "'?") != std::string::npos);
    }

    TEST_CASE("an unknown global option is a usage error") {
        Outcome r = run_cli({"--frobnicate"});
        CHECK(r.code == 2);
        CHECK(r.err.find("unknown option '--frobnicate'") != std::string::npos);
    }

    TEST_CASE("every subcommand prints its usage for --help, and 'help NAME' does the same") {
        for (const auto& c : loopsim::cli::commands()) {
            std::string name(c.name);
            Outcome direct = run_cli({name, "--help"});
            Outcome via_help = run_cli({"help", name});
            CHECK_MESSAGE(direct.code == 0, name);
            CHECK_MESSAGE(direct.out.starts_with("usage: loopsim " + name), name);
            CHECK(direct.out == via_help.out);
        }
    }

    TEST_CASE("'help' of an unknown command is a usage error") {
        Outcome r = run_cli({"help", "nosuch"});
        CHECK(r.code == 2);
        CHECK(r.err.find("unknown command 'nosuch'") != std::string::npos);
    }
}
