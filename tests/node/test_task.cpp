// TaskCall: the move-only callable inside every Task. It keeps small trivially copyable
// callables in place and allocates the others; either way a callable is destroyed exactly
// once, its state survives moves, and moves leave the source empty.
#include "model/node/task.h"

#include <array>
#include <doctest/doctest.h>
#include <memory>
#include <utility>

using loopsim::node::CallResult;
using loopsim::node::Task;
using loopsim::node::TaskCall;

namespace {

// Counts its live copies through a shared counter; `Padding` bytes make it small or large.
template <size_t Padding> struct Counted {
    int* live;
    int* calls;
    std::array<char, Padding> padding{};
    Counted(int* live, int* calls) : live(live), calls(calls) { ++*live; }
    Counted(Counted&& other) noexcept : live(other.live), calls(other.calls) { ++*live; }
    Counted(const Counted&) = delete;
    ~Counted() { --*live; }
    CallResult operator()() const {
        ++*calls;
        return CallResult::Threw;
    }
};

template <size_t Padding> void check_lifetime() {
    int live = 0;
    int calls = 0;
    {
        TaskCall a = Counted<Padding>(&live, &calls);
        CHECK(live == 1);
        REQUIRE(static_cast<bool>(a));
        CHECK(a() == CallResult::Threw);
        TaskCall b = std::move(a);
        CHECK(!a); // NOLINT(bugprone-use-after-move): moved-from is empty by contract
        CHECK(live == 1);
        CHECK(b() == CallResult::Threw);
        TaskCall c;
        CHECK(!c);
        c = std::move(b);
        CHECK(live == 1);
        c = Counted<Padding>(&live, &calls); // the old callable goes
        CHECK(live == 1);
        CHECK(c() == CallResult::Threw);
        CHECK(calls == 3);
    }
    CHECK(live == 0);
}

// Trivially copyable, with state a call changes and reports.
template <size_t Padding> struct Plain {
    int* calls;
    int seen = 0;
    std::array<char, Padding> padding{};
    CallResult operator()() {
        *calls += ++seen;
        return seen == 2 ? CallResult::Threw : CallResult::Returned;
    }
};

template <size_t Padding> void check_plain() {
    int calls = 0;
    TaskCall a = Plain<Padding>{&calls};
    CHECK(a() == CallResult::Returned); // seen 1
    TaskCall b = std::move(a);
    CHECK(!a); // NOLINT(bugprone-use-after-move): moved-from is empty by contract
    CHECK(b() == CallResult::Threw); // seen 2: the state moved with it
    TaskCall c;
    c = std::move(b);
    CHECK(c() == CallResult::Returned); // seen 3
    CHECK(calls == 1 + 2 + 3);
}

} // namespace

TEST_SUITE("node.task") {
    TEST_CASE("only small trivially copyable callables live in place") {
        CHECK(TaskCall::keeps_in_place<Plain<0>>());
        CHECK(TaskCall::keeps_in_place<Plain<4>>());
        CHECK_FALSE(TaskCall::keeps_in_place<Plain<32>>()); // too large
        CHECK_FALSE(TaskCall::keeps_in_place<Counted<0>>()); // its own move and destructor
    }

    TEST_CASE("a callable in place keeps its state through moves") {
        check_plain<0>();
    }

    TEST_CASE("an allocated callable keeps its state through moves") {
        check_plain<32>();
    }

    TEST_CASE("a small callable with its own move and destructor is destroyed once") {
        check_lifetime<0>();
    }

    TEST_CASE("a large callable is allocated and is destroyed once") {
        check_lifetime<64>();
    }

    TEST_CASE("a callable that owns memory keeps it until the task goes") {
        auto owned = std::make_shared<int>(7);
        std::weak_ptr<int> watch = owned;
        {
            Task task{.call = [held = std::move(owned)] {
                return *held == 7 ? CallResult::Returned : CallResult::Threw;
            }};
            Task moved = std::move(task);
            CHECK(!watch.expired());
            CHECK(moved.call() == CallResult::Returned);
        }
        CHECK(watch.expired());
    }
}
