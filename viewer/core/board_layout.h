#pragma once
// BoardLayout: where each queue box, the call stack and each worker sit on the board canvas,
// and where the n-th card of a box goes. The boxes read like the loop itself: the call stack
// and the two drained queues on top, then the six phases in loop order, then the thread
// pool, its workers and the OS.
// Contract: a pure function of the canvas size, the text line height and the worker count,
// so the animation of a card between two boxes can be computed (and tested) without a window.
#include "viewer/core/board.h"

#include <string>
#include <vector>

namespace loopsim::viewer {

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
    bool operator==(const Rect&) const = default;
};

// Linear interpolation of two rectangles, t in [0, 1].
Rect lerp(const Rect& a, const Rect& b, float t);
// The easing of card motion: smoothstep, so 0 -> 0, 0.5 -> 0.5, 1 -> 1.
float ease(float t);

struct BoxSpec {
    std::string title;
    std::vector<PlaceId> places; // cards of these places, in this order
    trace::Queue colour = trace::Queue::None;
    Rect rect;
};

struct BoardLayout {
    std::vector<BoxSpec> boxes;
    float card_height = 0; // two lines of text plus padding
    float title_height = 0;
    float pad = 0;

    // The box showing `place`, or -1.
    int box_of(PlaceId place) const;
    // How many cards fit in box `box`.
    size_t capacity(size_t box) const;
    // Rectangle of the n-th card of box `box` (n may exceed the capacity: it then lies past
    // the bottom edge, which is where a card that does not fit travels to).
    Rect card_rect(size_t box, size_t n) const;
};

BoardLayout layout_board(float width, float height, float line_height, uint32_t workers);

} // namespace loopsim::viewer
