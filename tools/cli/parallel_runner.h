#pragma once
// run_parallel: the worker pool of the commands that run many scenarios (batch, check), and
// Progress, what they show while it runs.
//
// Contract: work(i) runs once for each i in [0, count) on `jobs` std::threads (on the
// calling thread when jobs <= 1), taking indexes in increasing order. On the calling
// thread only, done(i) is called for each i in index order, as soon as i and every index
// before it have finished, so what done() prints does not depend on the number of jobs or on
// which worker was fastest; progress(finished) is called after each completion with the
// number finished so far. work() must not throw (it reports failures in its own result),
// and must touch only its own slot of any shared result vector.
#include <cstddef>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>

namespace loopsim::cli {

void run_parallel(size_t count, unsigned jobs, const std::function<void(size_t)>& work,
                  const std::function<void(size_t)>& done,
                  const std::function<void(size_t)>& progress);

// The default worker count: the machine's hardware threads (at least 1).
unsigned default_jobs();

// Per-scenario lines on `out` and, when `err` is a terminal, a progress bar redrawn in place
// on `err` ("[#######.......]  37/124  2 failed  basics/03_..."). On a terminal only the
// lines flagged important (failures) are printed, above the bar; otherwise every line is.
class Progress {
public:
    Progress(std::ostream& out, std::ostream& err, size_t total);
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    void line(const std::string& text, bool important);
    void update(size_t finished, size_t failed, std::string_view current);
    // Clears the bar (call before the closing lines).
    void finish();
    bool is_terminal() const { return m_terminal; }

private:
    void clear_bar();

    std::ostream& m_out;
    std::ostream& m_err;
    size_t m_total;
    bool m_terminal;
    bool m_bar_shown = false;
};

// True when the stream is std::cout or std::cerr and that file descriptor is a terminal.
bool is_terminal(const std::ostream& stream);

} // namespace loopsim::cli
