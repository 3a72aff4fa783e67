#include "traces/event_kind.h"

#include "sim/assert.h"

#include <array>

namespace loopsim::trace {
namespace {

struct KindInfo {
    std::string_view name;
    std::string_view description;
    uint32_t required;
};

constexpr std::array<KindInfo, kEventKindCount> kKinds = {{
#define LOOPSIM_EVENT_KIND(Enum, json_name, required, description)                                 \
    {#json_name, description, required},
#include "traces/event_kinds.def"
#undef LOOPSIM_EVENT_KIND
}};

const KindInfo& info(EventKind kind) {
    auto index = static_cast<size_t>(kind);
    LOOPSIM_ASSERT(index < kEventKindCount, "event kind outside event_kinds.def");
    return kKinds[index];
}

} // namespace

std::string_view event_kind_name(EventKind kind) {
    return info(kind).name;
}
std::string_view event_kind_description(EventKind kind) {
    return info(kind).description;
}
uint32_t event_kind_required_fields(EventKind kind) {
    return info(kind).required;
}

std::optional<EventKind> event_kind_from_name(std::string_view name) {
    // A linear scan over ~20 short names: only the reader calls this, once per event.
    for (size_t i = 0; i < kKinds.size(); ++i) {
        if (kKinds[i].name == name) return static_cast<EventKind>(i);
    }
    return std::nullopt;
}

} // namespace loopsim::trace
