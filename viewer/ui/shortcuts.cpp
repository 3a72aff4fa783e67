// Keyboard shortcuts: each changes only the ViewState (or opens Help). Listed in help_panel.cpp.
#include "viewer/core/playback.h"
#include "viewer/ui/panels.h"

#include <GLFW/glfw3.h>

namespace loopsim::viewer::ui {

void handle_shortcuts(const TraceIndex& index, ViewState& view, UiState& ui) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;
    auto pressed = [](int key, bool repeat = true) { return ImGui::IsKeyPressed(key, repeat); };
    const StepUnit unit = io.KeyCtrl    ? StepUnit::Iteration
                          : io.KeyShift ? StepUnit::Phase
                                        : StepUnit::Event;
    if (pressed(GLFW_KEY_SPACE, false)) toggle_play(index, view);
    if (pressed(GLFW_KEY_RIGHT)) step_forward(index, view, unit);
    if (pressed(GLFW_KEY_LEFT)) step_back(index, view, unit);
    if (pressed(GLFW_KEY_HOME, false)) go_home(index, view);
    if (pressed(GLFW_KEY_END, false)) go_end(index, view);
    if (pressed(GLFW_KEY_EQUAL) || pressed(GLFW_KEY_KP_ADD))
        view.speed = std::min(60.0f, view.speed * 1.5f);
    if (pressed(GLFW_KEY_MINUS) || pressed(GLFW_KEY_KP_SUBTRACT))
        view.speed = std::max(0.5f, view.speed / 1.5f);
    if (pressed(GLFW_KEY_F, false) && !io.KeyCtrl) fit_window(index, view);
    if (pressed(GLFW_KEY_F1, false) || (pressed(GLFW_KEY_H, false) && !io.KeyCtrl))
        ui.show_help = !ui.show_help;
    if (pressed(GLFW_KEY_ESCAPE, false)) ui.show_help = false;
    if (io.KeyCtrl && pressed(GLFW_KEY_Q, false)) ui.quit = true;
}

} // namespace loopsim::viewer::ui
