#pragma once
// Task: one JavaScript call the Node model schedules (a timer's callback, a tick, a promise
// job, an I/O completion). The scheduler sees only its label and whether the call returned
// or threw; the interpreter supplies the call itself (it wraps the function value, the
// receiver and the arguments) and keeps the thrown value for the uncaught-exception path.
//
// Memory: a Task is 40 bytes, and a million queued ticks or jobs are a million Tasks. Its
// label is the trace's id for the text (none without a trace: nothing else reads it), and
// its call is a TaskCall, which keeps a trivially copyable callable of up to 16 bytes in
// place.
#include "traces/string_pool.h"

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <new>
#include <type_traits>
#include <utility>

namespace loopsim::js {
class Visitor;
} // namespace loopsim::js

namespace loopsim::node {

enum class CallResult : uint8_t {
    Returned,
    Threw
};

// A move-only callable returning CallResult: one function pointer and 16 bytes. A trivially
// copyable callable that fits lives in those bytes, so moving a TaskCall is copying them
// (a queued tick or job moves several times); any other callable is allocated.
// A callable that holds JavaScript values unrooted declares `visit_roots(js::Visitor&)
// const`, and whoever keeps the TaskCall hands its values to the collector with visit().
class TaskCall {
public:
    TaskCall() = default;
    template <typename F>
    requires(!std::same_as<std::remove_cvref_t<F>, TaskCall> &&
             std::is_invocable_r_v<CallResult, std::remove_cvref_t<F>&>)
        TaskCall(
            F&& f) { // NOLINT(google-explicit-constructor): lambdas convert, as to std::function
        using Fn = std::remove_cvref_t<F>;
        if constexpr (fits_in_place<Fn>()) {
            ::new (static_cast<void*>(m_storage)) Fn(std::forward<F>(f));
            m_ops = &in_place_ops<Fn>;
        } else {
            ::new (static_cast<void*>(m_storage)) Fn*(new Fn(std::forward<F>(f)));
            m_ops = &allocated_ops<Fn>;
        }
    }
    TaskCall(TaskCall&& other) noexcept { take(other); }
    TaskCall& operator=(TaskCall&& other) noexcept {
        if (this != &other) {
            reset();
            take(other);
        }
        return *this;
    }
    TaskCall(const TaskCall&) = delete;
    TaskCall& operator=(const TaskCall&) = delete;
    ~TaskCall() { reset(); }

    // True if a callable of type Fn lives in place (no allocation).
    template <typename Fn> static constexpr bool keeps_in_place() { return fits_in_place<Fn>(); }

    explicit operator bool() const { return m_ops != nullptr; }
    CallResult operator()() const { return m_ops(Op::Call, m_storage, nullptr); }
    // The callable's JavaScript values, if it declares any (see above).
    void visit(js::Visitor& visitor) const {
        if (m_ops) m_ops(Op::Visit, m_storage, reinterpret_cast<std::byte*>(&visitor));
    }

private:
    enum class Op : uint8_t {
        Call,
        Destroy,
        Visit // `to` is a js::Visitor
    };
    using Ops = CallResult (*)(Op, std::byte* self, std::byte* to);
    static constexpr size_t k_size = 16;

    template <typename Fn> static constexpr bool fits_in_place() {
        return sizeof(Fn) <= k_size && alignof(Fn) <= alignof(void*) &&
               std::is_trivially_copyable_v<Fn>;
    }
    template <typename Fn> static void visit_callable(const Fn& fn, std::byte* visitor) {
        if constexpr (requires(const Fn& f, js::Visitor& v) { f.visit_roots(v); })
            fn.visit_roots(*reinterpret_cast<js::Visitor*>(visitor));
    }
    template <typename Fn> static CallResult in_place_ops(Op op, std::byte* self, std::byte* to) {
        Fn& fn = *std::launder(reinterpret_cast<Fn*>(self));
        switch (op) {
        case Op::Call:
            return fn();
        case Op::Visit:
            visit_callable(fn, to);
            break;
        case Op::Destroy: // trivially destructible
            break;
        }
        return CallResult::Returned;
    }
    template <typename Fn> static CallResult allocated_ops(Op op, std::byte* self, std::byte* to) {
        Fn* fn = *std::launder(reinterpret_cast<Fn**>(self));
        switch (op) {
        case Op::Call:
            return (*fn)();
        case Op::Visit:
            visit_callable(*fn, to);
            break;
        case Op::Destroy:
            delete fn;
            break;
        }
        return CallResult::Returned;
    }
    void take(TaskCall& other) noexcept {
        if (!other.m_ops) return;
        // Either kind moves by its bytes: a trivially copyable callable, or a pointer.
        std::memcpy(m_storage, other.m_storage, k_size);
        m_ops = other.m_ops;
        other.m_ops = nullptr;
    }
    void reset() noexcept {
        if (!m_ops) return;
        m_ops(Op::Destroy, m_storage, nullptr);
        m_ops = nullptr;
    }

    Ops m_ops = nullptr;
    alignas(void*) mutable std::byte m_storage[k_size]; // a call may change its callable
};

struct Task {
    TaskCall call = {};
    uint64_t id = 0; // its async id; the queue that takes it assigns one
    // The function's name or its first line of source, as the trace's id for it
    // (Environment::label); kNoString without a trace.
    trace::StringId label = trace::kNoString;
    uint8_t arg_count = 0; // ticks: arguments passed to the callback (stack frames)
    bool internal = false; // Node's own bookkeeping, not the scenario's (afterWrite)
};
static_assert(sizeof(TaskCall) == 24);
static_assert(sizeof(Task) == 40, "a queued tick or job's size is part of the memory figures");

// Why an exception reached the top: the `origin` argument of 'uncaughtException'.
enum class ExceptionOrigin : uint8_t {
    UncaughtException,
    UnhandledRejection
};

} // namespace loopsim::node
