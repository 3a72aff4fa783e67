// The message panel: shown when no trace is open — a welcome, or the error that stopped
// a file from opening (path:line:col: error: ...), never a crash.
#include "viewer/core/sample_traces.h"
#include "viewer/ui/panels.h"
#include "viewer/ui/window_flags.h"

namespace loopsim::viewer::ui {

void draw_message(UiState& ui, ImVec2 display, float menu_height) {
    ImGui::SetNextWindowPos(ImVec2(0, menu_height));
    ImGui::SetNextWindowSize(ImVec2(display.x, display.y - menu_height));
    ImGui::Begin("##message", nullptr, kFixedPanel | ImGuiWindowFlags_NoTitleBar);
    ImGui::PushTextWrapPos(0);
    if (!ui.error.empty()) {
        ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.45f, 1), "This file could not be opened:");
        ImGui::Spacing();
        ImGui::TextUnformatted(ui.error.c_str());
        ImGui::Spacing();
        ImGui::Separator();
    }
    ImGui::TextUnformatted("loopsim viewer: watch every callback move from queue to queue.");
    ImGui::TextUnformatted(
        "Open a trace (File > Open trace, or drop a .json file here), or one of the samples:");
    ImGui::Spacing();
    for (const SampleInfo& s : samples()) {
        std::string label = std::string(s.name);
        if (ImGui::Button(label.c_str())) ui.open_request = "sample:" + label;
        ImGui::SameLine();
        ImGui::TextDisabled("%s (scenarios/%s)", std::string(s.title).c_str(),
                            std::string(s.scenario).c_str());
    }
    ImGui::PopTextWrapPos();
    ImGui::End();
}

} // namespace loopsim::viewer::ui
