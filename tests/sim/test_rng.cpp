// The golden values below come from an independent Python model of the documented
// algorithm (also in docs/kernel.md), run with Python 3.11:
//
//   M = (1 << 64) - 1
//   def splitmix64(state):
//       state = (state + 0x9E3779B97F4A7C15) & M
//       z = state
//       z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
//       z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
//       return state, z ^ (z >> 31)
//   def rotl(x, k): return ((x << k) | (x >> (64 - k))) & M
//   class X:
//       def __init__(self, seed):
//           self.s, st = [], seed
//           for _ in range(4):
//               st, v = splitmix64(st); self.s.append(v)
//       def next(self):
//           s = self.s
//           r = (rotl((s[1] * 5) & M, 7) * 9) & M
//           t = (s[1] << 17) & M
//           s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t
//           s[3] = rotl(s[3], 45)
//           return r
//       def below(self, n):
//           m = self.next() * n
//           if m & M < n:
//               t = ((1 << 64) - n) % n
//               while m & M < t: m = self.next() * n
//           return m >> 64
//       def unit(self): return (self.next() >> 11) * 2.0**-53
//
//   X(0): next() x4, below(6) x8, -3 + below(7) x8, unit() x3 (each from a fresh X(0));
//   the same for X(42); X(7).below(2**63 + 1) x3; splitmix64 from state 0, two outputs.
#include "sim/rng.h"

#include <array>
#include <cstdint>
#include <doctest/doctest.h>
#include <limits>
#include <vector>

using loopsim::sim::Rng;

namespace {

template <typename F> auto draw(uint64_t seed, int count, F f) {
    Rng rng(seed);
    std::vector<decltype(f(rng))> values;
    for (int i = 0; i < count; ++i) values.push_back(f(rng));
    return values;
}

} // namespace

TEST_SUITE("rng") {

    TEST_CASE("splitmix64 matches the reference outputs from state 0") {
        uint64_t state = 0;
        CHECK(loopsim::sim::splitmix64(state) == 0xe220a8397b1dcdafULL);
        CHECK(loopsim::sim::splitmix64(state) == 0x6e789e6aa1b965f4ULL);
    }

    TEST_CASE("seed 0 produces the golden xoshiro256** stream") {
        CHECK(draw(0, 4, [](Rng& r) { return r.next_u64(); }) ==
              std::vector<uint64_t>{0x99ec5f36cb75f2b4ULL, 0xbf6e1f784956452aULL,
                                    0x1a5f849d4933e6e0ULL, 0x6aa594f1262d2d2cULL});
        CHECK(draw(0, 8, [](Rng& r) { return r.below(6); }) ==
              std::vector<uint64_t>{3, 4, 0, 2, 4, 5, 2, 3});
        CHECK(draw(0, 8, [](Rng& r) { return r.between(-3, 3); }) ==
              std::vector<int64_t>{1, 2, -3, -1, 2, 3, -1, 0});
        CHECK(draw(0, 3, [](Rng& r) { return r.next_unit(); }) ==
              std::vector<double>{0.6012629994179048, 0.7477740925472398, 0.10301998939503632});
    }

    TEST_CASE("seed 42 produces the golden xoshiro256** stream") {
        CHECK(draw(42, 4, [](Rng& r) { return r.next_u64(); }) ==
              std::vector<uint64_t>{0x15780b2e0c2ec716ULL, 0x6104d9866d113a7eULL,
                                    0xae17533239e499a1ULL, 0xecb8ad4703b360a1ULL});
        CHECK(draw(42, 8, [](Rng& r) { return r.below(6); }) ==
              std::vector<uint64_t>{0, 2, 4, 5, 5, 4, 4, 5});
        CHECK(draw(42, 8, [](Rng& r) { return r.between(-3, 3); }) ==
              std::vector<int64_t>{-3, -1, 1, 3, 3, 2, 2, 2});
        CHECK(draw(42, 3, [](Rng& r) { return r.next_unit(); }) ==
              std::vector<double>{0.08386297105988216, 0.3789802506626686, 0.6800434110281394});
    }

    TEST_CASE("below with a range just over 2^63 rejects and redraws like the reference") {
        CHECK(draw(7, 3, [](Rng& r) { return r.below((uint64_t{1} << 63) + 1); }) ==
              std::vector<uint64_t>{6461677535414237997ULL, 7744196453246319819ULL,
                                    9049029322324588832ULL});
    }

    TEST_CASE("the same seed gives the same stream and different seeds differ") {
        Rng a(1234);
        Rng b(1234);
        Rng c(1235);
        int differences = 0;
        for (int i = 0; i < 1000; ++i) {
            const uint64_t x = a.next_u64();
            REQUIRE(x == b.next_u64());
            if (x != c.next_u64()) ++differences;
        }
        CHECK(differences == 1000);
        CHECK(a.seed() == 1234);
    }

    TEST_CASE("below stays in range and reaches every value") {
        Rng rng(9);
        for (int i = 0; i < 100; ++i) CHECK(rng.below(1) == 0);
        std::array<int, 7> seen{};
        for (int i = 0; i < 7000; ++i) {
            const uint64_t v = rng.below(7);
            REQUIRE(v < 7);
            ++seen[v];
        }
        // Expected 1000 each; a fair generator stays far inside +-15% at this count.
        for (int count : seen) CHECK((count > 850 && count < 1150));
        const uint64_t huge = std::numeric_limits<uint64_t>::max();
        for (int i = 0; i < 1000; ++i) REQUIRE(rng.below(huge) < huge);
    }

    TEST_CASE("between includes both ends and handles the whole int64 range") {
        Rng rng(3);
        bool saw_lo = false;
        bool saw_hi = false;
        for (int i = 0; i < 1000; ++i) {
            const int64_t v = rng.between(-2, 2);
            REQUIRE(v >= -2);
            REQUIRE(v <= 2);
            saw_lo = saw_lo || v == -2;
            saw_hi = saw_hi || v == 2;
        }
        CHECK(saw_lo);
        CHECK(saw_hi);
        CHECK(rng.between(5, 5) == 5);

        constexpr int64_t lowest = std::numeric_limits<int64_t>::min();
        constexpr int64_t highest = std::numeric_limits<int64_t>::max();
        Rng full(11);
        Rng raw(11);
        CHECK(full.between(lowest, highest) == static_cast<int64_t>(raw.next_u64()));
        for (int i = 0; i < 100; ++i) {
            const int64_t v = full.between(highest - 1, highest);
            REQUIRE(v >= highest - 1);
        }
    }

    TEST_CASE("next_unit stays at or above 0 and below 1") {
        Rng rng(5);
        double lowest = 1.0;
        double highest = 0.0;
        for (int i = 0; i < 10000; ++i) {
            const double u = rng.next_unit();
            REQUIRE(u >= 0.0);
            REQUIRE(u < 1.0);
            lowest = u < lowest ? u : lowest;
            highest = u > highest ? u : highest;
        }
        CHECK(lowest < 0.01);
        CHECK(highest > 0.99);
    }

} // TEST_SUITE
