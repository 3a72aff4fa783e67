#pragma once
// Heap: owns every Cell of one JS runtime and reclaims them with a precise, non-moving,
// stop-the-world mark-and-sweep collector.
//
// The contract for C++ code (see docs/runtime.md, "Keeping values alive"):
//   1. Allocation never collects. Heap::allocate() only counts bytes; a collection runs
//      only at a *safepoint*: Heap::safepoint() (the VM calls it at call boundaries, loop
//      back edges and between jobs) or Heap::collect(). So a Value or Cell* held in a C++
//      local is safe until the next safepoint, however much that code allocates.
//   2. Anything that must survive a safepoint must be reachable from a root:
//        - RootedValue / Root<T>: RAII handles linked into this heap's root list (for
//          built-ins and host code that keep a value across a call into JS);
//        - RootedVector: a std::vector<Value> whose contents are roots;
//        - RootSource: an object (the VM's stack and frames, the runtime's intrinsics, the
//          host's job queue) registered with add_root_source(), asked to visit its roots.
//      Calling into JS (Runtime::call) may reach a safepoint, so values a native function
//      holds across such a call must be rooted.
//   3. Every Cell kind shows all its edges in visit_edges(). Marking is iterative (an
//      explicit gray stack), so a chain of millions of cells cannot overflow the C++ stack.
//   4. Collection timing depends only on the byte counts of allocations and on where the
//      safepoints are, never on the wall clock or on addresses. Nothing JS can observe
//      depends on addresses (no weak references, no finalizers). Sweep order is the
//      all-cells list order, which is allocation order.
//   5. Destructors of cells run during sweep or ~Heap and must not touch other cells
//      (they may already be freed); they only release the cell's own C++ buffers.
#include "model/js/cell.h"
#include "model/js/value.h"
#include "sim/assert.h"
#include "sim/page_block.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <utility>
#include <vector>

namespace loopsim::js {

class Heap;

// Marks cells for the collector. Handed to Cell::visit_edges and RootSource::visit_roots.
class Visitor {
public:
    void visit(Cell* cell) {
        if (cell != nullptr && !cell->m_marked) {
            cell->m_marked = true;
            m_gray.push_back(cell);
        }
    }
    void visit(Value value) {
        if (value.is_cell()) visit(value.as_cell());
    }
    // Marks everything reachable from the cells visited so far. A root source with many
    // roots calls it now and then, so that the marking stack stays short (it is a vector of
    // every cell marked and not yet scanned).
    void drain() {
        while (!m_gray.empty()) {
            Cell* cell = m_gray.back();
            m_gray.pop_back();
            cell->visit_edges(*this);
        }
    }
    // drain() once the stack holds this many cells.
    void drain_if_long() {
        if (m_gray.size() >= kLongStack) drain();
    }

private:
    static constexpr size_t kLongStack = 4096;
    friend class Heap;
    std::vector<Cell*> m_gray;
};

// Something outside the heap that holds roots: the VM's stacks and frames, the runtime's
// intrinsics, the host's queues. Register with Heap::add_root_source for its lifetime.
class RootSource {
public:
    virtual void visit_roots(Visitor& visitor) = 0;

protected:
    ~RootSource() = default;
};

// A table outside the heap that refers to cells weakly (the atom table): after marking, it
// drops every entry whose cell is not marked. Register with Heap::add_weak_table.
class WeakTable {
public:
    virtual void clear_dead_entries() = 0;

protected:
    ~WeakTable() = default;
};

struct HeapOptions {
    // The heap collects at a safepoint once its allocated bytes reach
    // max(min_trigger_bytes, live bytes after the last collection * growth_percent / 100).
    size_t min_trigger_bytes = size_t{4} << 20;
    uint32_t growth_percent = 200;
    // ... or mostly_live_growth_percent instead, when that collection freed less than
    // 100 - mostly_live_percent of the bytes it found.
    uint32_t mostly_live_percent = 75;
    uint32_t mostly_live_growth_percent = 400;
    // Testing aid: collect at every safepoint, so a missing root shows up at once.
    bool collect_at_every_safepoint = false;
};

struct HeapStats {
    size_t heap_bytes = 0;        // bytes of every allocated cell, live or not yet swept
    size_t heap_cells = 0;        // cells allocated and not yet swept
    size_t peak_heap_bytes = 0;   // the highest heap_bytes ever reached
    size_t live_bytes = 0;        // heap_bytes right after the last collection
    size_t live_cells = 0;        // heap_cells right after the last collection
    uint64_t collections = 0;     // completed collections
    uint64_t allocated_cells = 0; // cells ever allocated
    uint64_t freed_cells = 0;     // cells ever swept
    size_t trigger_bytes = 0;     // heap_bytes at which the next safepoint collects
};

class Heap {
public:
    explicit Heap(HeapOptions options = {});
    ~Heap();
    Heap(const Heap&) = delete;
    Heap& operator=(const Heap&) = delete;

    // Allocates and constructs a T (derived from Cell). Never collects (see the contract).
    template <typename T, typename... Args> T* allocate(Args&&... args) {
        return allocate_accounting<T>(0, std::forward<Args>(args)...);
    }
    // As allocate(), also counting `extra_bytes` of buffers the new cell owns.
    template <typename T, typename... Args>
    T* allocate_accounting(size_t extra_bytes, Args&&... args) {
        constexpr uint8_t size_class = size_class_of(sizeof(T), alignof(T));
        return construct<T>(size_class, sizeof(T), sizeof(T) + extra_bytes,
                            std::forward<Args>(args)...);
    }
    // As allocate_accounting(), for a cell of `bytes` (at least sizeof(T)) whose tail past
    // sizeof(T) holds trivially destructible data the cell lays out itself (inline slots).
    template <typename T, typename... Args> T* allocate_sized(size_t bytes, Args&&... args) {
        static_assert(alignof(T) <= kGranule);
        return construct<T>(size_class_of(bytes, alignof(T)), bytes, bytes,
                            std::forward<Args>(args)...);
    }
    // A cell's owned buffers grew (delta > 0) or shrank: keep the counts honest.
    void account_external(Cell* cell, int64_t delta);

    // Collects if the trigger is reached (or always, in stress mode) and no DeferGC is
    // active. Returns whether it collected.
    bool safepoint();
    bool is_collection_due() const { return m_stats.heap_bytes >= m_stats.trigger_bytes; }
    // Collects now, regardless of trigger (asserts that no DeferGC is active).
    void collect();

    void add_root_source(RootSource* source);
    void remove_root_source(RootSource* source);
    // `cell` has weak edges: call its clear_dead_weak_edges() after each marking while it
    // lives. Registration ends by itself when the cell dies.
    void register_weak_cell(Cell* cell);
    void add_weak_table(WeakTable* table);
    void remove_weak_table(WeakTable* table);

    const HeapStats& stats() const { return m_stats; }
    const HeapOptions& options() const { return m_options; }

private:
    friend class RootedValue;
    friend class DeferGC;

    // Takes `size` bytes of `size_class`, constructs a T there and links it, counting
    // `accounted` bytes for it.
    template <typename T, typename... Args>
    T* construct(uint8_t size_class, size_t size, size_t accounted, Args&&... args) {
        void* memory = allocate_memory(size_class, size);
        T* cell = new (memory) T(std::forward<Args>(args)...);
        Cell* base = cell;
        // What a walk of the blocks relies on (the compiler folds these).
        LOOPSIM_ASSERT(static_cast<void*>(base) == memory, "a cell starts its memory");
        LOOPSIM_ASSERT(reinterpret_cast<std::byte*>(&base->m_kind) ==
                               static_cast<std::byte*>(memory) + kKindOffset &&
                           reinterpret_cast<std::byte*>(&base->m_size_class) ==
                               static_cast<std::byte*>(memory) + kSizeClassOffset,
                       "the cell header's layout");
        base->m_size_class = size_class;
        link(base, accounted, size_class);
        return cell;
    }

    // Cell memory: sizes up to kMaxPooledBytes come from per-size free lists carved out of
    // large blocks (a sweep frees millions of small cells; the C allocator's bins made that
    // the slowest part of a run); larger cells, and every cell under AddressSanitizer (so it
    // still sees each cell's lifetime), use operator new. Addresses are never observable.
    static constexpr size_t kGranule = 8;
    static constexpr size_t kMaxPooledBytes = 512;
    static constexpr size_t kBlockBytes = size_t{256} << 10;
    static constexpr size_t kSmallBlocks = 2;
    static constexpr uint8_t size_class_of(size_t size, size_t align) {
#if defined(__SANITIZE_ADDRESS__)
        (void)size;
        (void)align;
        return 0;
#else
        if (size > kMaxPooledBytes || align > kGranule) return 0;
        return static_cast<uint8_t>((size + kGranule - 1) / kGranule);
#endif
    }
    // A free slot of a block: the same header bytes as a Cell, its kind kFreeKind.
    static constexpr size_t kKindOffset = 12;
    static constexpr size_t kSizeClassOffset = 14;
    static constexpr auto kFreeKind = static_cast<CellKind>(0xff);
    struct FreeCell {
        FreeCell* next;
        uint32_t heap_bytes;
        CellKind kind;
        bool marked;
        uint8_t size_class;
        uint8_t flags;
    };
    void* allocate_memory(uint8_t size_class, size_t size) {
        if (size_class == 0) return ::operator new(size);
        if (FreeCell* cell = m_free[size_class]) {
            m_free[size_class] = cell->next;
            return cell;
        }
        return carve(size_class);
    }
    void* carve(uint8_t size_class) {
        return m_arena.allocate(size_t{size_class} * kGranule);
    }
    // Returns a destroyed cell's memory (its size class read before it was destroyed).
    void free_memory(void* cell, uint8_t size_class);

    void link(Cell* cell, size_t bytes, uint8_t size_class);
    [[gnu::noinline]] void link_own(Cell* cell);
    // Calls fn(cell) for every cell in the blocks, in address order, skipping free slots (a
    // cell has no list link: the blocks are walked). fn may free the cell it is given.
    template <typename Fn> void for_each_block_cell(Fn&& fn);
    void mark_roots(Visitor& visitor);
    void sweep();

    HeapOptions m_options;
    HeapStats m_stats;
    std::vector<Cell*> m_own_cells; // cells allocated on their own (size class 0)
    class RootedValue* m_handles = nullptr;
    std::vector<RootSource*> m_root_sources;
    std::vector<Cell*> m_weak_cells;
    std::vector<WeakTable*> m_weak_tables;
    std::vector<Cell*> m_gray; // the marking stack, kept between collections (no re-growth)
    std::array<FreeCell*, kMaxPooledBytes / kGranule + 1> m_free{}; // by size class
    // The blocks cells are carved from: kSmallBlocks of kBlockBytes, so that a small scenario
    // stays small, then huge-page blocks, one page fault per 2 MiB of a big heap.
    sim::BlockArena m_arena{kBlockBytes, kSmallBlocks};
    int m_defer_depth = 0;
    bool m_collecting = false;
};

// Holds off collection for its lifetime (safepoints inside do nothing; collect() asserts).
class DeferGC {
public:
    explicit DeferGC(Heap& heap) : m_heap(heap) { ++m_heap.m_defer_depth; }
    ~DeferGC() { --m_heap.m_defer_depth; }
    DeferGC(const DeferGC&) = delete;
    DeferGC& operator=(const DeferGC&) = delete;

private:
    Heap& m_heap;
};

// RootedValue: a Value kept alive for as long as this handle exists. Handles form an
// intrusive list in their Heap; creating or destroying one is O(1). Copies are separate
// roots. Must not outlive the heap.
class RootedValue {
public:
    explicit RootedValue(Heap& heap, Value value = {}) : m_heap(&heap), m_value(value) { attach(); }
    RootedValue(const RootedValue& other) : m_heap(other.m_heap), m_value(other.m_value) {
        attach();
    }
    RootedValue& operator=(const RootedValue& other) {
        m_value = other.m_value;
        return *this;
    }
    ~RootedValue() { detach(); }

    Value get() const { return m_value; }
    void set(Value value) { m_value = value; }
    operator Value() const { return m_value; }

private:
    friend class Heap;
    // The heap's list holds handles that live on the stack; the destructor unlinks each one,
    // which GCC's -Wdangling-pointer does not see.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdangling-pointer"
#endif
    void attach() {
        m_next = m_heap->m_handles;
        if (m_next != nullptr) m_next->m_prev = this;
        m_heap->m_handles = this;
    }
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
    void detach() {
        if (m_prev != nullptr)
            m_prev->m_next = m_next;
        else
            m_heap->m_handles = m_next;
        if (m_next != nullptr) m_next->m_prev = m_prev;
    }

    Heap* m_heap;
    RootedValue* m_prev = nullptr;
    RootedValue* m_next = nullptr;
    Value m_value;
};

// Root<T>: a rooted pointer to a cell of type T (or null).
template <typename T> class Root {
public:
    explicit Root(Heap& heap, T* cell = nullptr) : m_root(heap, cell ? Value(cell) : Value()) {}

    T* get() const {
        return m_root.get().is_cell() ? static_cast<T*>(m_root.get().as_cell()) : nullptr;
    }
    void set(T* cell) { m_root.set(cell ? Value(cell) : Value()); }
    T* operator->() const { return get(); }
    T& operator*() const { return *get(); }
    operator T*() const { return get(); }

private:
    RootedValue m_root;
};

// A vector of values that are all roots while it exists.
class RootedVector final : public RootSource {
public:
    explicit RootedVector(Heap& heap) : m_heap(heap) { m_heap.add_root_source(this); }
    ~RootedVector() { m_heap.remove_root_source(this); }
    RootedVector(const RootedVector&) = delete;
    RootedVector& operator=(const RootedVector&) = delete;

    std::vector<Value>& values() { return m_values; }
    const std::vector<Value>& values() const { return m_values; }
    void push_back(Value value) { m_values.push_back(value); }
    size_t size() const { return m_values.size(); }
    Value operator[](size_t i) const { return m_values[i]; }

    void visit_roots(Visitor& visitor) override {
        for (Value v : m_values) visitor.visit(v);
    }

private:
    Heap& m_heap;
    std::vector<Value> m_values;
};

} // namespace loopsim::js
