#pragma once
// Helpers shared by the viewer's tests: open a sample, find steps by what happened, and read
// a box's card labels out of a frame.
#include "viewer/core/frame_state.h"
#include "viewer/core/sample_traces.h"

#include <doctest/doctest.h>
#include <string>
#include <string_view>
#include <vector>

namespace loopsim::viewer::testing {

inline TraceIndex sample_index(std::string_view name) {
    auto trace = make_sample(name);
    REQUIRE(trace);
    return TraceIndex(std::move(trace).value());
}

// The first step at or after `from` of `kind` whose callback's label is `label` ("" = any).
inline size_t find_step(const TraceIndex& index, trace::EventKind kind, std::string_view label = {},
                        size_t from = 0) {
    for (size_t i = from; i < index.step_count(); ++i) {
        const trace::TraceEvent& e = index.event(i);
        if (e.kind != kind) continue;
        if (label.empty()) return i;
        CardId card = index.callbacks().find(e.callback);
        if (card != kNoCard && index.card_label(card) == label) return i;
    }
    FAIL("no such step: " << trace::event_kind_name(kind) << " " << label);
    return 0;
}

// Labels of the cards drawn in the box titled `title` (flying cards excluded).
inline std::vector<std::string> box_labels(const FrameState& frame, std::string_view title) {
    for (const BoxView& box : frame.boxes) {
        if (box.title != title) continue;
        std::vector<std::string> labels;
        for (const CardView& c : box.cards) labels.push_back(c.label);
        return labels;
    }
    FAIL("no box titled " << title);
    return {};
}

inline const BoxView& box_titled(const FrameState& frame, std::string_view title) {
    for (const BoxView& box : frame.boxes)
        if (box.title == title) return box;
    FAIL("no box titled " << title);
    return frame.boxes.front();
}

inline FrameState frame_at(const TraceIndex& index, size_t step, float progress = 1.0f) {
    ViewState view;
    fit_window(index, view);
    view.step = step;
    view.anim_progress = progress;
    view.board_width = 900;
    view.board_height = 600;
    view.line_height = 16;
    return build_frame(index, view);
}

// Console text up to the frame's step, one entry per console event, without its newline.
inline std::vector<std::string> console_lines(const TraceIndex& index, const FrameState& frame) {
    std::vector<std::string> lines;
    for (size_t i = 0; i < frame.console_count; ++i) {
        std::string text(index.text(index.event(index.console_steps()[i]).text));
        if (!text.empty() && text.back() == '\n') text.pop_back();
        lines.push_back(text);
    }
    return lines;
}

} // namespace loopsim::viewer::testing
