#pragma once
// CallbackTable: every callback (and thread-pool job) a trace mentions, with its life in
// steps: where it was created and by whom, when it started and ended. The viewer draws a card
// from one entry and links "created by" through it.
// Contract: cards are numbered densely in the order the trace first mentions their callback,
// so the numbering is the same on every machine. Lookup by callback id is a hash lookup that
// is never iterated; iteration goes through the dense vector.
#include "sim/sim_time.h"
#include "traces/queue.h"
#include "traces/string_pool.h"

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace loopsim::viewer {

// Dense index of a callback in a CallbackTable.
using CardId = uint32_t;
inline constexpr CardId kNoCard = UINT32_MAX;
inline constexpr uint32_t kNoStep = UINT32_MAX;

struct CallbackInfo {
    uint64_t id = 0;                          // the trace's callback id ("cb")
    trace::StringId label = trace::kNoString; // the last label the trace gave it
    uint64_t creator = 0;                     // callback id of its creator; 0 = none
    CardId creator_card = kNoCard;
    trace::Queue first_queue = trace::Queue::None; // the queue it was created in
    uint32_t created_step = kNoStep;
    uint32_t start_step = kNoStep; // first callback_start (or worker_pick for a job)
    uint32_t end_step = kNoStep;   // first callback_end, cancel, or worker_done for a job
    uint32_t line = 0;             // source line of its creation, 0 = unknown
    sim::SimTime created_time;
    sim::SimTime start_time;
    bool is_job = false;    // a thread-pool job (created in the thread_pool queue)
    bool cancelled = false; // removed without running
};

class CallbackTable {
public:
    // The card of `id`, adding an entry when the id is new.
    CardId intern(uint64_t id) {
        auto [it, added] = m_cards.try_emplace(id, static_cast<CardId>(m_infos.size()));
        if (added) {
            m_infos.emplace_back();
            m_infos.back().id = id;
        }
        return it->second;
    }
    // The card of `id`, or kNoCard.
    CardId find(uint64_t id) const {
        auto it = m_cards.find(id);
        return it == m_cards.end() ? kNoCard : it->second;
    }
    CallbackInfo& operator[](CardId card) { return m_infos[card]; }
    const CallbackInfo& operator[](CardId card) const { return m_infos[card]; }
    size_t size() const { return m_infos.size(); }
    bool is_job(CardId card) const { return card < m_infos.size() && m_infos[card].is_job; }

private:
    std::vector<CallbackInfo> m_infos;
    std::unordered_map<uint64_t, CardId> m_cards; // lookup only, never iterated
};

} // namespace loopsim::viewer
