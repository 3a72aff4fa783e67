// The worker pool and the progress display. See parallel_runner.h.
#include "tools/cli/parallel_runner.h"

#include <algorithm>
#include <condition_variable>
#include <iostream>
#include <mutex>
#include <thread>
#include <unistd.h>
#include <vector>

namespace loopsim::cli {

void run_parallel(size_t count, unsigned jobs, const std::function<void(size_t)>& work,
                  const std::function<void(size_t)>& done,
                  const std::function<void(size_t)>& progress) {
    if (jobs <= 1 || count <= 1) {
        for (size_t i = 0; i < count; ++i) {
            work(i);
            progress(i + 1);
            done(i);
        }
        return;
    }
    std::mutex mutex;
    std::condition_variable finished_one;
    std::vector<char> finished(count, 0);
    size_t next = 0, finished_count = 0;
    const auto worker = [&] {
        for (;;) {
            size_t i;
            {
                std::lock_guard lock(mutex);
                if (next == count) return;
                i = next++;
            }
            work(i);
            {
                std::lock_guard lock(mutex);
                finished[i] = 1;
                ++finished_count;
            }
            finished_one.notify_one();
        }
    };
    std::vector<std::thread> threads;
    const size_t n = std::min<size_t>(jobs, count);
    threads.reserve(n);
    for (size_t t = 0; t < n; ++t) threads.emplace_back(worker);
    size_t reported = 0, seen = 0;
    while (reported < count) {
        size_t now;
        {
            std::unique_lock lock(mutex);
            finished_one.wait(lock, [&] { return finished_count > seen; });
            now = finished_count;
        }
        seen = now;
        progress(now);
        for (;;) {
            bool ready;
            {
                std::lock_guard lock(mutex);
                ready = reported < count && finished[reported];
            }
            if (!ready) break;
            done(reported++);
        }
    }
    for (std::thread& t : threads) t.join();
}

unsigned default_jobs() {
    return std::max(1u, std::thread::hardware_concurrency());
}

bool is_terminal(const std::ostream& stream) {
    if (&stream == &std::cerr || &stream == &std::clog) return isatty(STDERR_FILENO) == 1;
    if (&stream == &std::cout) return isatty(STDOUT_FILENO) == 1;
    return false;
}

Progress::Progress(std::ostream& out, std::ostream& err, size_t total)
    : m_out(out), m_err(err), m_total(total), m_terminal(cli::is_terminal(err)) {}

Progress::~Progress() {
    finish();
}

void Progress::clear_bar() {
    if (!m_bar_shown) return;
    m_err << "\r\033[K" << std::flush;
    m_bar_shown = false;
}

void Progress::line(const std::string& text, bool important) {
    if (m_terminal && !important) return;
    clear_bar();
    m_out << text << '\n';
    m_out.flush();
}

void Progress::update(size_t finished, size_t failed, std::string_view current) {
    if (!m_terminal || m_total == 0) return;
    constexpr size_t kWidth = 30;
    const size_t filled = finished * kWidth / m_total;
    std::string bar = "\r\033[K[" + std::string(filled, '#') + std::string(kWidth - filled, '.') +
                      "] " + std::to_string(finished) + "/" + std::to_string(m_total);
    if (failed > 0) bar += "  " + std::to_string(failed) + " failed";
    if (!current.empty()) {
        std::string name(current);
        if (name.size() > 40) name = "..." + name.substr(name.size() - 37);
        bar += "  " + name;
    }
    m_err << bar << std::flush;
    m_bar_shown = true;
}

void Progress::finish() {
    clear_bar();
}

} // namespace loopsim::cli
