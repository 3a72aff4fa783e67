#include "sim/chooser.h"
#include "sim/simulation.h"

#include <doctest/doctest.h>
#include <optional>
#include <set>
#include <string>
#include <variant>
#include <vector>

using namespace loopsim::sim;

namespace {

// A made-up decision tree, walked by one run. Its leaves, counted by hand:
//   root: 3 options
//     0 -> a choice of 2, then a forced choice (n == 1)        -> 2 leaves
//     1 -> no further choice                                   -> 1 leaf
//     2 -> a choice of 2; on its option 1, a further choice of 4 -> 1 + 4 = 5 leaves
// total 8 leaves; the longest path has 3 logged points.
std::string walk_tree(Chooser& chooser) {
    std::string path = std::to_string(chooser.choose(3, "root"));
    if (path == "0") {
        path += std::to_string(chooser.choose(2, "left"));
        path += std::to_string(chooser.choose(1, "forced"));
    } else if (path == "2") {
        const size_t right = chooser.choose(2, "right");
        path += std::to_string(right);
        if (right == 1) path += std::to_string(chooser.choose(4, "deep"));
    }
    return path;
}

} // namespace

TEST_SUITE("chooser") {

    TEST_CASE("the default strategy always takes option 0 and logs only real choices") {
        Chooser chooser;
        CHECK(chooser.mode() == ChoiceMode::Default);
        CHECK(chooser.choose(3, "a") == 0);
        CHECK(chooser.choose(1, "forced") == 0);
        CHECK(chooser.choose(2, "b") == 0);
        CHECK(chooser.log() ==
              std::vector<ChoicePoint>{ChoicePoint{3, 0, "a"}, ChoicePoint{2, 0, "b"}});
    }

    TEST_CASE("a seeded chooser draws below(n) from an Rng with its seed") {
        Chooser chooser(ChoiceStrategy::seeded(42));
        Rng reference(42);
        for (size_t n = 2; n < 40; ++n) CHECK(chooser.choose(n, "x") == reference.below(n));
        Chooser again(ChoiceStrategy::seeded(42));
        for (size_t n = 2; n < 40; ++n) again.choose(n, "x");
        CHECK(again.log() == chooser.log());
    }

    TEST_CASE("a replay follows its prefix, then takes defaults") {
        Chooser chooser(ChoiceStrategy::replay({2, 1}));
        CHECK_FALSE(chooser.is_prefix_consumed());
        CHECK(chooser.choose(3, "a") == 2);
        CHECK(chooser.choose(1, "forced") == 0);
        CHECK(chooser.choose(5, "b") == 1);
        CHECK(chooser.is_prefix_consumed());
        CHECK(chooser.choose(5, "c") == 0);
        CHECK(chooser.path() == std::vector<size_t>{2, 1, 0});
        CHECK_FALSE(chooser.mismatch().has_value());
    }

    TEST_CASE("a replay prefix that does not fit is a typed mismatch, not undefined behaviour") {
        Chooser chooser(ChoiceStrategy::replay({1, 3, 1}));
        CHECK(chooser.choose(2, "first") == 1);
        CHECK(chooser.choose(2, "timer vs immediate") == 0);
        REQUIRE(chooser.mismatch().has_value());
        const ReplayMismatch& mismatch = *chooser.mismatch();
        CHECK(mismatch.index == 1);
        CHECK(mismatch.wanted == 3);
        CHECK(mismatch.n == 2);
        CHECK(mismatch.why == "timer vs immediate");
        CHECK(mismatch.message.find("choice 1 (timer vs immediate)") != std::string::npos);
        CHECK(mismatch.message.find("option 3 but only 2") != std::string::npos);
        // After a divergence the rest of the prefix is meaningless: defaults only.
        CHECK(chooser.choose(2, "third") == 0);
    }

    TEST_CASE("next_path increments the deepest choice with options left and drops the rest") {
        const std::vector<ChoicePoint> log{{3, 0, "a"}, {2, 1, "b"}, {4, 3, "c"}};
        CHECK(next_path(log) == std::vector<size_t>{1});
        const std::vector<ChoicePoint> middle{{3, 0, "a"}, {2, 0, "b"}, {4, 3, "c"}};
        CHECK(next_path(middle) == std::vector<size_t>{0, 1});
        const std::vector<ChoicePoint> last{{3, 2, "a"}, {2, 1, "b"}};
        CHECK_FALSE(next_path(last).has_value());
        CHECK_FALSE(next_path({}).has_value());
    }

    TEST_CASE("exploring a decision tree depth-first visits every leaf exactly once") {
        std::vector<std::string> leaves;
        std::optional<std::vector<size_t>> path = std::vector<size_t>{};
        while (path) {
            Chooser chooser(ChoiceStrategy::replay(*path));
            leaves.push_back(walk_tree(chooser));
            CHECK_FALSE(chooser.mismatch().has_value());
            // Replaying the path this run logged reproduces the same log.
            Chooser again(ChoiceStrategy::replay(chooser.path()));
            CHECK(walk_tree(again) == leaves.back());
            CHECK(again.log() == chooser.log());
            path = next_path(chooser.log());
            REQUIRE(leaves.size() <= 100);
        }
        CHECK(leaves ==
              std::vector<std::string>{"000", "010", "1", "20", "210", "211", "212", "213"});
        CHECK(std::set<std::string>(leaves.begin(), leaves.end()).size() == 8);
    }

    TEST_CASE("exploring choices made inside a simulation enumerates every event ordering") {
        // Two completions race; each run asks which comes first, then whether a retry happens.
        auto run_path = [](const std::vector<size_t>& prefix) {
            Simulation sim(SimulationOptions{.choices = ChoiceStrategy::replay(prefix)});
            const ActorId os = sim.add_actor("os", ActorKind::Os);
            std::string order;
            sim.schedule_at(SimTime::ms(1), os, [&] {
                const bool a_first = sim.choose(2, "a or b first") == 0;
                order += a_first ? "ab" : "ba";
                if (sim.choose(3, "retries") == 2) {
                    sim.schedule_after(SimTime::ms(1), os, [&] { order += "r"; });
                }
            });
            REQUIRE(std::holds_alternative<Completed>(sim.run()));
            return std::make_pair(order, sim.chooser().log());
        };
        std::vector<std::string> outcomes;
        std::optional<std::vector<size_t>> path = std::vector<size_t>{};
        while (path) {
            auto [order, log] = run_path(*path);
            outcomes.push_back(order);
            path = next_path(log);
        }
        CHECK(outcomes == std::vector<std::string>{"ab", "ab", "abr", "ba", "ba", "bar"});
    }

    TEST_CASE("a replay that does not fit halts the simulation with the mismatch") {
        Simulation sim(SimulationOptions{.choices = ChoiceStrategy::replay({5})});
        const ActorId main = sim.add_actor("main", ActorKind::MainThread);
        int ran = 0;
        sim.schedule_at(SimTime::zero(), main, [&] {
            ++ran;
            CHECK(sim.choose(2, "which") == 0);
        });
        sim.schedule_at(SimTime::ms(1), main, [&] { ++ran; });
        const RunOutcome outcome = sim.run();
        REQUIRE(std::holds_alternative<ReplayMismatch>(outcome));
        CHECK(std::get<ReplayMismatch>(outcome).wanted == 5);
        CHECK(describe(outcome).find("replay diverged") != std::string::npos);
        CHECK(ran == 1);
    }

} // TEST_SUITE
