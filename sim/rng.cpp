#include "sim/rng.h"

#include "sim/assert.h"

namespace loopsim::sim {

namespace {

constexpr uint64_t rotate_left(uint64_t x, int k) {
    return (x << k) | (x >> (64 - k));
}

} // namespace

uint64_t splitmix64(uint64_t& state) {
    state += 0x9E3779B97F4A7C15ULL;
    uint64_t z = state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

Rng::Rng(uint64_t seed) : m_seed(seed) {
    uint64_t state = seed;
    // splitmix64 never yields four zero words in a row, so the state is never all zero
    // (the one state xoshiro cannot leave).
    for (uint64_t& word : m_state) word = splitmix64(state);
}

uint64_t Rng::next_u64() {
    uint64_t* s = m_state.data();
    const uint64_t result = rotate_left(s[1] * 5, 7) * 9;
    const uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotate_left(s[3], 45);
    return result;
}

uint64_t Rng::below(uint64_t n) {
    LOOPSIM_ASSERT(n > 0, "Rng::below needs a non-empty range");
    // The high word of x * n is uniform over [0, n) once the low word is outside the
    // (2^64 mod n) values that would over-represent some results.
    unsigned __int128 product = static_cast<unsigned __int128>(next_u64()) * n;
    auto low = static_cast<uint64_t>(product);
    if (low < n) {
        const uint64_t threshold = (0 - n) % n; // 2^64 mod n
        while (low < threshold) {
            product = static_cast<unsigned __int128>(next_u64()) * n;
            low = static_cast<uint64_t>(product);
        }
    }
    return static_cast<uint64_t>(product >> 64);
}

int64_t Rng::between(int64_t lo, int64_t hi) {
    LOOPSIM_ASSERT(lo <= hi, "Rng::between needs lo <= hi");
    const uint64_t span = static_cast<uint64_t>(hi) - static_cast<uint64_t>(lo) + 1;
    if (span == 0) return static_cast<int64_t>(next_u64()); // the whole int64 range
    return static_cast<int64_t>(static_cast<uint64_t>(lo) + below(span));
}

double Rng::next_unit() {
    return static_cast<double>(next_u64() >> 11) * 0x1.0p-53;
}

} // namespace loopsim::sim
