#pragma once
// Chooser: the choice points of one run, and the way an explorer walks them.
// Wherever real Node's order depends on timing the model does not pin down, the model asks
// `choose(n, why)` for an index in [0, n). How it is answered depends on the strategy:
//   Default  always 0: the one ordering `loopsim run` shows;
//   Seeded   Rng(seed).below(n): a reproducible random ordering;
//   Replay   the next index of a given prefix, then 0 once the prefix is used up.
// Every call with n >= 2 appends ChoicePoint{n, chosen, why} to the log; n == 1 is no
// choice and leaves no trace. Because a run is a pure function of its choices, replaying
// the log's indices reproduces the same run and the same log, so an explorer can re-run a
// scenario along every path of the choice tree (stateless exploration): run, take
// next_path(log), replay it, until next_path returns nullopt.
//
// A replay prefix that does not fit (index >= n at that point, i.e. the scenario took a
// different path than the one that produced the prefix) is a typed ReplayMismatch: the
// choice falls back to 0, mismatch() reports it and the Simulation stops the run with it.
#include "sim/rng.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace loopsim::sim {

enum class ChoiceMode : uint8_t {
    Default,
    Seeded,
    Replay
};

struct ChoiceStrategy {
    ChoiceMode mode = ChoiceMode::Default;
    uint64_t seed = 0;            // Seeded only
    std::vector<size_t> prefix{}; // Replay only: the chosen indices, one per logged point

    static ChoiceStrategy seeded(uint64_t seed);
    static ChoiceStrategy replay(std::vector<size_t> prefix);
};

struct ChoicePoint {
    size_t n;        // number of options, at least 2
    size_t chosen;   // in [0, n)
    std::string why; // what was being decided, e.g. "timer vs immediate at first iteration"
    friend bool operator==(const ChoicePoint&, const ChoicePoint&) = default;
};

struct ReplayMismatch {
    size_t index;        // position in the prefix (and in the log)
    size_t wanted;       // the prefix's index there
    size_t n;            // the options the run actually offered there
    std::string why;     // the choice point's reason
    std::string message; // one line for the user
};

class Chooser {
public:
    explicit Chooser(ChoiceStrategy strategy = {});

    // An index in [0, n); n must be at least 1.
    size_t choose(size_t n, std::string_view why);

    const std::vector<ChoicePoint>& log() const { return m_log; }
    // The chosen index of every logged point: the path this run took.
    std::vector<size_t> path() const;
    ChoiceMode mode() const { return m_strategy.mode; }
    // The first replay prefix entry that did not fit, if any.
    const std::optional<ReplayMismatch>& mismatch() const { return m_mismatch; }
    // False while a Replay prefix still has entries no choice point has taken.
    bool is_prefix_consumed() const { return m_log.size() >= m_strategy.prefix.size(); }

private:
    ChoiceStrategy m_strategy;
    Rng m_rng;
    std::vector<ChoicePoint> m_log;
    std::optional<ReplayMismatch> m_mismatch;
};

// A choice point's `why` may name its options: "QUESTION: OPTION 0 | OPTION 1 | ...".
// choice_question() is the part before ": " (the whole text when there is none);
// choice_answer() is the option taken ("option K of N" when the options are not named).
std::string choice_question(const ChoicePoint& point);
std::string choice_answer(const ChoicePoint& point);

// The path after `log`'s in depth-first order: the deepest point that has an option left
// moves to its next option and every point after it is dropped (they will be re-decided,
// by default as 0, when the path is replayed). nullopt when every point is at its last
// option, i.e. the whole tree has been visited.
std::optional<std::vector<size_t>> next_path(const std::vector<ChoicePoint>& log);

} // namespace loopsim::sim
