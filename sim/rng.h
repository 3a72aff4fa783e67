#pragma once
// Rng: loopsim's only source of pseudo-randomness (latencies, seeded choices).
// The algorithm is fixed and written out here, so a seed gives the same stream on every
// machine, compiler and standard library: xoshiro256** (Blackman and Vigna, 2018) with its
// 256-bit state filled by four outputs of splitmix64 started at the 64-bit seed. Derived
// values never go through std::*_distribution, whose output is implementation-defined:
// - below(n): Lemire's multiply-and-reject ("Fast Random Integer Generation in an
//   Interval", 2019), unbiased; a rejection draws again, so one call may consume more than
//   one 64-bit output.
// - between(lo, hi): lo + below(hi - lo + 1), in unsigned arithmetic; the full int64 range
//   takes one raw output.
// - next_unit(): the top 53 bits of one output, times 2^-53, in [0, 1).
// docs/kernel.md gives a short Python model of the same stream; the golden values in
// tests/sim/test_rng.cpp come from it.
#include <array>
#include <cstdint>

namespace loopsim::sim {

class Rng {
public:
    explicit Rng(uint64_t seed = 0);

    uint64_t next_u64();
    // Uniform in [0, n). n must be at least 1.
    uint64_t below(uint64_t n);
    // Uniform in [lo, hi], both inclusive. lo must not exceed hi.
    int64_t between(int64_t lo, int64_t hi);
    // Uniform in [0, 1) with 53 random bits.
    double next_unit();

    uint64_t seed() const { return m_seed; }

private:
    std::array<uint64_t, 4> m_state;
    uint64_t m_seed;
};

// One step of splitmix64: advances `state` and returns the next output. Exposed because
// other seeded streams (per-actor, per-exploration) derive their seeds with it.
uint64_t splitmix64(uint64_t& state);

} // namespace loopsim::sim
