#pragma once
// Handles: the long-lived objects a libuv loop watches (uv_handle_t and its kinds).
//
// A handle is owned by whoever created it (the Node model); the Loop only links it into
// its lists while it is active and onto the closing stack after close(). A handle may be
// destroyed only when it was never started, or after its close callback ran (is_closed()).
// Every handle gets an id from its loop, in creation order: ids, never addresses, order
// anything that is printed or traced.
//
// Liveness (libuv uv__loop_alive): a handle keeps the loop alive while it is active and
// referenced. unref() keeps it working but stops it from keeping the process alive.
#include <cstdint>
#include <functional>
#include <string>

namespace loopsim::uv {

enum class HandleType : uint8_t { Timer, Idle, Prepare, Check, Async };

using HandleCallback = std::function<void()>;

class Handle {
public:
    Handle(HandleType type, std::string label) : m_type(type), m_label(std::move(label)) {}
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    virtual ~Handle() = default;

    HandleType type() const { return m_type; }
    uint64_t id() const { return m_id; }
    const std::string& label() const { return m_label; }
    bool is_active() const { return m_active; }
    bool has_ref() const { return m_referenced; }
    bool is_closing() const { return m_closing; }
    bool is_closed() const { return m_closed; }

private:
    friend class Loop;
    HandleType m_type;
    std::string m_label;       // for traces and narration: "Node's timer handle"
    uint64_t m_id = 0;         // 0 until the loop registers it
    bool m_active = false;     // started and not stopped
    bool m_referenced = true;  // counts for liveness while active
    bool m_closing = false;    // close() called, close callback not yet run
    bool m_closed = false;     // close callback ran
    HandleCallback m_close_callback;
};

// uv_timer_t. Ordered in the loop's heap by (due time, start id); `start id` comes from a
// per-loop counter bumped on every start, so equal due times fire in start order.
class TimerHandle : public Handle {
public:
    TimerHandle(std::string label, HandleCallback callback)
        : Handle(HandleType::Timer, std::move(label)), m_callback(std::move(callback)) {}

    int64_t due_ms() const { return m_due_ms; }
    int64_t repeat_ms() const { return m_repeat_ms; }

private:
    friend class Loop;
    HandleCallback m_callback;
    int64_t m_due_ms = 0;      // loop time (ms) at which it fires
    int64_t m_repeat_ms = 0;   // 0: one-shot
    uint64_t m_start_id = 0;
};

// uv_idle_t, uv_prepare_t and uv_check_t: run once per iteration in their phase while active.
class WatcherHandle : public Handle {
public:
    WatcherHandle(HandleType type, std::string label, HandleCallback callback)
        : Handle(type, std::move(label)), m_callback(std::move(callback)) {}

private:
    friend class Loop;
    HandleCallback m_callback;
    uint64_t m_start_generation = 0; // bumped on every start: a phase runs the starts it saw
};

// uv_async_t: another thread wakes the loop. Sends coalesce: while one is pending, more sends
// do nothing; the callback runs once in the poll phase.
class AsyncHandle : public Handle {
public:
    AsyncHandle(std::string label, HandleCallback callback)
        : Handle(HandleType::Async, std::move(label)), m_callback(std::move(callback)) {}

    bool is_pending() const { return m_pending; }

private:
    friend class Loop;
    HandleCallback m_callback;
    bool m_pending = false;
};

} // namespace loopsim::uv
