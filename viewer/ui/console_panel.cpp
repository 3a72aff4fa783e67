// The console panel: everything the program wrote up to the current step.
#include "viewer/ui/panels.h"
#include "viewer/ui/theme.h"
#include "viewer/ui/window_flags.h"

namespace loopsim::viewer::ui {

void draw_console(const TraceIndex& index, const FrameState& frame, UiState& ui,
                  const ScreenLayout& layout) {
    ImGui::SetNextWindowPos(layout.console_pos);
    ImGui::SetNextWindowSize(layout.console_size);
    std::string title = "Console (" + std::to_string(frame.console_count) + " lines)###console";
    ImGui::Begin(title.c_str(), nullptr, kFixedPanel | ImGuiWindowFlags_HorizontalScrollbar);
    const auto steps = index.console_steps();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(frame.console_count));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const trace::TraceEvent& e = index.event(steps[static_cast<size_t>(i)]);
            std::string_view text = index.text(e.text);
            if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
            const bool last = static_cast<size_t>(i) + 1 == frame.console_count &&
                              steps[static_cast<size_t>(i)] == frame.step;
            ImU32 colour = e.stream == trace::Stream::Stderr ? IM_COL32(240, 110, 110, 255)
                           : last                            ? queue_colour(trace::Queue::CallStack)
                                                             : kTextColour;
            ImGui::PushStyleColor(ImGuiCol_Text, colour);
            ImGui::TextUnformatted(text.data(), text.data() + text.size());
            ImGui::PopStyleColor();
        }
    }
    if (frame.console_count != ui.last_console_count) {
        ImGui::SetScrollHereY(1.0f); // follow the newest line
        ui.last_console_count = frame.console_count;
    }
    ImGui::End();
}

} // namespace loopsim::viewer::ui
