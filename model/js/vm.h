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
//   SuspendedFrame cell and continues with PerformPromiseThen(PromiseResolve(v)) whose
//   reactions' handler is that cell (resumed normally, or with a throw for a rejection), so a
//   native promise costs exactly one job. A primitive `v` makes no promise: its reaction
//   job is queued at once, as PerformPromiseThen does for a fulfilled promise.
#include "model/js/frame.h"
#include "model/js/runtime.h"
#include "model/js/stack_trace.h"
#include "sim/assert.h"

#include <cstdint>
#include <functional>
#include <optional>
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
    // Once per function, at its first call: V8 compiles a function of the script lazily, when
    // it first runs (scripts/measure-warmup.js: 8 to 10 us for a small one in node 20 here).
    int64_t first_call_ns = 9'000;
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
    // A closure that still has the shape it was made with: its `name` is slot 1.
    static constexpr uint32_t kClosureNameSlot = 1;
    bool has_initial_shape(const Closure& closure) const {
        return closure.shape() == m_closure_shapes[0] || closure.shape() == m_closure_shapes[1];
    }
    Object& global() { return *m_global; }
    CostModel& cost_model() { return m_cost; }
    // Called before every instruction of the executions that start after it is set.
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
    Cell* capture_stack(size_t max_frames, Object* skip_until) override;
    std::string format_stack(Cell& captured) override;
    std::string_view source_text(const Closure& callee) const override;

    void visit_roots(Visitor& visitor) override;

    // A new closure of `code` over `env` with its `length`, `name` and (constructors)
    // `prototype` properties.
    Closure* make_closure(CodeBlock* code, Environment* env);
    // An error of `type` with a V8-style `stack` property.
    ThrowCompletion throw_error(ErrorType type, std::string_view message);

    // --- stack traces and throw sites ---------------------------------------------------------
    // The host's own frames around the JavaScript it calls next (Node's listOnTimeout and
    // processTimers around a timer callback): pushed and popped in nesting order; `lines` must
    // stay alive while pushed. A capture shows them below the frames called under them.
    // Null `lines`: the stack has unwound (the host handles an exception from native code);
    // a capture shows nothing older.
    void push_host_frames(const HostFrameLines* lines) {
        m_marks.push_back({static_cast<uint32_t>(m_frames.size()), lines, nullptr, Value(), false});
    }
    void pop_host_frames() {
        LOOPSIM_ASSERT(!m_marks.empty() && m_marks.back().native == nullptr,
                       "unbalanced host frames");
        m_marks.pop_back();
    }
    class HostFramesScope {
    public:
        HostFramesScope(VM& vm, const HostFrameLines* lines) : m_vm(vm) {
            vm.push_host_frames(lines);
        }
        ~HostFramesScope() { m_vm.pop_host_frames(); }
        HostFramesScope(const HostFramesScope&) = delete;
        HostFramesScope& operator=(const HostFramesScope&) = delete;

    private:
        VM& m_vm;
    };

    // Where an exception was thrown, as Node prints it above an uncaught error: the `throw`
    // statement, or the operation that failed (a call of a native that threw, a TypeError the
    // VM raised). An exception propagating out of a callee keeps its callee's site.
    struct ThrowSite {
        std::string file; // as the source was loaded (node's __filename), or "node:events"
        uint32_t line = 0;
        uint32_t column = 0; // 1-based
        std::string source_line;
    };
    // The site of `thrown` if it is the last exception thrown.
    std::optional<ThrowSite> throw_site(Value thrown) const;
    // The host throws from its own code (Node's `throw er; // Unhandled 'error' event`).
    void set_host_throw_site(Value thrown, ThrowSite site);

    // Resumes a suspended async frame with a value (or a throw). Called by the reaction jobs
    // of an `await` (CallHandler::resume).
    Completion resume(SuspendedFrame& suspended, Value value, bool is_throw) override;

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
    // The register stack: fixed, never reallocated. Its memory is a zeroed anonymous mapping, so
    // the OS maps pages only as frames first touch them (a run that stays shallow never pays
    // for the whole 8 MiB), and zero bits are a valid Value (+0), safe for the collector.
    // Every register is set when its frame is pushed.
    class RegisterStack {
    public:
        explicit RegisterStack(size_t size);
        ~RegisterStack();
        RegisterStack(const RegisterStack&) = delete;
        RegisterStack& operator=(const RegisterStack&) = delete;
        Value* data() { return m_data; }
        const Value* data() const { return m_data; }
        Value* begin() { return m_data; }
        size_t size() const { return m_size; }
        Value& operator[](size_t i) { return m_data[i]; }
        const Value& operator[](size_t i) const { return m_data[i]; }

    private:
        Value* m_data;
        size_t m_size;
    };
    RegisterStack m_stack{kRegisterStackSize};
    std::vector<Frame> m_frames;
    uint64_t m_stack_bytes = 0;
    // Registers above the top frame's window that a native callee is still reading (the
    // arguments of a spread call): nested frames start above, and the collector visits them.
    uint32_t m_reserved_top = 0;
    CostModel m_cost;
    int64_t m_pending_ns = 0;
    uint64_t m_executed = 0;
    TraceHook m_trace;

    // What a capture sees besides bytecode frames: the host's frame lines, and natives that
    // are running (shown when they have called back into JavaScript, "Array.forEach").
    struct StackMark {
        uint32_t frame_index;        // m_frames.size() when pushed: frames from here are inside it
        const HostFrameLines* lines; // host frames; null with a null native: an unwound stack
        NativeFunction* native;
        Value receiver;
        bool is_construct;
    };
    std::vector<StackMark> m_marks;
    void push_native_mark(NativeFunction* native, Value receiver, bool is_construct) {
        m_marks.push_back(
            {static_cast<uint32_t>(m_frames.size()), nullptr, native, receiver, is_construct});
    }
    void pop_native_mark() { m_marks.pop_back(); }
    bool is_error_constructor(NativeFunction& native) const;
    // The last throw: its value and where (bytecode), or a host site.
    void record_throw(Value thrown, CodeBlock* code, uint32_t pc) {
        m_site_value = thrown;
        m_site_code = code;
        m_site_pc = pc;
        m_host_site.reset();
    }
    Value m_site_value;
    // The shapes every closure starts with: `length`, `name` (and `prototype`, index 1, for
    // ordinary functions that can construct), made once instead of by transitions.
    Shape* m_closure_shapes[2] = {nullptr, nullptr};
    CodeBlock* m_site_code = nullptr;
    uint32_t m_site_pc = 0;
    std::optional<ThrowSite> m_host_site;
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
// `text` names the iterable in "<text> is not iterable" (a for-of's source text, as V8's
// CallPrinter renders it); empty: the value's description, as destructuring reads.
ThrowCompletionOr<void> get_iterator(VM& vm, Value iterable, Value* record,
                                     std::string_view text = {});
// The next value, or empty when done.
Completion iterator_next(VM& vm, Value* record);
ThrowCompletionOr<void> iterator_close(VM& vm, Value* record);
// GetIterator(obj, async) for `for await`: record[0] the iterator (an async-from-sync
// iterator for a sync iterable), record[1] its next method. `text` is the iterable's source
// text, for "x is not async iterable".
ThrowCompletionOr<void> get_async_iterator(VM& vm, Value iterable, Value* record,
                                           std::string_view text);
// "Iterator result X is not an object": the TypeError for a step's result that is not one.
Object* iterator_result_error(Runtime& runtime, Value result);
ThrowCompletionOr<void> check_iterator_result(VM& vm, Value result);
Completion iterator_rest(VM& vm, Value* record);
ThrowCompletionOr<void> append_spread(VM& vm, Object& array, Value iterable);
Completion for_in_keys(VM& vm, Value object);
ThrowCompletionOr<void> copy_data_properties(VM& vm, Object& target, Value source,
                                             std::span<const Value> excluded);
Value create_arguments(VM& vm, std::span<const Value> args);
// The text V8 shows for a value in "x is not iterable" and similar messages.
std::string describe(VM& vm, Value value);
// SetFunctionName (ECMA-262 §10.2.9) for a name known only at run time (a computed or
// numeric key): `function`'s own "name" becomes `prefix` ("get "/"set " or empty) and the
// key, a symbol's description in brackets.
ThrowCompletionOr<void> set_function_name(VM& vm, Object& function, PropertyKey key,
                                          std::string_view prefix);

} // namespace loopsim::js::vm_ops
