// VM: frames, calls from C++, closures, the root source, stack traces and async resumption.
// The dispatch loop itself is vm_dispatch.cpp.
#include "model/js/vm.h"

#include "model/js/array.h"
#include "model/js/host.h"
#include "model/js/promise.h"
#include "model/js/promise_jobs.h"
#include "model/js/stack_trace.h"

#include <algorithm>
#include <new>
#include <sys/mman.h>

namespace loopsim::js {

static_assert(Value::from_bits(0).is_double(), "zeroed registers must hold a valid Value");

// mmap, not calloc: glibc raises its mmap threshold after the first large free, and then
// calloc clears all 8 MiB with memset on every VM (every path `loopsim explore` runs).
VM::RegisterStack::RegisterStack(size_t size) : m_size(size) {
    void* p = mmap(nullptr, size * sizeof(Value), PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    m_data = static_cast<Value*>(p);
}

VM::RegisterStack::~RegisterStack() {
    munmap(m_data, m_size * sizeof(Value));
}

VM::VM(Runtime& runtime, Object& global)
    : m_runtime(runtime), m_global(&global), m_host(runtime.host()) {
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
    for (Shape* s : m_closure_shapes) visitor.visit(s);
    visitor.visit(m_site_value);
    for (StackMark& m : m_marks) {
        visitor.visit(m.native);
        visitor.visit(m.receiver);
    }
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
    // make_error captures the stack (this VM is the runtime's call handler).
    return ThrowCompletion{Value(m_runtime.make_error(type, message))};
}

// A closure's own properties, `length`, `name` and (for ordinary functions that can
// construct) `prototype`, sit in slots inside the closure's own allocation, under a shape
// made once: making a closure is two allocations (one with a prototype object), no lookups.
Closure* VM::make_closure(CodeBlock* code, Environment* env) {
    Runtime& rt = m_runtime;
    const bool with_prototype = code->is_constructor() && !code->has(CodeFlagClassConstructor);
    Shape*& shape = m_closure_shapes[with_prototype ? 1 : 0];
    if (shape == nullptr) {
        Shape* s = rt.root_shape()->add_property(rt.heap(), rt.common_key(CommonAtom::Length),
                                                 attr::Configurable);
        s = s->add_property(rt.heap(), rt.common_key(CommonAtom::Name), attr::Configurable);
        if (with_prototype)
            s = s->add_property(rt.heap(), rt.common_key(CommonAtom::Prototype), attr::Writable);
        shape = s;
    }
    if (code->name_value == nullptr) code->name_value = rt.string(code->name);
    const uint32_t count = with_prototype ? 3 : 2;
    auto* closure = rt.heap().allocate_sized<Closure>(sizeof(Closure) + count * sizeof(Value), rt,
                                                      rt.function_prototype(), code, env);
    closure->use_inline_slots(sizeof(Closure), count);
    Value values[3] = {Value(static_cast<int32_t>(code->length)), Value(code->name_value), Value()};
    if (!with_prototype) {
        closure->initialize_literal(rt, shape, values, count);
        return closure;
    }
    Root<Object> rooted(rt.heap(), closure);
    Object* prototype = Object::create_with_slots(rt, rt.object_prototype(), 1);
    prototype->put_direct(rt, rt.common_key(CommonAtom::Constructor), Value(closure),
                          attr::Builtin);
    values[2] = Value(prototype);
    closure->initialize_literal(rt, shape, values, count);
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
    if (!code->has_run) [[unlikely]] {
        code->has_run = true;
        m_pending_ns += m_cost.first_call_ns;
    }
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
    // A call from the host is a call boundary too: without it a program whose callbacks only
    // call natives (setImmediate, then) would never collect.
    m_runtime.heap().safepoint();
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

namespace {

// "Array.forEach (<anonymous>)", "new Promise (<anonymous>)": a built-in on the stack.
std::string native_frame_text(Runtime& rt, NativeFunction& native, Value receiver,
                              bool is_construct) {
    std::string name;
    OwnProperty property;
    if (native.lookup_own(rt.common_key(CommonAtom::Name), property) &&
        (property.attributes & attr::Accessor) == 0 && property.value.is_string())
        name = property.value.as_string()->to_utf8();
    if (is_construct)
        return "new " + (name.empty() ? std::string("<anonymous>") : name) + " (<anonymous>)";
    std::string type;
    if (receiver.is_object()) {
        // Namespaces name themselves through @@toStringTag ("JSON.parse", "Math.max").
        Object* tag_holder = receiver.as_object();
        OwnProperty tag;
        if (tag_holder->lookup_own(
                PropertyKey::symbol(rt.well_known_symbol(WellKnownSymbol::ToStringTag)), tag) &&
            (tag.attributes & attr::Accessor) == 0 && tag.value.is_string())
            type = tag.value.as_string()->to_utf8();
    }
    if (type.empty()) type = receiver_type_name(rt, receiver);
    std::string text = type.empty() ? name : type + "." + (name.empty() ? "<anonymous>" : name);
    return text + " (<anonymous>)";
}

} // namespace

// Error, TypeError, ..., AggregateError: a constructor whose `prototype` is an error
// prototype.
bool VM::is_error_constructor(NativeFunction& native) const {
    OwnProperty prototype;
    if (!native.lookup_own(m_runtime.common_key(CommonAtom::Prototype), prototype) ||
        (prototype.attributes & attr::Accessor) != 0 || !prototype.value.is_object())
        return false;
    const Object* p = prototype.value.as_object();
    for (size_t i = 0; i < static_cast<size_t>(ErrorType::Count); ++i)
        if (p == m_runtime.error_prototype(static_cast<ErrorType>(i))) return true;
    return p == m_runtime.intrinsic(Intrinsic::AggregateErrorPrototype);
}

Cell* VM::capture_stack(size_t max_frames, Object* skip_until) {
    auto* captured = m_runtime.heap().allocate<CapturedStack>();
    Root<Cell> rooted(m_runtime.heap(), captured);
    // V8 leaves out the frames above and including the innermost call of `skip_until` (if it
    // is on the stack at all).
    bool skipping = false;
    if (skip_until != nullptr)
        for (const Frame& f : m_frames)
            if (f.callee == skip_until) skipping = true;
    bool seen_frame = false; // natives above every frame are the error's own machinery
    bool unwound = false;    // below an unwound-stack mark: nothing more to show
    auto full = [&] { return captured->entries.size() >= max_frames; };
    auto add_text = [&](std::string text) {
        if (full()) return;
        CapturedStack::Entry e;
        e.text = std::move(text);
        captured->entries.push_back(std::move(e));
    };
    auto emit_mark = [&](const StackMark& m) {
        if (unwound) return;
        if (m.lines == nullptr && m.native == nullptr) {
            unwound = true;
            return;
        }
        if (m.lines != nullptr) {
            if (skipping) return;
            for (const std::string& line : *m.lines) add_text(line);
            seen_frame = true;
            return;
        }
        if (skipping || m.native->is_hidden_in_stack()) return;
        // Above every frame, an error constructor is the error's own making (`new Error`
        // shows no frame of its own); any other built-in there is the one that made the
        // error, and V8 shows it ("at Array.reduce (<anonymous>)").
        if (!seen_frame && is_error_constructor(*m.native)) return;
        add_text(native_frame_text(m_runtime, *m.native, m.receiver, m.is_construct));
    };
    size_t j = m_marks.size();
    const Frame* resumed = nullptr;
    for (size_t i = m_frames.size(); i-- > 0;) {
        while (j > 0 && m_marks[j - 1].frame_index > i) emit_mark(m_marks[--j]);
        if (unwound) break;
        const Frame& f = m_frames[i];
        if (f.is_resumed) resumed = &f;
        if (skipping) {
            if (f.callee == skip_until) skipping = false;
            continue;
        }
        seen_frame = true;
        if (full()) continue;
        CapturedStack::Entry e;
        e.is_script = true;
        e.function = Value(f.callee);
        e.receiver = m_stack[f.base + 1];
        e.code = f.code;
        e.pc = f.pc;
        e.is_construct = f.is_construct;
        captured->entries.push_back(std::move(e));
    }
    while (j > 0) emit_mark(m_marks[--j]);
    // Async frames: from the async function a job resumed, follow its promise to the async
    // function awaiting it, and so on (V8's async stack traces).
    Object* promise = resumed && !unwound ? resumed->promise : nullptr;
    while (promise != nullptr && promise->kind() == CellKind::Promise && !full()) {
        auto* p = static_cast<Promise*>(promise);
        PromiseReaction* only =
            p->state() == PromiseState::Pending ? p->only_fulfill_reaction() : nullptr;
        if (only == nullptr) break;
        Value handler = only->handler;
        if (!is_suspended_frame(handler)) break;
        auto* s = static_cast<SuspendedFrame*>(handler.as_cell());
        CapturedStack::Entry e;
        e.is_script = true;
        e.is_async = true;
        e.function = Value(s->frame.callee);
        e.receiver = s->register_count() > 1 ? s->registers()[1] : Value();
        e.code = s->frame.code;
        e.pc = s->frame.pc;
        captured->entries.push_back(std::move(e));
        promise = s->frame.promise;
    }
    return captured;
}

std::string VM::format_stack(Cell& captured) {
    return format_captured_stack(m_runtime, static_cast<CapturedStack&>(captured), m_global);
}

std::optional<VM::ThrowSite> VM::throw_site(Value thrown) const {
    if (thrown.bits() != m_site_value.bits()) return std::nullopt;
    if (m_host_site) return m_host_site;
    if (m_site_code == nullptr || !m_site_code->source) return std::nullopt;
    const syntax::SourceFile& source = *m_site_code->source;
    uint32_t offset = m_site_code->offset_at(m_site_pc);
    syntax::LineColumn lc = source.line_column(offset);
    std::string_view text = source.text();
    size_t start = offset > text.size() ? text.size() : offset;
    while (start > 0 && text[start - 1] != '\n') --start;
    size_t end = text.find('\n', start);
    ThrowSite site;
    site.file = source.path();
    site.line = lc.line;
    site.column = lc.column;
    site.source_line = std::string(
        text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    return site;
}

void VM::set_host_throw_site(Value thrown, ThrowSite site) {
    m_site_value = thrown;
    m_site_code = nullptr;
    m_host_site = std::move(site);
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
    uint32_t base = stack_top();
    const uint32_t count = suspended.register_count();
    // From here its registers are not kept alive by the cell: they are copied onto the stack
    // below before anything can collect.
    suspended.resumed = true;
    uint32_t bytes = kFrameOverheadBytes + 8 * count;
    if (uint64_t{base} + count + 8 > m_stack.size() || m_stack_bytes + bytes > kStackLimitBytes)
        return throw_error(ErrorType::RangeError, "Maximum call stack size exceeded");
    std::copy_n(suspended.registers(), count, m_stack.begin() + base);
    Frame f = suspended.frame;
    f.base = base;
    f.is_entry = true;
    f.is_resumed = true;
    m_frames.push_back(f);
    m_stack_bytes += bytes;
    Completion c = execute(value, is_throw ? 2 : 1);
    if (c.is_throw()) return c;
    return Value();
}

} // namespace loopsim::js

namespace loopsim::js {

// Await (§27.7.5.3): PromiseResolve(%Promise%, v), then PerformPromiseThen whose handlers
// resume this frame from a job. Both handlers are the suspended frame itself (no script can
// reach it): the reaction's type says whether it resumes normally or with a throw.
ThrowCompletionOr<void> VM::suspend(Value awaited) {
    // The frame is saved once PromiseResolve (which may run a script's getter) is done.
    const auto save_frame = [this] {
        const Frame& f = m_frames.back();
        auto* s = SuspendedFrame::create(m_runtime.heap(), f.code->register_count);
        s->frame = f;
        std::copy_n(m_stack.data() + f.base, f.code->register_count, s->registers());
        return Value(s);
    };
    if (!awaited.is_object()) {
        // A primitive needs no promise: PromiseResolve would make one already fulfilled with
        // it, which nothing else can reach, and PerformPromiseThen on a fulfilled promise
        // only queues the reaction job (its [[PromiseIsHandled]] is never read).
        host_enqueue_promise_job(
            m_runtime,
            *new_promise_reaction_job(m_runtime, nullptr, PromiseReactionType::Fulfill,
                                      save_frame(), m_runtime.in_host_promise_scope(), awaited));
        return {};
    }
    Value promise = LOOPSIM_TRY(promise_resolve(m_runtime, awaited));
    const Value s = save_frame();
    perform_promise_then(m_runtime, *promise.as_object(), s, s, nullptr);
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
