// Tests for viewer/core/frame_state: trace -> TraceIndex -> FrameState, without any window.
#include "viewer/core/board_layout.h"
#include "viewer/core/document.h"
#include "viewer_test_support.h"

#include <filesystem>
#include <fstream>

using namespace loopsim;
using namespace loopsim::viewer;
using namespace loopsim::viewer::testing;
using trace::EventKind;

namespace {
constexpr std::string_view kTimer = "() => console.log('setTimeout')";
constexpr std::string_view kImmediate = "() => console.log('setImmediate')";
} // namespace

TEST_SUITE("viewer.frame_state") {
    TEST_CASE("after the main script of 'setTimeout vs setImmediate' the timer waits in timers and "
              "the immediate in check") {
        TraceIndex index = sample_index("timeout-vs-immediate");
        const size_t end_of_main = find_step(index, EventKind::CallbackEnd, "main script");
        FrameState frame = frame_at(index, end_of_main);
        CHECK(box_labels(frame, "1 timers") == std::vector<std::string>{std::string(kTimer)});
        CHECK(box_labels(frame, "5 check (setImmediate)") ==
              std::vector<std::string>{std::string(kImmediate)});
        CHECK(box_labels(frame, "call stack").empty());
        CHECK(frame.call_stack.empty());
        CHECK(console_lines(index, frame) == std::vector<std::string>{"start", "end"});
    }

    TEST_CASE("at the step where the immediate starts, its card is on the call stack and check is "
              "empty") {
        TraceIndex index = sample_index("timeout-vs-immediate");
        const size_t start = find_step(index, EventKind::CallbackStart, kImmediate);
        FrameState frame = frame_at(index, start);
        CHECK(box_labels(frame, "call stack") == std::vector<std::string>{std::string(kImmediate)});
        REQUIRE(frame.call_stack.size() == 1);
        CHECK(frame.call_stack[0].label == kImmediate);
        CHECK(box_labels(frame, "5 check (setImmediate)").empty());
        CHECK(frame.phase == "check");
        CHECK(box_titled(frame, "5 check (setImmediate)").active);
        CHECK_FALSE(box_titled(frame, "1 timers").active);
        // The card that runs is the one on top of the stack.
        CHECK(box_titled(frame, "call stack").cards.at(0).running);
    }

    TEST_CASE("the main script is on the call stack while it runs, and what it creates piles up in "
              "the queues") {
        TraceIndex index = sample_index("nexttick-and-promises");
        const size_t tick =
            find_step(index, EventKind::CallbackCreated, "() => console.log('nextTick')");
        FrameState during = frame_at(index, tick);
        CHECK(box_labels(during, "call stack") == std::vector<std::string>{"main script"});
        CHECK(box_labels(during, "process.nextTick queue") ==
              std::vector<std::string>{"() => console.log('nextTick')"});
        CHECK(box_labels(during, "microtask queue (promises)") ==
              std::vector<std::string>{"() => console.log('Promise')"});
        CHECK(box_labels(during, "1 timers") ==
              std::vector<std::string>{"() => console.log('setTimeout')"});
        // Cards say who created them.
        CHECK(box_titled(during, "1 timers").cards.at(0).detail.find("by main script") == 0);
    }

    TEST_CASE("the console grows with the steps and ends in node's order") {
        TraceIndex index = sample_index("nexttick-and-promises");
        FrameState first = frame_at(index, 0);
        CHECK(first.console_count == 0);
        FrameState last = frame_at(index, index.step_count() - 1);
        CHECK(console_lines(index, last) ==
              std::vector<std::string>{"start", "end", "nextTick", "Promise", "setTimeout"});
        CHECK_FALSE(last.outcome.empty());
    }

    TEST_CASE("the async/await puzzle queues the continuation before promise2 and runs both before "
              "the timer") {
        TraceIndex index = sample_index("async-await-puzzle");
        const size_t end_of_main = find_step(index, EventKind::CallbackEnd, "main script");
        FrameState frame = frame_at(index, end_of_main);
        CHECK(box_labels(frame, "microtask queue (promises)") ==
              std::vector<std::string>{"async1 (resumes after await async2())",
                                       "() => console.log('promise2')"});
        FrameState last = frame_at(index, index.step_count() - 1);
        CHECK(console_lines(index, last) ==
              std::vector<std::string>{"script start", "async1 start", "async2", "promise1",
                                       "script end", "async1 end", "promise2", "setTimeout"});
    }

    TEST_CASE(
        "a thread-pool job sits on a worker, then its completion runs from poll in its place") {
        TraceIndex index = sample_index("readfile-then-immediate");
        const size_t pick = find_step(index, EventKind::WorkerPick);
        FrameState picked = frame_at(index, pick);
        CHECK(box_labels(picked, "worker 1") ==
              std::vector<std::string>{"fs.readFile(__filename)"});
        CHECK(box_labels(picked, "thread pool queue").empty());
        const size_t done = find_step(index, EventKind::WorkerDone);
        CHECK(box_labels(frame_at(index, done), "4 poll (I/O)") ==
              std::vector<std::string>{"fs.readFile(__filename)"});
        const size_t runs = find_step(index, EventKind::CallbackStart,
                                      "() => { setTimeout(...); setImmediate(...); }");
        FrameState running = frame_at(index, runs);
        CHECK(box_labels(running, "4 poll (I/O)").empty());
        CHECK(box_labels(running, "call stack") ==
              std::vector<std::string>{"() => { setTimeout(...); setImmediate(...); }"});
        CHECK(running.phase == "poll");
        // Inside the I/O callback the immediate always wins.
        FrameState last = frame_at(index, index.step_count() - 1);
        CHECK(console_lines(index, last) == std::vector<std::string>{"immediate", "timeout"});
    }

    TEST_CASE("a moving card travels from its old slot to its new one, eased over the animation") {
        TraceIndex index = sample_index("timeout-vs-immediate");
        const size_t start = find_step(index, EventKind::CallbackStart, kImmediate);
        // Where the card was (the check box, one step earlier) and where it goes (the stack).
        FrameState before = frame_at(index, start - 1);
        const Rect from = box_titled(before, "5 check (setImmediate)").cards.at(0).rect;
        FrameState after = frame_at(index, start, 1.0f);
        const Rect to = box_titled(after, "call stack").cards.at(0).rect;
        REQUIRE_FALSE(from == to);
        CHECK(after.flying.empty());

        FrameState at0 = frame_at(index, start, 0.0f);
        REQUIRE(at0.flying.size() == 1);
        CHECK(at0.flying[0].card.label == kImmediate);
        CHECK(at0.flying[0].card.rect == from);
        CHECK(box_labels(at0, "call stack").empty()); // drawn in flight, not twice

        FrameState half = frame_at(index, start, 0.5f);
        REQUIRE(half.flying.size() == 1);
        CHECK(half.flying[0].card.rect.x == doctest::Approx((from.x + to.x) / 2));
        CHECK(half.flying[0].card.rect.y == doctest::Approx((from.y + to.y) / 2));
    }

    TEST_CASE("a new card flies out of the callback that creates it") {
        TraceIndex index = sample_index("timeout-vs-immediate");
        const size_t created = find_step(index, EventKind::CallbackCreated, kImmediate);
        FrameState at0 = frame_at(index, created, 0.0f);
        REQUIRE(at0.flying.size() == 1);
        const Rect stack_top = box_titled(at0, "call stack").cards.at(0).rect;
        CHECK(at0.flying[0].card.rect == stack_top);
    }

    TEST_CASE("timers are listed in the order they fire, with the time they fire") {
        TraceIndex index = sample_index("busy-timer");
        const size_t end_of_main = find_step(index, EventKind::CallbackEnd, "main script");
        FrameState frame = frame_at(index, end_of_main);
        const BoxView& timers = box_titled(frame, "1 timers");
        REQUIRE(timers.cards.size() == 1);
        CHECK(timers.cards[0].detail.find("fires at 5") != std::string::npos);
        // The busy script kept the main thread for 50 ms: the timer ran well after its 1 ms.
        const size_t fired =
            find_step(index, EventKind::CallbackStart, "() => console.log('timer callback')");
        CHECK(index.event(fired).time.count_ns() >= 50'000'000);
    }

    TEST_CASE("a box shows as many cards as fit and counts the rest") {
        TraceIndex index(make_stress_trace(3000));
        ViewState view;
        view.board_width = 600;
        view.board_height = 200; // tiny: one card per box at most
        view.line_height = 16;
        size_t hidden = 0;
        for (size_t step = 0; step < index.step_count(); step += 97) {
            view.step = step;
            FrameState frame = build_frame(index, view);
            for (const BoxView& box : frame.boxes) {
                CHECK(box.cards.size() <= 1);
                hidden += box.hidden;
            }
        }
        CHECK(hidden > 0);
    }

    TEST_CASE("the status line carries the event's iteration, phase and both clocks") {
        TraceIndex index = sample_index("busy-timer");
        const size_t fired =
            find_step(index, EventKind::CallbackStart, "() => console.log('timer callback')");
        FrameState frame = frame_at(index, fired);
        CHECK(frame.phase == "timers");
        CHECK(frame.iteration == index.event(fired).iteration);
        CHECK(frame.time_ns == index.event(fired).time.count_ns());
        CHECK(frame.loop_ms >= 50);
        CHECK(frame.source_line == 6);
        CHECK_FALSE(frame.reason.empty());
    }

    TEST_CASE("a readFile's finished step leaves poll when Node sends the next one to the pool") {
        // A real simulated run (viewer/core/document.h): readFile is open, fstat, read, close.
        const auto dir = std::filesystem::temp_directory_path() / "loopsim-viewer-test-readfile";
        std::filesystem::create_directories(dir);
        const std::string path = (dir / "read.js").string();
        std::ofstream(path) << "require('fs').readFile(__filename, () => console.log('done'));\n";
        auto doc = open_document(path);
        REQUIRE(doc);
        const TraceIndex& index = *doc.value().index;
        const auto jobs_in_poll = [&](size_t step) {
            size_t n = 0;
            for (const std::string& label : box_labels(frame_at(index, step), "4 poll (I/O)"))
                n += label.starts_with("fs.") ? 1 : 0;
            return n;
        };
        const size_t open_done = find_step(index, EventKind::WorkerDone);
        CHECK(jobs_in_poll(open_done) == 1); // fs.open finished: it waits for the poll phase
        // The step that queues fs.fstat: the open card is gone from poll, fstat is in the pool.
        size_t fstat = open_done;
        while (!(index.event(fstat).kind == EventKind::CallbackCreated &&
                 index.card_label(index.callbacks().find(index.event(fstat).callback))
                     .starts_with("fs.fstat")))
            ++fstat;
        const FrameState frame = frame_at(index, fstat);
        CHECK(jobs_in_poll(fstat) == 0);
        const std::vector<std::string> pool = box_labels(frame, "thread pool queue");
        REQUIRE(pool.size() == 1);
        CHECK(pool[0].starts_with("fs.fstat"));
        const BoxView& queue = box_titled(frame, "thread pool queue");
        REQUIRE_FALSE(queue.cards.empty());
        CHECK(queue.cards[0].detail == "next step, sent by Node");
        // When the callback runs, no finished job is left behind in poll.
        const size_t callback =
            find_step(index, EventKind::CallbackStart, "() => console.log('done')");
        CHECK(jobs_in_poll(callback) == 0);
        std::filesystem::remove_all(dir);
    }
}
