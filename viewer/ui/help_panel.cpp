// The Help window: every shortcut, and what the panels show.
#include "viewer/ui/panels.h"

namespace loopsim::viewer::ui {

void draw_help(UiState& ui) {
    if (!ui.show_help) return;
    ImGui::SetNextWindowSize(ImVec2(560, 0), ImGuiCond_Appearing);
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Appearing,
                            ImVec2(0.5f, 0.5f));
    if (!ImGui::Begin("Help", &ui.show_help,
                      ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        return;
    }
    static constexpr const char* kShortcuts[][2] = {
        {"Space", "play / pause"},
        {"Right / Left", "next / previous step (one trace event)"},
        {"Shift + Right / Left", "next / previous loop phase"},
        {"Ctrl + Right / Left", "next / previous loop iteration"},
        {"Home / End", "first / last step"},
        {"+ / -", "play faster / slower"},
        {"F / double-click timeline", "fit the whole run in the timeline"},
        {"mouse wheel on timeline", "zoom around the pointer; drag to pan; click to jump"},
        {"click a card", "select it and jump to the step where it runs"},
        {"Ctrl + O", "File menu: open a trace"},
        {"F1 or H", "this window"},
        {"Esc", "close this window"},
    };
    if (ImGui::BeginTable("shortcuts", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV)) {
        for (const auto& row : kShortcuts) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(row[0]);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(row[1]);
        }
        ImGui::EndTable();
    }
    ImGui::Separator();
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(
        "Each callback is a card. It waits in the box of its queue (timers, check, nextTick, "
        "microtasks, ...), travels to the call stack when it runs, and disappears when it "
        "returns. The highlighted box is the phase the loop is in. The timeline below shows "
        "the main thread, each thread-pool worker and the OS over virtual time, with the "
        "loop's iterations and phases marked.");
    ImGui::PopTextWrapPos();
    ImGui::End();
}

} // namespace loopsim::viewer::ui
