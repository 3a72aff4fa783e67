// Tests for viewer/core/timeline: visible spans and folding of tiny ones.
#include "viewer/core/timeline.h"

#include <doctest/doctest.h>

using namespace loopsim::viewer;

TEST_SUITE("viewer.timeline") {
    TEST_CASE("runs of tiny neighbouring spans fold into one span that counts them") {
        const std::vector<Span> spans = {
            {0, 1, 0, 7}, {2, 3, 1, 8}, {4, 5, 2, 9}, {100, 400, 3, 10}};
        std::vector<DrawSpan> out;
        fold_visible(spans, 0, 1000, 10, 0, out);
        REQUIRE(out.size() == 2);
        CHECK(out[0] == DrawSpan{0, 5, 0, kNoRef, 3, 0});
        CHECK(out[1] == DrawSpan{100, 400, 3, 10, 1, 0});
    }

    TEST_CASE(
        "tiny spans far apart are not folded together, and a lone tiny span keeps its identity") {
        const std::vector<Span> spans = {{0, 1, 0, 7}, {50, 51, 1, 8}};
        std::vector<DrawSpan> out;
        fold_visible(spans, 0, 1000, 10, 2, out);
        REQUIRE(out.size() == 2);
        CHECK(out[0] == DrawSpan{0, 1, 0, 7, 1, 2});
        CHECK(out[1] == DrawSpan{50, 51, 1, 8, 1, 2});
    }

    TEST_CASE("only spans that intersect the window are emitted") {
        std::vector<Span> spans;
        for (int64_t i = 0; i < 1000; ++i)
            spans.push_back(Span{i * 100, i * 100 + 50, static_cast<uint32_t>(i), 0});
        std::vector<DrawSpan> out;
        fold_visible(spans, 1025, 1260, 1, 0, out);
        REQUIRE(out.size() == 3); // [1000,1050], [1100,1150], [1200,1250]
        CHECK(out.front().start_ns == 1000);
        CHECK(out.back().start_ns == 1200);
    }

    TEST_CASE("with zero minimum width nothing folds") {
        const std::vector<Span> spans = {{0, 1, 0, 1}, {1, 2, 1, 2}, {2, 3, 2, 3}};
        std::vector<DrawSpan> out;
        fold_visible(spans, 0, 10, 0, 0, out);
        CHECK(out.size() == 3);
    }

    TEST_CASE("a million tiny spans fold into a short draw list") {
        std::vector<Span> spans;
        spans.reserve(1'000'000);
        for (int64_t i = 0; i < 1'000'000; ++i)
            spans.push_back(Span{i * 10, i * 10 + 3, static_cast<uint32_t>(i), 0});
        std::vector<DrawSpan> out;
        // A 1000-pixel window over the whole range: each pixel is 10'000 ns.
        fold_visible(spans, 0, 10'000'000, 30'000, 0, out);
        CHECK(out.size() == 1);
        CHECK(out[0].folded_count == 1'000'000);
    }
}
