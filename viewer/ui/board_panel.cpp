// The board: one box per queue, the workers, the call stack, and cards in flight.
#include "viewer/core/step_text.h"
#include "viewer/ui/panels.h"
#include "viewer/ui/theme.h"
#include "viewer/ui/window_flags.h"

namespace loopsim::viewer::ui {

namespace {

ImVec2 at(ImVec2 origin, float x, float y) {
    return ImVec2(origin.x + x, origin.y + y);
}

} // namespace

void draw_card(ImDrawList* list, ImVec2 origin, const CardView& card, bool lifted) {
    const Rect& r = card.rect;
    const ImVec2 a = at(origin, r.x, r.y), b = at(origin, r.x + r.w, r.y + r.h);
    const float pad = 4;
    if (lifted)
        list->AddRectFilled(ImVec2(a.x + 3, a.y + 4), ImVec2(b.x + 3, b.y + 4),
                            IM_COL32(0, 0, 0, 120), 4);
    list->AddRectFilled(a, b, queue_shade(card.colour), 4);
    list->AddRectFilled(a, b, queue_colour(card.colour, card.running || lifted ? 110 : 55), 4);
    list->AddRectFilled(a, ImVec2(a.x + 4, b.y), queue_colour(card.colour), 4,
                        ImDrawFlags_RoundCornersLeft);
    if (card.selected || lifted)
        list->AddRect(a, b,
                      card.selected ? IM_COL32(255, 255, 255, 230) : queue_colour(card.colour), 4,
                      0, 2);
    const float line = ImGui::GetTextLineHeight();
    const float text_w = r.w - pad * 2 - 6;
    const float y0 = a.y + (r.h - line * 2) * 0.5f;
    draw_text_fit(list, ImVec2(a.x + 6 + pad, y0), kTextColour, card.label, text_w);
    draw_text_fit(list, ImVec2(a.x + 6 + pad, y0 + line), kDimTextColour, card.detail, text_w);
}

void draw_box(ImDrawList* list, ImVec2 origin, const BoxView& box) {
    const Rect& r = box.rect;
    const ImVec2 a = at(origin, r.x, r.y), b = at(origin, r.x + r.w, r.y + r.h);
    list->AddRectFilled(a, b, queue_shade(box.colour), 6);
    list->AddRect(a, b, queue_colour(box.colour, box.active ? 255 : 120), 6, 0,
                  box.active ? 3.0f : 1.0f);
    std::string title = box.active ? "▶ " + box.title : box.title;
    const float pad = 6;
    std::string more;
    if (box.hidden > 0) more = "+" + std::to_string(box.hidden) + " more";
    const float more_w = more.empty() ? 0 : ImGui::CalcTextSize(more.c_str()).x + pad;
    draw_text_fit(list, ImVec2(a.x + pad, a.y + 3), queue_colour(box.colour), title,
                  r.w - pad * 2 - more_w);
    if (!more.empty()) list->AddText(ImVec2(b.x - more_w, a.y + 3), kDimTextColour, more.c_str());
    if (box.cards.empty() && box.hidden == 0)
        list->AddText(ImVec2(a.x + pad, a.y + 3 + ImGui::GetTextLineHeight() + 4),
                      IM_COL32(110, 112, 125, 255), "empty");
}

namespace {

const CardView* card_at(const FrameState& frame, ImVec2 origin, ImVec2 mouse) {
    const float x = mouse.x - origin.x, y = mouse.y - origin.y;
    auto inside = [&](const Rect& r) {
        return x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h;
    };
    for (const FlyingCard& f : frame.flying)
        if (inside(f.card.rect)) return &f.card;
    for (const BoxView& box : frame.boxes)
        for (const CardView& c : box.cards)
            if (inside(c.rect)) return &c;
    return nullptr;
}

void card_tooltip(const TraceIndex& index, const CardView& card) {
    const CallbackInfo& info = index.callback(card.card);
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(card.label.c_str());
    ImGui::Separator();
    ImGui::Text("%s #%llu", info.is_job ? "thread-pool job" : "callback",
                static_cast<unsigned long long>(info.id));
    if (info.creator_card != kNoCard)
        ImGui::Text("created by %s", index.card_label(info.creator_card).c_str());
    if (info.created_step != kNoStep)
        ImGui::Text("created at %s (step %u) in %s",
                    format_time(info.created_time.count_ns()).c_str(), info.created_step,
                    std::string(trace::queue_name(info.first_queue)).c_str());
    if (info.start_step != kNoStep)
        ImGui::Text("runs at %s (step %u)", format_time(info.start_time.count_ns()).c_str(),
                    info.start_step);
    if (info.cancelled) ImGui::TextUnformatted("cancelled before it ran");
    if (info.line) ImGui::Text("source line %u", info.line);
    ImGui::TextDisabled("click to select and jump to where it runs");
    ImGui::EndTooltip();
}

} // namespace

void draw_board(const TraceIndex& index, const FrameState& frame, ViewState& view,
                const ScreenLayout& layout) {
    ImGui::SetNextWindowPos(layout.board_pos);
    ImGui::SetNextWindowSize(layout.board_size);
    ImGui::Begin("Queues, call stack and thread pool", nullptr, kFixedPanel);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    view.board_width = avail.x;
    view.board_height = avail.y;
    view.line_height = ImGui::GetTextLineHeight();
    ImDrawList* list = ImGui::GetWindowDrawList();
    for (const BoxView& box : frame.boxes) {
        if (box.colour == trace::Queue::CallStack) {
            draw_call_stack_box(list, origin, box, frame);
            continue;
        }
        draw_box(list, origin, box);
        for (const CardView& card : box.cards) draw_card(list, origin, card, false);
    }
    for (const FlyingCard& f : frame.flying) draw_card(list, origin, f.card, true);

    ImGui::InvisibleButton("board", ImVec2(std::max(avail.x, 1.0f), std::max(avail.y, 1.0f)));
    if (ImGui::IsItemHovered()) {
        if (const CardView* card = card_at(frame, origin, ImGui::GetIO().MousePos)) {
            card_tooltip(index, *card);
            if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
                view.selected = card->card;
                const CallbackInfo& info = index.callback(card->card);
                if (info.start_step != kNoStep && info.start_step != frame.step)
                    view.step = info.start_step, view.anim_progress = 1;
            }
        } else if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
            view.selected = kNoCard;
        }
    }
    ImGui::End();
}

} // namespace loopsim::viewer::ui
