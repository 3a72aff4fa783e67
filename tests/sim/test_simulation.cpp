#include "sim/simulation.h"

#include <doctest/doctest.h>
#include <string>
#include <variant>
#include <vector>

using namespace loopsim::sim;

namespace {

struct Fixture {
    Simulation sim;
    ActorId main = sim.add_actor("main", ActorKind::MainThread);
    ActorId os = sim.add_actor("os", ActorKind::Os);
    std::vector<std::string> log;

    void note(const std::string& what) {
        log.push_back(what + "@" + std::to_string(sim.now().count_ns()));
    }
};

} // namespace

TEST_SUITE("simulation") {

    TEST_CASE("events with equal time run in the order they were scheduled") {
        Simulation sim;
        const ActorId main = sim.add_actor("main", ActorKind::MainThread);
        std::vector<int> log;
        for (int i = 0; i < 3; ++i)
            sim.schedule_at(SimTime::ms(5), main, [&log, i] { log.push_back(i); });
        CHECK(std::holds_alternative<Completed>(sim.run()));
        CHECK(log == std::vector<int>{0, 1, 2});
        CHECK(sim.now() == SimTime::ms(5));
    }

    TEST_CASE("an event scheduling another at the same time runs it after everything already "
              "queued at that time") {
        Fixture f;
        f.sim.schedule_at(SimTime::ms(1), f.main, [&f] {
            f.note("a");
            f.sim.schedule_after(SimTime::zero(), f.main, [&f] { f.note("d"); });
            f.sim.schedule_at(SimTime::ms(1), f.os, [&f] { f.note("e"); });
        });
        f.sim.schedule_at(SimTime::ms(1), f.os, [&f] { f.note("b"); });
        f.sim.schedule_at(SimTime::ms(1), f.main, [&f] { f.note("c"); });
        f.sim.schedule_at(SimTime::ms(2), f.main, [&f] { f.note("f"); });
        f.sim.run();
        CHECK(f.log == std::vector<std::string>{"a@1000000", "b@1000000", "c@1000000", "d@1000000",
                                                "e@1000000", "f@2000000"});
    }

    TEST_CASE("a cancelled event never runs and is counted as cancelled") {
        Fixture f;
        f.sim.schedule_at(SimTime::ms(1), f.main, [&f] { f.note("kept"); });
        const EventId doomed =
            f.sim.schedule_at(SimTime::ms(2), f.main, [&f] { f.note("doomed"); });
        CHECK(f.sim.is_pending(doomed));
        CHECK(f.sim.cancel(doomed));
        CHECK_FALSE(f.sim.cancel(doomed));
        CHECK(std::holds_alternative<Completed>(f.sim.run()));
        CHECK(f.log == std::vector<std::string>{"kept@1000000"});
        const EventCounts counts = f.sim.counts();
        CHECK(counts.scheduled == 2);
        CHECK(counts.executed == 1);
        CHECK(counts.cancelled == 1);
        CHECK(counts.pending == 0);
        f.sim.check_invariants();
    }

    TEST_CASE("an event can cancel a later one scheduled for the same time") {
        Fixture f;
        EventId later;
        f.sim.schedule_at(SimTime::ms(1), f.main, [&] { CHECK(f.sim.cancel(later)); });
        later = f.sim.schedule_at(SimTime::ms(1), f.os, [&f] { f.note("later"); });
        f.sim.run();
        CHECK(f.log.empty());
    }

    TEST_CASE("work on the main thread makes events that fell inside it run late, at the "
              "current time") {
        Fixture f;
        std::vector<int64_t> due;
        f.sim.schedule_at(SimTime::ms(0), f.main, [&f] {
            f.note("script");
            f.sim.advance(SimTime::ms(5)); // 5 ms of synchronous JavaScript
            f.note("script end");
        });
        for (int ms : {2, 4}) {
            f.sim.schedule_at(SimTime::ms(ms), f.os, [&f, &due] {
                due.push_back(f.sim.current_event_time().count_ns());
                f.note("io");
            });
        }
        f.sim.schedule_at(SimTime::ms(7), f.os, [&f, &due] {
            due.push_back(f.sim.current_event_time().count_ns());
            f.note("on time");
        });
        f.sim.run();
        CHECK(f.log == std::vector<std::string>{"script@0", "script end@5000000", "io@5000000",
                                                "io@5000000", "on time@7000000"});
        CHECK(due == std::vector<int64_t>{2'000'000, 4'000'000, 7'000'000});
    }

    TEST_CASE("the running event's actor and id are visible to its callback") {
        Fixture f;
        ActorId seen_actor;
        EventId seen_id;
        const EventId id = f.sim.schedule_at(SimTime::us(3), f.os, [&] {
            CHECK(f.sim.is_running_event());
            seen_actor = f.sim.current_actor();
            seen_id = f.sim.current_event();
        });
        CHECK_FALSE(f.sim.is_running_event());
        CHECK(f.sim.step());
        CHECK(seen_actor == f.os);
        CHECK(seen_id == id);
        CHECK_FALSE(f.sim.step());
    }

    TEST_CASE("schedule_after is relative to the current time") {
        Fixture f;
        f.sim.schedule_at(SimTime::ms(10), f.main, [&f] {
            f.sim.advance(SimTime::ms(1));
            f.sim.schedule_after(SimTime::ms(2), f.main, [&f] { f.note("after"); });
        });
        f.sim.run();
        CHECK(f.log == std::vector<std::string>{"after@13000000"});
    }

    TEST_CASE("a late event keeps its own time line: what it schedules runs in time order") {
        Fixture f;
        std::vector<int64_t> due;
        f.sim.schedule_at(SimTime::ms(3), f.os, [&f, &due] {
            f.sim.schedule_after(SimTime::ms(5), f.os, [&f, &due] { due.push_back(f.sim.current_event_time().count_ns()); });
        });
        f.sim.schedule_at(SimTime::ms(10), f.os, [&f, &due] { due.push_back(f.sim.current_event_time().count_ns()); });
        f.sim.advance(SimTime::ms(50)); // the main thread is busy until 50 ms
        f.sim.run();
        CHECK(due == std::vector<int64_t>{8'000'000, 10'000'000});
        CHECK(f.sim.now() == SimTime::ms(50));
    }

    TEST_CASE("run_until stops at its time with events pending and a later run resumes") {
        Fixture f;
        for (int ms : {1, 2, 3, 4})
            f.sim.schedule_at(SimTime::ms(ms), f.main, [&f] { f.note("e"); });
        CHECK(std::holds_alternative<Paused>(f.sim.run_until(SimTime::ms(2))));
        CHECK(f.log.size() == 2);
        CHECK(f.sim.now() == SimTime::ms(2));
        CHECK(f.sim.next_event_time() == SimTime::ms(3));
        CHECK(std::holds_alternative<Paused>(f.sim.run_until(SimTime::us(2500))));
        CHECK(f.sim.now() == SimTime::us(2500));
        CHECK(std::holds_alternative<Completed>(f.sim.run_until(SimTime::ms(10))));
        CHECK(f.sim.now() == SimTime::ms(10));
        CHECK(f.log ==
              std::vector<std::string>{"e@1000000", "e@2000000", "e@3000000", "e@4000000"});
        CHECK_FALSE(f.sim.next_event_time().has_value());
    }

    TEST_CASE("stop halts the run after the current event and leaves the rest pending") {
        Fixture f;
        f.sim.schedule_at(SimTime::ms(1), f.main, [&f] {
            f.note("first");
            f.sim.stop();
            CHECK(f.sim.is_halted());
        });
        f.sim.schedule_at(SimTime::ms(1), f.main, [&f] { f.note("second"); });
        const RunOutcome outcome = f.sim.run();
        CHECK(std::holds_alternative<Stopped>(outcome));
        CHECK(describe(outcome) == "stopped");
        CHECK(f.log == std::vector<std::string>{"first@1000000"});
        CHECK(f.sim.pending_events() == 1);
        CHECK_FALSE(f.sim.step());
        CHECK(std::holds_alternative<Stopped>(f.sim.run()));
        f.sim.check_invariants();
    }

    TEST_CASE("actors are listed in creation order with their kinds") {
        Simulation sim;
        sim.add_actor("main", ActorKind::MainThread);
        sim.add_actor("loop", ActorKind::Loop);
        const ActorId w1 = sim.add_actor("worker 1", ActorKind::Worker);
        sim.add_actor("os", ActorKind::Os);
        REQUIRE(sim.actors().size() == 4);
        std::vector<std::string> lanes;
        for (const Actor& actor : sim.actors()) {
            lanes.push_back(actor.name + ":" + std::string(actor_kind_name(actor.kind)) + ":" +
                            std::to_string(actor.id.value));
        }
        CHECK(lanes == std::vector<std::string>{"main:main-thread:0", "loop:loop:1",
                                                "worker 1:worker:2", "os:os:3"});
        CHECK(sim.actor(w1).name == "worker 1");
    }

    TEST_CASE("the seeded rng of a simulation follows its seed") {
        Simulation a(SimulationOptions{.seed = 77});
        Simulation b(SimulationOptions{.seed = 77});
        Rng reference(77);
        for (int i = 0; i < 10; ++i) {
            const uint64_t x = a.rng().next_u64();
            CHECK(x == b.rng().next_u64());
            CHECK(x == reference.next_u64());
        }
    }

    TEST_CASE("two identical simulations produce identical logs") {
        // Workers finish after random latencies, choice points pick seeded options, and events
        // cancel each other: everything that could leak nondeterminism, twice.
        auto run_once = [](uint64_t seed) {
            Simulation sim(
                SimulationOptions{.choices = ChoiceStrategy::seeded(seed), .seed = seed});
            const ActorId main = sim.add_actor("main", ActorKind::MainThread);
            std::vector<ActorId> workers;
            for (int i = 0; i < 4; ++i) workers.push_back(sim.add_actor("w", ActorKind::Worker));
            std::vector<std::string> log;
            std::vector<EventId> ids;
            for (int job = 0; job < 200; ++job) {
                const ActorId worker =
                    workers[static_cast<size_t>(sim.rng().below(workers.size()))];
                const SimTime latency = SimTime::us(sim.rng().between(0, 20));
                ids.push_back(sim.schedule_at(latency, worker, [&sim, &log, main, job] {
                    const size_t pick = sim.choose(3, "which completion first");
                    log.push_back(std::to_string(job) + "/" + std::to_string(pick) + "@" +
                                  std::to_string(sim.now().count_ns()));
                    if (pick == 0) {
                        sim.schedule_after(SimTime::us(1), main,
                                           [&sim] { sim.advance(SimTime::us(3)); });
                    }
                }));
            }
            for (size_t i = 0; i < ids.size(); i += 7) sim.cancel(ids[i]);
            sim.run();
            return std::make_pair(log, sim.chooser().path());
        };
        const auto first = run_once(99);
        const auto second = run_once(99);
        CHECK(first.first.size() == 200 - 29);
        CHECK(first == second);
        CHECK(run_once(100) != first);
    }

} // TEST_SUITE
