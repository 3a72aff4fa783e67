// Board layout: boxes in loop order on the canvas. See board_layout.h.
#include "viewer/core/board_layout.h"

#include <algorithm>

namespace loopsim::viewer {

using trace::Queue;

Rect lerp(const Rect& a, const Rect& b, float t) {
    return Rect{a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.w + (b.w - a.w) * t,
                a.h + (b.h - a.h) * t};
}

float ease(float t) {
    t = std::clamp(t, 0.0f, 1.0f);
    return t * t * (3.0f - 2.0f * t);
}

int BoardLayout::box_of(PlaceId place) const {
    for (size_t b = 0; b < boxes.size(); ++b) {
        const auto& places = boxes[b].places;
        if (std::find(places.begin(), places.end(), place) != places.end())
            return static_cast<int>(b);
    }
    return -1;
}

size_t BoardLayout::capacity(size_t box) const {
    const float room = boxes[box].rect.h - title_height - pad;
    if (room <= 0 || card_height <= 0) return 0;
    return static_cast<size_t>((room + pad) / (card_height + pad));
}

Rect BoardLayout::card_rect(size_t box, size_t n) const {
    const Rect& r = boxes[box].rect;
    return Rect{r.x + pad, r.y + title_height + static_cast<float>(n) * (card_height + pad),
                r.w - 2 * pad, card_height};
}

BoardLayout layout_board(float width, float height, float line_height, uint32_t workers) {
    BoardLayout layout;
    layout.pad = std::max(2.0f, line_height * 0.25f);
    layout.title_height = line_height + layout.pad * 2;
    layout.card_height = line_height * 2 + layout.pad * 2;
    const float gap = layout.pad * 2;
    const float row_h = (height - gap * 3) / 4;

    auto add = [&](std::string title, std::vector<PlaceId> places, Queue colour, float x, float y,
                   float w) {
        layout.boxes.push_back(
            BoxSpec{std::move(title), std::move(places), colour, Rect{x, y, w, row_h}});
    };
    auto row = [&](int r) { return static_cast<float>(r) * (row_h + gap); };
    // Three equal columns for the first three rows.
    const float col_w = (width - gap * 2) / 3;
    auto col = [&](int c) { return static_cast<float>(c) * (col_w + gap); };

    add("call stack", {place_of(Queue::CallStack)}, Queue::CallStack, col(0), row(0), col_w);
    add("process.nextTick queue", {place_of(Queue::NextTick)}, Queue::NextTick, col(1), row(0),
        col_w);
    add("microtask queue (promises)", {place_of(Queue::Microtasks)}, Queue::Microtasks, col(2),
        row(0), col_w);
    add("1 timers", {place_of(Queue::Timers)}, Queue::Timers, col(0), row(1), col_w);
    add("2 pending", {place_of(Queue::Pending)}, Queue::Pending, col(1), row(1), col_w);
    add("3 idle / prepare", {place_of(Queue::Idle), place_of(Queue::Prepare)}, Queue::Idle, col(2),
        row(1), col_w);
    add("4 poll (I/O)", {place_of(Queue::Poll)}, Queue::Poll, col(0), row(2), col_w);
    add("5 check (setImmediate)", {place_of(Queue::Check)}, Queue::Check, col(1), row(2), col_w);
    add("6 close", {place_of(Queue::Close)}, Queue::Close, col(2), row(2), col_w);

    // Last row: thread-pool queue, one box per worker, the OS.
    const float side_w = col_w * 0.75f;
    add("thread pool queue", {place_of(Queue::ThreadPool)}, Queue::ThreadPool, 0, row(3), side_w);
    const float workers_x = side_w + gap;
    const float workers_w = width - 2 * (side_w + gap);
    const uint32_t shown = std::max<uint32_t>(workers, 1);
    const float worker_w = (workers_w - gap * static_cast<float>(shown - 1)) / shown;
    for (uint32_t w = 0; w < workers; ++w) {
        add("worker " + std::to_string(w + 1), {place_of_worker(w)}, Queue::ThreadPool,
            workers_x + static_cast<float>(w) * (worker_w + gap), row(3), worker_w);
    }
    if (workers == 0)
        add("workers (not started)", {}, Queue::ThreadPool, workers_x, row(3), workers_w);
    add("OS", {place_of(Queue::Os)}, Queue::Os, width - side_w, row(3), side_w);
    return layout;
}

} // namespace loopsim::viewer
