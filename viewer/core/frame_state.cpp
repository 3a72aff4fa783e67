// build_frame: the draw lists of one frame. See frame_state.h.
#include "viewer/core/frame_state.h"

#include "viewer/core/step_text.h"

#include <algorithm>

namespace loopsim::viewer {

using trace::Queue;

void fit_window(const TraceIndex& index, ViewState& view) {
    const int64_t span = std::max<int64_t>(index.end_ns() - index.start_ns(), 1000);
    view.window_start_ns = index.start_ns() - span / 50;
    view.window_end_ns = index.end_ns() + span / 50;
}

void clamp_view(const TraceIndex& index, ViewState& view) {
    const size_t n = index.step_count();
    view.step = n == 0 ? 0 : std::min(view.step, n - 1);
    view.anim_progress = std::clamp(view.anim_progress, 0.0f, 1.0f);
    if (view.window_end_ns <= view.window_start_ns)
        view.window_end_ns = view.window_start_ns + 1000;
}

namespace {

// Cards of one box in display order: the call stack innermost first, timers in the order
// they will fire (cards that never fire last), every other box in arrival order.
std::vector<CardId> display_order(const TraceIndex& index, const Board& board, const BoxSpec& box) {
    std::vector<CardId> cards;
    for (PlaceId place : box.places) {
        const auto& in_place = board.cards(place);
        cards.insert(cards.end(), in_place.begin(), in_place.end());
    }
    if (box.places.size() == 1 && box.places[0] == place_of(Queue::CallStack)) {
        std::reverse(cards.begin(), cards.end());
    } else if (box.places.size() == 1 && box.places[0] == place_of(Queue::Timers)) {
        std::stable_sort(cards.begin(), cards.end(), [&](CardId a, CardId b) {
            return index.callback(a).start_step < index.callback(b).start_step;
        });
    }
    return cards;
}

std::string card_detail(const TraceIndex& index, CardId card, PlaceId place, int64_t now_ns) {
    const CallbackInfo& info = index.callback(card);
    std::string detail;
    if (info.creator_card != kNoCard) detail = "by " + index.card_label(info.creator_card);
    auto add = [&](const std::string& part) {
        if (!detail.empty()) detail += " · ";
        detail += part;
    };
    if (is_worker_place(place) && info.end_step != kNoStep) {
        const int64_t left = index.event(info.end_step).time.count_ns() - now_ns;
        add(left > 0 ? format_time(left) + " left" : "finishing");
    } else if (place == place_of(Queue::Timers)) {
        if (info.cancelled)
            add("cleared");
        else if (info.start_step != kNoStep)
            add("fires at " + format_time(info.start_time.count_ns()));
    } else if (info.is_job && place == place_of(Queue::Poll)) {
        add("done, waits for poll");
    }
    // A job no JavaScript created: the next step of a request, sent by Node's own code.
    if (detail.empty() && info.is_job) detail = "next step, sent by Node";
    if (detail.empty()) detail = "#" + std::to_string(info.id);
    return detail;
}

CardView make_card(const TraceIndex& index, const ViewState& view, CardId card, PlaceId place,
                   Queue colour, int64_t now_ns) {
    CardView c;
    c.card = card;
    c.label = index.card_label(card);
    c.detail = card_detail(index, card, place, now_ns);
    c.colour = colour;
    c.selected = card == view.selected;
    return c;
}

// The rectangle of `card` in `board`'s drawing, clamped to the box's last visible slot.
bool slot_rect(const TraceIndex& index, const BoardLayout& layout, const Board& board,
               PlaceId place, CardId card, Rect& out) {
    const int box = layout.box_of(place);
    if (box < 0) return false;
    const auto cards = display_order(index, board, layout.boxes[box]);
    auto it = std::find(cards.begin(), cards.end(), card);
    size_t slot = it == cards.end() ? cards.size() : static_cast<size_t>(it - cards.begin());
    const size_t capacity = layout.capacity(static_cast<size_t>(box));
    if (capacity > 0) slot = std::min(slot, capacity - 1);
    out = layout.card_rect(static_cast<size_t>(box), slot);
    return true;
}

void build_timeline(const TraceIndex& index, const ViewState& view, TimelineView& out) {
    out.window_start_ns = view.window_start_ns;
    out.window_end_ns = view.window_end_ns;
    const double ns_per_px = static_cast<double>(view.window_end_ns - view.window_start_ns) /
                             std::max(1.0f, view.timeline_width_px);
    const auto min_ns = static_cast<int64_t>(ns_per_px * 3); // narrower than 3 px is folded
    for (const Lane& lane : index.lanes()) {
        LaneView lv;
        lv.name = lane.name;
        for (size_t level = 0; level < lane.levels.size(); ++level) {
            fold_visible(lane.levels[level], view.window_start_ns, view.window_end_ns, min_ns,
                         static_cast<uint8_t>(std::min<size_t>(level, 255)), lv.spans);
        }
        out.lanes.push_back(std::move(lv));
    }
    fold_visible(index.phase_spans(), view.window_start_ns, view.window_end_ns, min_ns, 0,
                 out.phases);
    fold_visible(index.iteration_spans(), view.window_start_ns, view.window_end_ns, min_ns, 0,
                 out.iterations);
}

} // namespace

FrameState build_frame(const TraceIndex& index, const ViewState& view) {
    FrameState frame;
    frame.step_count = index.step_count();
    frame.playing = view.playing;
    const BoardLayout layout =
        layout_board(view.board_width, view.board_height, view.line_height, index.worker_count());
    if (index.step_count() == 0) {
        frame.title = "empty trace";
        for (const BoxSpec& box : layout.boxes)
            frame.boxes.push_back(BoxView{box.title, box.rect, box.colour, {}, 0, false});
        return frame;
    }
    const size_t step = std::min(view.step, index.step_count() - 1);
    frame.step = step;
    const trace::TraceEvent& e = index.event(step);
    const Board before = index.board_at(step == 0 ? static_cast<size_t>(-1) : step - 1);
    Board after = before;
    const std::optional<Move> move = after.apply(e, index.board_context());
    const int64_t now_ns = e.time.count_ns();

    frame.title = step_title(index, step);
    frame.reason = step_reason(index, step);
    frame.iteration = e.iteration;
    if (e.phase < index.trace().header.phases.size())
        frame.phase = index.trace().header.phases[e.phase];
    frame.time_ns = now_ns;
    frame.loop_ms = e.loop_time_ms;
    frame.source_line = e.line;
    if (frame.source_line == 0 && e.callback != 0) {
        CardId card = index.callbacks().find(e.callback);
        if (card != kNoCard) frame.source_line = index.callback(card).line;
    }
    frame.console_count = index.console_count_at(step);

    const float progress = ease(view.anim_progress);
    const bool flying = move && move->to != kNoPlace && progress < 1.0f;
    const Queue phase_queue = queue_of_phase(frame.phase);
    for (size_t b = 0; b < layout.boxes.size(); ++b) {
        const BoxSpec& spec = layout.boxes[b];
        BoxView box{spec.title, spec.rect, spec.colour, {}, 0, false};
        for (PlaceId place : spec.places)
            box.active |= phase_queue != Queue::None && place == place_of(phase_queue);
        const auto cards = display_order(index, after, spec);
        const size_t capacity = layout.capacity(b);
        for (size_t i = 0; i < cards.size(); ++i) {
            if (i >= capacity) {
                box.hidden = cards.size() - i;
                break;
            }
            if (flying && cards[i] == move->card) continue; // drawn in flight instead
            const PlaceId place = after.find(cards[i], spec.places.front());
            CardView card = make_card(index, view, cards[i], place, spec.colour, now_ns);
            card.rect = layout.card_rect(b, i);
            card.running = spec.places.front() == place_of(Queue::CallStack) && i == 0;
            box.cards.push_back(std::move(card));
        }
        frame.boxes.push_back(std::move(box));
    }

    if (flying) {
        FlyingCard f;
        Rect from;
        bool have_from = false;
        if (move->from != kNoPlace) {
            const CardId source = move->replaced != kNoCard ? move->replaced : move->card;
            have_from = slot_rect(index, layout, before, move->from, source, from);
        } else if (!before.cards(place_of(Queue::CallStack)).empty()) {
            // A new card comes from the code that is running: the top of the call stack.
            have_from = slot_rect(index, layout, before, place_of(Queue::CallStack),
                                  before.cards(place_of(Queue::CallStack)).back(), from);
        }
        Rect to;
        if (have_from && slot_rect(index, layout, after, move->to, move->card, to)) {
            const int box = layout.box_of(move->to);
            f.card = make_card(index, view, move->card, move->to, layout.boxes[box].colour, now_ns);
            f.from = from;
            f.to = to;
            f.progress = progress;
            f.card.rect = lerp(from, to, progress);
            frame.flying.push_back(std::move(f));
        } else {
            // Nowhere to fly from: draw it in place (rebuild that box's card).
            for (size_t b = 0; b < layout.boxes.size(); ++b) {
                const auto& places = layout.boxes[b].places;
                if (std::find(places.begin(), places.end(), move->to) == places.end()) continue;
                Rect r;
                if (!slot_rect(index, layout, after, move->to, move->card, r)) break;
                CardView card =
                    make_card(index, view, move->card, move->to, layout.boxes[b].colour, now_ns);
                card.rect = r;
                frame.boxes[b].cards.push_back(std::move(card));
            }
        }
    }

    for (CardId card : after.cards(place_of(Queue::CallStack)))
        frame.call_stack.push_back(
            StackFrameView{index.card_label(card), index.callback(card).line});

    build_timeline(index, view, frame.timeline);
    frame.timeline.cursor_ns = now_ns;

    if (step + 1 == index.step_count()) {
        const trace::Outcome& o = index.trace().outcome;
        frame.outcome = std::string(trace::outcome_status_name(o.status)) + ", exit code " +
                        std::to_string(o.exit_code);
        if (!o.message.empty()) frame.outcome += ": " + o.message;
    }
    return frame;
}

} // namespace loopsim::viewer
