#pragma once
// Queue: where a callback waits, expanded from queues.def. The loop model decides which
// queues exist at run time; this table only names them so traces can say "from timers to
// call_stack". Queue::None (0) means "not in a queue" and is never written as a field.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace loopsim::trace {

enum class Queue : uint8_t {
#define LOOPSIM_QUEUE(Enum, json_name, description) Enum,
#include "traces/queues.def"
#undef LOOPSIM_QUEUE
};

inline constexpr size_t kQueueCount = 0
#define LOOPSIM_QUEUE(Enum, json_name, description) +1
#include "traces/queues.def"
#undef LOOPSIM_QUEUE
    ;

std::string_view queue_name(Queue queue);
std::string_view queue_description(Queue queue);
std::optional<Queue> queue_from_name(std::string_view name);

} // namespace loopsim::trace
