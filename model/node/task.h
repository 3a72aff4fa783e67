#pragma once
// Task: one JavaScript call the Node model schedules (a timer's callback, a tick, a promise
// job, an I/O completion). The scheduler sees only its label and whether the call returned
// or threw; the interpreter supplies the call itself (it wraps the function value, the
// receiver and the arguments) and keeps the thrown value for the uncaught-exception path.
#include <cstdint>
#include <functional>
#include <string>

namespace loopsim::node {

enum class CallResult : uint8_t {
    Returned,
    Threw
};

struct Task {
    std::string label; // the function's name or its first line of source
    std::function<CallResult()> call;
    uint64_t id = 0;       // its async id; the queue that takes it assigns one
    uint8_t arg_count = 0; // ticks: arguments passed to the callback (stack frames)
    bool internal = false; // Node's own bookkeeping, not the scenario's (afterWrite)
    uint32_t label_id = 0; // the label's id in the trace once recorded (0: not yet)
};

// Why an exception reached the top: the `origin` argument of 'uncaughtException'.
enum class ExceptionOrigin : uint8_t {
    UncaughtException,
    UnhandledRejection
};

} // namespace loopsim::node
