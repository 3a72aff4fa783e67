#pragma once
// EventKind: what a trace event says happened, expanded from event_kinds.def.
// Every place that lists kinds (writer, reader, schema test, viewer legend) expands the same
// table, so a kind added there appears everywhere at once. field:: flags name the optional
// TraceEvent fields; each kind declares the ones it requires.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace loopsim::trace {

// Bit flags for the optional TraceEvent fields (used by the table's required_fields column
// and by the reader's checks). kind, t, actor and iter are always present.
namespace field {
inline constexpr uint32_t None = 0;
inline constexpr uint32_t LoopTime = 1u << 0;  // loop_ms
inline constexpr uint32_t Phase = 1u << 1;     // phase
inline constexpr uint32_t Callback = 1u << 2;  // cb
inline constexpr uint32_t Creator = 1u << 3;   // creator
inline constexpr uint32_t FromQueue = 1u << 4; // from
inline constexpr uint32_t ToQueue = 1u << 5;   // to
inline constexpr uint32_t Location = 1u << 6;  // line
inline constexpr uint32_t Label = 1u << 7;     // label
inline constexpr uint32_t Stream = 1u << 8;    // stream
inline constexpr uint32_t Text = 1u << 9;      // text
inline constexpr uint32_t Reason = 1u << 10;   // reason
} // namespace field

enum class EventKind : uint8_t {
#define LOOPSIM_EVENT_KIND(Enum, json_name, required, description) Enum,
#include "traces/event_kinds.def"
#undef LOOPSIM_EVENT_KIND
};

inline constexpr size_t kEventKindCount = 0
#define LOOPSIM_EVENT_KIND(Enum, json_name, required, description) +1
#include "traces/event_kinds.def"
#undef LOOPSIM_EVENT_KIND
    ;

// The "kind" string written in trace JSON.
std::string_view event_kind_name(EventKind kind);
// One line of plain words for docs and the viewer legend.
std::string_view event_kind_description(EventKind kind);
// field:: flags an event of this kind must carry.
uint32_t event_kind_required_fields(EventKind kind);
// Inverse of event_kind_name; nullopt for a name the table does not know.
std::optional<EventKind> event_kind_from_name(std::string_view name);

} // namespace loopsim::trace
