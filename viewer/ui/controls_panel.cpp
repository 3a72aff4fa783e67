// The controls and status line: play, step, speed, scrubber; iteration, phase, both clocks.
#include "viewer/core/playback.h"
#include "viewer/core/step_text.h"
#include "viewer/ui/panels.h"
#include "viewer/ui/theme.h"
#include "viewer/ui/window_flags.h"

namespace loopsim::viewer::ui {

namespace {

bool button(const char* label, const char* tip) {
    const bool pressed = ImGui::Button(label);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tip);
    ImGui::SameLine();
    return pressed;
}

} // namespace

void draw_controls(const TraceIndex& index, const FrameState& frame, ViewState& view,
                   const ScreenLayout& layout) {
    ImGui::SetNextWindowPos(layout.controls_pos);
    ImGui::SetNextWindowSize(layout.controls_size);
    ImGui::Begin("##controls", nullptr, kFixedPanel | ImGuiWindowFlags_NoTitleBar);
    if (button("|◀", "first step (Home)")) go_home(index, view);
    if (button("◀◀ iter", "previous loop iteration (Ctrl+Left)"))
        step_back(index, view, StepUnit::Iteration);
    if (button("◀ phase", "previous phase (Shift+Left)")) step_back(index, view, StepUnit::Phase);
    if (button("◀", "previous step (Left)")) step_back(index, view, StepUnit::Event);
    if (button(view.playing ? "❚❚ pause" : "▶ play", "play / pause (Space)"))
        toggle_play(index, view);
    if (button("▶", "next step (Right)")) step_forward(index, view, StepUnit::Event);
    if (button("phase ▶", "next phase (Shift+Right)")) step_forward(index, view, StepUnit::Phase);
    if (button("iter ▶▶", "next loop iteration (Ctrl+Right)"))
        step_forward(index, view, StepUnit::Iteration);
    if (button("▶|", "last step (End)")) go_end(index, view);
    ImGui::SetNextItemWidth(150);
    ImGui::SliderFloat("##speed", &view.speed, 0.5f, 60.0f, "%.1f steps/s",
                       ImGuiSliderFlags_Logarithmic);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("playback speed (+ / -)");
    ImGui::SameLine();
    // Status: iteration, phase, virtual time and libuv's cached loop time.
    ImGui::Text("  iteration %u", frame.iteration);
    ImGui::SameLine();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(queue_colour(queue_of_phase(frame.phase))),
                       "  phase: %s",
                       frame.phase.empty() ? "(outside the loop)" : frame.phase.c_str());
    ImGui::SameLine();
    ImGui::Text("  virtual time %s", format_time(frame.time_ns).c_str());
    ImGui::SameLine();
    if (frame.loop_ms >= 0)
        ImGui::Text("  loop time %lld ms", static_cast<long long>(frame.loop_ms));
    else
        ImGui::TextDisabled("  loop time -");

    // Scrubber over every step.
    int step = static_cast<int>(frame.step);
    const int last = std::max(0, static_cast<int>(frame.step_count) - 1);
    ImGui::SetNextItemWidth(-1);
    char format[64];
    std::snprintf(format, sizeof format, "step %%d of %d", last);
    if (ImGui::SliderInt("##scrub", &step, 0, last, format))
        go_to_step(index, view, static_cast<size_t>(step));
    ImGui::End();
}

} // namespace loopsim::viewer::ui
