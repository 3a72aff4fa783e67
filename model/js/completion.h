#pragma once
// Completions: how JS exceptions travel through C++ code.
// A thrown JS value is returned, never thrown as a C++ exception: every operation that can
// run user code (a getter, a valueOf, a call) returns ThrowCompletionOr<T>, which holds
// either its result or the thrown Value. LOOPSIM_TRY(expr) unwraps a result or returns the
// throw completion from the enclosing function (a GNU statement expression, accepted by GCC
// and Clang). `Completion` is the common ThrowCompletionOr<Value>.
#include "model/js/value.h"
#include "sim/assert.h"

#include <type_traits>
#include <utility>

namespace loopsim::js {

// The thrown value of an abrupt (throw) completion.
struct ThrowCompletion {
    Value value;
};

template <typename T> class [[nodiscard]] ThrowCompletionOr {
    static_assert(std::is_default_constructible_v<T>, "ThrowCompletionOr needs a default T");

public:
    ThrowCompletionOr(T value) : m_value(std::move(value)) {}
    ThrowCompletionOr(ThrowCompletion thrown) : m_thrown(thrown.value), m_is_throw(true) {}

    bool is_throw() const { return m_is_throw; }
    const T& value() const {
        LOOPSIM_ASSERT(!m_is_throw, "value() of a throw completion");
        return m_value;
    }
    T release_value() {
        LOOPSIM_ASSERT(!m_is_throw, "release_value() of a throw completion");
        return std::move(m_value);
    }
    Value thrown_value() const {
        LOOPSIM_ASSERT(m_is_throw, "thrown_value() of a normal completion");
        return m_thrown;
    }
    ThrowCompletion release_error() const { return ThrowCompletion{thrown_value()}; }

private:
    T m_value{};
    Value m_thrown;
    bool m_is_throw = false;
};

template <> class [[nodiscard]] ThrowCompletionOr<void> {
public:
    ThrowCompletionOr() = default;
    ThrowCompletionOr(ThrowCompletion thrown) : m_thrown(thrown.value), m_is_throw(true) {}

    bool is_throw() const { return m_is_throw; }
    void release_value() const {
        LOOPSIM_ASSERT(!m_is_throw, "release_value() of a throw completion");
    }
    Value thrown_value() const {
        LOOPSIM_ASSERT(m_is_throw, "thrown_value() of a normal completion");
        return m_thrown;
    }
    ThrowCompletion release_error() const { return ThrowCompletion{thrown_value()}; }

private:
    Value m_thrown;
    bool m_is_throw = false;
};

using Completion = ThrowCompletionOr<Value>;

} // namespace loopsim::js

// Evaluates `expression` (a ThrowCompletionOr); on a throw, returns it from the enclosing
// function; otherwise the whole macro is the unwrapped value.
#define LOOPSIM_TRY(expression)                                                                    \
    ({                                                                                             \
        auto _loopsim_try_result = (expression);                                                   \
        if (_loopsim_try_result.is_throw()) return _loopsim_try_result.release_error();            \
        _loopsim_try_result.release_value();                                                       \
    })
