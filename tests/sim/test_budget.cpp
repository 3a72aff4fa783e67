#include "sim/budget.h"
#include "sim/simulation.h"

#include <doctest/doctest.h>
#include <functional>
#include <string>
#include <variant>

using namespace loopsim::sim;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// Schedules `tick` every millisecond forever, like a setInterval that is never cleared.
void tick_forever(Simulation& sim, ActorId actor, int& ticks) {
    sim.schedule_after(SimTime::ms(1), actor, [&sim, actor, &ticks] {
        ++ticks;
        tick_forever(sim, actor, ticks);
    });
}

} // namespace

TEST_SUITE("budget") {

    TEST_CASE("the default budgets are one hour, 50 million events and 10 million entries") {
        const Budgets budgets;
        CHECK(budgets.max_time == SimTime::ms(3'600'000));
        CHECK(budgets.max_events == 50'000'000);
        CHECK(budgets.max_queue_length == 10'000'000);
    }

    TEST_CASE("format_ms prints exact decimal milliseconds") {
        CHECK(format_ms(SimTime::ms(3'600'000)) == "3600000 ms");
        CHECK(format_ms(SimTime::us(1500)) == "1.5 ms");
        CHECK(format_ms(SimTime::ns(1)) == "0.000001 ms");
        CHECK(format_ms(SimTime::ns(-2'000'100)) == "-2.0001 ms");
        CHECK(format_ms(SimTime::zero()) == "0 ms");
    }

    TEST_CASE("an event due after the time budget stops the run with a time error") {
        Simulation sim(SimulationOptions{.budgets = Budgets{.max_time = SimTime::ms(10)}});
        const ActorId loop = sim.add_actor("loop", ActorKind::Loop);
        int ticks = 0;
        tick_forever(sim, loop, ticks);
        const RunOutcome outcome = sim.run();
        REQUIRE(std::holds_alternative<BudgetExceeded>(outcome));
        const BudgetExceeded& error = std::get<BudgetExceeded>(outcome);
        CHECK(error.kind == BudgetKind::Time);
        CHECK(error.limit == 10'000'000);
        CHECK(error.observed == 11'000'000);
        CHECK(ticks == 10); // the event due exactly at the limit still ran
        CHECK(sim.now() == SimTime::ms(10));
        CHECK(contains(error.message, "virtual time budget exceeded"));
        CHECK(contains(error.message, "reached 11 ms, past the limit of 10 ms"));
        CHECK(contains(error.message, "--max-time MS"));
        CHECK(contains(error.message, "setInterval that is never cleared"));
        CHECK(describe(outcome) == error.message);
        sim.check_invariants();
    }

    TEST_CASE("main-thread work past the time budget halts the run after that event") {
        Simulation sim(SimulationOptions{.budgets = Budgets{.max_time = SimTime::ms(10)}});
        const ActorId main = sim.add_actor("main", ActorKind::MainThread);
        bool after = false;
        sim.schedule_at(SimTime::ms(1), main, [&sim] {
            sim.advance(SimTime::ms(20));
            CHECK(sim.is_halted());
        });
        sim.schedule_at(SimTime::ms(2), main, [&after] { after = true; });
        const RunOutcome outcome = sim.run();
        REQUIRE(std::holds_alternative<BudgetExceeded>(outcome));
        CHECK(std::get<BudgetExceeded>(outcome).observed == 21'000'000);
        CHECK_FALSE(after);
    }

    TEST_CASE("running more events than the event budget stops the run with an event error") {
        Simulation sim(SimulationOptions{.budgets = Budgets{.max_events = 25}});
        const ActorId loop = sim.add_actor("loop", ActorKind::Loop);
        int ticks = 0;
        tick_forever(sim, loop, ticks);
        const RunOutcome outcome = sim.run();
        REQUIRE(std::holds_alternative<BudgetExceeded>(outcome));
        const BudgetExceeded& error = std::get<BudgetExceeded>(outcome);
        CHECK(error.kind == BudgetKind::Events);
        CHECK(error.limit == 25);
        CHECK(error.observed == 26);
        CHECK(ticks == 25);
        CHECK(sim.counts().executed == 25);
        CHECK(contains(error.message, "event count budget exceeded: 25 events ran"));
        CHECK(contains(error.message, "--max-events N"));
        CHECK(contains(error.message, "a callback that schedules itself forever"));
    }

    TEST_CASE("a model queue reported over the queue budget stops the run naming that queue") {
        Simulation sim(SimulationOptions{.budgets = Budgets{.max_queue_length = 100}});
        const ActorId main = sim.add_actor("main", ActorKind::MainThread);
        uint64_t length = 0;
        std::function<void()> grow = [&] {
            length += 10;
            sim.note_queue_length("nextTick queue", length);
            if (!sim.is_halted()) sim.schedule_after(SimTime::zero(), main, grow);
        };
        sim.schedule_at(SimTime::zero(), main, grow);
        const RunOutcome outcome = sim.run();
        REQUIRE(std::holds_alternative<BudgetExceeded>(outcome));
        const BudgetExceeded& error = std::get<BudgetExceeded>(outcome);
        CHECK(error.kind == BudgetKind::QueueLength);
        CHECK(error.limit == 100);
        CHECK(error.observed == 110);
        CHECK(contains(error.message, "queue length budget exceeded: the nextTick queue holds 110 "
                                      "entries (limit 100)"));
        CHECK(contains(error.message, "--max-queue N"));
        CHECK(contains(error.message, "process.nextTick or promise recursion"));
    }

    TEST_CASE("a table with a smaller capacity of its own stops the run at that capacity") {
        Simulation sim(SimulationOptions{.budgets = Budgets{.max_queue_length = 100}});
        const ActorId main = sim.add_actor("main", ActorKind::MainThread);
        sim.schedule_at(SimTime::zero(), main, [&] {
            sim.note_queue_length("timer label pool", 30, 30); // at capacity: accepted
            CHECK_FALSE(sim.is_halted());
            sim.note_queue_length("timer label pool", 31, 30);
        });
        const RunOutcome outcome = sim.run();
        REQUIRE(std::holds_alternative<BudgetExceeded>(outcome));
        const BudgetExceeded& error = std::get<BudgetExceeded>(outcome);
        CHECK(error.limit == 30);
        CHECK(error.observed == 31);
        CHECK(contains(error.message, "the timer label pool holds 31 entries (limit 30)"));
    }

    TEST_CASE("a queue at exactly the budget is accepted") {
        Simulation sim(SimulationOptions{.budgets = Budgets{.max_queue_length = 100}});
        sim.note_queue_length("microtask queue", 100);
        CHECK_FALSE(sim.is_halted());
    }

    TEST_CASE("too many pending kernel events stop the run naming the event queue") {
        Simulation sim(SimulationOptions{.budgets = Budgets{.max_queue_length = 8}});
        const ActorId os = sim.add_actor("os", ActorKind::Os);
        int ran = 0;
        for (int i = 0; i < 9; ++i) sim.schedule_at(SimTime::ms(1), os, [&ran] { ++ran; });
        CHECK(sim.is_halted());
        const RunOutcome outcome = sim.run();
        REQUIRE(std::holds_alternative<BudgetExceeded>(outcome));
        CHECK(
            contains(std::get<BudgetExceeded>(outcome).message, "the event queue holds 9 entries"));
        CHECK(ran == 0);
    }

    TEST_CASE("the first breach is the one reported") {
        Simulation sim(SimulationOptions{
            .budgets = Budgets{.max_time = SimTime::ms(1), .max_queue_length = 5}});
        sim.note_queue_length("check queue", 6);
        sim.advance(SimTime::ms(2));
        const RunOutcome outcome = sim.run();
        REQUIRE(std::holds_alternative<BudgetExceeded>(outcome));
        CHECK(std::get<BudgetExceeded>(outcome).kind == BudgetKind::QueueLength);
    }

    TEST_CASE("each budget kind names its option") {
        CHECK(budget_kind_option(BudgetKind::Time) == "--max-time MS");
        CHECK(budget_kind_option(BudgetKind::Events) == "--max-events N");
        CHECK(budget_kind_option(BudgetKind::QueueLength) == "--max-queue N");
        CHECK(budget_kind_name(BudgetKind::QueueLength) == "queue length");
    }

} // TEST_SUITE
