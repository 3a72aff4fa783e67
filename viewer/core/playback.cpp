// Stepping and playing. See playback.h.
#include "viewer/core/playback.h"

#include <algorithm>

namespace loopsim::viewer {

void go_to_step(const TraceIndex& index, ViewState& view, size_t step) {
    const size_t n = index.step_count();
    if (n == 0) return;
    step = std::min(step, n - 1);
    view.anim_progress = step == view.step + 1 ? 0.0f : 1.0f;
    view.step = step;
}

void step_forward(const TraceIndex& index, ViewState& view, StepUnit unit) {
    switch (unit) {
    case StepUnit::Event:
        go_to_step(index, view, view.step + 1);
        break;
    case StepUnit::Phase:
        go_to_step(index, view, index.next_phase(view.step));
        break;
    case StepUnit::Iteration:
        go_to_step(index, view, index.next_iteration(view.step));
        break;
    }
}

void step_back(const TraceIndex& index, ViewState& view, StepUnit unit) {
    switch (unit) {
    case StepUnit::Event:
        go_to_step(index, view, view.step == 0 ? 0 : view.step - 1);
        break;
    case StepUnit::Phase:
        go_to_step(index, view, index.prev_phase(view.step));
        break;
    case StepUnit::Iteration:
        go_to_step(index, view, index.prev_iteration(view.step));
        break;
    }
}

void go_home(const TraceIndex& index, ViewState& view) {
    go_to_step(index, view, 0);
}

void go_end(const TraceIndex& index, ViewState& view) {
    if (index.step_count() > 0) go_to_step(index, view, index.step_count() - 1);
}

void toggle_play(const TraceIndex& index, ViewState& view) {
    if (!view.playing && index.step_count() > 0 && view.step + 1 >= index.step_count())
        go_home(index, view); // play again from the start
    view.playing = !view.playing;
}

void tick(const TraceIndex& index, ViewState& view, float dt_seconds, float& carry) {
    const float speed = std::max(view.speed, 0.1f);
    // The animation runs faster at higher speeds so a card still arrives before the next step.
    const float move_seconds = std::min(kMoveSeconds, 0.8f / speed);
    view.anim_progress = std::min(1.0f, view.anim_progress + dt_seconds / move_seconds);
    if (!view.playing) {
        carry = 0;
        return;
    }
    carry += dt_seconds * speed;
    while (carry >= 1.0f) {
        carry -= 1.0f;
        if (view.step + 1 >= index.step_count()) {
            view.playing = false;
            carry = 0;
            return;
        }
        go_to_step(index, view, view.step + 1);
    }
}

} // namespace loopsim::viewer
