// Tests for model/uv/thread_pool: size parsing, FIFO dispatch, completion order, the
// slow-I/O cap and completion delivery in the poll phase (libuv src/threadpool.c, 1.46).
#include "model/uv/loop.h"
#include "model/uv/thread_pool.h"
#include "sim/simulation.h"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

using namespace loopsim;
using sim::SimTime;

namespace {

struct PickLog : uv::ThreadPoolObserver {
    sim::Simulation* sim = nullptr;
    std::vector<std::string> log;
    void on_pick(uint32_t worker, uv::WorkId, const std::string& label, SimTime) override {
        log.push_back("pick " + label + " w" + std::to_string(worker) + " @" +
                      std::to_string(sim->now().count_ns() / 1000) + "us");
    }
};

struct Fixture {
    sim::Simulation sim;
    uv::Loop loop{sim, uv::k_libuv_1_46};
    std::optional<std::string> env;
    uv::ThreadPool pool{loop, uv::ThreadPoolOptions{[this] { return env; }, SimTime::us(20)}};
    std::vector<std::string> done;
    PickLog picks;

    Fixture() {
        picks.sim = &sim;
        pool.set_observer(&picks);
    }

    void submit(uv::WorkKind kind, std::string label, SimTime duration) {
        pool.submit(kind, label, duration, [this, label] {
            done.push_back(label + "@" + std::to_string(loop.now_ms()) + (loop.phase() == uv::Phase::Poll ? " poll" : " ?"));
        });
    }
};

} // namespace

TEST_SUITE("uv.thread_pool") {
    TEST_CASE("UV_THREADPOOL_SIZE is parsed like atoi and clamped to 1..1024") {
        using P = uv::ThreadPool;
        CHECK(P::parse_size(std::nullopt) == 4);
        CHECK(P::parse_size(std::string("2")) == 2);
        CHECK(P::parse_size(std::string(" 7")) == 7);
        CHECK(P::parse_size(std::string("3threads")) == 3);
        CHECK(P::parse_size(std::string("0")) == 1);
        CHECK(P::parse_size(std::string("")) == 1);
        CHECK(P::parse_size(std::string("abc")) == 1);
        CHECK(P::parse_size(std::string("2000")) == 1024);
        CHECK(P::parse_size(std::string("-1")) == 1024);
    }

    TEST_CASE("the size is read at the first submit, not before") {
        Fixture f;
        f.env = "1";
        CHECK_FALSE(f.pool.is_started());
        f.env = "3";
        f.submit(uv::WorkKind::FastIo, "a", SimTime::ms(1));
        f.env = "8";
        f.submit(uv::WorkKind::FastIo, "b", SimTime::ms(1));
        CHECK(f.pool.size() == 3);
        CHECK(f.loop.run() == uv::RunResult::Drained);
    }

    TEST_CASE("with one worker, jobs run one after another and complete in submission order") {
        Fixture f;
        f.env = "1";
        f.submit(uv::WorkKind::Cpu, "slow", SimTime::ms(30));
        f.submit(uv::WorkKind::Cpu, "fast", SimTime::ms(5));
        CHECK(f.loop.run() == uv::RunResult::Drained);
        CHECK(f.done == std::vector<std::string>{"slow@30 poll", "fast@35 poll"});
    }

    TEST_CASE("with several workers, jobs complete in order of their finishing times") {
        Fixture f;
        f.submit(uv::WorkKind::Cpu, "slow", SimTime::ms(30));
        f.submit(uv::WorkKind::Cpu, "fast", SimTime::ms(5));
        CHECK(f.loop.run() == uv::RunResult::Drained);
        CHECK(f.done == std::vector<std::string>{"fast@5 poll", "slow@30 poll"});
    }

    TEST_CASE("a saturated pool queues the rest in FIFO order") {
        Fixture f;
        f.env = "2";
        for (const char* name : {"j1", "j2", "j3", "j4", "j5"}) f.submit(uv::WorkKind::Cpu, name, SimTime::ms(10));
        CHECK(f.loop.run() == uv::RunResult::Drained);
        CHECK(f.picks.log == std::vector<std::string>{"pick j1 w1 @20us", "pick j2 w2 @20us", "pick j3 w1 @10020us",
                                                      "pick j4 w2 @10020us", "pick j5 w1 @20020us"});
        // Completions that land in one poll are delivered together, in completion order.
        CHECK(f.done.size() == 5);
        CHECK(f.done[0].starts_with("j1@10"));
        CHECK(f.done[4].starts_with("j5@30"));
    }

    TEST_CASE("slow I/O never holds more than half the pool, and other work overtakes it") {
        Fixture f; // 4 workers: at most (4 + 1) / 2 = 2 slow jobs at once
        for (const char* name : {"dns1", "dns2", "dns3"}) f.submit(uv::WorkKind::SlowIo, name, SimTime::ms(10));
        f.submit(uv::WorkKind::FastIo, "fs", SimTime::ms(1));
        CHECK(f.loop.run() == uv::RunResult::Drained);
        std::vector<std::string> started_at_once;
        for (const auto& p : f.picks.log)
            if (p.ends_with("@20us") || p.ends_with("@40us")) started_at_once.push_back(p.substr(5, p.find(' ', 5) - 5));
        // dns3 must wait for dns1 or dns2 to finish, though two workers are idle.
        CHECK(std::find(started_at_once.begin(), started_at_once.end(), "dns3") == started_at_once.end());
        CHECK(std::find(started_at_once.begin(), started_at_once.end(), "fs") != started_at_once.end());
        CHECK(f.done.back().starts_with("dns3@20"));
    }

    TEST_CASE("completions wait for the main thread: a busy main thread sees them at its next poll") {
        Fixture f;
        f.submit(uv::WorkKind::FastIo, "read", SimTime::ms(2));
        f.sim.advance(SimTime::ms(50)); // the script keeps the main thread busy for 50 ms
        CHECK(f.loop.run() == uv::RunResult::Drained);
        CHECK(f.done == std::vector<std::string>{"read@50 poll"});
    }

    TEST_CASE("workers keep their own time line while the main thread is busy") {
        // A finishes at 3 ms and its worker takes C (2 ms) at once: C ends at 5 ms, before B at
        // 6 ms, although the kernel only gets to these events when the main thread yields at 50.
        Fixture f;
        f.env = "2";
        f.submit(uv::WorkKind::Cpu, "A", SimTime::ms(3));
        f.submit(uv::WorkKind::Cpu, "B", SimTime::ms(6));
        f.submit(uv::WorkKind::Cpu, "C", SimTime::ms(2));
        f.sim.advance(SimTime::ms(50));
        CHECK(f.loop.run() == uv::RunResult::Drained);
        CHECK(f.done == std::vector<std::string>{"A@50 poll", "C@50 poll", "B@50 poll"});
    }

    TEST_CASE("jobs in flight keep the loop alive; the pool's own handle does not") {
        Fixture f;
        CHECK_FALSE(f.loop.is_alive());
        f.submit(uv::WorkKind::FastIo, "stat", SimTime::ms(1));
        CHECK(f.loop.is_alive());
        CHECK(f.loop.run() == uv::RunResult::Drained);
        CHECK_FALSE(f.loop.is_alive());
        CHECK(f.loop.active_requests() == 0);
    }
}
