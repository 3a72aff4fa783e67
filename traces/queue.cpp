#include "traces/queue.h"

#include "sim/assert.h"

#include <array>

namespace loopsim::trace {
namespace {

struct QueueInfo {
    std::string_view name;
    std::string_view description;
};

constexpr std::array<QueueInfo, kQueueCount> kQueues = {{
#define LOOPSIM_QUEUE(Enum, json_name, description) {#json_name, description},
#include "traces/queues.def"
#undef LOOPSIM_QUEUE
}};

static_assert(kQueues[0].name == "none", "Queue::None must be first in queues.def");

const QueueInfo& info(Queue queue) {
    auto index = static_cast<size_t>(queue);
    LOOPSIM_ASSERT(index < kQueueCount, "queue outside queues.def");
    return kQueues[index];
}

} // namespace

std::string_view queue_name(Queue queue) {
    return info(queue).name;
}
std::string_view queue_description(Queue queue) {
    return info(queue).description;
}

std::optional<Queue> queue_from_name(std::string_view name) {
    for (size_t i = 0; i < kQueues.size(); ++i) {
        if (kQueues[i].name == name) return static_cast<Queue>(i);
    }
    return std::nullopt;
}

} // namespace loopsim::trace
