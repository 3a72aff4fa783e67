#pragma once
// Result<T>: a value or an Error, for bad input (trace files, options, scenario headers).
// Errors carry a message a user can act on, already including the path and line:column
// where one applies ("trace.json:12:5: expected ..."). JS exceptions never use this type:
// they are JS values travelling through the interpreter's own completion type.
#include "sim/assert.h"

#include <string>
#include <utility>
#include <variant>

namespace loopsim::sim {

struct Error {
    std::string message;
};

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_data(std::in_place_index<1>, std::move(error)) {}

    bool is_ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return is_ok(); }

    T& value() & { LOOPSIM_ASSERT(is_ok(), "value() of a failed Result"); return std::get<0>(m_data); }
    const T& value() const& { LOOPSIM_ASSERT(is_ok(), "value() of a failed Result"); return std::get<0>(m_data); }
    T&& value() && { LOOPSIM_ASSERT(is_ok(), "value() of a failed Result"); return std::get<0>(std::move(m_data)); }
    const Error& error() const { LOOPSIM_ASSERT(!is_ok(), "error() of a successful Result"); return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_failed(true) {}

    bool is_ok() const { return !m_failed; }
    explicit operator bool() const { return is_ok(); }
    const Error& error() const { LOOPSIM_ASSERT(m_failed, "error() of a successful Result"); return m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

} // namespace loopsim::sim
