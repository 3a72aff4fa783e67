// Tests for viewer/core/playback: stepping, playing, and when cards animate.
#include "viewer/core/playback.h"
#include "viewer_test_support.h"

using namespace loopsim;
using namespace loopsim::viewer;
using namespace loopsim::viewer::testing;

TEST_SUITE("viewer.playback") {
    TEST_CASE("one step forward starts the card animation; a jump shows the new state at once") {
        TraceIndex index = sample_index("timeout-vs-immediate");
        ViewState view;
        step_forward(index, view, StepUnit::Event);
        CHECK(view.step == 1);
        CHECK(view.anim_progress == 0.0f);
        go_end(index, view);
        CHECK(view.step == index.step_count() - 1);
        CHECK(view.anim_progress == 1.0f);
        step_forward(index, view, StepUnit::Event); // already at the end: stays
        CHECK(view.step == index.step_count() - 1);
        go_home(index, view);
        CHECK(view.step == 0);
        step_back(index, view, StepUnit::Event);
        CHECK(view.step == 0);
    }

    TEST_CASE("playing advances speed steps per second and stops at the last step") {
        TraceIndex index = sample_index("sync-order");
        ViewState view;
        view.speed = 10;
        float carry = 0;
        toggle_play(index, view);
        CHECK(view.playing);
        tick(index, view, 0.25f, carry); // 2.5 steps
        CHECK(view.step == 2);
        tick(index, view, 0.05f, carry); // the half step left over completes one more
        CHECK(view.step == 3);
        for (int i = 0; i < 100; ++i) tick(index, view, 0.5f, carry);
        CHECK(view.step == index.step_count() - 1);
        CHECK_FALSE(view.playing);
        // Play again from the end restarts from the first step.
        toggle_play(index, view);
        CHECK(view.step == 0);
        CHECK(view.playing);
    }

    TEST_CASE("the animation completes within a step's time and never overshoots") {
        TraceIndex index = sample_index("timeout-vs-immediate");
        ViewState view;
        view.speed = 1; // at higher speeds cards move faster, to arrive before the next step
        float carry = 0;
        step_forward(index, view, StepUnit::Event);
        tick(index, view, kMoveSeconds / 2, carry);
        CHECK(view.anim_progress == doctest::Approx(0.5f));
        tick(index, view, kMoveSeconds, carry);
        CHECK(view.anim_progress == 1.0f);
        CHECK(view.step == 1); // paused: the step does not move
    }

    TEST_CASE("stepping by phase and iteration goes through the index") {
        TraceIndex index = sample_index("timeout-vs-immediate");
        ViewState view;
        step_forward(index, view, StepUnit::Iteration);
        CHECK(index.event(view.step).kind == trace::EventKind::IterationStart);
        step_forward(index, view, StepUnit::Phase);
        CHECK(index.event(view.step).kind == trace::EventKind::PhaseEnter);
        const size_t at = view.step;
        step_back(index, view, StepUnit::Phase);
        CHECK(view.step < at);
    }
}
