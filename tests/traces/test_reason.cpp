#include "traces/reason.h"
#include "traces/trace_event.h"

#include <doctest/doctest.h>

using namespace loopsim::trace;

TEST_SUITE("reason") {

    TEST_CASE("a timer reason renders its three numbers into the template") {
        Reason r{ReasonCode::TimerExpired, kNoString, {1, 2, 3}};
        CHECK(render_reason(r, "") == "timer list 1 ms expired at 2 ms; loop time is 3 ms");
    }

    TEST_CASE("the string argument fills the {s} slot and negative numbers keep their sign") {
        Reason r{ReasonCode::BudgetExceeded, kNoString, {-5, 9223372036854775807, 0}};
        CHECK(render_reason(r, "max_time") ==
              "budget max_time exceeded: the limit is -5, the run reached 9223372036854775807");
    }

    TEST_CASE("rendering from an event resolves the string through the trace's pool") {
        StringPool pool;
        TraceEvent e;
        e.reason = Reason{ReasonCode::ChoiceMade, pool.intern("timer vs immediate"), {0, 2, 0}};
        CHECK(render_reason(e, pool) == "took order 0 of 2 possible: timer vs immediate");
    }

    TEST_CASE("a reason without slots renders its literal text") {
        Reason r{ReasonCode::NextTickQueued, kNoString, {}};
        CHECK(render_reason(r, "ignored") ==
              "process.nextTick queued it; it runs before any promise job");
        CHECK(render_reason(Reason{}, "") == "");
    }

    TEST_CASE("slot counts come from the templates") {
        CHECK(reason_int_slot_count(ReasonCode::TimerExpired) == 3);
        CHECK_FALSE(reason_uses_string(ReasonCode::TimerExpired));
        CHECK(reason_int_slot_count(ReasonCode::IoCompleted) == 1);
        CHECK(reason_uses_string(ReasonCode::IoCompleted));
        CHECK(reason_int_slot_count(ReasonCode::NextTickQueued) == 0);
    }

    TEST_CASE("pre-split pieces put back together give the template with slots filled") {
        auto pieces = reason_pieces(ReasonCode::TimerExpired);
        REQUIRE(pieces.size() == 4);
        CHECK(pieces[0].text == "timer list ");
        CHECK(pieces[0].slot == 0);
        CHECK(pieces[3].text == " ms");
        CHECK(pieces[3].slot == ReasonPiece::kNoSlot);
    }

    TEST_CASE("every reason name maps back to its code and every template renders") {
        for (size_t i = 0; i < kReasonCount; ++i) {
            auto code = static_cast<ReasonCode>(i);
            CAPTURE(reason_name(code));
            CHECK(reason_from_name(reason_name(code)) == code);
            std::string text = render_reason(Reason{code, kNoString, {11, 22, 33}}, "S");
            CHECK(text.find('{') == std::string::npos);
            CHECK(text.find('}') == std::string::npos);
        }
        CHECK_FALSE(reason_from_name("no_such_reason").has_value());
    }

} // TEST_SUITE
