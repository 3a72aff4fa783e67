// The timeline: lanes over virtual time (main thread, each worker, the OS) under a band of
// the loop's phases and iterations; zoom, pan, click to jump.
#include "viewer/core/playback.h"
#include "viewer/core/step_text.h"
#include "viewer/ui/panels.h"
#include "viewer/ui/theme.h"
#include "viewer/ui/window_flags.h"

#include <cmath>

namespace loopsim::viewer::ui {

namespace {

// A "nice" tick spacing (1, 2 or 5 times a power of ten ns) for about `target` ticks.
int64_t tick_spacing(int64_t span_ns, int target) {
    const double raw = static_cast<double>(span_ns) / target;
    int64_t step = 1;
    while (static_cast<double>(step) * 10 <= raw) step *= 10;
    if (static_cast<double>(step) * 5 <= raw) return step * 5;
    if (static_cast<double>(step) * 2 <= raw) return step * 2;
    return step;
}

trace::Queue span_colour(const TraceIndex& index, const DrawSpan& s) {
    if (s.ref == kNoRef || s.ref >= index.callbacks().size()) return trace::Queue::None;
    const CallbackInfo& info = index.callback(s.ref);
    return info.first_queue == trace::Queue::None ? trace::Queue::CallStack : info.first_queue;
}

} // namespace

void draw_timeline(const TraceIndex& index, const FrameState& frame, ViewState& view,
                   const ScreenLayout& layout) {
    ImGui::SetNextWindowPos(layout.timeline_pos);
    ImGui::SetNextWindowSize(layout.timeline_size);
    ImGui::Begin("Timeline (virtual time)", nullptr, kFixedPanel | ImGuiWindowFlags_NoScrollbar);
    const TimelineView& tl = frame.timeline;
    const float label_w = ImGui::CalcTextSize("worker 00  ").x;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float plot_x = origin.x + label_w;
    const float plot_w = std::max(10.0f, avail.x - label_w);
    view.timeline_width_px = plot_w;
    const float line = ImGui::GetTextLineHeight();
    const double span_ns =
        static_cast<double>(std::max<int64_t>(1, tl.window_end_ns - tl.window_start_ns));
    auto x_of = [&](int64_t t) {
        return plot_x +
               static_cast<float>(static_cast<double>(t - tl.window_start_ns) / span_ns * plot_w);
    };
    auto t_of = [&](float x) {
        return tl.window_start_ns +
               static_cast<int64_t>(static_cast<double>(x - plot_x) / plot_w * span_ns);
    };
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->PushClipRect(origin, ImVec2(origin.x + avail.x, origin.y + avail.y), true);

    // Axis with ticks.
    const int64_t spacing = tick_spacing(tl.window_end_ns - tl.window_start_ns, 8);
    float y = origin.y;
    for (int64_t t = (tl.window_start_ns / spacing) * spacing; t <= tl.window_end_ns;
         t += spacing) {
        const float x = x_of(t);
        if (x < plot_x) continue;
        list->AddLine(ImVec2(x, y + line), ImVec2(x, origin.y + avail.y),
                      IM_COL32(60, 62, 72, 255));
        list->AddText(ImVec2(x + 2, y), kDimTextColour, format_time(t).c_str());
    }
    y += line + 2;

    // Loop band: phases coloured by their queue, iterations as labelled brackets.
    const float band_h = line + 2;
    list->AddText(ImVec2(origin.x, y), kDimTextColour, "loop");
    for (const DrawSpan& it : tl.iterations) {
        const float x0 = std::max(plot_x, x_of(it.start_ns)), x1 = x_of(it.end_ns);
        list->AddLine(ImVec2(x0, y), ImVec2(x0, origin.y + avail.y), IM_COL32(120, 125, 150, 160));
        if (it.folded_count == 1 && x1 - x0 > 40) {
            std::string label = "iter " + std::to_string(it.ref);
            list->AddText(ImVec2(x0 + 3, y + band_h), IM_COL32(150, 155, 180, 255), label.c_str());
        }
    }
    for (const DrawSpan& p : tl.phases) {
        const float x0 = std::max(plot_x, x_of(p.start_ns)), x1 = std::max(x0 + 1, x_of(p.end_ns));
        trace::Queue q = trace::Queue::None;
        if (p.folded_count == 1 && p.ref < index.trace().header.phases.size())
            q = queue_of_phase(index.trace().header.phases[p.ref]);
        list->AddRectFilled(ImVec2(x0, y + 1), ImVec2(x1, y + band_h - 1),
                            queue_colour(q, p.folded_count == 1 ? 200 : 90));
    }
    y += band_h * 2 + 2;

    // Lanes.
    const float row_h = line + 4;
    int clicked_step = -1; // step of the span under the pointer, if any
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    for (const LaneView& lane : tl.lanes) {
        list->AddText(ImVec2(origin.x, y + 2), kTextColour, lane.name.c_str());
        uint8_t max_level = 0;
        for (const DrawSpan& s : lane.spans) max_level = std::max(max_level, s.level);
        for (const DrawSpan& s : lane.spans) {
            const float top = y + s.level * row_h;
            const float x0 = std::max(plot_x, x_of(s.start_ns));
            const float x1 = std::max(x0 + 2, x_of(s.end_ns));
            const ImVec2 a(x0, top + 1), b(x1, top + row_h - 1);
            if (s.folded_count > 1) {
                list->AddRectFilled(a, b, IM_COL32(120, 120, 130, 140));
                for (float hx = x0; hx < x1; hx += 4)
                    list->AddLine(ImVec2(hx, a.y), ImVec2(hx, b.y), IM_COL32(90, 90, 100, 200));
            } else {
                list->AddRectFilled(a, b, queue_colour(span_colour(index, s), 210), 2);
                if (x1 - x0 > 30 && s.ref != kNoRef && s.ref < index.callbacks().size()) {
                    list->PushClipRect(a, b, true);
                    list->AddText(ImVec2(x0 + 3, top + 2), IM_COL32(15, 15, 20, 255),
                                  index.card_label(s.ref).c_str());
                    list->PopClipRect();
                }
            }
            if (mouse.x >= a.x && mouse.x < b.x && mouse.y >= a.y && mouse.y < b.y &&
                ImGui::IsWindowHovered()) {
                ImGui::BeginTooltip();
                if (s.folded_count > 1)
                    ImGui::Text("%u short spans folded (zoom in to see them)", s.folded_count);
                else if (s.ref != kNoRef && s.ref < index.callbacks().size())
                    ImGui::Text("%s", index.card_label(s.ref).c_str());
                ImGui::Text("%s .. %s (%s)", format_time(s.start_ns).c_str(),
                            format_time(s.end_ns).c_str(),
                            format_time(s.end_ns - s.start_ns).c_str());
                ImGui::EndTooltip();
                clicked_step = static_cast<int>(s.step); // the span under the pointer
            }
        }
        y += (max_level + 1) * row_h + 4;
        list->AddLine(ImVec2(origin.x, y - 2), ImVec2(origin.x + avail.x, y - 2),
                      IM_COL32(50, 52, 60, 255));
    }

    // Cursor at the current step's time.
    const float cx = x_of(tl.cursor_ns);
    list->AddLine(ImVec2(cx, origin.y), ImVec2(cx, origin.y + avail.y),
                  IM_COL32(255, 255, 255, 220), 2);
    list->PopClipRect();

    // Input: wheel zooms around the pointer, drag pans, click jumps, F / double-click fits.
    ImGui::InvisibleButton("timeline", ImVec2(std::max(avail.x, 1.0f), std::max(avail.y, 1.0f)));
    const bool hovered = ImGui::IsItemHovered();
    const ImGuiIO& io = ImGui::GetIO();
    if (hovered && io.MouseWheel != 0 && mouse.x >= plot_x) {
        const int64_t pivot = t_of(mouse.x);
        const double factor = io.MouseWheel > 0 ? 0.8 : 1.25;
        view.window_start_ns =
            pivot -
            static_cast<int64_t>(static_cast<double>(pivot - view.window_start_ns) * factor);
        view.window_end_ns =
            pivot + static_cast<int64_t>(static_cast<double>(view.window_end_ns - pivot) * factor);
        if (view.window_end_ns - view.window_start_ns < 100)
            view.window_end_ns = view.window_start_ns + 100;
    }
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 3)) {
        const auto dt =
            static_cast<int64_t>(static_cast<double>(io.MouseDelta.x) / plot_w * span_ns);
        view.window_start_ns -= dt;
        view.window_end_ns -= dt;
    } else if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
        fit_window(index, view);
    } else if (hovered && ImGui::IsMouseReleased(ImGuiMouseButton_Left) &&
               io.MouseDragMaxDistanceSqr[0] < 9.0f) {
        if (clicked_step >= 0)
            go_to_step(index, view, static_cast<size_t>(clicked_step));
        else if (mouse.x >= plot_x)
            go_to_step(index, view, index.step_at_time(t_of(mouse.x)));
    }
    ImGui::End();
}

} // namespace loopsim::viewer::ui
