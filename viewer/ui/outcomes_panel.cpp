// The outcome selector: every output `loopsim explore` finds for the open scenario, each
// with the timing choices of one run that prints it; picking one opens that run.
#include "viewer/ui/panels.h"

#include <string>

namespace loopsim::viewer::ui {

void draw_outcomes(UiState& ui) {
    if (!ui.show_outcomes) return;
    ImGui::SetNextWindowSize(ImVec2(760, 420), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Outcomes", &ui.show_outcomes)) {
        ImGui::End();
        return;
    }
    if (!ui.outcomes) {
        ImGui::TextWrapped("%s", ui.outcomes_error.empty() ? "nothing explored yet"
                                                           : ui.outcomes_error.c_str());
        ImGui::End();
        return;
    }
    const node::Exploration& e = *ui.outcomes;
    ImGui::Text("%zu possible output%s over %zu path%s of the model's choices%s", e.outputs.size(),
                e.outputs.size() == 1 ? "" : "s", e.paths, e.paths == 1 ? "" : "s",
                e.complete ? "" : " (search cut: not all of them)");
    ImGui::Separator();
    for (size_t i = 0; i < e.outputs.size(); ++i) {
        const node::ExploredOutput& o = e.outputs[i];
        ImGui::PushID(static_cast<int>(i));
        std::string title = "output " + std::to_string(i + 1) + " (" + std::to_string(o.paths) +
                            (o.paths == 1 ? " path)" : " paths)");
        if (ImGui::RadioButton(title.c_str(), ui.current_outcome == i)) ui.outcome_request = i;
        ImGui::Indent();
        std::string printed;
        for (char c : o.stdout_text) printed += c == '\n' ? std::string(" / ") : std::string(1, c);
        ImGui::TextWrapped("stdout: %s", printed.c_str());
        if (e.outputs.size() > 1) {
            // The choices of one run printing it; repeated answers (two timers started in the
            // same state) are shown once.
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            std::string previous;
            for (const sim::ChoicePoint& c : o.choices) {
                std::string line = "when " + sim::choice_question(c) + ": " + sim::choice_answer(c);
                if (line == previous) continue;
                ImGui::TextWrapped("%s", line.c_str());
                previous = std::move(line);
            }
            ImGui::PopStyleColor();
        }
        ImGui::Unindent();
        ImGui::PopID();
    }
    ImGui::End();
}

} // namespace loopsim::viewer::ui
