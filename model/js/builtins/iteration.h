#pragma once
// Iteration protocol (ECMA-262 §7.4) for the VM and the built-ins, and the built-in
// iterator objects (%ArrayIteratorPrototype%, %StringIteratorPrototype%, Map and Set
// iterators), which share one cell kind: BuiltinIterator.
//
// get_iterator(iterable) calls iterable[Symbol.iterator]() and reads `next` once, as
// GetIterator does. The array fast path: when the iterable is an Array whose
// Symbol.iterator is the original Array.prototype.values and %ArrayIteratorPrototype%.next
// is unmodified, the record walks the array directly; every step reads the live length and
// element through [[Get]], so the result is the same as the slow path (mutation during
// iteration included) and nothing observable is skipped except the iterator object.
//
// An IteratorRecord holds cells: a caller that runs JS between steps (any loop body)
// must keep it reachable - IteratorRecord::visit, or a Root per field.
#include "model/js/completion.h"
#include "model/js/function.h"
#include "model/js/heap.h"
#include "model/js/object.h"

#include <optional>

namespace loopsim::js {

class Runtime;

struct IteratorRecord {
    Value iterator;    // the iterator object (or the array, on the fast path)
    Value next_method; // `next`, read once (undefined on the fast path)
    bool done = false;
    bool array_fast_path = false;
    uint32_t next_index = 0; // fast path: the next index to read

    void visit(Visitor& visitor) const {
        visitor.visit(iterator);
        visitor.visit(next_method);
    }
};

// GetIterator(obj, sync). Throws V8's "x is not iterable" TypeError.
ThrowCompletionOr<IteratorRecord> get_iterator(Runtime& runtime, Value iterable);
// IteratorStep + IteratorValue: the next value, or nullopt when done (record.done is set).
ThrowCompletionOr<std::optional<Value>> iterator_step(Runtime& runtime, IteratorRecord& record);
// IteratorClose with a normal completion: calls `return` if present; a throw from it wins.
ThrowCompletionOr<void> iterator_close(Runtime& runtime, IteratorRecord& record);
// IteratorClose for an abrupt completion: calls `return`, ignores its result and errors,
// and gives back `thrown` for the caller to return.
ThrowCompletion iterator_close_with_throw(Runtime& runtime, IteratorRecord& record,
                                          ThrowCompletion thrown);

// A RootSource keeping an IteratorRecord alive while JS runs between steps.
class RootedIteratorRecord final : public RootSource {
public:
    explicit RootedIteratorRecord(Heap& heap) : m_heap(heap) { m_heap.add_root_source(this); }
    ~RootedIteratorRecord() { m_heap.remove_root_source(this); }
    RootedIteratorRecord(const RootedIteratorRecord&) = delete;
    RootedIteratorRecord& operator=(const RootedIteratorRecord&) = delete;

    IteratorRecord record;
    void visit_roots(Visitor& visitor) override { record.visit(visitor); }

private:
    Heap& m_heap;
};

// What a built-in iterator walks and what it yields.
enum class IterationKind : uint8_t {
    Keys,
    Values,
    Entries
};

// The state of an Array, String, Map or Set iterator. `target` is the iterated object (or
// string); `index` the position (for Map/Set, the position in the entry list, which stays
// valid under mutation); `target` becomes undefined when exhausted.
class BuiltinIterator final : public Object {
public:
    enum class Source : uint8_t {
        Array,
        String,
        Map,
        Set
    };

    BuiltinIterator(Runtime& runtime, Object* prototype, Source source, Value target,
                    IterationKind kind);

    Source source() const { return m_source; }
    IterationKind iteration_kind() const { return m_kind; }
    Value target() const { return m_target; }
    void finish() { m_target = Value(); }
    uint64_t index() const { return m_index; }
    void set_index(uint64_t index) { m_index = index; }
    // Map/Set: the table's compaction count `index` refers to (OrderedTable::remap).
    uint32_t epoch() const { return m_epoch; }
    void set_epoch(uint32_t epoch) { m_epoch = epoch; }

    void visit_edges(Visitor& visitor) override;

private:
    Value m_target;
    uint64_t m_index = 0;
    uint32_t m_epoch = 0;
    Source m_source;
    IterationKind m_kind;
};

Object* create_array_iterator(Runtime& runtime, Value target, IterationKind kind);
// An iterator over the code points of `string` (%StringIteratorPrototype%).
Object* create_string_iterator(Runtime& runtime, String* string);
// A prototype inheriting %IteratorPrototype% with `next` and @@toStringTag (Map and Set
// iterators).
Object* make_builtin_iterator_prototype(Runtime& runtime, const char* tag, NativeFn next);

} // namespace loopsim::js
