// Node 20.20's internal frames. See internal_frames.h.
#include "model/node/internal_frames.h"

namespace loopsim::node::frames {

const Lines k_main_module = {
    "Module._compile (node:internal/modules/cjs/loader:1521:14)",
    "Module._extensions..js (node:internal/modules/cjs/loader:1623:10)",
    "Module.load (node:internal/modules/cjs/loader:1266:32)",
    "Module._load (node:internal/modules/cjs/loader:1091:12)",
    "Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:164:12)",
    "node:internal/main/run_main_module:28:49",
};

const Lines k_list_on_timeout_call = {"listOnTimeout (node:internal/timers:581:17)"};
const Lines k_list_on_timeout_ticks = {"listOnTimeout (node:internal/timers:545:9)"};
const Lines k_process_timers_list = {"process.processTimers (node:internal/timers:519:7)"};
const Lines k_process_timers_ticks = {"process.processTimers (node:internal/timers:516:9)"};
const Lines k_process_immediate_call = {"process.processImmediate (node:internal/timers:483:21)"};
const Lines k_process_immediate_ticks = {"process.processImmediate (node:internal/timers:454:9)"};
const Lines k_run_next_ticks_microtasks = {"runNextTicks (node:internal/process/task_queues:60:5)"};
const Lines k_run_next_ticks_ticks = {"runNextTicks (node:internal/process/task_queues:64:3)"};

namespace {

// processTicksAndRejections calls a tick's callback at a line per argument count.
constexpr const char* k_tick_sites[] = {"77:11", "81:21", "82:21", "83:21", "84:21", "85:22"};

Lines make_tick_lines(bool from_native, size_t index) {
    return {std::string(from_native ? "process." : "") +
            "processTicksAndRejections (node:internal/process/task_queues:" + k_tick_sites[index] +
            ")"};
}

} // namespace

const Lines& process_ticks_tick(bool from_native, size_t arg_count) {
    static const std::vector<Lines> native = [] {
        std::vector<Lines> all;
        for (size_t i = 0; i < 6; ++i) all.push_back(make_tick_lines(true, i));
        return all;
    }();
    static const std::vector<Lines> nested = [] {
        std::vector<Lines> all;
        for (size_t i = 0; i < 6; ++i) all.push_back(make_tick_lines(false, i));
        return all;
    }();
    size_t index = arg_count < 5 ? arg_count : 5;
    return (from_native ? native : nested)[index];
}

const Lines& process_ticks_microtasks(bool from_native) {
    static const Lines native = {
        "process.processTicksAndRejections (node:internal/process/task_queues:95:5)"};
    static const Lines nested = {
        "processTicksAndRejections (node:internal/process/task_queues:95:5)"};
    return from_native ? native : nested;
}

const Lines& process_ticks_rejections(bool from_native) {
    static const Lines native = {
        "process.processTicksAndRejections (node:internal/process/task_queues:96:32)"};
    static const Lines nested = {
        "processTicksAndRejections (node:internal/process/task_queues:96:32)"};
    return from_native ? native : nested;
}

const Lines k_queue_microtask = {
    "node:internal/process/task_queues:140:7",
    "AsyncResource.runInAsyncScope (node:async_hooks:206:9)",
    "AsyncResource.runMicrotask (node:internal/process/task_queues:137:8)",
};

const Lines& process_emit(size_t listener_count) {
    static const Lines one = {"process.emit (node:events:524:28)"};
    static const Lines several = {"process.emit (node:events:536:35)"};
    return listener_count > 1 ? several : one;
}

const Lines k_unwound = {};
const Lines k_fatal_exception = {
    "process._fatalException (node:internal/process/execution:188:25)"};
const Lines k_unhandled_rejection = {
    "emitUnhandledRejection (node:internal/process/promises:250:13)",
    "throwUnhandledRejectionsMode (node:internal/process/promises:385:19)",
    "processPromiseRejections (node:internal/process/promises:470:17)",
};
const Lines k_rejection_handled = {
    "processPromiseRejections (node:internal/process/promises:441:18)"};
const Lines k_unhandled_rejection_error = {
    "throwUnhandledRejectionsMode (node:internal/process/promises:389:7)",
    "processPromiseRejections (node:internal/process/promises:470:17)",
};

} // namespace loopsim::node::frames
