// Board: the cards in each place at one step. See board.h for the rules.
#include "viewer/core/board.h"

#include <algorithm>

namespace loopsim::viewer {

using trace::EventKind;
using trace::Queue;

Board::Board(uint32_t worker_count) : m_places(trace::kQueueCount + worker_count) {}

PlaceId Board::find(CardId card, PlaceId hint, uint32_t* slot) const {
    auto look = [&](PlaceId place) {
        const auto& cards = m_places[place];
        auto it = std::find(cards.begin(), cards.end(), card);
        if (it == cards.end()) return false;
        if (slot) *slot = static_cast<uint32_t>(it - cards.begin());
        return true;
    };
    if (hint < m_places.size() && look(hint)) return hint;
    for (PlaceId place = 0; place < m_places.size(); ++place) {
        if (place != hint && look(place)) return place;
    }
    return kNoPlace;
}

size_t Board::card_count() const {
    size_t n = 0;
    for (const auto& cards : m_places) n += cards.size();
    return n;
}

PlaceId Board::take(CardId card, PlaceId hint, uint32_t& slot) {
    PlaceId place = find(card, hint, &slot);
    if (place != kNoPlace) m_places[place].erase(m_places[place].begin() + slot);
    return place;
}

uint32_t Board::put(CardId card, PlaceId place) {
    m_places[place].push_back(card);
    return static_cast<uint32_t>(m_places[place].size() - 1);
}

CardId Board::take_oldest_finished_job(const BoardContext& context, uint32_t& slot) {
    auto& poll = m_places[place_of(Queue::Poll)];
    auto job = std::find_if(poll.begin(), poll.end(),
                            [&](CardId c) { return context.callbacks.is_job(c); });
    if (job == poll.end()) return kNoCard;
    const CardId card = *job;
    slot = static_cast<uint32_t>(job - poll.begin());
    poll.erase(job);
    return card;
}

std::optional<Move> Board::apply(const trace::TraceEvent& e, const BoardContext& context) {
    if (e.callback == 0) return std::nullopt;
    const CardId card = context.callbacks.find(e.callback);
    if (card == kNoCard) return std::nullopt;
    Move move;
    move.card = card;
    switch (e.kind) {
    case EventKind::CallbackCreated: {
        if (e.to_queue == Queue::ThreadPool && m_places[place_of(Queue::CallStack)].empty()) {
            // No JavaScript runs: the loop collected a finished job and Node's own code sent
            // the next step of the same request (readFile's open -> fstat -> read -> close).
            // The new request takes the place of the oldest finished job in poll.
            move.replaced = take_oldest_finished_job(context, move.from_slot);
            if (move.replaced != kNoCard) move.from = place_of(Queue::Poll);
        }
        move.to = place_of(e.to_queue);
        move.to_slot = put(card, move.to);
        return move;
    }
    case EventKind::CallbackMoved:
        move.from = take(card, place_of(e.from_queue), move.from_slot);
        move.to = place_of(e.to_queue);
        move.to_slot = put(card, move.to);
        return move;
    case EventKind::CallbackStart: {
        move.from = take(card, place_of(e.from_queue), move.from_slot);
        if (move.from == kNoPlace && e.from_queue == Queue::Poll) {
            // An I/O completion: it takes the place of the oldest finished job in poll.
            move.replaced = take_oldest_finished_job(context, move.from_slot);
            if (move.replaced != kNoCard) move.from = place_of(Queue::Poll);
        } else if (move.from != kNoPlace && e.from_queue == Queue::Poll) {
            // The request's own callback, queued when it was made: the last step's finished
            // job is done with (the narration makes the same pairing, oldest first).
            uint32_t unused = 0;
            take_oldest_finished_job(context, unused);
        } else if (move.from == kNoPlace && e.from_queue != Queue::None) {
            move.from = place_of(e.from_queue); // seen for the first time: it comes from there
            move.from_slot = static_cast<uint32_t>(m_places[move.from].size());
        }
        move.to = place_of(Queue::CallStack);
        move.to_slot = put(card, move.to);
        return move;
    }
    case EventKind::CallbackEnd:
    case EventKind::CallbackCancelled: {
        PlaceId hint =
            e.kind == EventKind::CallbackEnd ? place_of(Queue::CallStack) : place_of(e.from_queue);
        move.from = take(card, hint, move.from_slot);
        if (move.from == kNoPlace) return std::nullopt;
        return move;
    }
    case EventKind::WorkerPick: {
        const auto& workers = context.worker_of_actor;
        if (e.actor >= workers.size() || workers[e.actor] < 0) return std::nullopt;
        move.from = take(card, place_of(Queue::ThreadPool), move.from_slot);
        move.to = place_of_worker(static_cast<uint32_t>(workers[e.actor]));
        if (move.to >= m_places.size()) return std::nullopt;
        move.to_slot = put(card, move.to);
        return move;
    }
    case EventKind::WorkerDone: {
        const auto& workers = context.worker_of_actor;
        PlaceId hint = e.actor < workers.size() && workers[e.actor] >= 0
                           ? place_of_worker(static_cast<uint32_t>(workers[e.actor]))
                           : kNoPlace;
        move.from = take(card, hint, move.from_slot);
        move.to = place_of(Queue::Poll);
        move.to_slot = put(card, move.to);
        return move;
    }
    default:
        return std::nullopt;
    }
}

} // namespace loopsim::viewer
