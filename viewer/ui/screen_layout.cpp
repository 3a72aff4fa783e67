// Fixed placement of the panels. See panels.h.
#include "viewer/ui/panels.h"

#include <algorithm>

namespace loopsim::viewer::ui {

ScreenLayout compute_layout(ImVec2 display, float menu_height, float line_height) {
    ScreenLayout l;
    const float w = display.x, h = display.y;
    const float controls_h = line_height * 2 + 26;
    const float reason_h = line_height * 3 + 18;
    const float timeline_h = std::max(150.0f, h * 0.22f);
    const float left_w = std::clamp(w * 0.30f, 260.0f, 520.0f);
    float y = menu_height;
    l.controls_pos = {0, y};
    l.controls_size = {w, controls_h};
    y += controls_h;
    l.reason_pos = {0, y};
    l.reason_size = {w, reason_h};
    y += reason_h;
    const float middle_h = std::max(100.0f, h - y - timeline_h);
    l.source_pos = {0, y};
    l.source_size = {left_w, middle_h * 0.55f};
    l.console_pos = {0, y + middle_h * 0.55f};
    l.console_size = {left_w, middle_h * 0.45f};
    l.board_pos = {left_w, y};
    l.board_size = {w - left_w, middle_h};
    l.timeline_pos = {0, y + middle_h};
    l.timeline_size = {w, h - y - middle_h};
    return l;
}

} // namespace loopsim::viewer::ui
