#pragma once
// Reason: why a trace event happened, recorded cheaply and rendered late.
// Contract: recording a reason stores a ReasonCode (from reasons.def), up to three int64
// arguments and an optional interned string: no formatting, no allocation. The plain-words
// text ("timer list 1 ms expired at 2 ms; loop time is 2 ms") is produced only when a trace
// is written or shown, from the code's template pre-split into pieces (literal text, then
// one slot). Arguments a template does not use must be 0, or they are written as extra
// "args" and survive a round trip but appear in no text.
#include "traces/string_pool.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace loopsim::trace {

struct TraceEvent;

enum class ReasonCode : uint16_t {
#define LOOPSIM_REASON(Enum, json_name, text) Enum,
#include "traces/reasons.def"
#undef LOOPSIM_REASON
};

inline constexpr size_t kReasonCount = 0
#define LOOPSIM_REASON(Enum, json_name, text) +1
#include "traces/reasons.def"
#undef LOOPSIM_REASON
    ;

struct Reason {
    ReasonCode code = ReasonCode::None;
    StringId str = kNoString;      // the {s} argument
    std::array<int64_t, 3> args{}; // the {0} {1} {2} arguments
    bool operator==(const Reason&) const = default;
};

// One piece of a pre-split template: literal text, then (optionally) one slot.
struct ReasonPiece {
    static constexpr int8_t kNoSlot = -1;
    static constexpr int8_t kStringSlot = 3;
    std::string_view text;      // literal text as written in the template ({{ -> {)
    std::string_view json_text; // the same, escaped for a JSON string body
    int8_t slot = kNoSlot;      // 0..2: int argument; kStringSlot: the string argument
};

std::string_view reason_name(ReasonCode code);
std::string_view reason_template(ReasonCode code);
std::optional<ReasonCode> reason_from_name(std::string_view name);
// Number of int arguments the template reads (highest {n} + 1).
int reason_int_slot_count(ReasonCode code);
bool reason_uses_string(ReasonCode code);
std::span<const ReasonPiece> reason_pieces(ReasonCode code);

// Plain-words text of a reason; `str` is the text of reason.str.
std::string render_reason(const Reason& reason, std::string_view str);
std::string render_reason(const TraceEvent& event, const StringPool& strings);

} // namespace loopsim::trace
