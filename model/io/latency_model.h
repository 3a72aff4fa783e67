#pragma once
// LatencyModel: how long the simulated OS takes for each kind of request (docs/io.md).
//
// Contract:
// - Each kind (latency_kinds.def) has a base time and a time per unit (bytes, iterations,
//   entries); nominal(kind, units) = base + units * per_unit.
// - sample() adds seeded jitter: the nominal time times (1 + j * (2u - 1)), u uniform in
//   [0, 1) from the kernel's Rng, j the jitter fraction (default k_default_jitter). Same seed,
//   same draws in the same order: the same durations on every machine.
// - Scenarios override entries in their header (`// @latency fs.read 2ms`); see apply().
#include "sim/result.h"
#include "sim/rng.h"
#include "sim/sim_time.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace loopsim::io {

enum class LatencyKind : uint8_t {
#define LOOPSIM_LATENCY(Enum, key, base_ns, per_unit_ps, unit, description) Enum,
#include "model/io/latency_kinds.def"
#undef LOOPSIM_LATENCY
    Count
};

inline constexpr size_t k_latency_kind_count = static_cast<size_t>(LatencyKind::Count);
// The default jitter: +/- 10 %.
inline constexpr double k_default_jitter = 0.10;

struct LatencyEntry {
    int64_t base_ns = 0;
    int64_t per_unit_ps = 0; // picoseconds per unit
};

std::string_view latency_key(LatencyKind kind);
std::string_view latency_unit(LatencyKind kind);
std::string_view latency_description(LatencyKind kind);

class LatencyModel {
public:
    LatencyModel(); // the defaults of latency_kinds.def

    // One `@latency` directive (the text after the word):
    //   KEY DURATION                    the request takes DURATION, whatever its size
    //   KEY DURATION + DURATION/UNIT    a base time plus a time per unit (UNIT as listed)
    //   jitter PERCENT%                 the jitter fraction for every request
    // KEY is a key of the table (fs.read) or a group (fs, crypto, dns, pool, main) that sets
    // every key in it. DURATION is a decimal number with ns, us, ms or s (1.5ms, 800ns).
    sim::Result<void> apply(std::string_view directive);

    const LatencyEntry& entry(LatencyKind kind) const {
        return m_entries[static_cast<size_t>(kind)];
    }
    void set_entry(LatencyKind kind, LatencyEntry entry) {
        m_entries[static_cast<size_t>(kind)] = entry;
    }
    double jitter() const { return m_jitter; }
    void set_jitter(double fraction) { m_jitter = fraction; }

    sim::SimTime nominal(LatencyKind kind, uint64_t units = 0) const;
    sim::SimTime sample(LatencyKind kind, uint64_t units, sim::Rng& rng) const;

private:
    std::array<LatencyEntry, k_latency_kind_count> m_entries;
    double m_jitter = k_default_jitter;
};

// "1.5ms" -> 1'500'000 ns; errors name the accepted units.
sim::Result<int64_t> parse_duration_ns(std::string_view text);

} // namespace loopsim::io
