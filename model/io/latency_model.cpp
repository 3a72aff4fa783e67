// The OS latency model. See latency_model.h and docs/io.md.
#include "model/io/latency_model.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <vector>

namespace loopsim::io {

namespace {

struct KindInfo {
    std::string_view key;
    LatencyEntry defaults;
    std::string_view unit;
    std::string_view description;
};

constexpr KindInfo k_kinds[] = {
#define LOOPSIM_LATENCY(Enum, key, base_ns, per_unit_ps, unit, description)                        \
    {key, {base_ns, per_unit_ps}, unit, description},
#include "model/io/latency_kinds.def"
#undef LOOPSIM_LATENCY
};

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

// A decimal number at the start of `text`; `used` gets its length.
bool parse_decimal(std::string_view text, double& value, size_t& used) {
    auto r =
        std::from_chars(text.data(), text.data() + text.size(), value, std::chars_format::fixed);
    if (r.ec != std::errc() || !std::isfinite(value) || value < 0) return false;
    used = static_cast<size_t>(r.ptr - text.data());
    return true;
}

int64_t clamp_round(double v) {
    if (v >= static_cast<double>(std::numeric_limits<int64_t>::max() / 2))
        return std::numeric_limits<int64_t>::max() / 2;
    return static_cast<int64_t>(std::llround(v));
}

std::string key_list() {
    std::string keys;
    for (const KindInfo& k : k_kinds) {
        if (!keys.empty()) keys += ", ";
        keys += k.key;
    }
    return keys;
}

} // namespace

std::string_view latency_key(LatencyKind kind) {
    return k_kinds[static_cast<size_t>(kind)].key;
}
std::string_view latency_unit(LatencyKind kind) {
    return k_kinds[static_cast<size_t>(kind)].unit;
}
std::string_view latency_description(LatencyKind kind) {
    return k_kinds[static_cast<size_t>(kind)].description;
}

sim::Result<int64_t> parse_duration_ns(std::string_view text) {
    text = trim(text);
    double value = 0;
    size_t used = 0;
    if (!parse_decimal(text, value, used))
        return sim::Error{"bad duration '" + std::string(text) +
                          "' (expected a number and a unit: 800ns, 20us, 1.5ms, 2s)"};
    std::string_view unit = trim(text.substr(used));
    double scale = 0;
    if (unit == "ns")
        scale = 1;
    else if (unit == "us" || unit == "\xC2\xB5s")
        scale = 1e3;
    else if (unit == "ms")
        scale = 1e6;
    else if (unit == "s")
        scale = 1e9;
    if (scale == 0)
        return sim::Error{"bad duration unit '" + std::string(unit) + "' in '" + std::string(text) +
                          "' (use ns, us, ms or s)"};
    return clamp_round(value * scale);
}

LatencyModel::LatencyModel() {
    for (size_t i = 0; i < k_latency_kind_count; ++i) m_entries[i] = k_kinds[i].defaults;
}

sim::SimTime LatencyModel::nominal(LatencyKind kind, uint64_t units) const {
    const LatencyEntry& e = entry(kind);
    // units * ps / 1000 without overflow for any realistic request (units < 2^40).
    const long double total =
        static_cast<long double>(e.base_ns) +
        static_cast<long double>(units) * static_cast<long double>(e.per_unit_ps) / 1000.0L;
    return sim::SimTime::ns(clamp_round(static_cast<double>(total)));
}

sim::SimTime LatencyModel::sample(LatencyKind kind, uint64_t units, sim::Rng& rng) const {
    const sim::SimTime base = nominal(kind, units);
    if (m_jitter <= 0) return base;
    const double u = rng.next_unit();
    const double factor = 1.0 + m_jitter * (2.0 * u - 1.0);
    return sim::SimTime::ns(
        std::max<int64_t>(0, clamp_round(static_cast<double>(base.count_ns()) * factor)));
}

sim::Result<void> LatencyModel::apply(std::string_view directive) {
    directive = trim(directive);
    const size_t space = directive.find_first_of(" \t");
    const std::string_view key = directive.substr(0, space);
    const std::string_view value =
        space == std::string_view::npos ? std::string_view() : trim(directive.substr(space));
    const std::string usage =
        " (expected '@latency KEY DURATION', '@latency KEY DURATION + DURATION/UNIT' or "
        "'@latency jitter PERCENT%'; see docs/io.md)";
    if (key.empty() || value.empty())
        return sim::Error{"bad @latency directive '" + std::string(directive) + "'" + usage};
    if (key == "jitter") {
        double pct = 0;
        size_t used = 0;
        if (!parse_decimal(value, pct, used) || trim(value.substr(used)) != "%" || pct > 100)
            return sim::Error{"bad @latency jitter '" + std::string(value) +
                              "' (expected a percentage from 0% to 100%)"};
        m_jitter = pct / 100.0;
        return {};
    }
    // Which kinds the key names: one exact key, or every key of a group ("fs" -> "fs.*").
    std::vector<size_t> targets;
    for (size_t i = 0; i < k_latency_kind_count; ++i) {
        std::string_view k = k_kinds[i].key;
        if (k == key ||
            (k.size() > key.size() && k.substr(0, key.size()) == key && k[key.size()] == '.'))
            targets.push_back(i);
    }
    if (targets.empty())
        return sim::Error{"unknown @latency key '" + std::string(key) + "' (known: " + key_list() +
                          ", or a group: fs, crypto, dns, pool, main)"};
    LatencyEntry entry;
    const size_t plus = value.find('+');
    sim::Result<int64_t> base = parse_duration_ns(value.substr(0, plus));
    if (!base)
        return sim::Error{"bad @latency value for '" + std::string(key) +
                          "': " + base.error().message};
    entry.base_ns = base.value();
    std::string_view rate_unit;
    if (plus != std::string_view::npos) {
        std::string_view rate = trim(value.substr(plus + 1));
        const size_t slash = rate.find('/');
        if (slash == std::string_view::npos)
            return sim::Error{"bad @latency rate '" + std::string(rate) + "' for '" +
                              std::string(key) + "' (expected DURATION/UNIT, e.g. 1ns/B)"};
        rate_unit = trim(rate.substr(slash + 1));
        double per = 0;
        size_t used = 0;
        std::string_view amount = trim(rate.substr(0, slash));
        sim::Result<int64_t> check = parse_duration_ns(amount);
        if (!check)
            return sim::Error{"bad @latency rate for '" + std::string(key) +
                              "': " + check.error().message};
        (void)parse_decimal(amount, per, used);
        std::string_view unit = trim(amount.substr(used));
        const double ps_scale = unit == "ns" ? 1e3 : unit == "ms" ? 1e9 : unit == "s" ? 1e12 : 1e6;
        entry.per_unit_ps = clamp_round(per * ps_scale);
        for (size_t i : targets) {
            if (k_kinds[i].unit != rate_unit)
                return sim::Error{
                    "@latency key '" + std::string(k_kinds[i].key) + "' is measured per '" +
                    std::string(k_kinds[i].unit.empty() ? "request" : k_kinds[i].unit) +
                    "', not per '" + std::string(rate_unit) + "'"};
        }
    }
    for (size_t i : targets) m_entries[i] = entry;
    return {};
}

} // namespace loopsim::io
