// The compact event log: lossless delta records and LZ77 chunks, random access, iteration.
#include "traces/event_log.h"

#include <cstdint>
#include <doctest/doctest.h>
#include <limits>
#include <random>
#include <vector>

using namespace loopsim::trace;
using loopsim::sim::SimTime;

namespace {

// Field-by-field equality of raw values (ids compared as ids: one log, one pool).
bool identical(const TraceEvent& a, const TraceEvent& b) {
    return a.time == b.time && a.loop_time_ms == b.loop_time_ms && a.callback == b.callback &&
           a.creator == b.creator && a.reason == b.reason && a.actor == b.actor &&
           a.iteration == b.iteration && a.line == b.line && a.column == b.column &&
           a.label == b.label && a.text == b.text && a.kind == b.kind && a.phase == b.phase &&
           a.from_queue == b.from_queue && a.to_queue == b.to_queue && a.stream == b.stream;
}

// A random event. With `extreme`, each field is drawn from its type's edge values (0, 1,
// max, min, max - 1, ...) as often as from the whole range, valid for a model or not.
class EventSource {
public:
    explicit EventSource(uint64_t seed) : m_rng(seed) {}

    TraceEvent next(bool extreme) {
        TraceEvent e;
        e.time = SimTime::ns(i64(extreme));
        e.loop_time_ms = i64(extreme);
        e.callback = u64(extreme);
        e.creator = u64(extreme);
        e.reason.code = static_cast<ReasonCode>(static_cast<uint16_t>(u64(extreme)));
        e.reason.str = static_cast<StringId>(u64(extreme));
        for (auto& a : e.reason.args) a = i64(extreme);
        e.actor = static_cast<uint32_t>(u64(extreme));
        e.iteration = static_cast<uint32_t>(u64(extreme));
        e.line = static_cast<uint32_t>(u64(extreme));
        e.column = static_cast<uint32_t>(u64(extreme));
        e.label = static_cast<StringId>(u64(extreme));
        e.text = static_cast<StringId>(u64(extreme));
        e.kind = static_cast<EventKind>(static_cast<uint8_t>(u64(extreme)));
        e.phase = static_cast<uint8_t>(u64(extreme));
        e.from_queue = static_cast<Queue>(static_cast<uint8_t>(u64(extreme)));
        e.to_queue = static_cast<Queue>(static_cast<uint8_t>(u64(extreme)));
        e.stream = static_cast<Stream>(static_cast<uint8_t>(u64(extreme)));
        return e;
    }

private:
    uint64_t u64(bool extreme) {
        if (extreme && m_rng() % 2 == 0) {
            static constexpr uint64_t edges[] = {0,
                                                 1,
                                                 2,
                                                 0x7F,
                                                 0x80,
                                                 0xFF,
                                                 0xFFFF,
                                                 0xFFFFFFFFu,
                                                 0x100000000ull,
                                                 std::numeric_limits<uint64_t>::max(),
                                                 std::numeric_limits<uint64_t>::max() - 1,
                                                 uint64_t{1} << 63,
                                                 (uint64_t{1} << 63) - 1};
            return edges[m_rng() % std::size(edges)];
        }
        // Mostly small values, sometimes any 64-bit pattern.
        return m_rng() % 4 == 0 ? m_rng() : m_rng() % 300;
    }
    int64_t i64(bool extreme) { return static_cast<int64_t>(u64(extreme)); }

    std::mt19937_64 m_rng;
};

// What a recording looks like: a loop whose iterations repeat the same steps.
std::vector<TraceEvent> loop_like(size_t iterations) {
    std::vector<TraceEvent> out;
    int64_t t = 0;
    uint64_t cb = 2;
    for (uint32_t it = 1; it <= iterations; ++it) {
        TraceEvent e;
        e.loop_time_ms = 0;
        e.iteration = it;
        e.kind = EventKind::IterationStart;
        e.time = SimTime::ns(t);
        out.push_back(e);
        for (uint8_t p = 0; p < 7; ++p) {
            e.kind = EventKind::PhaseEnter;
            e.phase = p;
            out.push_back(e);
            if (p == 5) {
                TraceEvent s = e;
                s.kind = EventKind::CallbackStart;
                s.callback = cb;
                s.from_queue = Queue::Check;
                s.to_queue = Queue::CallStack;
                s.label = 3;
                s.reason.code = ReasonCode::ImmediateRuns;
                s.reason.args = {1, 1, 0};
                out.push_back(s);
                s.kind = EventKind::CallbackCreated;
                s.time = SimTime::ns(t += 85);
                s.creator = cb;
                s.callback = ++cb;
                s.from_queue = Queue::None;
                s.to_queue = Queue::Check;
                s.reason = Reason{ReasonCode::ImmediateQueued, kNoString, {1, 0, 0}};
                out.push_back(s);
                TraceEvent end = e;
                end.kind = EventKind::CallbackEnd;
                end.time = SimTime::ns(t += 9);
                end.callback = cb - 1;
                end.from_queue = Queue::CallStack;
                out.push_back(end);
                e.time = end.time;
            }
            e.kind = EventKind::PhaseLeave;
            out.push_back(e);
        }
        e.kind = EventKind::IterationEnd;
        e.phase = kNoPhase;
        out.push_back(e);
    }
    return out;
}

// How many of `events` the records in `bytes` decode back to, field for field (0 when the
// count differs).
size_t decoded_matches(const std::vector<uint8_t>& bytes, const std::vector<TraceEvent>& events) {
    std::vector<TraceEvent> back;
    decode_events(bytes.data(), bytes.size(), events.size(), back);
    if (back.size() != events.size()) return 0;
    size_t same = 0;
    for (size_t i = 0; i < events.size(); ++i) same += identical(back[i], events[i]) ? 1 : 0;
    return same;
}

} // namespace

TEST_SUITE("event log") {

    TEST_CASE("random events with extreme values of every field round-trip through the records") {
        for (bool extreme : {false, true}) {
            EventSource source(extreme ? 7 : 11);
            std::vector<TraceEvent> events;
            for (int i = 0; i < 5000; ++i) events.push_back(source.next(extreme));
            std::vector<uint8_t> bytes;
            encode_events(events.data(), events.size(), bytes);
            CHECK(decoded_matches(bytes, events) == events.size());
        }
    }

    TEST_CASE("an event log gives back every event it was given, by index and by iteration") {
        EventSource source(3);
        std::vector<TraceEvent> events;
        const size_t n = EventLog::kChunkSize * 3 + 123; // three sealed chunks and an open one
        for (size_t i = 0; i < n; ++i) events.push_back(source.next(i % 3 == 0));
        EventLog log;
        for (const TraceEvent& e : events) log.push_back(e);
        REQUIRE(log.size() == n);
        CHECK(log.sealed_events() == EventLog::kChunkSize * 3);

        size_t by_iteration = 0, index = 0;
        for (const TraceEvent& e : log) by_iteration += identical(e, events[index++]) ? 1 : 0;
        CHECK(by_iteration == n);
        CHECK(index == n);

        // Random access, jumping between chunks (more chunks than the decode cache holds).
        std::mt19937 rng(5);
        size_t by_index = 0;
        for (int i = 0; i < 2000; ++i) {
            const size_t at = rng() % n;
            by_index += identical(log[at], events[at]) ? 1 : 0;
        }
        CHECK(by_index == 2000);
        CHECK(identical(log.back(), events.back()));

        // An iterator started in the middle of a chunk, and iterators copied mid-way.
        auto it = log.at(EventLog::kChunkSize + 5);
        CHECK(identical(*it, events[EventLog::kChunkSize + 5]));
        auto copy = it;
        ++it;
        CHECK(identical(*copy, events[EventLog::kChunkSize + 5]));
        CHECK(identical(*it, events[EventLog::kChunkSize + 6]));
        CHECK(log.at(n) == log.end());
    }

    TEST_CASE("a loop's repeated iterations take a small fraction of a byte per event") {
        const std::vector<TraceEvent> events = loop_like(20000); // 19 events per iteration
        EventLog log;
        for (const TraceEvent& e : events) log.push_back(e);
        REQUIRE(log.sealed_events() > 0);
        const double bytes_per_event =
            static_cast<double>(log.sealed_bytes()) / static_cast<double>(log.sealed_events());
        // Uncompressed this is 96 bytes an event; the delta records alone take about 3.
        CHECK(bytes_per_event < 0.5);
        const double record_bytes_per_event = static_cast<double>(log.sealed_record_bytes()) /
                                              static_cast<double>(log.sealed_events());
        CHECK(record_bytes_per_event > 1.0);
        CHECK(record_bytes_per_event < 5.0);
        size_t same = 0, index = 0;
        for (const TraceEvent& e : log) same += identical(e, events[index++]) ? 1 : 0;
        CHECK(same == events.size());
    }

    TEST_CASE("events that take turns between queues are predicted from their own queue's") {
        // A script that queues a tick, a promise job, an immediate and a timer in each turn of
        // a loop: four callback-created events in a row, each of another queue, label and
        // reason than the one before it, and each like the one four events back.
        struct Kind {
            Queue queue;
            StringId label;
            ReasonCode code;
            uint32_t line;
        };
        const Kind kinds[] = {{Queue::NextTick, 11, ReasonCode::NextTickQueued, 33},
                              {Queue::Microtasks, 12, ReasonCode::PromiseJobQueued, 34},
                              {Queue::Check, 13, ReasonCode::ImmediateQueued, 35},
                              {Queue::Timers, 14, ReasonCode::TimerQueued, 36}};
        std::vector<TraceEvent> events;
        uint64_t cb = 2;
        for (int turn = 0; turn < 1000; ++turn) {
            for (const Kind& k : kinds) {
                TraceEvent e;
                e.kind = EventKind::CallbackCreated;
                e.time = SimTime::ns(1'000'000 + turn * 400);
                e.loop_time_ms = 1;
                e.callback = ++cb;
                e.creator = 1;
                e.to_queue = k.queue;
                e.label = k.label;
                e.line = k.line;
                e.column = 3;
                e.reason = Reason{k.code, kNoString, {1, 2, 3}};
                events.push_back(e);
            }
        }
        std::vector<uint8_t> bytes;
        encode_events(events.data(), events.size(), bytes);
        // Against the previous event of the kind, each record would carry the queues, the
        // label, the line and the reason: about 9.5 bytes. Against its queue's: the kind, the
        // mask, the two queues, now and then a time, and a callback id.
        CHECK(static_cast<double>(bytes.size()) / static_cast<double>(events.size()) < 6.0);
        CHECK(decoded_matches(bytes, events) == events.size());
    }

    TEST_CASE("events appended as copies of the last, with another kind and phase, round-trip") {
        // Runs of copies of every length, from 1 to past two 64-bit words of the log's bit set,
        // between random events of every field; then chunks that end just after a run, end
        // inside one, and begin with a copy.
        EventSource source(21);
        std::mt19937 rng(4);
        std::vector<TraceEvent> events;
        EventLog log;
        auto add_plain = [&] {
            events.push_back(source.next(rng() % 4 == 0));
            log.push_back(events.back());
        };
        auto add_copy = [&] {
            TraceEvent copy = events.back();
            copy.kind = static_cast<EventKind>(static_cast<uint8_t>(rng()));
            copy.phase = static_cast<uint8_t>(rng());
            events.push_back(copy);
            log.push_back_like_last(copy.kind, copy.phase);
        };
        while (events.size() < EventLog::kChunkSize * 2 + 77) {
            add_plain();
            const size_t run = rng() % 3 == 0 ? rng() % 150 : rng() % 4;
            for (size_t j = 0; j < run; ++j) add_copy();
        }
        auto fill_to = [&](size_t left_in_chunk) {
            while (EventLog::kChunkSize - events.size() % EventLog::kChunkSize != left_in_chunk)
                add_plain();
        };
        fill_to(5); // ... a plain event, three copies, and a plain event ends the chunk
        add_plain();
        for (int j = 0; j < 3; ++j) add_copy();
        add_plain();
        fill_to(2); // ... a plain event and a copy end the chunk; the next begins with a copy
        add_plain();
        add_copy();
        add_copy();
        add_copy();
        fill_to(EventLog::kChunkSize - 40);
        REQUIRE(log.size() == events.size());
        REQUIRE(log.sealed_events() == EventLog::kChunkSize * 4);
        size_t by_iteration = 0, index = 0;
        for (const TraceEvent& e : log) by_iteration += identical(e, events[index++]) ? 1 : 0;
        CHECK(by_iteration == events.size());
        size_t by_index = 0;
        for (size_t i = events.size(); i-- > 0;) by_index += identical(log[i], events[i]) ? 1 : 0;
        CHECK(by_index == events.size());
        CHECK(identical(log.back(), events.back()));

        // A log moved in the middle of a chunk keeps which of its open events are copies.
        EventLog moved = std::move(log);
        for (size_t i = 0; i < EventLog::kChunkSize; ++i) {
            moved.push_back_like_last(EventKind::PhaseLeave, static_cast<uint8_t>(i));
            TraceEvent copy = events.back();
            copy.kind = EventKind::PhaseLeave;
            copy.phase = static_cast<uint8_t>(i);
            events.push_back(copy);
        }
        REQUIRE(moved.sealed_events() == EventLog::kChunkSize * 5);
        size_t after_move = 0;
        for (size_t i = 0; i < events.size(); ++i) after_move += identical(moved[i], events[i]);
        CHECK(after_move == events.size());
    }

    TEST_CASE("an event appended as a copy of the last costs two bytes of records") {
        // In loop_like, a phase's leave and the next phase's enter often repeat the event before
        // them but for kind and phase, as the loop's tracer appends them (push_back_like_last).
        const std::vector<TraceEvent> events = loop_like(60);
        std::vector<uint64_t> like_last((events.size() + 63) / 64, 0);
        std::vector<bool> is_copy(events.size(), false);
        size_t runs = 0;
        for (size_t i = 1; i < events.size(); ++i) {
            TraceEvent as_copy = events[i - 1];
            as_copy.kind = events[i].kind;
            as_copy.phase = events[i].phase;
            const bool phase_kind =
                events[i].kind == EventKind::PhaseEnter || events[i].kind == EventKind::PhaseLeave;
            if (phase_kind && identical(as_copy, events[i])) {
                like_last[i / 64] |= uint64_t{1} << (i % 64);
                is_copy[i] = true;
                runs += is_copy[i - 1] ? 0 : 1;
            }
        }
        // What each copied event's own record takes: the records are written in order from a
        // blank state, so a record's bytes are the growth of the encoded prefix.
        size_t copies = 0;
        size_t copies_own_bytes = 0;
        std::vector<uint8_t> prefix;
        for (size_t i = 0; i < events.size(); ++i) {
            if (!is_copy[i]) continue;
            ++copies;
            prefix.clear();
            encode_events(events.data(), i, prefix);
            const size_t before = prefix.size();
            prefix.clear();
            encode_events(events.data(), i + 1, prefix);
            copies_own_bytes += prefix.size() - before;
        }
        REQUIRE(copies > events.size() / 2);
        std::vector<uint8_t> plain;
        encode_events(events.data(), events.size(), plain);
        std::vector<uint8_t> folded;
        encode_events(events.data(), events.size(), folded, like_last.data());
        // In a run, each copy takes 2 bytes (kind and phase) instead of its own record; the run
        // adds 3 to the record before it (2 more bytes of mask, a 1-byte count); the record
        // after it is predicted from the event before the run, so it may need its phase byte
        // where it did not, or the other way round.
        const size_t expected = plain.size() - copies_own_bytes + 2 * copies + 3 * runs;
        CHECK(folded.size() + runs >= expected);
        CHECK(folded.size() <= expected + runs);
        CHECK(decoded_matches(folded, events) == events.size());
    }

    TEST_CASE("the LZ77 coder round-trips repetitive, random and tiny inputs") {
        std::mt19937 rng(9);
        std::vector<std::vector<uint8_t>> inputs;
        inputs.push_back({});
        inputs.push_back({42});
        inputs.push_back({1, 2, 3, 4, 5});
        std::vector<uint8_t> periodic;
        for (int i = 0; i < 100000; ++i)
            periodic.push_back(static_cast<uint8_t>("abcdefghijklmnopq"[i % 17]));
        inputs.push_back(periodic);
        std::vector<uint8_t> noise;
        for (int i = 0; i < 70000; ++i) noise.push_back(static_cast<uint8_t>(rng()));
        inputs.push_back(noise);
        std::vector<uint8_t> runs;
        for (int i = 0; i < 5000; ++i)
            runs.insert(runs.end(), rng() % 40, static_cast<uint8_t>(rng() % 3));
        inputs.push_back(runs);
        for (const auto& in : inputs) {
            std::vector<uint8_t> packed;
            lz_compress(in.data(), in.size(), packed);
            std::vector<uint8_t> out(in.size() + 1, 0xEE);
            lz_decompress(packed.data(), packed.size(), in.size(), out.data());
            CHECK(std::equal(in.begin(), in.end(), out.begin()));
            CHECK(out.back() == 0xEE); // nothing written past raw_size
        }
        std::vector<uint8_t> packed;
        lz_compress(periodic.data(), periodic.size(), packed);
        CHECK(packed.size() < 100);
    }

    TEST_CASE("a moved log keeps its chunks; the moved-from one starts empty") {
        EventSource source(1);
        EventLog a;
        std::vector<TraceEvent> events;
        for (size_t i = 0; i < EventLog::kChunkSize + 10; ++i) {
            events.push_back(source.next(false));
            a.push_back(events.back());
        }
        (void)a[3]; // fill the decode cache before the move
        EventLog b = std::move(a);
        CHECK(b.size() == events.size());
        CHECK(identical(b[3], events[3]));
        CHECK(identical(b[EventLog::kChunkSize + 9], events.back()));
        CHECK(a.empty()); // NOLINT(bugprone-use-after-move): checking the moved-from state
        a.push_back(events[0]);
        CHECK(identical(a[0], events[0]));
    }

} // TEST_SUITE
