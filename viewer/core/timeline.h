#pragma once
// Timeline data: spans of work per lane over virtual time, and the folding that keeps a
// frame's draw list short however long the trace is.
// Contract: a lane's spans at one nesting level never overlap and are sorted by start, so
// the spans visible in a window are found by binary search. fold_visible() emits, in time
// order, every span of the window that is at least `min_ns` long, and merges each run of
// shorter neighbours (closer than `min_ns` to each other) into one folded span that counts
// them, as Tracy's timeline folds zones too small to see. The output is a function of the
// inputs only.
#include "traces/trace.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace loopsim::viewer {

inline constexpr uint32_t kNoRef = UINT32_MAX;

// One stretch of work: a callback on the main thread, a job on a worker, a loop phase.
struct Span {
    int64_t start_ns = 0;
    int64_t end_ns = 0;
    uint32_t step = 0;     // the step where it starts (click to jump there)
    uint32_t ref = kNoRef; // a CardId for callbacks and jobs, a phase index for phases
};

// One timeline row: an actor's spans, by nesting level (0 = outermost).
struct Lane {
    std::string name;
    trace::ActorKind kind = trace::ActorKind::Main;
    uint32_t actor = 0;
    std::vector<std::vector<Span>> levels;
};

// A span as drawn in one frame: a real span (folded_count == 1) or a fold of several.
struct DrawSpan {
    int64_t start_ns = 0;
    int64_t end_ns = 0;
    uint32_t step = 0;     // step of the first span it covers
    uint32_t ref = kNoRef; // kNoRef when folded
    uint32_t folded_count = 1;
    uint8_t level = 0;
    bool operator==(const DrawSpan&) const = default;
};

// Appends the spans of `spans` (one level, sorted, non-overlapping) that intersect
// [window_start, window_end] to `out`, folding runs of spans shorter than `min_ns`.
void fold_visible(std::span<const Span> spans, int64_t window_start, int64_t window_end,
                  int64_t min_ns, uint8_t level, std::vector<DrawSpan>& out);

} // namespace loopsim::viewer
