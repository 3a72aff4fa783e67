#pragma once
// Cell: the header of every object the loopsim JS heap owns.
// A Cell is created only by Heap::allocate<T>() and destroyed only by the collector's sweep.
// Its header holds the kind tag (cell_kinds.def), the mark bit and the link of the heap's
// all-cells list. Each kind that points at other cells overrides visit_edges() and hands
// every such pointer (or Value) to the Visitor; a pointer the visitor is not shown is not an
// edge, and its target may be freed. visit_edges() is the only virtual call the heap makes,
// and only while collecting; the interpreter's fast paths switch on kind() instead.
#include <cstdint>

namespace loopsim::js {

enum class CellKind : uint8_t {
#define LOOPSIM_CELL_KIND(name, text) name,
#include "model/js/cell_kinds.def"
#undef LOOPSIM_CELL_KIND
};

constexpr CellKind kFirstObjectKind = CellKind::Object;

const char* cell_kind_name(CellKind kind);

class Visitor;

class Cell {
public:
    Cell(const Cell&) = delete;
    Cell& operator=(const Cell&) = delete;
    virtual ~Cell() = default;

    CellKind kind() const { return m_kind; }
    bool is_object() const { return m_kind >= kFirstObjectKind; }
    bool is_marked() const { return m_marked; }
    // Bytes this cell accounts for in the heap's statistics and GC trigger: the object
    // itself plus any buffer it owns (string characters, slot vectors reported by owners).
    uint32_t heap_bytes() const { return m_heap_bytes; }

    // Shows every outgoing edge to the visitor. The default: a leaf cell.
    virtual void visit_edges(Visitor&) {}
    // Called after marking, before sweeping, on live cells registered with
    // Heap::register_weak_cell(): drop every pointer to a cell that is not marked (it is
    // about to be freed). Shape transition tables are the only user.
    virtual void clear_dead_weak_edges() {}

protected:
    explicit Cell(CellKind kind) : m_kind(kind) {}

private:
    friend class Heap;
    friend class Visitor;
    // The header after the vtable pointer, in this order: the heap finds a cell's kind and
    // size class at fixed offsets when it walks its blocks (Heap::sweep).
    uint32_t m_heap_bytes = 0;
    CellKind m_kind;
    bool m_marked = false;
    uint8_t m_size_class = 0; // the heap's allocator: which free list takes it back (0: none)

protected:
    // The header's spare byte, for a kind's own flags (Object keeps two there), so that a
    // flag costs no padding in the cells there are millions of.
    uint8_t m_cell_flags = 0;
};
static_assert(sizeof(Cell) == 16, "the cell header: vtable, byte count, 4 bytes");

} // namespace loopsim::js
