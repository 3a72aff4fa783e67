// libuv's thread pool (src/threadpool.c, 1.46) as simulated workers. See thread_pool.h.
#include "model/uv/thread_pool.h"

#include "model/uv/loop.h"
#include "sim/assert.h"
#include "sim/simulation.h"

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <utility>

namespace loopsim::uv {

namespace {
constexpr uint32_t k_default_size = 4;
constexpr uint32_t k_max_size = 1024; // MAX_THREADPOOL_SIZE
} // namespace

ThreadPool::ThreadPool(Loop& loop, ThreadPoolOptions options)
    : m_loop(loop), m_sim(loop.simulation()), m_options(std::move(options)) {
    // uv_loop_init creates the completion async handle first of all, and unrefs it: only the
    // requests in flight keep the loop alive.
    m_wq_async =
        std::make_unique<AsyncHandle>("thread-pool completions", [this] { on_completions(); });
    m_loop.register_handle(*m_wq_async);
    m_loop.unref(*m_wq_async);
    if (m_options.race_completions) {
        m_loop.set_poll_entry_hook([this] { on_poll_entry(); });
        m_loop.set_async_wake_hook([this] { on_async_wake(); });
    }
}

ThreadPool::~ThreadPool() = default;

uint32_t ThreadPool::parse_size(const std::optional<std::string>& value) {
    if (!value) return k_default_size;
    // atoi: optional whitespace and sign, then digits; anything else ends the number.
    const char* p = value->c_str();
    while (*p == ' ' || (*p >= '\t' && *p <= '\r')) ++p;
    bool negative = false;
    if (*p == '+' || *p == '-') negative = *p++ == '-';
    long long n = 0;
    while (*p >= '0' && *p <= '9' && n <= INT_MAX) n = n * 10 + (*p++ - '0');
    if (negative && n != 0) return k_max_size; // wraps to a huge unsigned count
    if (n == 0) return 1;
    return static_cast<uint32_t>(std::min<long long>(n, k_max_size));
}

void ThreadPool::start() {
    if (is_started()) return;
    uint32_t n = parse_size(m_options.size_source ? m_options.size_source() : std::nullopt);
    m_workers.reserve(n);
    for (uint32_t i = 1; i <= n; ++i) {
        sim::ActorId actor = m_sim.add_actor("worker " + std::to_string(i), sim::ActorKind::Worker);
        Worker& w = m_workers.emplace_back();
        w.index = i;
        w.actor = actor;
        w.idle_since = m_idle_counter++;
    }
    if (m_observer) m_observer->on_started(n);
}

size_t ThreadPool::queued() const {
    return m_slow_pending.size() + m_queue.size() - m_markers_queued;
}

bool ThreadPool::marker_queued() const {
    return m_markers_queued > 0;
}

WorkId ThreadPool::submit(WorkKind kind, std::string label, sim::SimTime duration,
                          HandleCallback done) {
    m_loop.catch_up(); // workers that finished meanwhile must not see this job early
    start();           // creates the workers on first use only
    auto job = std::make_unique<Job>(Job{.id = WorkId{m_next_id++},
                                         .kind = kind,
                                         .label = std::move(label),
                                         .duration = duration,
                                         .done = std::move(done),
                                         .submitted_at = m_sim.actor_now()});
    WorkId id = job->id;
    m_loop.request_started();
    if (m_observer) m_observer->on_queued(id, job->label, kind);
    // post(): slow I/O waits in its side queue behind one marker in the FIFO.
    if (kind == WorkKind::SlowIo) {
        m_slow_pending.push_back(std::move(job));
        if (marker_queued()) return id;
        m_queue.push_back(Entry{nullptr});
        ++m_markers_queued;
    } else {
        m_queue.push_back(Entry{std::move(job)});
    }
    signal_one_idle();
    return id;
}

void ThreadPool::signal_one_idle() {
    // uv_cond_signal wakes one waiting worker; we wake the one that has waited longest.
    Worker* chosen = nullptr;
    for (Worker& w : m_workers)
        if (w.idle && !w.waking && (!chosen || w.idle_since < chosen->idle_since)) chosen = &w;
    if (!chosen) return;
    chosen->waking = true;
    uint32_t index = chosen->index;
    m_sim.schedule_after(m_options.wake_latency, chosen->actor, [this, index] {
        Worker& w = m_workers[index - 1];
        w.waking = false;
        if (w.idle) try_pick(w);
    });
}

void ThreadPool::try_pick(Worker& worker) {
    // The worker loop of threadpool.c: wait while the queue is empty or holds only the
    // marker with the slow-I/O threshold reached; then take the head.
    for (;;) {
        const bool only_blocked_marker =
            m_queue.size() == 1 && !m_queue.front().job && m_slow_running >= slow_threshold();
        if (m_queue.empty() || only_blocked_marker) {
            if (!worker.idle) {
                worker.idle = true;
                worker.idle_since = m_idle_counter++;
            }
            return;
        }
        Entry entry = std::move(m_queue.front());
        m_queue.pop_front();
        if (!entry.job) --m_markers_queued;
        std::unique_ptr<Job> job;
        bool slow = false;
        if (!entry.job) {
            if (m_slow_running >= slow_threshold()) {
                m_queue.push_back(Entry{nullptr}); // re-schedule after the other work
                ++m_markers_queued;
                continue;
            }
            if (m_slow_pending.empty()) continue; // cancelled meanwhile
            slow = true;
            ++m_slow_running;
            job = std::move(m_slow_pending.front());
            m_slow_pending.pop_front();
            if (!m_slow_pending.empty()) {
                m_queue.push_back(Entry{nullptr});
                ++m_markers_queued;
                signal_one_idle();
            }
        } else {
            job = std::move(entry.job);
        }
        worker.idle = false;
        if (m_observer) m_observer->on_pick(worker.index, job->id, job->label, job->duration);
        // The job runs from the time this event was due (a worker is never late to its own
        // work, even if the main thread was busy when the kernel got to this event).
        sim::SimTime duration = job->duration;
        if (!m_first_job_picked) {
            m_first_job_picked = true;
            m_starting = true;
            if (m_options.race_completions && m_sim.choose(2, k_choice_pool_first_job) == 1)
                m_start_delay = sim::SimTime::ns(k_pool_first_job_slower_ns);
        }
        if (m_starting) duration += m_start_delay;
        worker.job = std::move(job);
        worker.job_is_slow = slow;
        schedule_finish(worker, m_sim.actor_now() + duration);
        return;
    }
}

void ThreadPool::schedule_finish(Worker& worker, sim::SimTime at) {
    const uint32_t index = worker.index;
    worker.finish_at = at;
    worker.finish_event =
        m_sim.schedule_at(at, worker.actor, [this, index] { finish(m_workers[index - 1]); });
}

void ThreadPool::finish(Worker& worker) {
    if (m_options.race_completions) {
        // The jobs that could overtake this one: running, and due within one more of this
        // job's duration (a 15 us stat does not race a 20 ms pbkdf2 that is far from done).
        std::vector<Worker*> racing{&worker};
        for (Worker& w : m_workers)
            if (&w != &worker && w.job && w.finish_at - m_sim.actor_now() <= worker.job->duration)
                racing.push_back(&w);
        if (racing.size() > 1) {
            // Options: 0 as modelled; 1..n-1 another job finishes first; then, once per
            // run, each racing job's thread preempted for a scheduler slice. Only between
            // file-system jobs: those are the steps of multi-step requests (readFile's open,
            // fstat, read, close) whose later steps a stalled thread lets overtake; for
            // single-job requests (crypto, dns) the swap above already gives every order.
            bool all_fs = true;
            for (const Worker* w : racing) all_fs = all_fs && w->job->kind == WorkKind::FastIo;
            const size_t preemptions = m_preemption_used || !all_fs ? 0 : racing.size();
            std::string why = std::string(k_choice_pool_race_question) + ": ";
            for (size_t i = 0; i < racing.size(); ++i)
                why += (i ? " | " : "") + racing[i]->job->label +
                       (i == 0 ? " (as modelled)" : " (the other threads run slower)");
            for (size_t i = 0; i < preemptions; ++i)
                why += " | " + racing[i]->job->label + " is last: the OS preempts its thread";
            const size_t chosen = m_sim.choose(racing.size() + preemptions, why);
            if (chosen >= racing.size()) {
                m_preemption_used = true;
                Worker& preempted = *racing[chosen - racing.size()];
                const sim::SimTime later =
                    preempted.finish_at + sim::SimTime::ns(k_pool_preemption_ns);
                if (&preempted == &worker) {
                    schedule_finish(worker, later);
                    return;
                }
                m_sim.cancel(preempted.finish_event);
                schedule_finish(preempted, later);
            } else if (chosen > 0) {
                // The other job finishes now; this one takes the other's finishing time.
                Worker& other = *racing[chosen];
                const sim::SimTime later = other.finish_at;
                m_sim.cancel(other.finish_event);
                schedule_finish(worker, later);
                complete(other);
                return;
            }
        }
    }
    complete(worker);
}

void ThreadPool::on_poll_entry() {
    // The jobs that may be done already in a real run, where the main thread may have been
    // slower or the pool faster: a running job due within the window, and the job at the
    // head of the queue when a worker is on its way to take it and the job is that short.
    std::vector<Worker*> nearly_done;
    for (Worker& w : m_workers)
        if (w.job && !w.job->offered_early &&
            (w.finish_at - m_sim.actor_now()).count_ns() <= k_pool_vs_loop_window_ns)
            nearly_done.push_back(&w);
    Worker* waking = nullptr;
    for (Worker& w : m_workers)
        if (w.idle && w.waking) {
            waking = &w;
            break;
        }
    const bool head_short = waking && !m_queue.empty() && m_queue.front().job &&
                            !m_queue.front().job->offered_early &&
                            m_queue.front().job->duration.count_ns() <= k_pool_vs_loop_window_ns;
    if (nearly_done.empty() && !head_short) return;
    // Each job is offered once, at the first poll that could have seen it done: a loop that
    // spins through many polls would otherwise multiply the paths without new orders.
    for (Worker* w : nearly_done) w->job->offered_early = true;
    if (head_short) m_queue.front().job->offered_early = true;
    std::string why = std::string(k_choice_pool_vs_loop_question) + ": no, as modelled";
    for (Worker* w : nearly_done) why += " | " + w->job->label + " is done already";
    if (head_short) why += " | " + m_queue.front().job->label + " is done already";
    const size_t chosen = m_sim.choose(nearly_done.size() + (head_short ? 2 : 1), why);
    if (chosen == 0) return;
    if (chosen <= nearly_done.size()) {
        Worker& w = *nearly_done[chosen - 1];
        m_sim.cancel(w.finish_event);
        complete(w);
        return;
    }
    // The waking worker took the head job at once and it is finished: its wake event will
    // find it busy or idle again and do nothing more than a normal wake-up would.
    LOOPSIM_ASSERT(waking != nullptr, "a short head job is offered only with a worker waking");
    Worker& w = *waking;
    std::unique_ptr<Job> job = std::move(m_queue.front().job);
    m_queue.pop_front();
    w.idle = false;
    if (m_observer) m_observer->on_pick(w.index, job->id, job->label, job->duration);
    w.job = std::move(job);
    w.job_is_slow = false;
    complete(w);
}

void ThreadPool::on_async_wake() {
    m_woken_at = m_sim.actor_now();
}

bool ThreadPool::offer_batch(sim::SimTime woken_at) {
    // Only where it shows: when the loop will run something else before its next poll
    // (an immediate, a close callback, a due timer: uv__backend_timeout is 0). Otherwise the
    // next poll waits for the job anyway, and its callback runs next either way.
    if (m_loop.backend_timeout() != 0) return false;
    // The jobs that may have finished while the main thread woke, soonest due first: sent
    // before it woke (not by the callbacks that just ran), and due within the window. Each
    // is offered once.
    std::vector<Worker*> finishing;
    for (Worker& w : m_workers)
        if (w.job && !w.job->offered_batch && w.job->submitted_at < woken_at &&
            (w.finish_at - woken_at).count_ns() <= k_pool_wake_window_ns)
            finishing.push_back(&w);
    if (finishing.empty()) return false;
    std::stable_sort(finishing.begin(), finishing.end(),
                     [](const Worker* a, const Worker* b) { return a->finish_at < b->finish_at; });
    std::string why = std::string(k_choice_pool_wake_question) + ": no, as modelled";
    std::string taken;
    for (Worker* w : finishing) {
        w->job->offered_batch = true;
        taken += (taken.empty() ? "" : " and ") + w->job->label;
        why += " | " + taken + (w == finishing.front() ? " was" : " were") +
               " done too, taken in the same poll";
    }
    const size_t chosen = m_sim.choose(finishing.size() + 1, why);
    // They finished before the loop took the list: their async sends were coalesced with
    // the one that woke it.
    for (size_t i = 0; i < chosen; ++i) {
        Worker& w = *finishing[i];
        m_sim.cancel(w.finish_event);
        complete(w, /*notify=*/false);
    }
    return chosen > 0;
}

void ThreadPool::complete(Worker& worker, bool notify) {
    m_starting = false;
    std::unique_ptr<Job> job = std::move(worker.job);
    if (m_observer) m_observer->on_finish(worker.index, job->id, job->label);
    m_completed.push_back(std::move(job));
    if (notify) m_loop.async_send(*m_wq_async);
    if (worker.job_is_slow) --m_slow_running;
    try_pick(worker);
}

void ThreadPool::on_completions() {
    // uv__work_done: take the whole completion list, run each done in completion order.
    const std::optional<sim::SimTime> woken_at = std::exchange(m_woken_at, std::nullopt);
    run_completed();
    // Where the loop had to wake for them, jobs that finished meanwhile were in the list too
    // (k_choice_pool_wake_question): asked once the list's callbacks have shown whether it
    // matters. Every candidate is asked about at once, so there is no second round.
    if (woken_at && offer_batch(*woken_at)) run_completed();
}

void ThreadPool::run_completed() {
    std::vector<std::unique_ptr<Job>> batch;
    batch.swap(m_completed);
    for (auto& job : batch) {
        m_loop.request_finished();
        if (m_observer) m_observer->on_done(job->id, job->label);
        if (job->done) job->done();
    }
}

} // namespace loopsim::uv
