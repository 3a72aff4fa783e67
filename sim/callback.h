#pragma once
// Callback: the move-only `void()` callable that every scheduled event carries.
// A callable of at most k_inline_size bytes, with ordinary alignment and a non-throwing
// move, lives inside the Callback itself: scheduling it allocates nothing. A larger one
// goes to the heap once and only its pointer moves afterwards. Callables that are
// trivially copyable (a lambda capturing a few references or ints) move with a memcpy.
// Unlike std::function, a Callback is never copied, so it may own move-only state.
// Invoking an empty Callback is a broken invariant (LOOPSIM_ASSERT).
#include "sim/assert.h"

#include <cstddef>
#include <cstring>
#include <new>
#include <type_traits>
#include <utility>

namespace loopsim::sim {

class Callback {
public:
    static constexpr std::size_t k_inline_size = 48;

    Callback() noexcept = default;

    template <typename F, typename Fn = std::decay_t<F>>
    requires(!std::is_same_v<Fn, Callback> && std::is_invocable_r_v<void, Fn&>)
        Callback(F&& fn) { // NOLINT(google-explicit-constructor): lambdas convert implicitly
        if constexpr (stores_inline<Fn>) {
            ::new (static_cast<void*>(m_storage)) Fn(std::forward<F>(fn));
            m_ops = &k_inline_ops<Fn>;
        } else {
            Fn* heap = new Fn(std::forward<F>(fn));
            std::memcpy(m_storage, &heap, sizeof heap);
            m_ops = &k_heap_ops<Fn>;
        }
    }

    Callback(Callback&& other) noexcept { take(other); }
    Callback& operator=(Callback&& other) noexcept {
        if (this != &other) {
            reset();
            take(other);
        }
        return *this;
    }
    Callback(const Callback&) = delete;
    Callback& operator=(const Callback&) = delete;
    ~Callback() { reset(); }

    void operator()() {
        LOOPSIM_ASSERT(m_ops != nullptr, "invoking an empty Callback");
        m_ops->invoke(m_storage);
    }

    explicit operator bool() const { return m_ops != nullptr; }
    // True when the callable lives inside the Callback (no heap allocation was made).
    bool is_inline() const { return m_ops != nullptr && m_ops->is_inline; }

    // Destroys the held callable, leaving the Callback empty.
    void reset() noexcept {
        if (m_ops != nullptr && m_ops->destroy != nullptr) m_ops->destroy(m_storage);
        m_ops = nullptr;
    }

    template <typename Fn>
    static constexpr bool stores_inline =
        sizeof(Fn) <= k_inline_size &&
        alignof(Fn) <= alignof(void*) && std::is_nothrow_move_constructible_v<Fn>;

private:
    // relocate == nullptr: the bytes can be memcpy'd (trivially copyable callable, or a
    // heap pointer). destroy == nullptr: nothing to do.
    struct Ops {
        void (*invoke)(void* storage);
        void (*relocate)(void* to, void* from) noexcept;
        void (*destroy)(void* storage) noexcept;
        bool is_inline;
    };

    template <typename Fn>
    static constexpr bool is_trivial =
        std::is_trivially_copyable_v<Fn>&& std::is_trivially_destructible_v<Fn>;

    template <typename Fn>
    static constexpr Ops k_inline_ops{
        [](void* s) { (*std::launder(static_cast<Fn*>(s)))(); },
        is_trivial<Fn> ? nullptr
                       : +[](void* to, void* from) noexcept {
                             Fn* source = std::launder(static_cast<Fn*>(from));
                             ::new (to) Fn(std::move(*source));
                             source->~Fn();
                         },
        std::is_trivially_destructible_v<Fn>
            ? nullptr
            : +[](void* s) noexcept { std::launder(static_cast<Fn*>(s))->~Fn(); },
        true,
    };

    template <typename Fn> static Fn* heap_object(void* storage) {
        Fn* object;
        std::memcpy(&object, storage, sizeof object);
        return object;
    }

    template <typename Fn>
    static constexpr Ops k_heap_ops{
        [](void* s) { (*heap_object<Fn>(s))(); },
        nullptr,
        [](void* s) noexcept { delete heap_object<Fn>(s); },
        false,
    };

    void take(Callback& other) noexcept {
        m_ops = other.m_ops;
        if (m_ops == nullptr) return;
        if (m_ops->relocate != nullptr) {
            m_ops->relocate(m_storage, other.m_storage);
        } else {
            std::memcpy(m_storage, other.m_storage, k_inline_size);
        }
        other.m_ops = nullptr;
    }

    alignas(void*) unsigned char m_storage[k_inline_size];
    const Ops* m_ops = nullptr;
};

} // namespace loopsim::sim
