// The call stack box: the running callback on top, the frames under it, and the source line
// the innermost frame comes from.
#include "viewer/ui/panels.h"
#include "viewer/ui/theme.h"

namespace loopsim::viewer::ui {

void draw_call_stack_box(ImDrawList* list, ImVec2 origin, const BoxView& box,
                         const FrameState& frame) {
    draw_box(list, origin, box);
    for (const CardView& card : box.cards) draw_card(list, origin, card, false);
    // The frames' source lines, beside the title, as a debugger's call stack shows them.
    if (!frame.call_stack.empty() && frame.call_stack.back().line != 0) {
        std::string where = "line " + std::to_string(frame.call_stack.back().line);
        const float w = ImGui::CalcTextSize(where.c_str()).x;
        const Rect& r = box.rect;
        if (box.hidden == 0)
            list->AddText(ImVec2(origin.x + r.x + r.w - w - 6, origin.y + r.y + 3), kDimTextColour,
                          where.c_str());
    }
}

} // namespace loopsim::viewer::ui
