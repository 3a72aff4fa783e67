// The reason panel: what happened at this step and why, in plain words.
#include "viewer/ui/panels.h"
#include "viewer/ui/theme.h"
#include "viewer/ui/window_flags.h"

namespace loopsim::viewer::ui {

void draw_reason(const FrameState& frame, const ScreenLayout& layout) {
    ImGui::SetNextWindowPos(layout.reason_pos);
    ImGui::SetNextWindowSize(layout.reason_size);
    ImGui::Begin("Why this step", nullptr, kFixedPanel);
    ImGui::PushStyleColor(ImGuiCol_Text, queue_colour(trace::Queue::CallStack));
    ImGui::TextUnformatted(frame.title.c_str());
    ImGui::PopStyleColor();
    ImGui::PushTextWrapPos(0);
    if (!frame.reason.empty()) ImGui::TextUnformatted(frame.reason.c_str());
    if (!frame.outcome.empty()) ImGui::TextDisabled("The run ended: %s.", frame.outcome.c_str());
    ImGui::PopTextWrapPos();
    ImGui::End();
}

} // namespace loopsim::viewer::ui
