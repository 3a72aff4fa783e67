#pragma once
// Node's own JavaScript frames, as its stack traces show them under a callback: the
// functions of lib/internal that run timers, immediates, ticks and microtasks, load the main
// module and emit process events. Each list is innermost first, "name (location)", with the
// line and column of Node 20.20's call site (measured with `new Error().stack` in each
// context; tests/corpus and scenarios/ hold the recordings).
//
// The Node model pushes a list around the JavaScript it runs from that place; the
// interpreter shows it below the frames called under it (js::VM::push_host_frames).
#include <string>
#include <vector>

namespace loopsim::node::frames {

using Lines = std::vector<std::string>;

// The CommonJS main module (Module._compile ... run_main_module).
extern const Lines k_main_module;
// processTimers -> listOnTimeout -> timer._onTimeout().
extern const Lines k_list_on_timeout_call;  // listOnTimeout, at the callback
extern const Lines k_list_on_timeout_ticks; // listOnTimeout, at runNextTicks between timers
extern const Lines k_process_timers_list;   // processTimers, at listOnTimeout
extern const Lines k_process_timers_ticks;  // processTimers, at runNextTicks between lists
// processImmediate.
extern const Lines k_process_immediate_call;  // at immediate._onImmediate()
extern const Lines k_process_immediate_ticks; // at runNextTicks between immediates
// runNextTicks.
extern const Lines k_run_next_ticks_microtasks; // at runMicrotasks()
extern const Lines k_run_next_ticks_ticks;      // at processTicksAndRejections()
// processTicksAndRejections, called from C++ (`process.` prefix) or from runNextTicks.
const Lines& process_ticks_tick(bool from_native, size_t arg_count); // at a tick's callback
const Lines& process_ticks_microtasks(bool from_native);             // at runMicrotasks()
const Lines& process_ticks_rejections(bool from_native); // at processPromiseRejections()
// queueMicrotask's callback inside its AsyncResource.
extern const Lines k_queue_microtask;
// process.emit, one listener or several.
const Lines& process_emit(size_t listener_count);
// Below process.emit for the events Node emits itself.
extern const Lines k_fatal_exception;     // 'uncaughtException'
extern const Lines k_unhandled_rejection; // 'unhandledRejection' (then the drain's frame)
extern const Lines k_rejection_handled;   // 'rejectionHandled' (then the drain's frame)
// Not frames: the JavaScript stack has unwound, as when Node handles an uncaught exception
// from C++; nothing older shows in a stack trace made under it.
extern const Lines k_unwound;
// The error Node makes for a rejection whose reason is not an Error.
extern const Lines k_unhandled_rejection_error;

// Pushes a list of frames for the duration of a scope. `push`/`pop` are the interpreter's,
// called with `context` (unset in tests without one: then nothing happens). Plain function
// pointers: a scope opens around every callback, so these calls are on the hottest path.
struct FrameHooks {
    void* context = nullptr;
    void (*push)(void* context, const Lines* lines) = nullptr;
    void (*pop)(void* context) = nullptr;
};

class Scope {
public:
    Scope(const FrameHooks& hooks, const Lines& lines) : m_hooks(hooks) {
        if (m_hooks.push) m_hooks.push(m_hooks.context, &lines);
    }
    ~Scope() {
        if (m_hooks.pop) m_hooks.pop(m_hooks.context);
    }
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

private:
    const FrameHooks& m_hooks;
};

} // namespace loopsim::node::frames
