// The main menu: File (open, samples, recent files, quit), View, Help.
#include "viewer/core/sample_traces.h"
#include "viewer/ui/panels.h"

namespace loopsim::viewer::ui {

void draw_menu_bar(UiState& ui) {
    static char path[1024] = "";
    bool open_dialog = false;
    bool show_outcomes = false;
    if (ImGui::BeginMainMenuBar()) {
        if (ImGui::BeginMenu("File")) {
            if (ImGui::MenuItem("Open trace...", "Ctrl+O")) open_dialog = true;
            if (ImGui::BeginMenu("Open sample")) {
                for (const SampleInfo& s : samples()) {
                    std::string label = std::string(s.name) + "  —  " + std::string(s.title);
                    if (ImGui::MenuItem(label.c_str()))
                        ui.open_request = "sample:" + std::string(s.name);
                }
                ImGui::EndMenu();
            }
            if (ImGui::BeginMenu("Recent files", !ui.recent.entries().empty())) {
                for (const std::string& entry : ui.recent.entries())
                    if (ImGui::MenuItem(entry.c_str())) ui.open_request = entry;
                ImGui::EndMenu();
            }
            ImGui::Separator();
            if (ImGui::MenuItem("Quit", "Ctrl+Q")) ui.quit = true;
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu("Run")) {
            const bool scenario = ui.doc && ui.doc->scenario;
            if (ImGui::MenuItem("Other outcomes (explore)...", "Ctrl+E", false, scenario))
                show_outcomes = true;
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu("Help")) {
            if (ImGui::MenuItem("Shortcuts and panels", "F1")) ui.show_help = true;
            ImGui::EndMenu();
        }
        if (ui.doc) {
            std::string name = ui.doc->name;
            ImGui::SameLine(ImGui::GetWindowWidth() - ImGui::CalcTextSize(name.c_str()).x - 16);
            ImGui::TextDisabled("%s", name.c_str());
        }
        ImGui::EndMainMenuBar();
    }
    const ImGuiIO& io = ImGui::GetIO();
    if (io.KeyCtrl && ImGui::IsKeyPressed('O', false)) open_dialog = true;
    if (io.KeyCtrl && ImGui::IsKeyPressed('E', false) && ui.doc && ui.doc->scenario)
        show_outcomes = true;
    if (show_outcomes) {
        // Explored once per opened scenario (the app clears it when another file opens).
        if (!ui.outcomes) {
            sim::Result<node::Exploration> found = explore_document(*ui.doc);
            if (found)
                ui.outcomes = std::move(found).value();
            else
                ui.outcomes_error = found.error().message;
        }
        ui.show_outcomes = true;
    }
    if (open_dialog) ImGui::OpenPopup("Open trace");
    if (ImGui::BeginPopupModal("Open trace", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted("Path of a scenario (x.js, simulated here) or of a trace file\n"
                               "(loopsim run x.js --trace out.json), or drop the file onto the "
                               "window.");
        ImGui::SetNextItemWidth(520);
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        const bool enter =
            ImGui::InputText("##path", path, sizeof path, ImGuiInputTextFlags_EnterReturnsTrue);
        if (ImGui::Button("Open") || enter) {
            ui.open_request = path;
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

} // namespace loopsim::viewer::ui
