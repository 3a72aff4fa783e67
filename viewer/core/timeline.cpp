// Timeline folding. See timeline.h.
#include "viewer/core/timeline.h"

#include <algorithm>

namespace loopsim::viewer {

void fold_visible(std::span<const Span> spans, int64_t window_start, int64_t window_end,
                  int64_t min_ns, uint8_t level, std::vector<DrawSpan>& out) {
    // Spans are sorted by start and do not overlap, so their ends are sorted too: the first
    // visible span is the first that ends at or after the window's start.
    auto first = std::lower_bound(spans.begin(), spans.end(), window_start,
                                  [](const Span& s, int64_t t) { return s.end_ns < t; });
    bool folding = false;
    DrawSpan fold;
    auto flush = [&] {
        if (!folding) return;
        out.push_back(fold);
        folding = false;
    };
    for (auto it = first; it != spans.end() && it->start_ns <= window_end; ++it) {
        const Span& s = *it;
        const bool tiny = s.end_ns - s.start_ns < min_ns;
        if (tiny && folding && s.start_ns - fold.end_ns < min_ns) {
            fold.end_ns = std::max(fold.end_ns, s.end_ns);
            ++fold.folded_count;
            fold.ref = kNoRef;
            continue;
        }
        flush();
        if (tiny) {
            folding = true;
            fold = DrawSpan{s.start_ns, s.end_ns, s.step, s.ref, 1, level};
            continue;
        }
        out.push_back(DrawSpan{s.start_ns, s.end_ns, s.step, s.ref, 1, level});
    }
    flush();
}

} // namespace loopsim::viewer
