#pragma once
// VM: the bytecode interpreter of loopsim's scenario language.
//
// Contract.
// - One VM per Runtime; it installs itself as the Runtime's CallHandler, so Runtime::call
//   and Runtime::construct reach closures through it, and registers itself as a RootSource
//   (the live part of the register stack, every frame's callee, code, environment and
//   promise).
// - JS calls JS without C++ recursion: a Call pushes a Frame and the same dispatch loop
//   continues. Natives calling back into JS (Runtime::call) start a nested loop that ends
//   when its entry frame returns.
// - Exceptions are completions: a throw unwinds frames in the loop, through the handler
//   tables, and leaves the loop as a ThrowCompletion only at an entry frame.
// - Stack depth is bounded by a model of V8's stack (frame overhead + 8 bytes per
//   register, against a byte limit): overflowing throws RangeError "Maximum call stack size
//   exceeded", never a C++ stack overflow.
// - GC: heap.safepoint() is called at calls and loop back edges only.
// - Cost: every instruction, JS call and native call has a virtual cost (CostModel); the VM
//   batches them and reports them through Host::charge before every native call (so
//   Date.now() sees an exact clock), at back edges once a batch is big enough, and when a
//   dispatch loop exits.
// - async functions: the first call returns a promise; `await v` suspends the frame into a
//   SuspendedFrame cell and continues with PromiseResolve(v).then(resume, resume-throw), so
//   a native promise costs exactly one job.
#include "model/js/frame.h"
#include "model/js/runtime.h"

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

namespace loopsim::js {

class Host;

// Virtual costs in nanoseconds (see docs/runtime.md, "Cost model", for the calibration).
struct CostModel {
    int64_t instruction_ns = 3;
    int64_t call_ns = 20;        // extra per JS call
    int64_t native_call_ns = 11; // extra per native call
    int64_t flush_threshold_ns = 100'000;
};

// Called before each instruction when set (--trace-vm): the frame, the instruction's pc and
// the accumulator.
using TraceHook = std::function<void(const Frame& frame, uint32_t pc, Value acc)>;

class VM final : public CallHandler, public RootSource {
public:
    // Stack model: frames are charged this many bytes plus 8 per register.
    static constexpr uint32_t kFrameOverheadBytes = 104;
    static constexpr uint32_t kStackLimitBytes = 2'004'480;
    static constexpr uint32_t kRegisterStackSize = 1u << 20;

    VM(Runtime& runtime, Object& global);
    ~VM();
    VM(const VM&) = delete;
    VM& operator=(const VM&) = delete;

    Runtime& runtime() { return m_runtime; }
    Object& global() { return *m_global; }
    CostModel& cost_model() { return m_cost; }
    void set_trace_hook(TraceHook hook) { m_trace = std::move(hook); }
    uint64_t executed_instructions() const { return m_executed; }
    size_t frame_depth() const { return m_frames.size(); }
    // Reports the batched cost to the host now.
    void flush_cost();

    // --- CallHandler ------------------------------------------------------------------------
    Completion call_closure(Runtime& runtime, Closure& callee, Value this_value,
                            std::span<const Value> args) override;
    Completion construct_closure(Runtime& runtime, Closure& callee, std::span<const Value> args,
                                 Object& new_target) override;
    bool is_constructor(const Closure& callee) const override;
    std::string stack_trace_lines(size_t max_frames) override;
    std::string_view source_text(const Closure& callee) const override;

    void visit_roots(Visitor& visitor) override;

    // A new closure of `code` over `env` with its `length`, `name` and (constructors)
    // `prototype` properties.
    Closure* make_closure(CodeBlock* code, Environment* env);
    // An error of `type` with a V8-style `stack` property.
    ThrowCompletion throw_error(ErrorType type, std::string_view message);

    // Resumes a suspended async frame with a value (or a throw). Used by the continuation
    // functions `await` registers.
    Completion resume(SuspendedFrame& suspended, Value value, bool is_throw);

private:
    friend struct Dispatch;
    // Runs frames until the entry frame at the top when called returns. mode 0: the frame
    // starts at pc 0; 1: it resumes after its Await with `acc`; 2: it resumes by throwing acc.
    Completion execute(Value acc, int mode);
    // ReferenceError "Cannot access 'x' before initialization" (or the derived-constructor
    // message for `this`).
    ThrowCompletion tdz_error(String* name);
    // Moves the top frame, stopped at an Await, to the heap and subscribes it to `awaited`.
    ThrowCompletionOr<void> suspend(Value awaited);
    // Pushes a frame for `callee` whose R0..R(2+argc) are already at `base`.
    ThrowCompletionOr<void> push_frame(Closure& callee, uint32_t base, uint32_t argc,
                                       Object* new_target, bool is_entry);
    uint32_t stack_top() const;
    // The primitive's prototype for property lookups on strings, numbers, booleans, symbols.
    Object* prototype_for(Value value);

    Runtime& m_runtime;
    Object* m_global;
    Host* m_host = nullptr;
    std::vector<Value> m_stack;
    std::vector<Frame> m_frames;
    uint64_t m_stack_bytes = 0;
    // Registers above the top frame's window that a native callee is still reading (the
    // arguments of a spread call): nested frames start above, and the collector visits them.
    uint32_t m_reserved_top = 0;
    CostModel m_cost;
    int64_t m_pending_ns = 0;
    uint64_t m_executed = 0;
    TraceHook m_trace;
};

} // namespace loopsim::js

namespace loopsim::js::vm_ops {

// The slow paths of the dispatch loop (vm_operations.cpp), each with V8's error messages.
Completion get_property(VM& vm, Value base, PropertyKey key);
ThrowCompletionOr<void> set_property(VM& vm, Value base, PropertyKey key, Value value, bool strict);
Completion get_keyed(VM& vm, Value base, Value key);
ThrowCompletionOr<void> set_keyed(VM& vm, Value base, Value key, Value value, bool strict);
Completion binary(VM& vm, Opcode op, Value left, Value right);
Completion add(VM& vm, Value left, Value right);
Completion negate(VM& vm, Value value);
Completion bit_not(VM& vm, Value value);
Completion instance_of(VM& vm, Value value, Value target);
Completion has_property(VM& vm, Value key, Value target);
// Iterator records live in three registers: the iterator (or the array/string), the next
// method (or the index), and the mode (0 generic, 1 array, 2 string, 3 done).
ThrowCompletionOr<void> get_iterator(VM& vm, Value iterable, Value* record);
// The next value, or empty when done.
Completion iterator_next(VM& vm, Value* record);
ThrowCompletionOr<void> iterator_close(VM& vm, Value* record);
Completion iterator_rest(VM& vm, Value* record);
ThrowCompletionOr<void> append_spread(VM& vm, Object& array, Value iterable);
Completion for_in_keys(VM& vm, Value object);
ThrowCompletionOr<void> copy_data_properties(VM& vm, Object& target, Value source,
                                             std::span<const Value> excluded);
Value create_arguments(VM& vm, std::span<const Value> args);
// The text V8 shows for a value in "x is not iterable" and similar messages.
std::string describe(VM& vm, Value value);

} // namespace loopsim::js::vm_ops
