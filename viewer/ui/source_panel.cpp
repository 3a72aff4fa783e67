// The source panel: the scenario's text with the current step's line highlighted.
#include "viewer/ui/panels.h"
#include "viewer/ui/theme.h"
#include "viewer/ui/window_flags.h"

namespace loopsim::viewer::ui {

void draw_source(const TraceIndex& index, const FrameState& frame, UiState& ui,
                 const ScreenLayout& layout) {
    ImGui::SetNextWindowPos(layout.source_pos);
    ImGui::SetNextWindowSize(layout.source_size);
    const std::string& path = index.trace().header.scenario_path;
    std::string title = "Source" + (path.empty() ? std::string() : " — " + path) + "###source";
    ImGui::Begin(title.c_str(), nullptr, kFixedPanel | ImGuiWindowFlags_HorizontalScrollbar);
    if (ui.doc && ui.doc->scenario) {
        // Live edit: every change re-runs the scenario (the app does it before the next frame).
        if (ImGui::Checkbox("Edit", &ui.editing) && ui.editing) {
            const std::string& source = ui.doc->scenario->source;
            ui.edit_buffer.assign(source.begin(), source.end());
            ui.edit_buffer.resize(source.size() + 65536, '\0');
            ui.edit_error.clear();
        }
        if (ui.editing) {
            ImGui::SameLine();
            ImGui::TextDisabled("re-simulates as you type; the step is kept");
            const float error_h = ui.edit_error.empty() ? 0 : ImGui::GetTextLineHeight() * 4;
            const ImVec2 size(-1, ImGui::GetContentRegionAvail().y - error_h);
            if (ImGui::InputTextMultiline("##edit", ui.edit_buffer.data(), ui.edit_buffer.size(),
                                          size, ImGuiInputTextFlags_AllowTabInput))
                ui.edit_changed = true;
            if (!ui.edit_error.empty()) {
                ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(235, 110, 110, 255));
                ImGui::TextWrapped("%s", ui.edit_error.c_str());
                ImGui::PopStyleColor();
            }
            ImGui::End();
            return;
        }
    }
    const size_t lines = index.source_line_count();
    if (lines == 0) {
        ImGui::TextDisabled("This trace carries no scenario source.");
        ImGui::End();
        return;
    }
    const float line_h = ImGui::GetTextLineHeightWithSpacing();
    if (frame.source_line != 0 && frame.source_line != ui.last_source_line) {
        // Bring the highlighted line into view, a third of the way down.
        const float target = static_cast<float>(frame.source_line - 1) * line_h;
        ImGui::SetScrollY(std::max(0.0f, target - ImGui::GetWindowHeight() / 3));
        ui.last_source_line = frame.source_line;
    }
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float number_w = ImGui::CalcTextSize("000 ").x;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(lines), line_h);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const uint32_t line = static_cast<uint32_t>(i + 1);
            const ImVec2 pos = ImGui::GetCursorScreenPos();
            const bool current = line == frame.source_line;
            if (current) {
                list->AddRectFilled(ImVec2(pos.x - 4, pos.y - 1),
                                    ImVec2(pos.x + ImGui::GetWindowWidth(), pos.y + line_h - 1),
                                    queue_colour(trace::Queue::CallStack, 70));
            }
            char number[16];
            std::snprintf(number, sizeof number, "%3u ", line);
            list->AddText(
                pos, current ? queue_colour(trace::Queue::CallStack) : IM_COL32(100, 102, 115, 255),
                number);
            ImGui::SetCursorScreenPos(ImVec2(pos.x + number_w, pos.y));
            std::string_view text = index.source_line(line);
            ImGui::TextUnformatted(text.data(), text.data() + text.size());
        }
    }
    ImGui::End();
}

} // namespace loopsim::viewer::ui
