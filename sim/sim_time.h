#pragma once
// SimTime: a point or span of virtual time, as a whole number of nanoseconds.
// Never floating point: two runs of the same scenario must agree to the nanosecond on every
// machine. libuv's cached millisecond loop time is a different quantity (model/uv keeps it as
// a named value) and is derived from SimTime only where libuv itself reads the clock.
#include <compare>
#include <cstdint>
#include <limits>

namespace loopsim::sim {

class SimTime {
public:
    constexpr SimTime() = default;

    static constexpr SimTime ns(int64_t n) { return SimTime(n); }
    static constexpr SimTime us(int64_t n) { return SimTime(n * 1'000); }
    static constexpr SimTime ms(int64_t n) { return SimTime(n * 1'000'000); }
    static constexpr SimTime seconds(int64_t n) { return SimTime(n * 1'000'000'000); }
    static constexpr SimTime zero() { return SimTime(0); }
    static constexpr SimTime max() { return SimTime(std::numeric_limits<int64_t>::max()); }

    constexpr int64_t count_ns() const { return m_ns; }
    // Whole milliseconds, rounded toward negative infinity (libuv's uv__hrtime / 1e6 on a
    // non-negative clock).
    constexpr int64_t whole_ms() const { return m_ns >= 0 ? m_ns / 1'000'000 : -((-m_ns + 999'999) / 1'000'000); }

    constexpr SimTime operator+(SimTime o) const { return SimTime(m_ns + o.m_ns); }
    constexpr SimTime operator-(SimTime o) const { return SimTime(m_ns - o.m_ns); }
    constexpr SimTime& operator+=(SimTime o) { m_ns += o.m_ns; return *this; }
    constexpr SimTime& operator-=(SimTime o) { m_ns -= o.m_ns; return *this; }
    constexpr auto operator<=>(const SimTime&) const = default;

private:
    constexpr explicit SimTime(int64_t n) : m_ns(n) {}
    int64_t m_ns = 0;
};

// Where a reading of a millisecond clock stands within its millisecond, and how far the clock
// would have to move forward for the reading to be 1 ns before the next tick ("about to
// tick") or exactly on a tick (a fresh millisecond; 0 when it already is). For the choice
// points of a clock's phase: libuv's loop clock and Date.now()'s wall clock.
struct MsPhase {
    int64_t into_ns; // [0, 1 ms)
    constexpr int64_t to_tick_ns() const { return 999'999 - into_ns; }
    constexpr int64_t to_fresh_ms_ns() const { return (1'000'000 - into_ns) % 1'000'000; }
};
constexpr MsPhase ms_phase(int64_t reading_ns) { return MsPhase{reading_ns % 1'000'000}; }

} // namespace loopsim::sim
