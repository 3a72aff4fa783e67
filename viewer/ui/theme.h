#pragma once
// Theme: the viewer's colours and the few drawing helpers every panel shares.
// Each queue has its own hue, used for its box, its cards, its timeline spans and its phase
// band, so a learner can follow a callback by colour alone.
#include "traces/queue.h"

#include <imgui.h>
#include <string>
#include <string_view>

namespace loopsim::viewer::ui {

// The colour of a queue (cards, borders, spans); `alpha` 0..255.
ImU32 queue_colour(trace::Queue queue, int alpha = 255);
// A darker shade of the same hue, for box backgrounds.
ImU32 queue_shade(trace::Queue queue);
inline constexpr ImU32 kTextColour = IM_COL32(235, 235, 240, 255);
inline constexpr ImU32 kDimTextColour = IM_COL32(170, 172, 185, 255);
inline constexpr ImU32 kBackground = IM_COL32(24, 25, 30, 255);

// Applies the viewer's style (dark, rounded, scaled by `scale`).
void apply_style(float scale);
// `text` shortened with "…" to fit `width` pixels in the current font.
std::string ellipsize(std::string_view text, float width);
// Draws one line of text clipped to a width, ellipsized.
void draw_text_fit(ImDrawList* list, ImVec2 pos, ImU32 colour, std::string_view text, float width);

} // namespace loopsim::viewer::ui
