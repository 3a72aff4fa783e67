// Colours and shared drawing helpers. See theme.h.
#include "viewer/ui/theme.h"

namespace loopsim::viewer::ui {

namespace {
struct Rgb {
    int r, g, b;
};
Rgb rgb_of(trace::Queue queue) {
    using trace::Queue;
    switch (queue) {
    case Queue::CallStack:
        return {235, 185, 60};
    case Queue::NextTick:
        return {215, 95, 205};
    case Queue::Microtasks:
        return {150, 120, 240};
    case Queue::Timers:
        return {245, 135, 55};
    case Queue::Pending:
        return {95, 185, 175};
    case Queue::Idle:
    case Queue::Prepare:
        return {155, 160, 175};
    case Queue::Poll:
        return {75, 150, 240};
    case Queue::Check:
        return {85, 200, 105};
    case Queue::Close:
        return {230, 85, 85};
    case Queue::ThreadPool:
        return {60, 200, 220};
    case Queue::Os:
        return {130, 140, 170};
    case Queue::None:
        break;
    }
    return {140, 140, 140};
}
} // namespace

ImU32 queue_colour(trace::Queue queue, int alpha) {
    Rgb c = rgb_of(queue);
    return IM_COL32(c.r, c.g, c.b, alpha);
}

ImU32 queue_shade(trace::Queue queue) {
    Rgb c = rgb_of(queue);
    return IM_COL32(24 + c.r / 9, 25 + c.g / 9, 30 + c.b / 9, 255);
}

void apply_style(float scale) {
    ImGui::StyleColorsDark();
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowRounding = 4;
    style.FrameRounding = 3;
    style.GrabRounding = 3;
    style.WindowBorderSize = 1;
    style.WindowPadding = ImVec2(8, 6);
    style.ItemSpacing = ImVec2(6, 4);
    style.Colors[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(kBackground);
    style.Colors[ImGuiCol_TitleBg] = ImVec4(0.13f, 0.14f, 0.17f, 1);
    style.Colors[ImGuiCol_TitleBgActive] = ImVec4(0.17f, 0.19f, 0.24f, 1);
    style.ScaleAllSizes(scale);
}

std::string ellipsize(std::string_view text, float width) {
    const ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    auto fits = [&](std::string_view s) {
        return font->CalcTextSizeA(size, FLT_MAX, 0, s.data(), s.data() + s.size()).x <= width;
    };
    if (fits(text)) return std::string(text);
    // Binary search on the byte length, then back off to a UTF-8 boundary.
    size_t lo = 0, hi = text.size();
    while (lo < hi) {
        size_t mid = (lo + hi + 1) / 2;
        std::string candidate = std::string(text.substr(0, mid)) + "…";
        if (fits(candidate))
            lo = mid;
        else
            hi = mid - 1;
    }
    while (lo > 0 && (static_cast<unsigned char>(text[lo]) & 0xC0) == 0x80) --lo;
    return std::string(text.substr(0, lo)) + "…";
}

void draw_text_fit(ImDrawList* list, ImVec2 pos, ImU32 colour, std::string_view text, float width) {
    if (width <= 4) return;
    std::string fitted = ellipsize(text, width);
    list->AddText(pos, colour, fitted.c_str(), fitted.c_str() + fitted.size());
}

} // namespace loopsim::viewer::ui
