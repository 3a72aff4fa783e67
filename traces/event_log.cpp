// EventLog: delta records, the LZ77 coder and the decoded-chunk cache. See event_log.h.
//
// A chunk is a sequence of records, one per event, written from a blank state:
//   kind          1 byte
//   mask          varint: one bit per field that differs from its prediction
//   queues        2 bytes, from_queue and to_queue, when the mask says they differ
//   fields        in bit order, only those whose bit is set
//   run           when the mask says so: a varint n, then n pairs of bytes (kind, phase),
//                 the n events after this one that repeat it but for those two fields; they
//                 are never predictions (the event after them is predicted from this one)
// Predictions: time, loop_ms, iter, phase and actor come from the previous event of the
// chunk; every other field from the previous event of the same kind (the way a callback
// start resembles the previous callback start), or, when the queues differ from that one's,
// from the previous event of the same kind and queues (a callback start from the check queue
// resembles the previous one from there: same label, same reason). Integers are stored as
// zigzag varints of their difference to the prediction, wrapping modulo 2^64 (2^32 for 32-bit
// fields), so every value round-trips exactly; ids and small enums are stored as they are.
//
// The records are then compressed with a byte-oriented LZ77 whose sequences are
//   token (literal count << 4 | match length - 4, each capped at 15)
//   [varint literal count - 15] literals [varint offset [varint match length - 19]]
// and the last sequence of a chunk has literals only.
#include "traces/event_log.h"

#include "sim/assert.h"

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstring>
#include <type_traits>
#include <utility>

namespace loopsim::trace {

namespace {

enum Bit : uint32_t {
    kTime = 1u << 0,
    kCallback = 1u << 1,
    kCreator = 1u << 2,
    kPhase = 1u << 3,
    kLoopTime = 1u << 4,
    kIteration = 1u << 5,
    kQueues = 1u << 6,
    kReasonCode = 1u << 7,
    kReasonArgs = 1u << 8,
    kReasonStr = 1u << 9,
    kLabel = 1u << 10,
    kText = 1u << 11,
    kLine = 1u << 12,
    kColumn = 1u << 13,
    kStream = 1u << 14,
    kActor = 1u << 15,
    kRun = 1u << 16, // events that repeat this one but for kind and phase follow (see above)
};

constexpr size_t kKindSlots = 256; // every uint8_t value of EventKind, valid or not

// The slot of a kind and its queues in the table of contexts: a hash, so two contexts may
// share a slot. The prediction is then an event of the other context; it is only a
// reference, so the record is longer but decodes exactly.
constexpr size_t kContextSlots = 256;
inline size_t context_slot(EventKind kind, Queue from, Queue to) {
    return (size_t{static_cast<uint8_t>(kind)} * 29 + size_t{static_cast<uint8_t>(from)} * 7 +
            size_t{static_cast<uint8_t>(to)} * 101) &
           (kContextSlots - 1);
}
using ContextTable = std::array<const TraceEvent*, kContextSlots>;
// An event of `kind` whose queues, `from` and `to`, differ from those of the last event of its
// kind, `last`: the table keeps `last` as the newest of its context, and gives the newest of
// the event's context. (The table only changes here: while a kind keeps its queues, its last
// event is the newest of that context.)
inline const TraceEvent* switch_context(ContextTable& table, const TraceEvent& last, EventKind kind,
                                        Queue from, Queue to) {
    table[context_slot(last.kind, last.from_queue, last.to_queue)] = &last;
    return table[context_slot(kind, from, to)];
}

// Differences modulo 2^64 (2^32), as a signed value, then zigzagged so small magnitudes of
// either sign take few bytes.
inline uint64_t zigzag64(uint64_t now, uint64_t predicted) {
    const auto d = static_cast<int64_t>(now - predicted);
    return (static_cast<uint64_t>(d) << 1) ^ static_cast<uint64_t>(d >> 63);
}
inline uint64_t unzigzag64(uint64_t z, uint64_t predicted) {
    const uint64_t d = (z >> 1) ^ (~(z & 1) + 1);
    return predicted + d;
}
inline uint64_t zigzag32(uint32_t now, uint32_t predicted) {
    const auto d = static_cast<int32_t>(now - predicted);
    return static_cast<uint32_t>((static_cast<uint32_t>(d) << 1) ^ static_cast<uint32_t>(d >> 31));
}
inline uint32_t unzigzag32(uint64_t z, uint32_t predicted) {
    const auto v = static_cast<uint32_t>(z);
    const uint32_t d = (v >> 1) ^ (~(v & 1) + 1);
    return predicted + d;
}

inline void put_varint(std::vector<uint8_t>& out, uint64_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<uint8_t>(v | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<uint8_t>(v));
}

class Reader {
public:
    Reader(const uint8_t* data, size_t size) : m_p(data), m_end(data + size) {}
    uint8_t byte() {
        LOOPSIM_ASSERT(m_p < m_end, "event log chunk ends inside a record");
        return *m_p++;
    }
    uint64_t varint() {
        uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            const uint8_t b = byte();
            v |= static_cast<uint64_t>(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return v;
        }
        LOOPSIM_ASSERT(false, "event log varint longer than 10 bytes");
        return v;
    }
    bool at_end() const { return m_p == m_end; }

private:
    const uint8_t* m_p;
    const uint8_t* m_end;
};

inline uint64_t time_bits(const TraceEvent& e) {
    return static_cast<uint64_t>(e.time.count_ns());
}

// The longest record: kind, a 3-byte mask, 2 bytes of queues, seven 10-byte and eight 5-byte
// varints, 2 bytes (phase and stream), and a run's 2-byte count (its pairs take 2 bytes for
// each event they stand for, less than a record of its own).
constexpr size_t kMaxRecordBytes = 1 + 3 + 2 + 7 * 10 + 8 * 5 + 2 + 2;

inline uint8_t* put_varint(uint8_t* out, uint64_t v) {
    while (v >= 0x80) {
        *out++ = static_cast<uint8_t>(v | 0x80);
        v >>= 7;
    }
    *out++ = static_cast<uint8_t>(v);
    return out;
}

// The encoder compares events eight bytes at a time: a field's bytes lie in one word of the
// event, at a known mask (little-endian layout; padding bytes are masked out, so their
// contents never matter).
static_assert(std::endian::native == std::endian::little, "the word masks assume little-endian");
static_assert(std::is_standard_layout_v<TraceEvent> && sizeof(TraceEvent) % 8 == 0);
constexpr size_t kEventWords = sizeof(TraceEvent) / 8;

struct FieldAt {
    size_t word;
    uint64_t mask;
};
constexpr FieldAt field_at(size_t offset, size_t size) {
    // A field never straddles two words (checked below for every field).
    const uint64_t ones = size >= 8 ? ~uint64_t{0} : (uint64_t{1} << (size * 8)) - 1;
    return {offset / 8, offset % 8 + size <= 8 ? ones << (offset % 8 * 8) : 0};
}
#define LOOPSIM_FIELD_AT(member)                                                                   \
    field_at(offsetof(TraceEvent, member), sizeof(std::declval<TraceEvent&>().member))

constexpr FieldAt kAtTime = LOOPSIM_FIELD_AT(time);
constexpr FieldAt kAtLoopTime = LOOPSIM_FIELD_AT(loop_time_ms);
constexpr FieldAt kAtCallback = LOOPSIM_FIELD_AT(callback);
constexpr FieldAt kAtCreator = LOOPSIM_FIELD_AT(creator);
// reason.args is a std::array, which offsetof cannot index.
constexpr FieldAt reason_arg_at(size_t index) {
    return field_at(offsetof(TraceEvent, reason.args) + index * sizeof(int64_t), sizeof(int64_t));
}

constexpr FieldAt kAtReasonCode = LOOPSIM_FIELD_AT(reason.code);
constexpr FieldAt kAtReasonStr = LOOPSIM_FIELD_AT(reason.str);
constexpr FieldAt kAtArg0 = reason_arg_at(0);
constexpr FieldAt kAtArg1 = reason_arg_at(1);
constexpr FieldAt kAtArg2 = reason_arg_at(2);
constexpr FieldAt kAtActor = LOOPSIM_FIELD_AT(actor);
constexpr FieldAt kAtIteration = LOOPSIM_FIELD_AT(iteration);
constexpr FieldAt kAtLine = LOOPSIM_FIELD_AT(line);
constexpr FieldAt kAtColumn = LOOPSIM_FIELD_AT(column);
constexpr FieldAt kAtLabel = LOOPSIM_FIELD_AT(label);
constexpr FieldAt kAtText = LOOPSIM_FIELD_AT(text);
constexpr FieldAt kAtPhase = LOOPSIM_FIELD_AT(phase);
constexpr FieldAt kAtFrom = LOOPSIM_FIELD_AT(from_queue);
constexpr FieldAt kAtTo = LOOPSIM_FIELD_AT(to_queue);
constexpr FieldAt kAtStream = LOOPSIM_FIELD_AT(stream);
#undef LOOPSIM_FIELD_AT

constexpr bool fits_a_word(FieldAt f) {
    return f.mask != 0 && f.word < kEventWords;
}
static_assert(fits_a_word(kAtTime) && fits_a_word(kAtLoopTime) && fits_a_word(kAtCallback) &&
              fits_a_word(kAtCreator) && fits_a_word(kAtReasonCode) && fits_a_word(kAtReasonStr) &&
              fits_a_word(kAtArg0) && fits_a_word(kAtArg1) && fits_a_word(kAtArg2) &&
              fits_a_word(kAtActor) && fits_a_word(kAtIteration) && fits_a_word(kAtLine) &&
              fits_a_word(kAtColumn) && fits_a_word(kAtLabel) && fits_a_word(kAtText) &&
              fits_a_word(kAtPhase) && fits_a_word(kAtStream));

// Two events compared field by field, a word at a time: a field differs when its bits of
// the XOR of its word are not all zero.
class EventXor {
public:
    EventXor(const TraceEvent& a, const TraceEvent& b)
        : m_a(reinterpret_cast<const std::byte*>(&a)), m_b(reinterpret_cast<const std::byte*>(&b)) {
    }
    uint64_t operator[](FieldAt f) const {
        uint64_t a;
        uint64_t b;
        std::memcpy(&a, m_a + f.word * 8, 8);
        std::memcpy(&b, m_b + f.word * 8, 8);
        return (a ^ b) & f.mask;
    }
    uint32_t bit_if(FieldAt f, uint32_t bit) const { return (*this)[f] != 0 ? bit : 0u; }
    // The XOR of word `i`, masked.
    uint64_t word(size_t i, uint64_t mask = ~uint64_t{0}) const { return (*this)[{i, mask}]; }

private:
    const std::byte* m_a;
    const std::byte* m_b;
};

// Where the kind's rare fields lie (see encode_with).
static_assert(kAtReasonCode.word == 4 && kAtReasonStr.word == 4 && kAtArg0.word == 5 &&
              kAtArg1.word == 6 && kAtArg2.word == 7 && kAtActor.word == 8 &&
              kAtIteration.word == 8 && kAtLine.word == 9 && kAtColumn.word == 9 &&
              kAtLabel.word == 10 && kAtText.word == 10 && kAtFrom.word == 11 && kAtTo.word == 11 &&
              kAtStream.word == 11 && kAtPhase.word == 11 &&
              (kAtLine.mask | kAtColumn.mask) == ~uint64_t{0} &&
              (kAtLabel.mask | kAtText.mask) == ~uint64_t{0});

// The mask bits of the fields that seldom change, against the prediction.
uint32_t rare_bits(const EventXor& vs_kind, const EventXor& vs_prev) {
    return vs_kind.bit_if(kAtReasonCode, kReasonCode) |
           ((vs_kind[kAtArg0] | vs_kind[kAtArg1] | vs_kind[kAtArg2]) != 0 ? kReasonArgs : 0u) |
           vs_kind.bit_if(kAtReasonStr, kReasonStr) | vs_kind.bit_if(kAtLabel, kLabel) |
           vs_kind.bit_if(kAtText, kText) | vs_kind.bit_if(kAtLine, kLine) |
           vs_kind.bit_if(kAtColumn, kColumn) | vs_kind.bit_if(kAtStream, kStream) |
           vs_prev.bit_if(kAtActor, kActor);
}

// The mask bits of the fields that change often.
inline uint32_t common_bits(const EventXor& vs_kind, const EventXor& vs_prev) {
    return vs_prev.bit_if(kAtTime, kTime) | vs_kind.bit_if(kAtCallback, kCallback) |
           vs_kind.bit_if(kAtCreator, kCreator) | vs_prev.bit_if(kAtPhase, kPhase) |
           vs_prev.bit_if(kAtLoopTime, kLoopTime) | vs_prev.bit_if(kAtIteration, kIteration);
}

// Not zero when a seldom-changing field other than the queues differs from the prediction.
inline uint64_t rare_words(const EventXor& vs_kind, const EventXor& vs_prev) {
    return vs_kind.word(4, kAtReasonCode.mask | kAtReasonStr.mask) | vs_kind.word(5) |
           vs_kind.word(6) | vs_kind.word(7) | vs_kind.word(9) | vs_kind.word(10) |
           vs_kind.word(11, kAtStream.mask) | vs_prev.word(8, kAtActor.mask);
}

// The mask of an event some seldom-changing field of which differs from the last event of its
// kind, `predicted`. When its queues differ, the prediction switches to the newest event of
// its context, and the bits of the fields predicted by kind are worked out again against
// that one (those predicted by the previous event stay). Out of line, so the common path
// keeps its registers.
[[gnu::noinline]] uint32_t rare_mask(const TraceEvent& e, const TraceEvent& prev,
                                     const TraceEvent*& predicted, uint32_t mask,
                                     ContextTable& contexts) {
    const EventXor vs_prev(e, prev);
    if (EventXor(e, *predicted).word(11, kAtFrom.mask | kAtTo.mask) != 0) {
        predicted = switch_context(contexts, *predicted, e.kind, e.from_queue, e.to_queue);
        const EventXor vs_context(e, *predicted);
        mask = (mask & (kTime | kPhase | kLoopTime | kIteration)) | kQueues |
               vs_context.bit_if(kAtCallback, kCallback) | vs_context.bit_if(kAtCreator, kCreator);
        if (rare_words(vs_context, vs_prev) != 0) mask |= rare_bits(vs_context, vs_prev);
        return mask;
    }
    return mask | rare_bits(EventXor(e, *predicted), vs_prev);
}

// The first event at or after `j` (of `count`) whose bit is set in `like_last`; SIZE_MAX when
// there is none.
inline size_t next_set(const uint64_t* like_last, size_t j, size_t count) {
    while (j < count) {
        const uint64_t word = like_last[j >> 6] >> (j & 63);
        if (word != 0) {
            const size_t at = j + static_cast<size_t>(std::countr_zero(word));
            return at < count ? at : SIZE_MAX;
        }
        j = (j | 63) + 1;
    }
    return SIZE_MAX;
}

// How many events from `j` on (of `count`) have their bit set in `like_last`.
inline size_t run_from(const uint64_t* like_last, size_t j, size_t count) {
    size_t run = 0;
    while (j < count) {
        const size_t bit = j & 63;
        const auto ones = static_cast<size_t>(std::countr_one(like_last[j >> 6] >> bit));
        const size_t in_word = std::min(ones, 64 - bit);
        run += std::min(in_word, count - j);
        if (in_word < 64 - bit) break;
        j += in_word;
    }
    return run;
}

// Writes the records of `count` events at `out` (room for count * kMaxRecordBytes); returns
// the end of what it wrote. Bit i of `like_last` (when not null) says that event i repeats
// event i - 1 but for its kind and phase (EventLog::push_back_like_last); those events are
// folded into the record of the event before them. The events between runs go through a
// loop with no test for runs.
uint8_t* encode_with(const TraceEvent* events, size_t count, const uint64_t* like_last,
                     uint8_t* out) {
    // Predictions point into `events` (no copies): the previous event, per kind the last event
    // of that kind, and per context slot the newest event of a context with that slot that a
    // switch of context left behind (a blank event before the first).
    static constexpr TraceEvent k_blank{};
    std::array<const TraceEvent*, kKindSlots> last;
    last.fill(&k_blank);
    ContextTable last_in_context;
    last_in_context.fill(&k_blank);
    const TraceEvent* prev_ptr = &k_blank;
    // The record of event i, followed by the `run` events after it that repeat it.
    auto put_record = [&](size_t i, size_t run) __attribute__((always_inline)) {
        const TraceEvent& e = events[i];
        const TraceEvent& prev = *prev_ptr;
        const auto kind = static_cast<uint8_t>(e.kind);
        const TraceEvent* predicted = last[kind];
        const EventXor vs_prev(e, prev);
        const EventXor vs_kind(e, *predicted);
        uint32_t mask = common_bits(vs_kind, vs_prev);
        // The other fields seldom change from one event to the next of its kind: one test
        // for all of them, word by word. (rare_words and the queues, spelled out: calling
        // rare_words here cost 0.2 to 0.7 % more instructions, from GCC's register choices.)
        const uint64_t rare = vs_kind.word(4, kAtReasonCode.mask | kAtReasonStr.mask) |
                              vs_kind.word(5) | vs_kind.word(6) | vs_kind.word(7) |
                              vs_kind.word(9) | vs_kind.word(10) |
                              vs_kind.word(11, kAtFrom.mask | kAtTo.mask | kAtStream.mask) |
                              vs_prev.word(8, kAtActor.mask);
        if (rare != 0) [[unlikely]]
            mask = rare_mask(e, prev, predicted, mask, last_in_context);
        const TraceEvent& k = *predicted;
        if (run != 0) mask |= kRun;

        *out++ = kind;
        out = put_varint(out, mask);
        if (mask & kQueues) [[unlikely]] {
            *out++ = static_cast<uint8_t>(e.from_queue);
            *out++ = static_cast<uint8_t>(e.to_queue);
        }
        if (mask & kTime) out = put_varint(out, zigzag64(time_bits(e), time_bits(prev)));
        if (mask & kCallback) out = put_varint(out, zigzag64(e.callback, k.callback));
        if (mask & kCreator) out = put_varint(out, zigzag64(e.creator, k.creator));
        if (mask & kPhase) *out++ = e.phase;
        if (mask & kLoopTime)
            out = put_varint(out, zigzag64(static_cast<uint64_t>(e.loop_time_ms),
                                           static_cast<uint64_t>(prev.loop_time_ms)));
        if (mask & kIteration) out = put_varint(out, zigzag32(e.iteration, prev.iteration));
        if (mask & ~(kTime | kCallback | kCreator | kPhase | kLoopTime | kIteration | kQueues |
                     kRun)) [[unlikely]] {
            if (mask & kReasonCode) out = put_varint(out, static_cast<uint16_t>(e.reason.code));
            if (mask & kReasonArgs) {
                for (size_t a = 0; a < 3; ++a)
                    out = put_varint(out, zigzag64(static_cast<uint64_t>(e.reason.args[a]),
                                                   static_cast<uint64_t>(k.reason.args[a])));
            }
            if (mask & kReasonStr) out = put_varint(out, e.reason.str);
            if (mask & kLabel) out = put_varint(out, e.label);
            if (mask & kText) out = put_varint(out, e.text);
            if (mask & kLine) out = put_varint(out, zigzag32(e.line, k.line));
            if (mask & kColumn) out = put_varint(out, zigzag32(e.column, k.column));
            if (mask & kStream) *out++ = static_cast<uint8_t>(e.stream);
            if (mask & kActor) out = put_varint(out, e.actor);
        }
        last[kind] = &e;
        prev_ptr = &e;
        if (run != 0) {
            // Only their kind and phase are read: the copies may not be filled in yet
            // (EventLog::complete_copies). The event after the run is predicted from this one.
            out = put_varint(out, run);
            const TraceEvent* copy = events + i + 1;
            for (uint8_t* const end = out + 2 * run; out != end; out += 2, ++copy) {
                out[0] = static_cast<uint8_t>(copy->kind);
                out[1] = copy->phase;
            }
        }
    };
    // The first event of a chunk is never folded: it repeats an event of the chunk before.
    size_t i = 0;
    while (i < count) {
        const size_t copy = like_last != nullptr ? next_set(like_last, i + 1, count) : SIZE_MAX;
        const size_t plain_end = copy == SIZE_MAX ? count : copy - 1;
        for (; i < plain_end; ++i) put_record(i, 0);
        if (copy == SIZE_MAX) break;
        const size_t run = run_from(like_last, copy, count);
        put_record(i, run); // i is copy - 1
        i = copy + run;
    }
    return out;
}

void decode_with(const uint8_t* data, size_t size, size_t count, std::vector<TraceEvent>& out) {
    // As the encoder: predictions point at events already decoded (`out` never reallocates).
    static constexpr TraceEvent k_blank{};
    std::array<const TraceEvent*, kKindSlots> last;
    last.fill(&k_blank);
    ContextTable last_in_context;
    last_in_context.fill(&k_blank);
    out.clear();
    out.reserve(count);
    Reader in(data, size);
    const TraceEvent* prev_ptr = &k_blank;
    for (size_t i = 0; i < count; ++i) {
        const TraceEvent& prev = *prev_ptr;
        const uint8_t kind = in.byte();
        const uint64_t mask = in.varint();
        const TraceEvent* predicted = last[kind];
        Queue from = predicted->from_queue;
        Queue to = predicted->to_queue;
        if (mask & kQueues) {
            from = static_cast<Queue>(in.byte());
            to = static_cast<Queue>(in.byte());
            predicted =
                switch_context(last_in_context, *predicted, static_cast<EventKind>(kind), from, to);
        }
        const TraceEvent& k = *predicted;
        TraceEvent e = k;
        e.kind = static_cast<EventKind>(kind);
        e.from_queue = from;
        e.to_queue = to;
        e.time =
            (mask & kTime)
                ? sim::SimTime::ns(static_cast<int64_t>(unzigzag64(in.varint(), time_bits(prev))))
                : prev.time;
        if (mask & kCallback) e.callback = unzigzag64(in.varint(), k.callback);
        if (mask & kCreator) e.creator = unzigzag64(in.varint(), k.creator);
        e.phase = (mask & kPhase) ? in.byte() : prev.phase;
        e.loop_time_ms = (mask & kLoopTime)
                             ? static_cast<int64_t>(unzigzag64(
                                   in.varint(), static_cast<uint64_t>(prev.loop_time_ms)))
                             : prev.loop_time_ms;
        e.iteration =
            (mask & kIteration) ? unzigzag32(in.varint(), prev.iteration) : prev.iteration;
        if (mask & kReasonCode)
            e.reason.code = static_cast<ReasonCode>(static_cast<uint16_t>(in.varint()));
        if (mask & kReasonArgs) {
            for (size_t a = 0; a < 3; ++a)
                e.reason.args[a] = static_cast<int64_t>(
                    unzigzag64(in.varint(), static_cast<uint64_t>(k.reason.args[a])));
        }
        if (mask & kReasonStr) e.reason.str = static_cast<StringId>(in.varint());
        if (mask & kLabel) e.label = static_cast<StringId>(in.varint());
        if (mask & kText) e.text = static_cast<StringId>(in.varint());
        if (mask & kLine) e.line = unzigzag32(in.varint(), k.line);
        if (mask & kColumn) e.column = unzigzag32(in.varint(), k.column);
        if (mask & kStream) e.stream = static_cast<Stream>(in.byte());
        e.actor = (mask & kActor) ? static_cast<uint32_t>(in.varint()) : prev.actor;
        out.push_back(e);
        last[kind] = &out.back();
        prev_ptr = &out.back();
        if (mask & kRun) {
            // As the encoder: the copies are predictions for nothing.
            const uint64_t run = in.varint();
            LOOPSIM_ASSERT(run < count - i, "event log chunk: a run past the chunk's events");
            for (uint64_t j = 0; j < run; ++j) {
                const auto copy_kind = static_cast<EventKind>(in.byte());
                out.push_back(like(*prev_ptr, copy_kind, in.byte()));
            }
            i += run;
        }
    }
    LOOPSIM_ASSERT(in.at_end(), "event log chunk has bytes after its last record");
}

// --- LZ77 -------------------------------------------------------------------------------

constexpr size_t kMinMatch = 4;
constexpr int kHashBits = 13;

inline uint32_t read32(const uint8_t* p) {
    uint32_t v;
    std::memcpy(&v, p, sizeof v);
    return v;
}
inline uint32_t hash4(uint32_t v) {
    return (v * 2654435761u) >> (32 - kHashBits);
}

void put_sequence(std::vector<uint8_t>& out, const uint8_t* literals, size_t literal_count,
                  size_t offset, size_t match_length) {
    const size_t lit_nibble = std::min<size_t>(literal_count, 15);
    const size_t match_extra = match_length == 0 ? 0 : match_length - kMinMatch;
    const size_t match_nibble = std::min<size_t>(match_extra, 15);
    out.push_back(static_cast<uint8_t>(lit_nibble << 4 | match_nibble));
    if (lit_nibble == 15) put_varint(out, literal_count - 15);
    out.insert(out.end(), literals, literals + literal_count);
    if (match_length == 0) return;
    put_varint(out, offset);
    if (match_nibble == 15) put_varint(out, match_extra - 15);
}

} // namespace

void encode_events(const TraceEvent* events, size_t count, std::vector<uint8_t>& out,
                   const uint64_t* like_last) {
    const size_t start = out.size();
    out.resize(start + count * kMaxRecordBytes);
    uint8_t* end = encode_with(events, count, like_last, out.data() + start);
    out.resize(static_cast<size_t>(end - out.data()));
}

void decode_events(const uint8_t* data, size_t size, size_t count, std::vector<TraceEvent>& out) {
    decode_with(data, size, count, out);
}

namespace {

constexpr size_t kLzTableSize = size_t{1} << kHashBits;

// The coder's hash table, reused from chunk to chunk without clearing it: an entry holds
// `base` plus a position, and entries below the current chunk's base are stale.
struct LzTable {
    std::array<uint32_t, kLzTableSize> slots{}; // zero: below every base
    uint32_t base = 1;

    // Makes room for a chunk of `n` bytes; returns its base.
    uint32_t start(size_t n) {
        if (n + 1 > UINT32_MAX - uint64_t{base}) {
            slots.fill(0);
            base = 1;
        }
        const uint32_t chunk_base = base;
        base += static_cast<uint32_t>(n + 1);
        return chunk_base;
    }
};

void lz_compress_with(const uint8_t* in, size_t n, std::vector<uint8_t>& out, LzTable& lz) {
    LOOPSIM_ASSERT(n < UINT32_MAX - 1, "event log chunk too large for the coder");
    const uint32_t base = lz.start(n);
    uint32_t* table = lz.slots.data();
    size_t anchor = 0;
    size_t p = 0;
    // A match needs kMinMatch bytes to hash; the tail shorter than that stays literal.
    while (n >= kMinMatch && p + kMinMatch <= n) {
        const uint32_t v = read32(in + p);
        uint32_t& slot = table[hash4(v)];
        const uint32_t entry = slot;
        slot = base + static_cast<uint32_t>(p);
        const size_t candidate = entry - base; // wraps to a huge value when stale
        if (entry < base || read32(in + candidate) != v) {
            // Skip faster through bytes that do not compress.
            p += 1 + ((p - anchor) >> 6);
            continue;
        }
        size_t length = kMinMatch;
        while (p + length + 8 <= n) {
            uint64_t a, b;
            std::memcpy(&a, in + candidate + length, 8);
            std::memcpy(&b, in + p + length, 8);
            if (a != b) break;
            length += 8;
        }
        while (p + length < n && in[candidate + length] == in[p + length]) ++length;
        put_sequence(out, in + anchor, p - anchor, p - candidate, length);
        p += length;
        anchor = p;
        if (p >= 2 && p + 2 <= n && p - 2 + kMinMatch <= n)
            table[hash4(read32(in + p - 2))] = base + static_cast<uint32_t>(p - 2);
    }
    if (anchor < n) put_sequence(out, in + anchor, n - anchor, 0, 0);
}

} // namespace

void lz_compress(const uint8_t* in, size_t n, std::vector<uint8_t>& out) {
    auto table = std::make_unique<LzTable>();
    lz_compress_with(in, n, out, *table);
}

void lz_decompress(const uint8_t* data, size_t size, size_t raw_size, uint8_t* out) {
    Reader in(data, size);
    size_t o = 0;
    while (o < raw_size) {
        const uint8_t token = in.byte();
        size_t literals = token >> 4;
        if (literals == 15) literals += in.varint();
        LOOPSIM_ASSERT(literals <= raw_size - o, "event log chunk: literals past the end");
        for (size_t i = 0; i < literals; ++i) out[o + i] = in.byte();
        o += literals;
        if (o == raw_size) break;
        const size_t offset = in.varint();
        size_t length = (token & 0x0F);
        if (length == 15) length += in.varint();
        length += kMinMatch;
        LOOPSIM_ASSERT(offset > 0 && offset <= o && length <= raw_size - o,
                       "event log chunk: bad match");
        uint8_t* dst = out + o;
        const uint8_t* src = dst - offset;
        // Overlapping copies repeat the last `offset` bytes; each memcpy doubles the span.
        size_t done = 0;
        while (done < length) {
            const size_t step = std::min(length - done, offset + done);
            std::memcpy(dst + done, src, step);
            done += step;
        }
        o += length;
    }
    LOOPSIM_ASSERT(in.at_end(), "event log chunk has bytes after its last sequence");
}

// --- EventLog ---------------------------------------------------------------------------

struct EventLog::Scratch {
    // Room for a full chunk's records, never zero-filled (it is written before it is read).
    std::unique_ptr<uint8_t[]> records =
        std::make_unique_for_overwrite<uint8_t[]>(kChunkSize * kMaxRecordBytes);
    std::vector<uint8_t> compressed;
    // The coder's hash table, kept: allocating it per chunk made the C allocator consolidate,
    // and clearing it cost 32 KB of stores a chunk.
    LzTable lz_table;
};

EventLog::EventLog() = default;
EventLog::~EventLog() = default;

EventLog::EventLog(EventLog&& other) noexcept {
    *this = std::move(other);
}

EventLog& EventLog::operator=(EventLog&& other) noexcept {
    if (this != &other) {
        m_chunks = std::move(other.m_chunks);
        m_open = std::move(other.m_open);
        m_open_size = std::exchange(other.m_open_size, 0);
        m_open_capacity = std::exchange(other.m_open_capacity, 0);
        m_like_last = std::exchange(other.m_like_last, {});
        m_complete = std::exchange(other.m_complete, 0);
        m_size = std::exchange(other.m_size, 0);
        m_sealed_bytes = std::exchange(other.m_sealed_bytes, 0);
        m_sealed_record_bytes = std::exchange(other.m_sealed_record_bytes, 0);
        m_scratch = std::move(other.m_scratch);
        m_cache = std::move(other.m_cache);
        m_cache_next = std::exchange(other.m_cache_next, 0);
        other.m_chunks.clear();
        for (auto& slot : other.m_cache) slot.reset();
    }
    return *this;
}

void EventLog::seal_open_chunk() {
    if (!m_scratch) m_scratch = std::make_unique<Scratch>();
    Scratch& s = *m_scratch;
    const uint8_t* end =
        encode_with(m_open.get(), m_open_size, m_like_last.data(), s.records.get());
    const auto raw_size = static_cast<size_t>(end - s.records.get());
    s.compressed.clear();
    lz_compress_with(s.records.get(), raw_size, s.compressed, s.lz_table);
    Chunk chunk;
    chunk.size = static_cast<uint32_t>(s.compressed.size());
    chunk.raw_size = static_cast<uint32_t>(raw_size);
    chunk.bytes = std::make_unique_for_overwrite<uint8_t[]>(chunk.size);
    std::memcpy(chunk.bytes.get(), s.compressed.data(), chunk.size);
    m_sealed_bytes += chunk.size;
    m_sealed_record_bytes += raw_size;
    m_chunks.push_back(std::move(chunk));
    m_open_size = 0;
    m_complete = 0;
    m_like_last.fill(0);
}

void EventLog::complete_copies() const {
    for (size_t i = m_complete; i < m_open_size; ++i) {
        if ((m_like_last[i >> 6] >> (i & 63) & 1) == 0) continue;
        TraceEvent& copy = m_open[i];
        copy = like(m_open[i - 1], copy.kind, copy.phase);
    }
    m_complete = m_open_size;
}

void EventLog::make_room() {
    if (m_open_capacity == kChunkSize) {
        seal_open_chunk();
        return;
    }
    const size_t capacity = m_open_capacity == 0 ? 64 : m_open_capacity * 2;
    auto grown = std::make_unique<TraceEvent[]>(capacity);
    std::copy_n(m_open.get(), m_open_size, grown.get());
    m_open = std::move(grown);
    m_open_capacity = capacity;
}

namespace {
void decode_chunk_into(const uint8_t* bytes, size_t size, size_t raw_size, size_t count,
                       std::vector<TraceEvent>& out) {
    auto raw = std::make_unique_for_overwrite<uint8_t[]>(raw_size);
    lz_decompress(bytes, size, raw_size, raw.get());
    decode_events(raw.get(), raw_size, count, out);
}
} // namespace

std::shared_ptr<const EventLog::Decoded> EventLog::decoded(size_t chunk) const {
    for (const auto& slot : m_cache)
        if (slot && slot->chunk == chunk) return slot;
    auto d = std::make_shared<Decoded>();
    d->chunk = chunk;
    const Chunk& c = m_chunks[chunk];
    decode_chunk_into(c.bytes.get(), c.size, c.raw_size, kChunkSize, d->events);
    m_cache[m_cache_next] = d;
    m_cache_next = (m_cache_next + 1) % kCacheSlots;
    return d;
}

TraceEvent EventLog::operator[](size_t i) const {
    LOOPSIM_ASSERT(i < m_size, "event index out of range");
    const size_t chunk = i >> kChunkShift;
    if (chunk == m_chunks.size()) return open_event(i & (kChunkSize - 1));
    return decoded(chunk)->events[i & (kChunkSize - 1)];
}

size_t EventLog::memory_bytes() const {
    size_t bytes =
        m_sealed_bytes + m_chunks.capacity() * sizeof(Chunk) + m_open_capacity * sizeof(TraceEvent);
    if (m_scratch) {
        bytes += sizeof(Scratch) + kChunkSize * kMaxRecordBytes + m_scratch->compressed.capacity();
    }
    return bytes;
}

const TraceEvent& EventLog::Iterator::operator*() const {
    LOOPSIM_ASSERT(m_log != nullptr && m_index < m_log->m_size,
                   "dereferencing an event log iterator at the end");
    const size_t chunk = m_index >> kChunkShift;
    if (chunk == m_log->m_chunks.size()) return m_log->open_event(m_index & (kChunkSize - 1));
    if (!m_chunk || m_chunk->chunk != chunk) {
        // Decode privately (iterators never touch the log's shared cache), reusing this
        // iterator's buffer when no copy of it shares the chunk.
        std::shared_ptr<Decoded> d;
        if (m_chunk && m_chunk.use_count() == 1)
            d = std::const_pointer_cast<Decoded>(std::move(m_chunk));
        else
            d = std::make_shared<Decoded>();
        d->chunk = chunk;
        const Chunk& c = m_log->m_chunks[chunk];
        decode_chunk_into(c.bytes.get(), c.size, c.raw_size, kChunkSize, d->events);
        m_chunk = std::move(d);
    }
    return m_chunk->events[m_index & (kChunkSize - 1)];
}

} // namespace loopsim::trace
