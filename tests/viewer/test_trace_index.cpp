// Tests for viewer/core/trace_index: checkpoints, stepping by phase and iteration, callbacks,
// timeline lanes, source lines.
#include "viewer/core/step_text.h"
#include "viewer_test_support.h"

using namespace loopsim;
using namespace loopsim::viewer;
using namespace loopsim::viewer::testing;
using trace::EventKind;

namespace {
// The board after `step` by replaying every event from the start, without checkpoints.
Board replay(const TraceIndex& index, size_t step) {
    Board board(index.worker_count());
    for (size_t i = 0; i <= step; ++i) board.apply(index.event(i), index.board_context());
    return board;
}
} // namespace

TEST_SUITE("viewer.trace_index") {
    TEST_CASE("the board at any step equals a replay from the first event, across checkpoints") {
        TraceIndex index(make_stress_trace(3 * TraceIndex::kCheckpointInterval + 500));
        REQUIRE(index.step_count() > 3 * TraceIndex::kCheckpointInterval);
        const size_t k = TraceIndex::kCheckpointInterval;
        for (size_t step : {size_t{0}, size_t{1}, k - 2, k - 1, k, k + 1, 2 * k + 17, 3 * k - 1,
                            index.step_count() - 1}) {
            CAPTURE(step);
            CHECK(index.board_at(step) == replay(index, step));
        }
        CHECK(index.board_at(static_cast<size_t>(-1)).card_count() == 0);
    }

    TEST_CASE("stepping by phase lands on phase_enter events, by iteration on iteration_start") {
        TraceIndex index = sample_index("timeout-vs-immediate");
        size_t step = 0;
        std::vector<std::string> phases;
        for (int i = 0; i < 40; ++i) {
            const size_t next = index.next_phase(step);
            if (next == step) break;
            CHECK(next > step);
            REQUIRE(index.event(next).kind == EventKind::PhaseEnter);
            phases.push_back(index.trace().header.phases.at(index.event(next).phase));
            step = next;
        }
        REQUIRE(phases.size() >= 7);
        // libuv's order within one iteration.
        CHECK(std::vector<std::string>(phases.begin(), phases.begin() + 7) ==
              std::vector<std::string>{"timers", "pending", "idle", "prepare", "poll", "check",
                                       "close"});
        // And back again.
        const size_t back = index.prev_phase(step);
        CHECK(back < step);
        CHECK(index.event(back).kind == EventKind::PhaseEnter);

        const size_t first_iteration = index.next_iteration(0);
        REQUIRE(first_iteration > 0);
        CHECK(index.event(first_iteration).kind == EventKind::IterationStart);
        const size_t second = index.next_iteration(first_iteration);
        if (second != first_iteration) {
            CHECK(index.event(second).kind == EventKind::IterationStart);
            CHECK(index.event(second).iteration == index.event(first_iteration).iteration + 1);
            CHECK(index.prev_iteration(second) == first_iteration);
        }
        // Past the last one, stepping stays where it is.
        const size_t last = index.step_count() - 1;
        CHECK(index.next_iteration(last) == last);
    }

    TEST_CASE("every callback knows who created it and when it started and ended") {
        TraceIndex index = sample_index("timeout-vs-immediate");
        const CardId timer =
            index.callbacks().find(index
                                       .event(find_step(index, EventKind::CallbackCreated,
                                                        "() => console.log('setTimeout')"))
                                       .callback);
        REQUIRE(timer != kNoCard);
        const CallbackInfo& info = index.callback(timer);
        REQUIRE(info.creator_card != kNoCard);
        CHECK(index.card_label(info.creator_card) == "main script");
        CHECK(info.first_queue == trace::Queue::Timers);
        CHECK(info.created_step < info.start_step);
        CHECK(info.start_step < info.end_step);
        CHECK(info.end_step < index.step_count());
        CHECK(info.line == 3);
    }

    TEST_CASE("the main lane nests callbacks and the worker lanes hold their jobs") {
        TraceIndex index = sample_index("pbkdf2-pool");
        size_t workers = 0, jobs = 0;
        for (const Lane& lane : index.lanes()) {
            if (lane.kind == trace::ActorKind::Worker) {
                ++workers;
                for (const auto& level : lane.levels) jobs += level.size();
            }
            for (const auto& level : lane.levels) {
                for (size_t i = 1; i < level.size(); ++i) {
                    CHECK(level[i - 1].end_ns <= level[i].start_ns); // sorted, no overlap
                }
            }
        }
        CHECK(workers == 4);
        CHECK(jobs == 6);
        CHECK(index.worker_count() == 4);
        CHECK_FALSE(index.phase_spans().empty());
        CHECK_FALSE(index.iteration_spans().empty());
    }

    TEST_CASE("a time maps to the last main-thread step at or before it") {
        TraceIndex index = sample_index("busy-timer");
        const size_t fired =
            find_step(index, EventKind::CallbackStart, "() => console.log('timer callback')");
        const int64_t t = index.event(fired).time.count_ns();
        const size_t found = index.step_at_time(t);
        CHECK(index.event(found).time.count_ns() == t);
        CHECK(index.step_at_time(index.start_ns() - 1) == 0);
    }

    TEST_CASE("the scenario source is split into lines for the source panel") {
        TraceIndex index = sample_index("timeout-vs-immediate");
        CHECK(index.source_line_count() == 11);
        CHECK(index.source_line(1) == "console.log('start');");
        CHECK(index.source_line(11) == "console.log('end');");
        CHECK(index.source_line(0).empty());
        CHECK(index.source_line(12).empty());
    }

    TEST_CASE("a note's title is its text up to the colon, its why the whole text") {
        // The model notes Node's one-time costs, e.g. the first setTimeout call's.
        TraceIndex index = sample_index("timeout-vs-immediate");
        size_t notes = 0;
        for (size_t i = 0; i < index.step_count(); ++i) {
            if (index.event(i).kind != EventKind::Note) continue;
            ++notes;
            const std::string title = step_title(index, i);
            const std::string why = step_reason(index, i);
            CHECK(title.find("Node pays for its first") == 0);
            CHECK(title.find(':') == std::string::npos);
            CHECK(why.rfind(title + ": ", 0) == 0);
        }
        CHECK(notes > 0);
    }

    TEST_CASE("an empty trace gives an empty index and a frame that says so") {
        TraceIndex index{trace::Trace{}};
        CHECK(index.step_count() == 0);
        ViewState view;
        FrameState frame = build_frame(index, view);
        CHECK(frame.title == "empty trace");
        CHECK(frame.console_count == 0);
    }
}
