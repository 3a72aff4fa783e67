// Tests for model/uv/loop: the phase order of uv_run, timers, watchers, close, poll, liveness.
// Expected orders come from libuv's src/unix/core.c as described in docs/event-loop.md and
// the reference on Node's event loop (sections 2.1-2.7).
#include "model/uv/loop.h"
#include "sim/simulation.h"

#include <doctest/doctest.h>
#include <memory>
#include <string>
#include <vector>

using namespace loopsim;
using uv::Phase;

namespace {

// Logs phases (only those where something ran, plus the iteration marks) and callbacks.
struct Recorder : uv::LoopObserver {
    std::vector<std::string> log;
    bool log_phases = false;
    void on_iteration_start(uint64_t i) override {
        if (log_phases) log.push_back("iteration " + std::to_string(i));
    }
    void on_phase_enter(Phase p) override {
        if (log_phases) log.push_back(std::string(uv::phase_name(p)));
    }
};

struct Fixture {
    sim::Simulation sim;
    uv::Loop loop;
    Recorder rec;
    std::vector<std::unique_ptr<uv::Handle>> handles;

    explicit Fixture(const uv::UvProfile& profile = uv::k_libuv_1_46,
                     sim::SimulationOptions options = {})
        : sim(std::move(options)), loop(sim, profile) {
        loop.set_observer(&rec);
    }

    uv::TimerHandle& timer(std::string name, std::function<void()> extra = {}) {
        auto t = std::make_unique<uv::TimerHandle>(name, [this, name, extra] {
            rec.log.push_back(name + "@" + std::to_string(loop.now_ms()));
            if (extra) extra();
        });
        loop.register_handle(*t);
        auto& ref = *t;
        handles.push_back(std::move(t));
        return ref;
    }

    // A check handle that runs once, with an idle handle beside it so that poll does not
    // block meanwhile: how Node runs setImmediate (an active check handle alone would let
    // poll block, since only idle handles force a zero timeout).
    uv::WatcherHandle& once_in_check(std::string name, std::function<void()> extra = {}) {
        auto idle_owned =
            std::make_unique<uv::WatcherHandle>(uv::HandleType::Idle, name + " (idle)", [] {});
        auto& idle = *idle_owned;
        loop.register_handle(idle);
        handles.push_back(std::move(idle_owned));
        uv::WatcherHandle** self = new uv::WatcherHandle*(nullptr);
        owned_self.emplace_back(self);
        auto& check = watcher(uv::HandleType::Check, name, [this, self, &idle, extra] {
            loop.watcher_stop(**self);
            loop.watcher_stop(idle);
            if (extra) extra();
        });
        *self = &check;
        loop.watcher_start(idle);
        return check;
    }
    std::vector<std::unique_ptr<uv::WatcherHandle*>> owned_self;
    // A check handle "c" that runs `turns` turns of the loop, with an idle handle beside it
    // so that poll does not block meanwhile (a chain of immediates); `each(turn)` runs in
    // every turn, counted from 1.
    void check_turns(int turns, std::function<void(int)> each = {}) {
        auto idle_owned = std::make_unique<uv::WatcherHandle>(uv::HandleType::Idle, "idle", [] {});
        uv::WatcherHandle& idle = *idle_owned;
        loop.register_handle(idle);
        handles.push_back(std::move(idle_owned));
        uv::WatcherHandle** self =
            owned_self.emplace_back(std::make_unique<uv::WatcherHandle*>(nullptr)).get();
        auto done = std::make_shared<int>(0);
        auto& check = watcher(uv::HandleType::Check, "c", [this, self, &idle, turns, done, each] {
            ++*done;
            if (each) each(*done);
            if (*done == turns) {
                loop.watcher_stop(**self);
                loop.watcher_stop(idle);
            }
        });
        *self = &check;
        loop.watcher_start(idle);
        loop.watcher_start(check);
    }

    uv::WatcherHandle& watcher(uv::HandleType type, std::string name,
                               std::function<void()> extra = {}) {
        auto w = std::make_unique<uv::WatcherHandle>(type, name, [this, name, extra] {
            rec.log.push_back(name);
            if (extra) extra();
        });
        loop.register_handle(*w);
        auto& ref = *w;
        handles.push_back(std::move(w));
        return ref;
    }
};

// A loop whose clock choices are answered from `prefix` (then the first option), started at a
// millisecond boundary, with 0.2 ms of the main script already run.
struct ExploringFixture : Fixture {
    explicit ExploringFixture(std::vector<size_t> prefix)
        : Fixture(uv::k_libuv_1_46, {.choices = sim::ChoiceStrategy::replay(std::move(prefix))}) {
        loop.choose_clock_ticks_at_timer_starts();
        loop.set_clock_origin(sim::SimTime::zero());
        sim.advance(sim::SimTime::us(200));
    }
};

} // namespace

TEST_SUITE("uv.loop") {
    TEST_CASE("an empty loop is not alive and run returns at once") {
        Fixture f;
        CHECK_FALSE(f.loop.is_alive());
        CHECK(f.loop.run() == uv::RunResult::Drained);
        CHECK(f.loop.iteration() == 0);
    }

    TEST_CASE("libuv 1.46 runs timers before the first iteration and at the end of each one") {
        Fixture f;
        f.rec.log_phases = true;
        f.loop.watcher_start(f.once_in_check("check-cb"));
        CHECK(f.loop.run() == uv::RunResult::Drained);
        CHECK(f.rec.log == std::vector<std::string>{"timers", "iteration 1", "pending", "idle",
                                                    "prepare", "poll", "check", "check-cb", "close",
                                                    "timers"});
    }

    TEST_CASE("libuv 1.44 runs timers at the top of each iteration and none before it") {
        Fixture f(uv::k_libuv_1_44);
        f.rec.log_phases = true;
        f.loop.watcher_start(f.once_in_check("check-cb"));
        CHECK(f.loop.run() == uv::RunResult::Drained);
        CHECK(f.rec.log == std::vector<std::string>{"iteration 1", "timers", "pending", "idle",
                                                    "prepare", "poll", "check", "check-cb",
                                                    "close"});
    }

    TEST_CASE("timers fire in due order, equal due times in start order") {
        Fixture f;
        auto& a = f.timer("a");
        auto& b = f.timer("b");
        auto& c = f.timer("c");
        auto& d = f.timer("d");
        f.loop.timer_start(c, 5, 0);
        f.loop.timer_start(a, 2, 0);
        f.loop.timer_start(b, 5, 0);
        f.loop.timer_start(d, 2, 0);
        CHECK(f.loop.run() == uv::RunResult::Drained);
        CHECK(f.rec.log == std::vector<std::string>{"a@2", "d@2", "c@5", "b@5"});
        CHECK(f.sim.now() == sim::SimTime::ms(5));
    }

    TEST_CASE("idle time is what poll spent blocked, not the callbacks' time") {
        // uv_metrics_idle_time: the waits for timers due at 5 and 12 ms are idle; the 3 ms a
        // callback spends (virtual time its actor charges) is not.
        Fixture f;
        auto& a = f.timer("a", [&f] { f.sim.advance(sim::SimTime::ms(3)); });
        auto& b = f.timer("b");
        f.loop.timer_start(a, 5, 0);
        f.loop.timer_start(b, 12, 0);
        CHECK(f.loop.idle_time() == sim::SimTime{});
        CHECK(f.loop.run() == uv::RunResult::Drained);
        CHECK(f.rec.log == std::vector<std::string>{"a@5", "b@12"});
        CHECK(f.sim.now() == sim::SimTime::ms(12));
        CHECK(f.loop.idle_time() == sim::SimTime::ms(9));
    }

    TEST_CASE("a repeating timer is re-armed from the loop time at which it fired") {
        Fixture f;
        uv::TimerHandle* t = nullptr;
        int runs = 0;
        t = &f.timer("r", [&] {
            if (++runs == 3) f.loop.timer_stop(*t);
        });
        f.loop.timer_start(*t, 10, 4);
        CHECK(f.loop.run() == uv::RunResult::Drained);
        CHECK(f.rec.log == std::vector<std::string>{"r@10", "r@14", "r@18"});
    }

    TEST_CASE(
        "a zero-timeout timer started inside the timers phase runs in the same phase (1.46)") {
        Fixture f;
        uv::TimerHandle* late = &f.timer("late");
        auto& first = f.timer("first", [&] { f.loop.timer_start(*late, 0, 0); });
        f.loop.timer_start(first, 1, 0);
        CHECK(f.loop.run() == uv::RunResult::Drained);
        CHECK(f.rec.log == std::vector<std::string>{"first@1", "late@1"});
        CHECK(f.loop.iteration() == 1);
    }

    TEST_CASE("long synchronous work leaves the loop time stale until the next refresh") {
        Fixture f;
        uv::TimerHandle* b = &f.timer("b");
        auto& a = f.timer("a", [&] {
            f.sim.advance(sim::SimTime::ms(20)); // a 20 ms busy loop inside the callback
            CHECK(f.loop.now_ms() == 1);         // not refreshed inside the phase
        });
        f.loop.timer_start(a, 1, 0);
        f.loop.timer_start(*b, 10, 0);
        CHECK(f.loop.run() == uv::RunResult::Drained);
        // b was due at 10; poll's wait is shortened by the 20 ms that passed, so b fires as
        // soon as the loop refreshes its clock, at 21.
        CHECK(f.rec.log == std::vector<std::string>{"a@1", "b@21"});
        CHECK(f.sim.now() == sim::SimTime::ms(21));
    }

    TEST_CASE("where the clock starts within its millisecond decides when a 1 ms timer is due") {
        // The script takes 0.2 ms between creating the timer and starting the loop.
        SUBCASE("a start at a millisecond boundary: the timer is not due yet and poll waits") {
            Fixture f;
            f.loop.set_clock_origin(sim::SimTime::zero());
            auto& t = f.timer("t");
            f.loop.timer_start(t, 1, 0);
            f.sim.advance(sim::SimTime::us(200));
            CHECK(f.loop.run() == uv::RunResult::Drained);
            CHECK(f.rec.log == std::vector<std::string>{"t@1"});
            CHECK(f.loop.iteration() == 1);
        }
        SUBCASE("a start 0.9 ms into a millisecond: the counter ticks over and it is due at once") {
            Fixture f;
            f.loop.set_clock_origin(sim::SimTime::us(900));
            auto& t = f.timer("t");
            f.loop.timer_start(t, 1, 0);
            f.sim.advance(sim::SimTime::us(200));
            CHECK(f.loop.run() == uv::RunResult::Drained);
            CHECK(f.rec.log == std::vector<std::string>{"t@1"});
            // It ran in the timers before the first iteration. uv_run decided the loop was
            // alive before those timers ran and does not ask again, so one iteration still
            // follows, and its poll does not block (nothing is active any more).
            CHECK(f.loop.iteration() == 1);
            CHECK(f.sim.now() == sim::SimTime::us(200));
        }
    }

    TEST_CASE("the clock may tick before any of the first four timers phases of its millisecond") {
        // A 1 ms timer set 0.2 ms into a millisecond, and an immediate-like check handle that
        // runs six turns of the loop without virtual time passing: every timers phase sees
        // the timer due at the next millisecond. Returns the callbacks and how many times the
        // choice was offered.
        const auto run = [](std::vector<size_t> prefix) {
            ExploringFixture f(std::move(prefix));
            f.loop.timer_start(f.timer("t"), 1, 0);
            f.check_turns(6);
            CHECK(f.loop.run() == uv::RunResult::Drained);
            size_t offers = 0;
            for (const sim::ChoicePoint& p : f.sim.chooser().log())
                if (p.why == uv::k_choice_clock_ticked_before_timers) ++offers;
            return std::pair{f.rec.log, offers};
        };
        const std::vector<std::string> c(1, "c");
        // Never chosen: the timer waits for its millisecond, after every turn; offered at
        // the timers phase before the first iteration and after each of the next three.
        const auto [natural, offers] = run({});
        CHECK(offers == 4);
        CHECK(natural == std::vector<std::string>{"c", "c", "c", "c", "c", "c", "t@1"});
        // Chosen at the first offer: due before the first iteration.
        CHECK(run({1}).first == std::vector<std::string>{"t@1", "c", "c", "c", "c", "c", "c"});
        // Chosen at the third: after the second turn.
        CHECK(run({0, 0, 1}).first ==
              std::vector<std::string>{"c", "c", "t@1", "c", "c", "c", "c"});
    }

    TEST_CASE("a second tick before a timers phase may put the clock up to 2 ms ahead") {
        // A 1 ms timer t1 set 0.2 ms into a millisecond; a check handle that runs six turns,
        // 0.3 ms each, and sets a 1 ms timer t2 in its first turn.
        const auto run = [](std::vector<size_t> prefix) {
            ExploringFixture f(std::move(prefix));
            f.loop.timer_start(f.timer("t1"), 1, 0);
            f.check_turns(6, [&f](int turn) {
                if (turn == 1) f.loop.timer_start(f.timer("t2"), 1, 0);
                f.sim.advance(sim::SimTime::us(300));
            });
            CHECK(f.loop.run() == uv::RunResult::Drained);
            return f.rec.log;
        };
        // The model's own timing: t2 is set while the loop time still reads 0, and both are
        // due once 0.8 ms have passed.
        CHECK(run({}) == std::vector<std::string>{"c", "c", "c", "t1@1", "t2@1", "c", "c", "c"});
        // The clock ticked before the first timers phase (0.8 ms ahead), so t1 ran at once and
        // t2 was set at loop time 1; it ticked again before the next one (1.5 ms ahead in
        // all), so t2 ran after a single turn. With a 1 ms bound the second tick would not be
        // offered, and t2 would wait until the model's clock reaches 1.2 ms, three turns on.
        CHECK(run({1, 1}) ==
              std::vector<std::string>{"t1@1", "c", "t2@2", "c", "c", "c", "c", "c"});
        CHECK(run({1, 0}) ==
              std::vector<std::string>{"t1@1", "c", "c", "c", "c", "t2@2", "c", "c"});
    }

    TEST_CASE("a timer start may put the clock 2 ms ahead once the loop runs, 1 ms before") {
        // A first timer start 0.2 ms into a millisecond takes "about to tick" (0.8 ms ahead);
        // a second one 0.5 ms later, halfway into the next millisecond, would take the lead
        // to 1.3 ms. Returns how many clock choices that second start offers.
        const auto offers_at_second_start = [](bool in_loop) {
            ExploringFixture f({1});
            f.loop.update_time(uv::TimeUpdate::Explicit);
            f.sim.advance(sim::SimTime::us(500));
            const size_t before = f.sim.chooser().log().size();
            if (in_loop) {
                f.check_turns(1, [&f](int) { f.loop.update_time(uv::TimeUpdate::Explicit); });
                CHECK(f.loop.run() == uv::RunResult::Drained);
            } else {
                f.loop.update_time(uv::TimeUpdate::Explicit);
            }
            const auto& log = f.sim.chooser().log();
            REQUIRE(before == 1);
            CHECK(log[0].why == uv::k_choice_clock_phase);
            size_t offers = 0;
            for (size_t i = before; i < log.size(); ++i)
                if (log[i].why == uv::k_choice_clock_phase || log[i].why == uv::k_choice_clock_tick)
                    ++offers;
            return offers;
        };
        CHECK(offers_at_second_start(false) == 0);
        CHECK(offers_at_second_start(true) == 1);
    }

    TEST_CASE("idle, prepare and check handles run most recently started first") {
        Fixture f;
        f.loop.watcher_start(f.once_in_check("first"));
        f.loop.watcher_start(f.once_in_check("second"));
        CHECK(f.loop.run() == uv::RunResult::Drained);
        CHECK(f.rec.log == std::vector<std::string>{"second", "first"});
    }

    TEST_CASE("a watcher started during its own phase waits for the next iteration") {
        Fixture f;
        f.rec.log_phases = true;
        uv::WatcherHandle* late = &f.once_in_check("late");
        auto& late_idle = *static_cast<uv::WatcherHandle*>(f.handles[f.handles.size() - 2].get());
        f.loop.watcher_stop(late_idle);
        auto& early = f.once_in_check("early", [&] {
            f.loop.watcher_start(*late);
            f.loop.watcher_start(late_idle);
        });
        f.loop.watcher_start(early);
        CHECK(f.loop.run() == uv::RunResult::Drained);
        std::vector<std::string> checks;
        for (auto& e : f.rec.log)
            if (e == "early" || e == "late" || e.starts_with("iteration")) checks.push_back(e);
        CHECK(checks == std::vector<std::string>{"iteration 1", "early", "iteration 2", "late"});
    }

    TEST_CASE("close callbacks of one iteration run last closed first") {
        Fixture f;
        auto& a = f.timer("a");
        auto& b = f.timer("b");
        auto& c = f.timer("c");
        auto& trigger = f.timer("trigger", [&] {
            f.loop.close(a, [&] { f.rec.log.push_back("close a"); });
            f.loop.close(b, [&] { f.rec.log.push_back("close b"); });
            f.loop.close(c, [&] { f.rec.log.push_back("close c"); });
        });
        f.loop.timer_start(trigger, 1, 0);
        CHECK(f.loop.run() == uv::RunResult::Drained);
        CHECK(f.rec.log == std::vector<std::string>{"trigger@1", "close c", "close b", "close a"});
        CHECK(a.is_closed());
    }

    TEST_CASE("an unref'd timer does not keep the loop alive") {
        Fixture f;
        auto& t = f.timer("t");
        f.loop.timer_start(t, 5, 0);
        f.loop.unref(t);
        CHECK_FALSE(f.loop.is_alive());
        CHECK(f.loop.run() == uv::RunResult::Drained);
        CHECK(f.rec.log.empty());
    }

    TEST_CASE("a due unref'd timer runs once more at the end of the last iteration in 1.46, not in "
              "1.44") {
        // Reference probe d01: setTimeout(f, 3).unref(); setImmediate(busy 10 ms).
        for (bool node20 : {true, false}) {
            Fixture f(node20 ? uv::k_libuv_1_46 : uv::k_libuv_1_44);
            auto& t = f.timer("unref-timer");
            f.loop.timer_start(t, 3, 0);
            f.loop.unref(t);
            f.loop.watcher_start(
                f.once_in_check("busy", [&] { f.sim.advance(sim::SimTime::ms(10)); }));
            CHECK(f.loop.run() == uv::RunResult::Drained);
            if (node20)
                CHECK(f.rec.log == std::vector<std::string>{"busy", "unref-timer@10"});
            else
                CHECK(f.rec.log == std::vector<std::string>{"busy"});
        }
    }

    TEST_CASE("an active idle handle keeps poll from blocking") {
        Fixture f;
        auto& t = f.timer("t");
        f.loop.timer_start(t, 50, 0);
        CHECK(f.loop.backend_timeout() == 50);
        auto& idle = f.watcher(uv::HandleType::Idle, "idle");
        f.loop.watcher_start(idle);
        CHECK(f.loop.backend_timeout() == 0);
        f.loop.watcher_stop(idle);
        CHECK(f.loop.backend_timeout() == 50);
    }

    TEST_CASE("async sends coalesce and the callback runs in the poll phase") {
        Fixture f;
        int calls = 0;
        Phase seen = Phase::Timers;
        uv::AsyncHandle* self = nullptr;
        uv::AsyncHandle async("async", [&] {
            ++calls;
            seen = f.loop.phase();
            f.loop.close(*self, {});
        });
        self = &async;
        f.loop.register_handle(async);
        const auto worker = f.sim.add_actor("worker 1", sim::ActorKind::Worker);
        f.sim.schedule_at(sim::SimTime::ms(5), worker, [&] {
            f.loop.async_send(async);
            f.loop.async_send(async);
        });
        CHECK(f.loop.run() == uv::RunResult::Drained);
        CHECK(calls == 1);
        CHECK(seen == Phase::Poll);
        CHECK(f.sim.now() == sim::SimTime::ms(5));
    }

    TEST_CASE("a loop kept alive by a handle nothing can wake reports that it waits forever") {
        Fixture f;
        uv::AsyncHandle async("server socket", [] {});
        f.loop.register_handle(async);
        CHECK(f.loop.is_alive());
        CHECK(f.loop.run() == uv::RunResult::WaitsForever);
        CHECK(f.loop.live_handle_labels() == std::vector<std::string>{"server socket"});
    }
}
