// Tests for model/node: timers, immediates, nextTick, microtasks and their drains, exceptions
// and exit, driven by C++ tasks that stand in for JavaScript callbacks. Each expected order is
// the output real node 20 printed for the probe named in the test (the probes and their
// recorded outputs are in the shared reference; the scenarios re-check them end to end).
#include "model/node/environment.h"
#include "sim/simulation.h"

#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <vector>

using namespace loopsim;
using node::CallResult;
using node::Task;
using sim::SimTime;

namespace {

struct Process {
    sim::Simulation sim;
    node::Environment env;
    std::vector<std::string> out;
    std::function<void()> on_uncaught_cost; // work the handler does

    explicit Process(SimTime clock_origin = SimTime::zero(), uv::UvProfile profile = uv::k_libuv_1_46)
        : env(sim, node::EnvironmentOptions{profile, {}, clock_origin}) {}

    Task task(std::string name, std::function<void()> body, bool throws = false) {
        return Task{.call = [body, throws] {
                        if (body) body();
                        return throws ? CallResult::Threw : CallResult::Returned;
                    },
                    .label = env.label(name)};
    }
    std::function<void()> say(std::string s) {
        return [this, s] { out.push_back(s); };
    }
    void log(const std::string& s) { out.push_back(s); }
    void tick(std::function<void()> fn, bool throws = false) { env.queues().next_tick(task("tick", fn, throws)); }
    void then(std::function<void()> fn) { env.queues().enqueue_microtask(task("then", fn)); }
    node::Timeout* timeout(double ms, std::function<void()> fn, bool throws = false) {
        return env.timers().set_timeout(task("timeout", fn, throws), ms);
    }
    node::Immediate* immediate(std::function<void()> fn, bool throws = false) {
        return env.immediates().set_immediate(task("immediate", fn, throws));
    }
    void busy(int64_t ms) { sim.advance(SimTime::ms(ms)); }

    void handle_uncaught(const std::string& label) {
        env.set_hooks(node::ProcessHooks{[this, label](node::ExceptionOrigin) {
                                             log(label);
                                             if (on_uncaught_cost) on_uncaught_cost();
                                             return true;
                                         },
                                         {}, {}});
    }

    node::ProcessResult run(std::function<void()> main) { return env.run(task("main", main)); }
};

} // namespace

TEST_SUITE("node.environment") {
    TEST_CASE("CJS main: ticks before promise jobs, ticks from ticks before any job (probe e09)") {
        for (bool timer_due_at_start : {false, true}) {
            // Whether the 1 ms timer is due when the loop first looks depends on where the process
            // started within its millisecond: both orders are real (the e01 race).
            Process p(timer_due_at_start ? SimTime::us(900) : SimTime::zero());
            p.run([&] {
                p.timeout(0, p.say("T1"));
                p.immediate(p.say("I1"));
                p.tick([&] {
                    p.log("N1");
                    p.then(p.say("P-from-N1"));
                    p.tick(p.say("N-from-N1"));
                });
                p.then([&] {
                    p.log("P1");
                    p.tick(p.say("N-from-P1"));
                    p.then(p.say("P-from-P1"));
                });
                p.tick(p.say("N2"));
                p.then(p.say("P2"));
                p.log("sync");
                p.sim.advance(SimTime::us(200)); // the rest of the script
            });
            std::vector<std::string> expected{"sync", "N1", "N2", "N-from-N1", "P1", "P2", "P-from-N1", "P-from-P1",
                                              "N-from-P1"};
            if (timer_due_at_start) {
                expected.push_back("T1");
                expected.push_back("I1");
            } else {
                expected.push_back("I1");
                expected.push_back("T1");
            }
            CHECK(p.out == expected);
        }
    }

    TEST_CASE("ticks and microtasks drain between timers and between immediates (probe e11)") {
        Process p;
        p.run([&] {
            p.timeout(0, [&] {
                p.log("T1");
                p.tick(p.say("tick1"));
                p.then(p.say("p1"));
            });
            p.timeout(0, [&] {
                p.log("T2");
                p.tick(p.say("tick2"));
            });
            p.timeout(5, [&] {
                p.log("T3-5ms");
                p.tick(p.say("tick3"));
            });
            p.immediate([&] {
                p.log("I1");
                p.tick(p.say("itick1"));
                p.then(p.say("ip1"));
            });
            p.immediate([&] {
                p.log("I2");
                p.immediate(p.say("I-nested"));
            });
            p.immediate(p.say("I3"));
            p.busy(20);
        });
        CHECK(p.out == std::vector<std::string>{"T1", "tick1", "p1", "T2", "tick2", "T3-5ms", "tick3", "I1", "itick1",
                                                "ip1", "I2", "I3", "I-nested"});
    }

    TEST_CASE("clearing a timer and an immediate inside the same batch (probe a04)") {
        Process p;
        node::Timeout* t2 = nullptr;
        node::Immediate* i2 = nullptr;
        p.run([&] {
            p.timeout(0, [&] {
                p.log("T1");
                p.env.timers().clear(*t2);
            });
            t2 = p.timeout(0, p.say("T2 never"));
            p.immediate([&] {
                p.log("I1");
                p.env.immediates().clear(*i2);
            });
            i2 = p.immediate(p.say("I2 never"));
            p.immediate(p.say("I3"));
        });
        CHECK(p.out == std::vector<std::string>{"I1", "I3", "T1"});
    }

    TEST_CASE("recursive nextTick runs to the end before promise jobs and immediates (probe a05)") {
        Process p;
        int n = 0;
        std::function<void()> tick_fn = [&] {
            if (++n < 5) p.tick(tick_fn);
            p.log("tick " + std::to_string(n));
        };
        p.run([&] {
            p.tick(tick_fn);
            p.then(p.say("promise (after all ticks)"));
            p.immediate(p.say("immediate"));
        });
        CHECK(p.out == std::vector<std::string>{"tick 1", "tick 2", "tick 3", "tick 4", "tick 5",
                                                "promise (after all ticks)", "immediate"});
    }

    TEST_CASE("a rescheduled list gets a new id and loses ties to lists made before (probe t04)") {
        Process p;
        int64_t a2_due = 0, b_due = 0;
        node::Timeout *a1 = nullptr, *a2 = nullptr;
        p.run([&] {
            a1 = p.timeout(10, [&] {
                auto b = p.timeout(5, p.say("b"));
                b_due = b->idle_start + 5;
                p.log("a1");
            });
            p.busy(5);
            a2 = p.timeout(10, p.say("a2"));
            a2_due = a2->idle_start + 10;
        });
        REQUIRE(a2_due == b_due); // an exact tie: both due at 15 ms
        CHECK(p.out == std::vector<std::string>{"a1", "b", "a2"});
    }

    TEST_CASE("an interval re-arms from the time its callback started (probe a03)") {
        Process p;
        int n = 0;
        node::Timeout* iv = nullptr;
        p.run([&] {
            iv = p.env.timers().set_interval(p.task("interval",
                                                    [&] {
                                                        p.log("interval " + std::to_string(++n));
                                                        if (n == 3) p.env.timers().clear(*iv);
                                                    }),
                                             5);
            p.timeout(5, p.say("timeout 5 created after interval"));
            p.timeout(10, p.say("timeout 10"));
        });
        CHECK(p.out == std::vector<std::string>{"interval 1", "timeout 5 created after interval", "timeout 10",
                                                "interval 2", "interval 3"});
    }

    TEST_CASE("a timer cleared inside its own callback keeps its pool slot until the callback returns") {
        Process p;
        node::Timeout* self = nullptr;
        uint32_t self_slot = 0, inner_slot = 0, late_slot = 0;
        bool held_while_running = false;
        p.run([&] {
            self = p.timeout(1, [&] {
                p.env.timers().clear(*self);
                held_while_running = self->in_use && self->destroyed;
                inner_slot = p.timeout(1, p.say("inner"))->slot; // must not take self's slot
                p.log("self");
            });
            self_slot = self->slot;
            p.timeout(1, [&] {
                late_slot = p.timeout(1, p.say("late"))->slot; // self's slot is free again
                p.log("second");
            });
        });
        CHECK(held_while_running);
        CHECK(inner_slot != self_slot);
        CHECK(late_slot == self_slot);
        CHECK(p.out == std::vector<std::string>{"self", "second", "inner", "late"});
    }

    TEST_CASE("an immediate cleared while its batch runs keeps its pool slot until the batch passes it") {
        Process p;
        node::Immediate* second = nullptr;
        uint32_t second_slot = 0, made_slot = 0, later_slot = 0;
        bool held = false;
        p.run([&] {
            p.immediate([&] {
                p.env.immediates().clear(*second);
                held = second->in_use && second->destroyed;
                made_slot = p.immediate(p.say("next batch"))->slot; // must not take second's
                p.log("first");
            });
            second = p.immediate(p.say("second never"));
            second_slot = second->slot;
            p.immediate([&] {
                later_slot = p.immediate(p.say("made by third"))->slot; // second's, now free
                p.log("third");
            });
        });
        CHECK(held);
        CHECK(made_slot != second_slot);
        CHECK(later_slot == second_slot);
        CHECK(p.out == std::vector<std::string>{"first", "third", "next batch", "made by third"});
    }

    TEST_CASE("a throwing tick leaves the rest of the drain for the next drain point (probe x05)") {
        Process p;
        p.handle_uncaught("uncaught t1");
        p.on_uncaught_cost = [&] { p.busy(2); }; // printing and handling take > 1 ms in node
        p.run([&] {
            p.tick(nullptr, /*throws=*/true);
            p.tick(p.say("tick2"));
            p.then(p.say("micro"));
            p.immediate(p.say("immediate"));
            p.timeout(0, p.say("timeout"));
        });
        CHECK(p.out == std::vector<std::string>{"uncaught t1", "timeout", "tick2", "micro", "immediate"});
    }

    TEST_CASE("a throwing timer's ticks run after the next timer; a throwing immediate's batch goes on (probe x06)") {
        Process p;
        p.handle_uncaught("uncaught");
        p.run([&] {
            p.timeout(
                0, [&] { p.tick(p.say("tick-from-T1")); }, /*throws=*/true);
            p.timeout(0, p.say("T2"));
            p.immediate(nullptr, /*throws=*/true);
            p.immediate(p.say("I2"));
            p.busy(5);
        });
        CHECK(p.out == std::vector<std::string>{"uncaught", "T2", "tick-from-T1", "uncaught", "I2"});
    }

    TEST_CASE("an uncaught exception without a handler emits 'exit' with 1 and runs nothing more") {
        Process p;
        p.env.set_hooks(node::ProcessHooks{{}, {}, [&](int code) {
                                               p.log("exit " + std::to_string(code));
                                               p.tick(p.say("never: tick in exit"));
                                               return CallResult::Returned;
                                           }});
        node::ProcessResult r = p.run([&] {
            p.timeout(0, nullptr, /*throws=*/true);
            p.timeout(0, p.say("never: second timer"));
            p.immediate(p.say("never: immediate"));
            p.busy(2); // the timers are due before the first check phase
        });
        CHECK(r.exit_code == 1);
        CHECK(r.how == node::ProcessResult::How::UncaughtError);
        CHECK(p.out == std::vector<std::string>{"exit 1"});
    }

    TEST_CASE("'beforeExit' revives the loop with a timer, microtasks alone do not (probe b01)") {
        Process p;
        int n = 0;
        p.env.set_hooks(node::ProcessHooks{{},
                                           [&](int code) {
                                               p.log("beforeExit " + std::to_string(code) + " " + std::to_string(n));
                                               if (n++ < 2) {
                                                   const int k = n;
                                                   p.timeout(0, [&p, k] { p.log("revived timer " + std::to_string(k)); });
                                               } else {
                                                   p.then(p.say("microtask in beforeExit (does not revive)"));
                                               }
                                               return CallResult::Returned;
                                           },
                                           [&](int code) {
                                               p.log("exit " + std::to_string(code));
                                               p.timeout(0, p.say("never"));
                                               p.tick(p.say("tick in exit (never)"));
                                               return CallResult::Returned;
                                           }});
        node::ProcessResult r = p.run([&] { p.log("main"); });
        CHECK(r.exit_code == 0);
        CHECK(p.out == std::vector<std::string>{"main", "beforeExit 0 0", "revived timer 1", "beforeExit 0 1",
                                                "revived timer 2", "beforeExit 0 2",
                                                "microtask in beforeExit (does not revive)", "exit 0"});
    }

    TEST_CASE("process.exit() in a callback stops everything queued") {
        Process p;
        node::ProcessResult r = p.run([&] {
            p.timeout(0, [&] {
                p.log("T1");
                p.tick(p.say("never: tick"));
                p.env.exit(3);
            });
            p.timeout(0, p.say("never: T2"));
        });
        CHECK(r.exit_code == 3);
        CHECK(r.how == node::ProcessResult::How::ExitCalled);
        CHECK(p.out == std::vector<std::string>{"T1"});
    }

    TEST_CASE("an unref'd immediate neither keeps the loop alive nor runs on its own (probe b04)") {
        Process p;
        p.run([&] {
            auto i = p.immediate(p.say("never: unref'd immediate"));
            p.env.immediates().unref(*i);
        });
        CHECK(p.out.empty());
    }

    TEST_CASE("Node 20 runs a due unref'd timer once more before exiting; Node 18 does not (probe d01)") {
        for (bool node20 : {true, false}) {
            Process p(SimTime::zero(), node20 ? uv::k_libuv_1_46 : uv::k_libuv_1_44);
            p.run([&] {
                auto t = p.timeout(3, p.say("unref'd timer"));
                p.env.timers().unref(*t);
                p.immediate([&] { p.busy(10); });
            });
            if (node20)
                CHECK(p.out == std::vector<std::string>{"unref'd timer"});
            else
                CHECK(p.out.empty());
        }
    }

    TEST_CASE("all delays outside [1, 2^31-1] share the 1 ms list and fire in creation order (probe e10)") {
        CHECK(node::Timers::coerce_delay(0).value == 1);
        CHECK(node::Timers::coerce_delay(-5).value == 1);
        CHECK(node::Timers::coerce_delay(0.0 / 0.0).value == 1);
        CHECK(node::Timers::coerce_delay(2147483648.0).value == 1);
        CHECK(node::Timers::coerce_delay(2147483648.0).overflowed);
        CHECK_FALSE(node::Timers::coerce_delay(2147483647.0).overflowed);
        CHECK(node::Timers::coerce_delay(1.9).value == doctest::Approx(1.9));
        Process p;
        p.run([&] {
            p.timeout(2, p.say("A2"));
            p.timeout(1, p.say("B1"));
            p.timeout(0, p.say("C0"));
            p.timeout(1, p.say("D1"));
            p.timeout(-5, p.say("E-neg"));
            p.timeout(1, p.say("F-str"));
            p.timeout(0.0 / 0.0, p.say("G-nan"));
        });
        CHECK(p.out == std::vector<std::string>{"B1", "C0", "D1", "E-neg", "F-str", "G-nan", "A2"});
    }

    TEST_CASE("a blocked main thread delays a due timer; the timer then runs late, not skipped") {
        Process p;
        std::vector<int64_t> fired_at;
        p.run([&] {
            p.timeout(10, [&] { fired_at.push_back(p.sim.now().whole_ms()); });
            p.busy(50);
        });
        CHECK(fired_at == std::vector<int64_t>{50});
    }

    TEST_CASE("a loop kept alive by nothing that can fire is reported, not hung") {
        Process p;
        uv::AsyncHandle listening("a listening server", [] {});
        p.env.loop().register_handle(listening);
        node::ProcessResult r = p.run([] {});
        CHECK(r.how == node::ProcessResult::How::WaitsForever);
    }
}
