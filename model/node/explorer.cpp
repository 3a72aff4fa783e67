// The explorer. See explorer.h.
#include "model/node/explorer.h"

#include <algorithm>
#include <condition_variable>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <tuple>

namespace loopsim::node {

namespace {

// One explored path: the run and the choices it made (its full path).
struct Leaf {
    std::vector<size_t> path;
    ScenarioResult result;
};

// The order paths are taken in: fewest choices away from the first option first, then
// lexicographic. A run with prefix P takes option 0 at every point after P, so its path
// strays exactly as often as P does, and every prefix it adds strays once more: no path below
// P comes before P in this order. A full search runs every path whatever the order; a search
// that --max-paths cuts has then seen every path that strays once from the model's own timing
// before any that strays twice, rather than one corner of the tree (depth-first order spent
// 10,000 paths on the last few points of programs with I/O, where the pool's timing choices
// multiply, and never changed their first ones).
struct StraysThenLexicographic {
    static size_t strays(const std::vector<size_t>& path) {
        return static_cast<size_t>(
            std::count_if(path.begin(), path.end(), [](size_t chosen) { return chosen != 0; }));
    }
    bool operator()(const std::vector<size_t>& a, const std::vector<size_t>& b) const {
        const size_t sa = strays(a), sb = strays(b);
        if (sa != sb) return sa < sb;
        return a < b;
    }
};

// Every path of the choice tree, run on `jobs` threads. Stateless: a run with prefix P
// reports its whole log L; the subtrees it did not take are P's siblings' business, and below
// P, for each later point d, the prefixes L[0..d) + [o] for every option o after the one
// taken (0). Pending prefixes are taken first in StraysThenLexicographic order. With more
// than `max_paths` paths, it stops once the first `max_paths + 1` in that order are known
// (every leaf before the first pending prefix is), so the result is the same for any `jobs`.
std::vector<Leaf> explore_paths(const ScenarioOptions& scenario, size_t max_paths, size_t jobs) {
    std::mutex mutex;
    std::condition_variable changed;
    std::set<std::vector<size_t>, StraysThenLexicographic> pending{{}};
    std::map<std::vector<size_t>, ScenarioResult, StraysThenLexicographic> done;
    size_t running = 0;
    // The number of known leaves that come before every pending prefix.
    const auto settled = [&] {
        if (pending.empty() || done.size() <= max_paths) return done.size();
        const std::vector<size_t>& first = *pending.begin();
        size_t n = 0;
        for (const auto& [path, result] : done) {
            if (!StraysThenLexicographic{}(path, first)) break;
            ++n;
        }
        return n;
    };
    const auto worker = [&] {
        std::unique_lock lock(mutex);
        for (;;) {
            changed.wait(lock, [&] { return !pending.empty() || running == 0; });
            if (pending.empty() || settled() > max_paths) {
                changed.notify_all();
                return;
            }
            std::vector<size_t> prefix = *pending.begin();
            pending.erase(pending.begin());
            ++running;
            lock.unlock();
            ScenarioOptions options = scenario;
            options.choices = sim::ChoiceStrategy::replay(prefix);
            ScenarioResult r = run_scenario(options);
            std::vector<size_t> path;
            for (const sim::ChoicePoint& c : r.choices) path.push_back(c.chosen);
            lock.lock();
            for (size_t d = prefix.size(); d < r.choices.size(); ++d)
                for (size_t o = r.choices[d].chosen + 1; o < r.choices[d].n; ++o) {
                    std::vector<size_t> next(path.begin(), path.begin() + static_cast<long>(d));
                    next.push_back(o);
                    pending.insert(std::move(next));
                }
            done.emplace(std::move(path), std::move(r));
            --running;
            changed.notify_all();
        }
    };
    std::vector<std::thread> threads;
    for (size_t i = 1; i < jobs; ++i) threads.emplace_back(worker);
    worker();
    for (std::thread& t : threads) t.join();
    std::vector<Leaf> leaves;
    const size_t keep = std::min(settled(), max_paths + 1);
    for (auto& [path, result] : done) {
        if (leaves.size() == keep) break;
        leaves.push_back(Leaf{path, std::move(result)});
    }
    return leaves;
}

} // namespace

Exploration explore(const ScenarioOptions& scenario, size_t max_paths, size_t jobs) {
    std::vector<Leaf> leaves = explore_paths(scenario, max_paths, jobs);
    Exploration e;
    std::map<std::tuple<std::string, std::string, int>, size_t> index;
    e.paths = std::min(leaves.size(), max_paths);
    e.complete = leaves.size() <= max_paths;
    // The paths kept are reported in depth-first (lexicographic) order: a full search reads
    // as it always has, its outputs in the order of the first path printing each.
    leaves.resize(e.paths);
    std::sort(leaves.begin(), leaves.end(),
              [](const Leaf& a, const Leaf& b) { return a.path < b.path; });
    for (size_t i = 0; i < e.paths; ++i) {
        const ScenarioResult& r = leaves[i].result;
        e.most_choice_points = std::max(e.most_choice_points, r.choices.size());
        auto key = std::make_tuple(r.stdout_text, r.stderr_text, r.exit_code);
        auto [it, fresh] = index.emplace(key, e.outputs.size());
        if (fresh)
            e.outputs.push_back(
                ExploredOutput{r.stdout_text, r.stderr_text, r.exit_code, 0, r.choices});
        ++e.outputs[it->second].paths;
    }
    return e;
}

} // namespace loopsim::node
