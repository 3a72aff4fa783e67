#pragma once
// ThreadPool: libuv's worker threads (src/threadpool.c) as simulated actors.
//
// Contract, following libuv 1.46:
// - Size: read once, at the first submit (uv_once in init_threads), from the size source
//   (Node's process.env.UV_THREADPOOL_SIZE): parsed like atoi; 0 -> 1, above 1024 -> 1024,
//   negative -> 1024 (libuv converts it to an unsigned count). Default 4.
// - One FIFO work queue. Fast I/O (fs) and CPU work (crypto, zlib) are queued directly. Slow
//   I/O (getaddrinfo) waits in a side queue behind a single marker in the FIFO; a worker
//   reaching the marker runs one slow request only while fewer than (size + 1) / 2 slow
//   requests run, else moves the marker to the tail. So DNS can never hold more than half
//   the pool, and other work overtakes it.
// - A submit wakes one idle worker (the one idle longest). A worker that finishes a job
//   takes the next one itself at once. A woken worker takes a job after the wake latency;
//   if the queue is empty by then (a finishing worker took it) it goes back to waiting.
// - A finished job is appended to the loop's completion list (in completion order) and the
//   loop's internal async handle is sent; in the poll phase every completed job's `done`
//   runs, in completion order. Jobs completing while those run wait for the next poll.
// - Each job is an active request of the loop from submit until its done runs.
// Workers are kernel actors ("worker 1".."worker N"); they never run JavaScript.
#include "model/uv/handle.h"
#include "sim/actor.h"
#include "sim/event_queue.h"
#include "sim/sim_time.h"

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace loopsim::sim {
class Simulation;
}

namespace loopsim::uv {

class Loop;

enum class WorkKind : uint8_t {
    Cpu,    // uv_queue_work: crypto, zlib
    FastIo, // uv_fs_*
    SlowIo, // uv_getaddrinfo, uv_getnameinfo
};

struct WorkId {
    uint64_t value = 0;
    friend constexpr bool operator==(WorkId, WorkId) = default;
};

// What the pool reports, for traces and narration.
class ThreadPoolObserver {
public:
    virtual ~ThreadPoolObserver() = default;
    virtual void on_started(uint32_t size) {}
    virtual void on_queued(WorkId id, const std::string& label, WorkKind kind) {}
    virtual void on_pick(uint32_t worker, WorkId id, const std::string& label,
                         sim::SimTime duration) {}
    virtual void on_finish(uint32_t worker, WorkId id, const std::string& label) {}
    virtual void on_done(WorkId id, const std::string& label) {}
};

struct ThreadPoolOptions {
    // The environment variable's value at first use, if set (Node: process.env).
    std::function<std::optional<std::string>()> size_source;
    sim::SimTime wake_latency = sim::SimTime::us(20); // an idle worker waking on a submit
    // Real threads run at independent speeds: when a job finishes while others that would
    // finish within one more such job are running, which one the OS lets finish first is a
    // choice point (k_choice_pool_race). Off, the modelled durations decide alone.
    bool race_completions = false;
};

// The choice point of the pool's start: its worker threads have only just been created, and
// on a loaded machine they take longer to get going (node's first fs.stat reaches its callback
// about 0.2 ms after the call, a later one after 30 us), so the loop's first poll phase may
// not see the first jobs done yet. The slower option delays every job that starts before the
// first one is done by the same amount, so their own order is kept.
inline constexpr const char* k_choice_pool_first_job =
    "how fast the thread pool's workers got going, only just started: as modelled | slower, "
    "by half a millisecond (a loaded machine)";
inline constexpr int64_t k_pool_first_job_slower_ns = 500'000;

// A further option at a race of file-system jobs: the OS preempts one of the racing threads
// just before its job is done and gives the core to another runnable thread for a scheduler
// slice, so the job finishes this much later and other requests' next steps may overtake
// it. Offered at most once per run (a rare event: exploring two preemptions in one run multiplies
// the paths without showing orders real node produces in practice).
inline constexpr int64_t k_pool_preemption_ns = 1'000'000;

// The choice point of a pool job against the main thread: the loop polls without waiting
// (or with a deadline) while a job that is nearly done runs (see ThreadPool::on_poll_entry).
inline constexpr const char* k_choice_pool_vs_loop_question =
    "whether a thread-pool job still running is already done when the loop polls";
// How far from done (modelled) a job may be and still count as possibly done: the main
// thread's own timing varies by about this much.
inline constexpr int64_t k_pool_vs_loop_window_ns = 1'000'000;

// The choice point of a blocked loop waking for a finished job: libuv's main thread, asleep
// in epoll_wait, takes the completion list (uv__work_done) only once it is awake, so a job
// that finishes while it wakes is taken in the same poll phase, and their callbacks run
// back to back. The options are: none, as modelled; or the first k of the jobs due within
// the window, in the order they are due. Asked after the list's callbacks ran, and only when
// the loop then has something else to run before its next poll (ThreadPool::offer_batch).
inline constexpr const char* k_choice_pool_wake_question =
    "whether a thread-pool job finished while the loop was waking up for another";
// How long after the loop woke another job may finish and still be taken with it. node, on a
// machine with other work on it (scripts/measure-batched-completions.js: two fs.access calls
// d us apart, 40 to 100 rounds each, three runs): both callbacks in one poll phase in 25 to
// 72 % of rounds at 10 to 80 us, and in 12 to 32 % at 160 us; the loop's wake-up and the
// workers' own (pool.wake, 12.9 us nominal) vary that much.
inline constexpr int64_t k_pool_wake_window_ns = 200'000;

// The choice point of racing pool jobs; the options are the jobs (see ThreadPool::finish).
inline constexpr const char* k_choice_pool_race_question =
    "which of the thread-pool jobs running at the same time finishes first";

class ThreadPool {
public:
    ThreadPool(Loop& loop, ThreadPoolOptions options);
    ThreadPool(const ThreadPool&) = delete;
    ThreadPool& operator=(const ThreadPool&) = delete;
    ~ThreadPool();

    void set_observer(ThreadPoolObserver* observer) { m_observer = observer; }

    // Queues a job that keeps a worker busy for `duration`; `done` runs on the main thread
    // in a later poll phase. Starts the workers on first use.
    WorkId submit(WorkKind kind, std::string label, sim::SimTime duration, HandleCallback done);

    // Creates the workers (UV_THREADPOOL_SIZE is read now), as libuv's init_threads does on
    // the first submit; a caller that charges the main thread for that starts them first.
    // Does nothing once they exist.
    void start();
    bool is_started() const { return !m_workers.empty(); }
    uint32_t size() const { return static_cast<uint32_t>(m_workers.size()); }
    // Jobs queued and not yet picked (slow ones in the side queue included).
    size_t queued() const;
    // Parses a UV_THREADPOOL_SIZE value as libuv does (see the contract above).
    static uint32_t parse_size(const std::optional<std::string>& value);

private:
    struct Job {
        WorkId id;
        WorkKind kind;
        std::string label;
        sim::SimTime duration;
        HandleCallback done;
        bool offered_early = false; // on_poll_entry asked about it once already
        bool offered_batch = false; // offer_batch asked about it once already
        sim::SimTime submitted_at;  // main-thread time of the submit
    };
    struct Worker {
        uint32_t index = 0; // 1-based, as in the lane names
        sim::ActorId actor;
        bool idle = true;
        bool waking = false;      // signalled, wake event pending
        uint64_t idle_since = 0;  // order in which workers went idle
        std::unique_ptr<Job> job; // the job it runs, while busy
        bool job_is_slow = false;
        sim::EventId finish_event{}; // while busy: the event that ends the job
        sim::SimTime finish_at;      // and when it is due
    };
    // An entry of the FIFO: a job, or the slow-I/O marker.
    struct Entry {
        std::unique_ptr<Job> job; // null: the marker
    };

    void signal_one_idle();
    void try_pick(Worker& worker);
    void finish(Worker& worker);
    void complete(Worker& worker, bool notify = true);
    void on_poll_entry();
    void on_async_wake();
    bool offer_batch(sim::SimTime woken_at);
    void schedule_finish(Worker& worker, sim::SimTime at);
    void on_completions();
    void run_completed();
    bool marker_queued() const;
    uint32_t slow_threshold() const { return (size() + 1) / 2; }

    Loop& m_loop;
    sim::Simulation& m_sim;
    ThreadPoolOptions m_options;
    ThreadPoolObserver* m_observer = nullptr;
    std::vector<Worker> m_workers;
    std::deque<Entry> m_queue;
    size_t m_markers_queued = 0; // slow-I/O markers in m_queue (queued() is O(1))
    std::deque<std::unique_ptr<Job>> m_slow_pending;
    uint32_t m_slow_running = 0;
    bool m_preemption_used = false; // the race's preemption option was taken in this run
    bool m_first_job_picked = false;
    bool m_starting = false;    // no job has finished yet since the first was picked
    sim::SimTime m_start_delay; // what each job picked while starting takes longer
    uint64_t m_next_id = 1;
    uint64_t m_idle_counter = 0;
    std::vector<std::unique_ptr<Job>> m_completed; // loop->wq, in completion order
    std::unique_ptr<AsyncHandle> m_wq_async;
    // When poll's wait was last ended by a finished job (on_async_wake), until the
    // completions it woke for have run.
    std::optional<sim::SimTime> m_woken_at;
};

} // namespace loopsim::uv
