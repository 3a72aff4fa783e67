#pragma once
// ViewState and FrameState: what the user asked to see, and the plain draw lists for it.
// Contract: build_frame() is a pure function of (TraceIndex, ViewState): no clock, no
// globals, no ImGui. Panels draw a FrameState and nothing else decides what is visible; input
// changes only ViewState (Dear ImGui's immediate-mode split, Tracy's ViewData). Long lists
// (console) are not copied: the frame says how many lines are visible and the panel reads
// them through the index.
#include "viewer/core/board_layout.h"
#include "viewer/core/timeline.h"
#include "viewer/core/trace_index.h"

#include <cstdint>
#include <string>
#include <vector>

namespace loopsim::viewer {

struct ViewState {
    size_t step = 0;
    bool playing = false;
    float speed = 4.0f;         // steps per second while playing
    float anim_progress = 1.0f; // 0..1: how far the current step's card has travelled
    // Timeline window (virtual time, ns) and its width in pixels, for folding.
    int64_t window_start_ns = 0;
    int64_t window_end_ns = 0;
    float timeline_width_px = 1000;
    // Board canvas, in pixels, and the text line height.
    float board_width = 800;
    float board_height = 480;
    float line_height = 16;
    CardId selected = kNoCard;
};

// A window that shows the whole trace.
void fit_window(const TraceIndex& index, ViewState& view);
// Clamps the step to the trace and keeps the window valid.
void clamp_view(const TraceIndex& index, ViewState& view);

struct CardView {
    CardId card = kNoCard;
    std::string label;
    std::string detail; // who created it, when a timer fires, a job's remaining time
    Rect rect;
    trace::Queue colour = trace::Queue::None;
    bool selected = false;
    bool running = false; // on top of the call stack
};

struct BoxView {
    std::string title;
    Rect rect;
    trace::Queue colour = trace::Queue::None;
    std::vector<CardView> cards; // those that fit; a card in flight towards it is left out
    size_t hidden = 0;           // cards that do not fit
    bool active = false;         // the loop is in this box's phase now
};

struct FlyingCard {
    CardView card; // card.rect is the interpolated position
    Rect from;
    Rect to;
    float progress = 1; // eased
};

struct LaneView {
    std::string name;
    std::vector<DrawSpan> spans;
};

struct TimelineView {
    int64_t window_start_ns = 0;
    int64_t window_end_ns = 0;
    int64_t cursor_ns = 0; // time of the current step
    std::vector<LaneView> lanes;
    std::vector<DrawSpan> phases;     // ref = phase index
    std::vector<DrawSpan> iterations; // ref = iteration number
};

struct StackFrameView {
    std::string label;
    uint32_t line = 0;
};

struct FrameState {
    size_t step = 0;
    size_t step_count = 0;
    bool playing = false;
    // The current step in words.
    std::string title;  // what happened
    std::string reason; // why
    uint32_t iteration = 0;
    std::string phase; // empty outside the loop's phases
    int64_t time_ns = 0;
    int64_t loop_ms = -1;
    uint32_t source_line = 0; // 0: no line to highlight
    std::vector<BoxView> boxes;
    std::vector<FlyingCard> flying;
    std::vector<StackFrameView> call_stack; // outermost first
    size_t console_count = 0; // console lines up to this step: index.console_steps()[0..n)
    TimelineView timeline;
    std::string outcome; // how the run ended, once the last step is reached
};

FrameState build_frame(const TraceIndex& index, const ViewState& view);

} // namespace loopsim::viewer
