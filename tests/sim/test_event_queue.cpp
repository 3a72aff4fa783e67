// One suite, every queue implementation kept in sim/event_queue.cpp (as ns-3 runs one
// scheduler suite over all its schedulers).
#include "sim/event_queue.h"
#include "sim/rng.h"

#include <algorithm>
#include <cstdint>
#include <doctest/doctest.h>
#include <memory>
#include <utility>
#include <vector>

using loopsim::sim::ActorId;
using loopsim::sim::DaryEventQueue;
using loopsim::sim::EventId;
using loopsim::sim::PoppedEvent;
using loopsim::sim::Rng;
using loopsim::sim::SimTime;

namespace {

// Pops everything, running each callback, and returns the labels they logged.
template <typename Queue> std::vector<int> drain(Queue& queue, std::vector<int>& log) {
    while (!queue.empty()) queue.pop().fn();
    return log;
}

} // namespace

#define QUEUE_TYPES DaryEventQueue<2>, DaryEventQueue<4>, DaryEventQueue<8>

TEST_SUITE("event_queue") {

    TEST_CASE_TEMPLATE("earlier events pop first whatever the push order", Queue, QUEUE_TYPES) {
        Queue queue;
        std::vector<int> log;
        for (int ms : {30, 10, 20, 0, 50, 40}) {
            queue.push(SimTime::ms(ms), [&log, ms] { log.push_back(ms); });
        }
        CHECK(queue.size() == 6);
        CHECK(queue.next_time() == SimTime::ms(0));
        CHECK(drain(queue, log) == std::vector<int>{0, 10, 20, 30, 40, 50});
        CHECK(queue.empty());
    }

    TEST_CASE_TEMPLATE("events with equal time pop in the order they were pushed", Queue,
                       QUEUE_TYPES) {
        Queue queue;
        std::vector<int> log;
        for (int i = 0; i < 20; ++i) {
            const SimTime at = SimTime::ms(i % 2 == 0 ? 5 : 3);
            queue.push(at, [&log, i] { log.push_back(i); });
        }
        std::vector<int> expected;
        for (int i = 1; i < 20; i += 2) expected.push_back(i);
        for (int i = 0; i < 20; i += 2) expected.push_back(i);
        CHECK(drain(queue, log) == expected);
    }

    TEST_CASE_TEMPLATE("an event pushed while one runs at the same time pops after the others "
                       "already queued",
                       Queue, QUEUE_TYPES) {
        Queue queue;
        std::vector<int> log;
        queue.push(SimTime::ms(1), [&] {
            log.push_back(1);
            queue.push(SimTime::ms(1), [&log] { log.push_back(4); });
        });
        queue.push(SimTime::ms(1), [&log] { log.push_back(2); });
        queue.push(SimTime::ms(1), [&log] { log.push_back(3); });
        queue.push(SimTime::ms(2), [&log] { log.push_back(5); });
        CHECK(drain(queue, log) == std::vector<int>{1, 2, 3, 4, 5});
    }

    TEST_CASE_TEMPLATE("a popped event carries its time, sequence, id and actor", Queue,
                       QUEUE_TYPES) {
        Queue queue;
        const EventId first = queue.push(
            SimTime::us(7), [] {}, ActorId{3});
        const EventId second = queue.push(
            SimTime::us(7), [] {}, ActorId{1});
        CHECK(first.is_valid());
        CHECK(first != second);
        PoppedEvent a = queue.pop();
        PoppedEvent b = queue.pop();
        CHECK(a.at == SimTime::us(7));
        CHECK(a.id == first);
        CHECK(a.actor == ActorId{3});
        CHECK(b.id == second);
        CHECK(b.actor == ActorId{1});
        CHECK(a.seq < b.seq);
        CHECK(queue.pushed_count() == 2);
    }

    TEST_CASE_TEMPLATE("a cancelled event never pops and cancelling again fails", Queue,
                       QUEUE_TYPES) {
        Queue queue;
        std::vector<int> log;
        queue.push(SimTime::ms(1), [&log] { log.push_back(1); });
        const EventId doomed = queue.push(SimTime::ms(2), [&log] { log.push_back(2); });
        queue.push(SimTime::ms(3), [&log] { log.push_back(3); });
        CHECK(queue.contains(doomed));
        CHECK(queue.cancel(doomed));
        CHECK_FALSE(queue.contains(doomed));
        CHECK_FALSE(queue.cancel(doomed));
        CHECK(queue.size() == 2);
        CHECK(drain(queue, log) == std::vector<int>{1, 3});
    }

    TEST_CASE_TEMPLATE("cancelling after the event popped or with an unknown id fails", Queue,
                       QUEUE_TYPES) {
        Queue queue;
        const EventId id = queue.push(SimTime::ms(1), [] {});
        queue.pop().fn();
        CHECK_FALSE(queue.cancel(id));
        CHECK_FALSE(queue.cancel(EventId{}));
        CHECK_FALSE(queue.cancel(EventId{0xFFFF'FFFF'FFFF'FFFFULL}));
        // The freed slot is reused: the old id must not reach the new event.
        const EventId reuse = queue.push(SimTime::ms(2), [] {});
        CHECK_FALSE(queue.cancel(id));
        CHECK(queue.contains(reuse));
        CHECK(queue.size() == 1);
    }

    TEST_CASE_TEMPLATE("cancelling the earliest event moves next_time to the next live one", Queue,
                       QUEUE_TYPES) {
        Queue queue;
        const EventId early = queue.push(SimTime::ms(1), [] {});
        const EventId middle = queue.push(SimTime::ms(2), [] {});
        queue.push(SimTime::ms(9), [] {});
        CHECK(queue.cancel(middle));
        CHECK(queue.next_time() == SimTime::ms(1));
        CHECK(queue.cancel(early));
        CHECK(queue.next_time() == SimTime::ms(9));
        CHECK(queue.size() == 1);
    }

    TEST_CASE_TEMPLATE("a cancelled callback's captures are released at once", Queue, QUEUE_TYPES) {
        Queue queue;
        auto token = std::make_shared<int>(0);
        std::weak_ptr<int> watch = token;
        const EventId id = queue.push(SimTime::ms(1), [token = std::move(token)] {});
        CHECK_FALSE(watch.expired());
        CHECK(queue.cancel(id));
        CHECK(watch.expired());
    }

    TEST_CASE_TEMPLATE("random pushes, pops and cancels follow the (time, sequence) order of a "
                       "sorted reference",
                       Queue, QUEUE_TYPES) {
        // The reference is a plain vector of (time, push number), searched linearly.
        struct Pending {
            int64_t at;
            int label;
            EventId id;
        };
        Queue queue;
        std::vector<Pending> reference;
        std::vector<int> popped;
        Rng rng(2024);
        int next_label = 0;
        int64_t clock = 0;
        for (int op = 0; op < 20000; ++op) {
            const uint64_t dice = rng.below(100);
            if (dice < 50 || reference.empty()) {
                const int64_t at = clock + static_cast<int64_t>(rng.below(50));
                const int label = next_label++;
                const EventId id =
                    queue.push(SimTime::ns(at), [&popped, label] { popped.push_back(label); });
                reference.push_back(Pending{at, label, id});
            } else if (dice < 80) {
                auto first =
                    std::min_element(reference.begin(), reference.end(), [](auto& a, auto& b) {
                        return a.at != b.at ? a.at < b.at : a.label < b.label;
                    });
                REQUIRE(queue.next_time() == SimTime::ns(first->at));
                PoppedEvent event = queue.pop();
                clock = event.at.count_ns();
                event.fn();
                REQUIRE(popped.back() == first->label);
                reference.erase(first);
            } else {
                // Cancel a random pending event; bursts of cancels exercise the stale sweep.
                const int burst = dice < 82 ? 40 : 1;
                for (int i = 0; i < burst && !reference.empty(); ++i) {
                    const auto index = static_cast<std::ptrdiff_t>(rng.below(reference.size()));
                    REQUIRE(queue.cancel(reference[index].id));
                    reference.erase(reference.begin() + index);
                }
            }
            REQUIRE(queue.size() == reference.size());
        }
        CHECK(popped.size() > 1000);
    }

    TEST_CASE_TEMPLATE("cancelling most events keeps the order of the rest", Queue, QUEUE_TYPES) {
        Queue queue;
        std::vector<int> log;
        std::vector<EventId> ids;
        for (int i = 0; i < 1000; ++i) {
            ids.push_back(queue.push(SimTime::us(1000 - i), [&log, i] { log.push_back(i); }));
        }
        for (int i = 0; i < 1000; ++i) {
            if (i % 10 != 0) CHECK(queue.cancel(ids[i]));
        }
        CHECK(queue.size() == 100);
        std::vector<int> expected;
        for (int i = 990; i >= 0; i -= 10) expected.push_back(i);
        CHECK(drain(queue, log) == expected);
    }

} // TEST_SUITE
