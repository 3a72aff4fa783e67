#include "sim/chooser.h"

#include "sim/assert.h"

#include <utility>

namespace loopsim::sim {

ChoiceStrategy ChoiceStrategy::seeded(uint64_t seed) {
    return ChoiceStrategy{ChoiceMode::Seeded, seed, {}};
}

ChoiceStrategy ChoiceStrategy::replay(std::vector<size_t> prefix) {
    return ChoiceStrategy{ChoiceMode::Replay, 0, std::move(prefix)};
}

Chooser::Chooser(ChoiceStrategy strategy)
    : m_strategy(std::move(strategy)), m_rng(m_strategy.seed) {}

size_t Chooser::choose(size_t n, std::string_view why) {
    LOOPSIM_ASSERT(n >= 1, "choose() needs at least one option");
    if (n == 1) return 0;
    size_t chosen = 0;
    switch (m_strategy.mode) {
    case ChoiceMode::Default:
        break;
    case ChoiceMode::Seeded:
        chosen = static_cast<size_t>(m_rng.below(n));
        break;
    case ChoiceMode::Replay: {
        const size_t index = m_log.size();
        // Once the replay has diverged, the rest of the run takes defaults.
        if (index >= m_strategy.prefix.size() || m_mismatch) break;
        const size_t wanted = m_strategy.prefix[index];
        if (wanted < n) {
            chosen = wanted;
            break;
        }
        m_mismatch = ReplayMismatch{
            index, wanted, n, std::string(why),
            "replay diverged at choice " + std::to_string(index) + " (" + std::string(why) +
                "): the path asks for option " + std::to_string(wanted) + " but only " +
                std::to_string(n) +
                " exist here; the path was recorded from a different scenario or options"};
        break;
    }
    }
    m_log.push_back(ChoicePoint{n, chosen, std::string(why)});
    return chosen;
}

std::vector<size_t> Chooser::path() const {
    std::vector<size_t> result;
    result.reserve(m_log.size());
    for (const ChoicePoint& point : m_log) result.push_back(point.chosen);
    return result;
}

std::string choice_question(const ChoicePoint& point) {
    const size_t colon = point.why.find(": ");
    return colon == std::string::npos ? point.why : point.why.substr(0, colon);
}

std::string choice_answer(const ChoicePoint& point) {
    const std::string unnamed =
        "option " + std::to_string(point.chosen + 1) + " of " + std::to_string(point.n);
    const size_t colon = point.why.find(": ");
    if (colon == std::string::npos) return unnamed;
    std::string_view options = std::string_view(point.why).substr(colon + 2);
    for (size_t i = 0; i < point.chosen; ++i) {
        const size_t bar = options.find(" | ");
        if (bar == std::string_view::npos) return unnamed;
        options.remove_prefix(bar + 3);
    }
    return std::string(options.substr(0, options.find(" | ")));
}

std::optional<std::vector<size_t>> next_path(const std::vector<ChoicePoint>& log) {
    for (size_t depth = log.size(); depth-- > 0;) {
        if (log[depth].chosen + 1 < log[depth].n) {
            std::vector<size_t> path;
            path.reserve(depth + 1);
            for (size_t i = 0; i < depth; ++i) path.push_back(log[i].chosen);
            path.push_back(log[depth].chosen + 1);
            return path;
        }
    }
    return std::nullopt;
}

} // namespace loopsim::sim
