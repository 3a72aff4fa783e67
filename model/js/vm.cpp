// VM: frames, calls from C++, closures, the root source, stack traces and async resumption.
// The dispatch loop itself is vm_dispatch.cpp.
#include "model/js/vm.h"

#include "model/js/array.h"
#include "model/js/host.h"
#include "model/js/promise.h"
#include "model/js/stack_trace.h"

#include <algorithm>

namespace loopsim::js {

VM::VM(Runtime& runtime, Object& global)
    : m_runtime(runtime), m_global(&global), m_host(runtime.host()) {
    m_stack.resize(kRegisterStackSize);
    m_frames.reserve(1024);
    m_runtime.set_call_handler(this);
    m_runtime.heap().add_root_source(this);
}

VM::~VM() {
    m_runtime.heap().remove_root_source(this);
    m_runtime.set_call_handler(nullptr);
}

void VM::flush_cost() {
    if (m_host == nullptr) m_host = m_runtime.host();
    if (m_pending_ns > 0 && m_host) m_host->charge(m_pending_ns);
    m_pending_ns = 0;
}

uint32_t VM::stack_top() const {
    if (m_frames.empty()) return m_reserved_top;
    const Frame& f = m_frames.back();
    return std::max(f.base + f.code->register_count, m_reserved_top);
}

void VM::visit_roots(Visitor& visitor) {
    visitor.visit(m_global);
    // Every register of every live frame's window: a frame's upper registers may hold
    // values its callees wrote, and they must stay valid while the frame lives. The union of
    // the windows is a prefix of the stack, initialised when each frame was pushed.
    uint32_t top = 0;
    for (const Frame& f : m_frames) top = std::max(top, f.base + f.code->register_count);
    top = std::max(top, m_reserved_top);
    for (uint32_t i = 0; i < top; ++i) visitor.visit(m_stack[i]);
    for (const Frame& f : m_frames) {
        visitor.visit(f.callee);
        visitor.visit(f.code);
        visitor.visit(f.env);
        visitor.visit(f.new_target);
        visitor.visit(f.promise);
    }
}

ThrowCompletion VM::throw_error(ErrorType type, std::string_view message) {
    Object* error = m_runtime.make_error(type, message);
    std::string stack = std::string(error_type_name(type)) + ": " + std::string(message);
    std::string lines = stack_trace_lines(10);
    if (!lines.empty()) stack += "\n" + lines;
    error->put_direct(m_runtime, m_runtime.common_key(CommonAtom::Stack),
                      Value(m_runtime.string(stack)), attr::Builtin);
    return ThrowCompletion{Value(error)};
}

Closure* VM::make_closure(CodeBlock* code, Environment* env) {
    Runtime& rt = m_runtime;
    auto* closure = rt.heap().allocate<Closure>(rt, rt.function_prototype(), code, env);
    closure->put_direct(rt, rt.common_key(CommonAtom::Length),
                        Value(static_cast<int32_t>(code->length)), attr::Configurable);
    closure->put_direct(rt, rt.common_key(CommonAtom::Name), Value(rt.string(code->name)),
                        attr::Configurable);
    if (code->is_constructor() && !code->has(CodeFlagClassConstructor)) {
        Object* prototype = Object::create(rt, rt.object_prototype());
        prototype->put_direct(rt, rt.common_key(CommonAtom::Constructor), Value(closure),
                              attr::Builtin);
        closure->put_direct(rt, rt.common_key(CommonAtom::Prototype), Value(prototype),
                            attr::Writable);
    }
    return closure;
}

ThrowCompletionOr<void> VM::push_frame(Closure& callee, uint32_t base, uint32_t argc,
                                       Object* new_target, bool is_entry) {
    auto* code = static_cast<CodeBlock*>(callee.code());
    uint32_t bytes = kFrameOverheadBytes + 8 * code->register_count;
    if (m_stack_bytes + bytes > kStackLimitBytes ||
        uint64_t{base} + code->register_count + argc + 8 > m_stack.size())
        return throw_error(ErrorType::RangeError, "Maximum call stack size exceeded");
    Value* R = m_stack.data() + base;
    Value args_array;
    if (code->has(CodeFlagNeedsArguments))
        args_array = Value(Array::create_from(m_runtime, std::span<const Value>(R + 2, argc)));
    uint32_t filled = 2 + std::min(argc, code->param_count);
    for (uint32_t i = filled; i < code->register_count; ++i) R[i] = Value();
    if (code->has(CodeFlagNeedsArguments)) R[code->args_register] = args_array;
    if (!code->has(CodeFlagStrict) && !code->has(CodeFlagArrow) && R[1].is_nullish())
        R[1] = Value(m_global);
    Frame& f = m_frames.emplace_back();
    f.callee = &callee;
    f.code = code;
    f.env = static_cast<Environment*>(callee.environment());
    f.base = base;
    f.pc = 0;
    f.arg_count = argc;
    f.new_target = new_target;
    f.is_construct = new_target != nullptr;
    f.is_entry = is_entry;
    m_stack_bytes += bytes;
    m_pending_ns += m_cost.call_ns;
    if (code->has(CodeFlagAsync)) f.promise = new_promise(m_runtime);
    return {};
}

Completion VM::call_closure(Runtime& runtime, Closure& callee, Value this_value,
                            std::span<const Value> args) {
    auto* code = static_cast<CodeBlock*>(callee.code());
    if (code->has(CodeFlagClassConstructor))
        return throw_error(ErrorType::TypeError,
                           "Class constructor " + code->name + " cannot be invoked without 'new'");
    uint32_t base = stack_top();
    if (uint64_t{base} + 2 + args.size() + code->register_count + 8 > m_stack.size())
        return throw_error(ErrorType::RangeError, "Maximum call stack size exceeded");
    Value* R = m_stack.data() + base;
    R[0] = Value(&callee);
    R[1] = this_value;
    std::copy(args.begin(), args.end(), R + 2);
    LOOPSIM_TRY(push_frame(callee, base, static_cast<uint32_t>(args.size()), nullptr, true));
    return execute(Value(), 0);
}

Completion VM::construct_closure(Runtime& runtime, Closure& callee, std::span<const Value> args,
                                 Object& new_target) {
    auto* code = static_cast<CodeBlock*>(callee.code());
    Value self = Value::empty();
    if (!code->has(CodeFlagDerived)) {
        Object* proto = LOOPSIM_TRY(
            m_runtime.prototype_from_constructor(new_target, m_runtime.object_prototype()));
        self = Value(Object::create(m_runtime, proto));
    }
    uint32_t base = stack_top();
    if (uint64_t{base} + 2 + args.size() + code->register_count + 8 > m_stack.size())
        return throw_error(ErrorType::RangeError, "Maximum call stack size exceeded");
    Value* R = m_stack.data() + base;
    R[0] = Value(&callee);
    R[1] = self;
    std::copy(args.begin(), args.end(), R + 2);
    LOOPSIM_TRY(push_frame(callee, base, static_cast<uint32_t>(args.size()), &new_target, true));
    return execute(Value(), 0);
}

bool VM::is_constructor(const Closure& callee) const {
    return static_cast<const CodeBlock*>(callee.code())->is_constructor();
}

std::string_view VM::source_text(const Closure& callee) const {
    auto* code = static_cast<const CodeBlock*>(callee.code());
    if (!code->source) return {};
    return std::string_view(code->source->text())
        .substr(code->source_start, code->source_end - code->source_start);
}

std::string VM::stack_trace_lines(size_t max_frames) {
    std::string out;
    size_t count = 0;
    for (size_t i = m_frames.size(); i-- > 0 && count < max_frames; ++count) {
        if (!out.empty()) out += '\n';
        out += format_stack_frame(m_frames[i]);
    }
    return out;
}

Object* VM::prototype_for(Value value) {
    if (value.is_string()) return m_runtime.intrinsic(Intrinsic::StringPrototype);
    if (value.is_number()) return m_runtime.intrinsic(Intrinsic::NumberPrototype);
    if (value.is_boolean()) return m_runtime.intrinsic(Intrinsic::BooleanPrototype);
    if (value.is_symbol()) return m_runtime.intrinsic(Intrinsic::SymbolPrototype);
    return nullptr;
}

Completion VM::resume(SuspendedFrame& suspended, Value value, bool is_throw) {
    if (suspended.resumed) return Value();
    suspended.resumed = true;
    uint32_t base = stack_top();
    auto count = static_cast<uint32_t>(suspended.registers.size());
    uint32_t bytes = kFrameOverheadBytes + 8 * count;
    if (uint64_t{base} + count + 8 > m_stack.size() || m_stack_bytes + bytes > kStackLimitBytes)
        return throw_error(ErrorType::RangeError, "Maximum call stack size exceeded");
    std::copy(suspended.registers.begin(), suspended.registers.end(), m_stack.begin() + base);
    Frame f = suspended.frame;
    f.base = base;
    f.is_entry = true;
    m_frames.push_back(f);
    m_stack_bytes += bytes;
    suspended.registers.clear();
    Completion c = execute(value, is_throw ? 2 : 1);
    if (c.is_throw()) return c;
    return Value();
}

} // namespace loopsim::js

namespace loopsim::js {

namespace {

Completion await_fulfilled(Runtime&, NativeFunction& callee, Value, std::span<const Value> args) {
    auto* s = static_cast<SuspendedFrame*>(callee.data().as_cell());
    return s->vm->resume(*s, args.empty() ? Value() : args[0], false);
}

Completion await_rejected(Runtime&, NativeFunction& callee, Value, std::span<const Value> args) {
    auto* s = static_cast<SuspendedFrame*>(callee.data().as_cell());
    return s->vm->resume(*s, args.empty() ? Value() : args[0], true);
}

} // namespace

// Await (§27.7.5.3): PromiseResolve(%Promise%, v), then PerformPromiseThen with the two
// continuations, which resume this frame from a job.
ThrowCompletionOr<void> VM::suspend(Value awaited) {
    Value promise = LOOPSIM_TRY(promise_resolve(m_runtime, awaited));
    Frame& f = m_frames.back();
    auto* s = m_runtime.heap().allocate<SuspendedFrame>();
    s->vm = this;
    s->frame = f;
    Value* R = m_stack.data() + f.base;
    s->registers.assign(R, R + f.code->register_count);
    m_runtime.heap().account_external(s, static_cast<int64_t>(s->registers.size() * sizeof(Value)));
    NativeFunction* on_fulfilled =
        NativeFunction::create(m_runtime, "", 1, &await_fulfilled, Value(s));
    NativeFunction* on_rejected =
        NativeFunction::create(m_runtime, "", 1, &await_rejected, Value(s));
    perform_promise_then(m_runtime, *promise.as_object(), Value(on_fulfilled), Value(on_rejected),
                         nullptr);
    return {};
}

} // namespace loopsim::js

namespace loopsim::js {

ThrowCompletion VM::tdz_error(String* name) {
    std::string text = name->to_utf8();
    if (text == "this")
        return throw_error(ErrorType::ReferenceError,
                           "Must call super constructor in derived class before accessing 'this' "
                           "or returning from derived constructor");
    return throw_error(ErrorType::ReferenceError,
                       "Cannot access '" + text + "' before initialization");
}

} // namespace loopsim::js
