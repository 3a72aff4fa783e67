#pragma once
// Board: which callback card sits in which place (a queue box, the call stack, a worker) at
// one step of a trace, the state the viewer's queue boxes draw.
// Contract: a Board is a plain value. apply() folds one trace event into it and reports the
// card that moved (if any), so the state after step K is "the empty board, then apply() of
// events 0..K". Cards are dense callback indices from the TraceIndex (see CardId); every
// place keeps its cards in arrival order (the call stack: innermost last). Rules, from
// docs/trace-format.md:
// - callback_created: the card enters `to`; callback_moved: it leaves wherever it is for `to`;
// - callback_start: it leaves its place for the top of the call stack; a callback that was
//   never seen waiting (an I/O completion run from poll) takes over the oldest finished
//   thread-pool job waiting in poll, so the learner sees the job's completion start to run;
// - callback_end and callback_cancelled: the card leaves the board;
// - worker_pick: the job leaves the thread-pool queue for that worker's place;
// - worker_done: the job leaves the worker and waits in poll for the loop.
// Nothing here depends on pointers or hashing: two boards built from the same events are equal.
#include "traces/queue.h"
#include "traces/trace_event.h"
#include "viewer/core/callback_table.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace loopsim::viewer {

// A place is a queue (its trace::Queue value, CallStack included) or a worker: places
// [0, kQueueCount) are queues, kQueueCount + w is worker w (0-based, in header order).
using PlaceId = uint32_t;
inline constexpr PlaceId kNoPlace = UINT32_MAX;
constexpr PlaceId place_of(trace::Queue queue) {
    return static_cast<PlaceId>(queue);
}
constexpr PlaceId place_of_worker(uint32_t worker) {
    return static_cast<PlaceId>(trace::kQueueCount) + worker;
}
constexpr bool is_worker_place(PlaceId place) {
    return place != kNoPlace && place >= trace::kQueueCount;
}

// One card changing place at one step. from_slot/to_slot are positions within the place
// (arrival order) before and after the move.
struct Move {
    CardId card = kNoCard;
    PlaceId from = kNoPlace; // kNoPlace: the card appears (created)
    uint32_t from_slot = 0;
    PlaceId to = kNoPlace; // kNoPlace: the card leaves the board (ended, cancelled)
    uint32_t to_slot = 0;
    CardId replaced = kNoCard; // a finished job whose completion this card is
};

// What Board::apply needs to know about the trace beyond the event itself.
struct BoardContext {
    const CallbackTable& callbacks;
    // Worker index of each actor id (-1: the actor is not a worker).
    const std::vector<int32_t>& worker_of_actor;
};

class Board {
public:
    explicit Board(uint32_t worker_count = 0);

    // Folds one event in; returns the card that moved, if one did.
    std::optional<Move> apply(const trace::TraceEvent& event, const BoardContext& context);

    const std::vector<CardId>& cards(PlaceId place) const { return m_places[place]; }
    size_t place_count() const { return m_places.size(); }
    uint32_t worker_count() const {
        return static_cast<uint32_t>(m_places.size() - trace::kQueueCount);
    }
    // Where a card is, searching `hint` first; kNoPlace when it is not on the board.
    PlaceId find(CardId card, PlaceId hint = kNoPlace, uint32_t* slot = nullptr) const;
    size_t card_count() const;

    bool operator==(const Board&) const = default;

private:
    // Removes `card` (searching `hint` first); returns where it was.
    PlaceId take(CardId card, PlaceId hint, uint32_t& slot);
    uint32_t put(CardId card, PlaceId place);
    // Removes the oldest finished thread-pool job waiting in poll; kNoCard when there is none.
    CardId take_oldest_finished_job(const BoardContext& context, uint32_t& slot);

    std::vector<std::vector<CardId>> m_places;
};

} // namespace loopsim::viewer
