#pragma once
// Playback: how time moves in the viewer — stepping by event, phase or iteration, jumping,
// playing at a speed, and the animation of the card that moved at the current step.
// Contract: pure functions that change only the ViewState they are given; wall-clock time
// comes in as an argument (seconds since the last frame), so headless runs and tests pass a
// fixed value and get the same frames. Moving one step forward starts the card animation
// (anim_progress = 0); any other jump shows the new state at once (anim_progress = 1).
#include "viewer/core/frame_state.h"

namespace loopsim::viewer {

// Seconds a card takes to travel from one box to another at speed 1.
inline constexpr float kMoveSeconds = 0.35f;

enum class StepUnit : uint8_t {
    Event,
    Phase,
    Iteration
};

void go_to_step(const TraceIndex& index, ViewState& view, size_t step);
void step_forward(const TraceIndex& index, ViewState& view, StepUnit unit);
void step_back(const TraceIndex& index, ViewState& view, StepUnit unit);
void go_home(const TraceIndex& index, ViewState& view);
void go_end(const TraceIndex& index, ViewState& view);
void toggle_play(const TraceIndex& index, ViewState& view);

// Advances the animation and, while playing, the step (view.speed steps per second; each
// step waits for its card to arrive). `carry` keeps the fraction of a step between calls.
void tick(const TraceIndex& index, ViewState& view, float dt_seconds, float& carry);

} // namespace loopsim::viewer
