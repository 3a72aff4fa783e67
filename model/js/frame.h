#pragma once
// Frames of the VM's explicit JS call stack.
//
// A running frame is a Frame record in the VM's frame vector plus a window of the VM's
// register stack (R0 the callee, R1 `this`, R2.. parameters, then locals and temporaries).
// JS-to-JS calls push a Frame and continue in the same dispatch loop: no C++ recursion.
// An `await` moves the frame to the heap: its registers, pc and environment are copied into
// a SuspendedFrame cell, which is itself the handler of the awaited promise's reactions;
// when the promise settles, the reaction job resumes it by copying it back onto the register
// stack (with a throw when the promise was rejected).
#include "model/js/bytecode.h"
#include "model/js/environment.h"
#include "model/js/function.h"

namespace loopsim::js {

struct Frame {
    Closure* callee = nullptr;
    CodeBlock* code = nullptr;
    Environment* env = nullptr;
    Object* new_target = nullptr; // construct frames: new.target; else null
    Object* promise = nullptr;    // async functions: the promise the call returned
    uint32_t base = 0;            // index of R0 in the register stack
    uint32_t pc = 0;              // resume point while a callee runs (next instruction)
    uint32_t arg_count = 0;
    bool is_construct = false;
    bool is_entry = false;   // returning from it leaves the dispatch loop (back to C++)
    bool is_resumed = false; // an async function resumed from a job (after an await)
};

// An async function's frame while it waits in `await`.
// Its register window is kept after the cell, in the same allocation (Heap::allocate_sized).
class SuspendedFrame final : public Cell {
public:
    // A suspended frame with room for `register_count` registers (not yet copied in).
    static SuspendedFrame* create(Heap& heap, uint32_t register_count);
    explicit SuspendedFrame(uint32_t register_count)
        : Cell(CellKind::SuspendedFrame), m_register_count(register_count) {}

    Frame frame;          // base and is_entry are reassigned on resume
    bool resumed = false; // once resumed, its registers are no longer kept alive

    // The whole register window saved by the `await` (none once resumed).
    uint32_t register_count() const { return resumed ? 0 : m_register_count; }
    Value* registers() { return reinterpret_cast<Value*>(this + 1); }
    const Value* registers() const { return reinterpret_cast<const Value*>(this + 1); }

    void visit_edges(Visitor& visitor) override {
        visitor.visit(frame.callee);
        visitor.visit(frame.code);
        visitor.visit(frame.env);
        visitor.visit(frame.new_target);
        visitor.visit(frame.promise);
        const uint32_t count = register_count();
        for (uint32_t i = 0; i < count; ++i) visitor.visit(registers()[i]);
    }

private:
    uint32_t m_register_count;
};
static_assert(sizeof(SuspendedFrame) % alignof(Value) == 0, "the registers follow the cell");

// True for an `await`'s continuation: the suspended frame its promise reactions resume. No
// script can reach one.
inline bool is_suspended_frame(Value value) {
    return value.is_cell() && value.as_cell()->kind() == CellKind::SuspendedFrame;
}

inline SuspendedFrame* SuspendedFrame::create(Heap& heap, uint32_t register_count) {
    return heap.allocate_sized<SuspendedFrame>(
        sizeof(SuspendedFrame) + size_t{register_count} * sizeof(Value), register_count);
}

} // namespace loopsim::js
