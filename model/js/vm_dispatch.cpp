// The dispatch loop: one function, one label per opcode (GCC/Clang computed goto).
//
// Invariants inside the loop:
//   fr      the running Frame (re-read after anything that may push frames: m_frames can grow)
//   R       its register window; m_stack never reallocates, so R stays valid across calls
//   pc      index of the current instruction's opcode word
//   fr->pc  saved (SYNC) before anything that can throw, call out or read the stack trace;
//           it always names the current instruction, and for a caller the call instruction
// Safepoints (calls, back edges) only come where the accumulator is dead: the collector
// never sees it.
// A JS-to-JS call pushes a Frame and jumps to the callee's first instruction; Return pops it
// and continues after the call instruction, so JS recursion never recurses in C++.
// NOLINT(readability-function-size): the dispatch loop is one switch by design (STYLE.md §2).
#include "model/js/array.h"
#include "model/js/builtins/builtin_support.h"
#include "model/js/conversions.h"
#include "model/js/host.h"
#include "model/js/promise.h"
#include "model/js/vm.h"

#include <cmath>

namespace loopsim::js {

namespace {

inline bool fast_truthy(Value v, bool& out) {
    if (v.is_boolean()) {
        out = v.as_bool();
        return true;
    }
    if (v.is_int32()) {
        out = v.as_int32() != 0;
        return true;
    }
    return false;
}

// An int32 arithmetic result computed in 64 bits: an int32 value when it fits, else the
// double (the result JavaScript gives for the overflow).
inline Value int_result(int64_t r) {
    return r == static_cast<int32_t>(r) ? Value(static_cast<int32_t>(r))
                                        : Value(static_cast<double>(r));
}

inline Environment* env_of(Value v) {
    return v.is_null() ? nullptr : static_cast<Environment*>(v.as_cell());
}

inline Value env_value(Environment* e) {
    return e ? Value(static_cast<Cell*>(e)) : Value::null();
}

} // namespace

Completion VM::execute(Value initial_acc, int mode) {
    static void* const kLabels[] = {
#define LOOPSIM_OPCODE(name, operands, semantics) &&op_##name,
#include "model/js/opcodes.def"
#undef LOOPSIM_OPCODE
    };
    // With a trace hook, every opcode goes through op_trace_hook first; without, dispatch
    // tests nothing but the opcode.
    static void* const kTraceLabels[] = {
#define LOOPSIM_OPCODE(name, operands, semantics) &&op_trace_hook,
#include "model/js/opcodes.def"
#undef LOOPSIM_OPCODE
    };
    void* const* const labels = m_trace ? kTraceLabels : kLabels;
    Runtime& rt = m_runtime;
    Heap& heap = rt.heap();
    Frame* fr = &m_frames.back();
    CodeBlock* cb = fr->code;
    const uint32_t* code = cb->code.data();
    Value* R = m_stack.data() + fr->base;
    uint32_t pc = 0;
    Value acc = initial_acc;
    Value thrown;
    Value callee;
    uint32_t a = 0;
    uint32_t argc = 0;
    int64_t steps = 0;

#define RELOAD()                                                                                   \
    do {                                                                                           \
        fr = &m_frames.back();                                                                     \
        cb = fr->code;                                                                             \
        code = cb->code.data();                                                                    \
        R = m_stack.data() + fr->base;                                                             \
    } while (0)
#define SYNC() (fr->pc = pc)
#define OPERAND(i) code[pc + 1 + (i)]
#define DISPATCH()                                                                                 \
    do {                                                                                           \
        ++steps;                                                                                   \
        goto* labels[code[pc]];                                                                    \
    } while (0)
#define NEXT(n)                                                                                    \
    do {                                                                                           \
        pc += 1 + (n);                                                                             \
        DISPATCH();                                                                                \
    } while (0)
#define THROW(value)                                                                               \
    do {                                                                                           \
        SYNC();                                                                                    \
        thrown = (value);                                                                          \
        if (thrown.bits() != m_site_value.bits()) record_throw(thrown, cb, pc);                    \
        goto handle_exception;                                                                     \
    } while (0)
#define TRY_VALUE(target, expression)                                                              \
    do {                                                                                           \
        auto _c = (expression);                                                                    \
        if (_c.is_throw()) THROW(_c.thrown_value());                                               \
        target = _c.release_value();                                                               \
    } while (0)
#define TRY_VOID(expression)                                                                       \
    do {                                                                                           \
        auto _c = (expression);                                                                    \
        if (_c.is_throw()) THROW(_c.thrown_value());                                               \
    } while (0)
#define ACCOUNT()                                                                                  \
    do {                                                                                           \
        m_pending_ns += steps * m_cost.instruction_ns;                                             \
        m_executed += static_cast<uint64_t>(steps);                                                \
        steps = 0;                                                                                 \
    } while (0)
#define TYPE_ERROR(message) THROW(throw_error(ErrorType::TypeError, (message)).value)
#define STRICT() cb->has(CodeFlagStrict)
#define NAME(i) cb->constants[OPERAND(i)].as_string()

    if (mode == 2) {
        thrown = acc;
        goto handle_exception;
    }
    if (mode == 1) pc = fr->pc + 1;
    DISPATCH();

op_trace_hook:
    m_trace(*fr, pc, acc);
    goto* kLabels[code[pc]];
op_LdaUndefined:
    acc = Value();
    NEXT(0);
op_LdaNull:
    acc = Value::null();
    NEXT(0);
op_LdaTrue:
    acc = Value(true);
    NEXT(0);
op_LdaFalse:
    acc = Value(false);
    NEXT(0);
op_LdaHole:
    acc = Value::empty();
    NEXT(0);
op_LdaInt:
    acc = Value(static_cast<int32_t>(OPERAND(0)));
    NEXT(1);
op_LdaConst:
    acc = cb->constants[OPERAND(0)];
    NEXT(1);
op_Ldar:
    acc = R[OPERAND(0)];
    NEXT(1);
op_Star:
    R[OPERAND(0)] = acc;
    NEXT(1);
op_Mov:
    R[OPERAND(1)] = R[OPERAND(0)];
    NEXT(2);
op_LdarChecked:
    acc = R[OPERAND(0)];
    if (acc.is_empty()) [[unlikely]]
        goto tdz_error_1;
    NEXT(2);
op_StarChecked:
    if (R[OPERAND(0)].is_empty()) [[unlikely]]
        goto tdz_error_1;
    R[OPERAND(0)] = acc;
    NEXT(2);
op_LdaEnv:
    acc = fr->env->up(OPERAND(0))->slot(OPERAND(1));
    NEXT(2);
op_LdaEnvChecked:
    acc = fr->env->up(OPERAND(0))->slot(OPERAND(1));
    if (acc.is_empty()) [[unlikely]]
        goto tdz_error_2;
    NEXT(3);
op_StaEnv:
    fr->env->up(OPERAND(0))->set_slot(OPERAND(1), acc);
    NEXT(2);
op_StaEnvChecked : {
    Environment* e = fr->env->up(OPERAND(0));
    if (e->slot(OPERAND(1)).is_empty()) [[unlikely]]
        goto tdz_error_2;
    e->set_slot(OPERAND(1), acc);
    NEXT(3);
}
op_LdaGlobal:
op_LdaGlobalTypeof : {
    String* name = NAME(0);
    PropertyCache& c = cb->caches[OPERAND(1)];
    if (m_global->shape() == c.shape) {
        acc = m_global->slot(c.slot);
        NEXT(2);
    }
    PropertyKey key = PropertyKey::atom(name);
    Shape* shape = m_global->shape();
    if (!shape->is_dictionary()) {
        if (auto loc = shape->lookup(key); loc && !(loc->attributes & attr::Accessor)) {
            c.shape = shape;
            c.slot = loc->slot;
            acc = m_global->slot(loc->slot);
            NEXT(2);
        }
    }
    SYNC();
    if (!m_global->has_property(key)) {
        if (static_cast<Opcode>(code[pc]) == Opcode::LdaGlobalTypeof) {
            acc = Value();
            NEXT(2);
        }
        THROW(
            throw_error(ErrorType::ReferenceError, rt.not_defined_message(name->to_utf8())).value);
    }
    TRY_VALUE(acc, m_global->get(rt, key, Value(m_global)));
    NEXT(2);
}
op_StaGlobal : {
    PropertyKey key = PropertyKey::atom(NAME(0));
    SYNC();
    if (STRICT() && !m_global->has_property(key))
        THROW(throw_error(ErrorType::ReferenceError, rt.not_defined_message(NAME(0)->to_utf8()))
                  .value);
    TRY_VOID(vm_ops::set_property(*this, Value(m_global), key, acc, STRICT()));
    NEXT(2);
}
op_PushEnv:
    fr->env = Environment::create(heap, fr->env, OPERAND(0));
    NEXT(1);
op_PopEnv:
    fr->env = fr->env->parent();
    NEXT(0);
op_CopyEnv:
    fr->env = fr->env->copy(heap);
    NEXT(0);
op_GetEnv:
    R[OPERAND(0)] = env_value(fr->env);
    NEXT(1);
op_SetEnv:
    fr->env = env_of(R[OPERAND(0)]);
    NEXT(1);

op_GetNamed : {
    PropertyCache& c = cb->caches[OPERAND(1)];
    if (acc.is_object()) {
        Object* o = acc.as_object();
        Shape* shape = o->shape();
        if (shape == c.shape) {
            if (!c.holder) {
                acc = o->slot(c.slot);
                NEXT(2);
            }
            if (o->prototype() == c.holder && c.holder->shape() == c.holder_shape) {
                acc = c.holder->slot(c.slot);
                NEXT(2);
            }
        }
        PropertyKey key = PropertyKey::atom(NAME(0));
        if (!shape->is_dictionary()) {
            auto loc = shape->lookup(key);
            if (loc && !(loc->attributes & attr::Accessor)) {
                c.shape = shape;
                c.holder = nullptr;
                c.slot = loc->slot;
                acc = o->slot(loc->slot);
                NEXT(2);
            }
            Object* proto = o->prototype();
            if (!loc && proto && !proto->shape()->is_dictionary() && o->kind() != CellKind::Array &&
                o->elements().is_empty()) {
                auto ploc = proto->shape()->lookup(key);
                if (ploc && !(ploc->attributes & attr::Accessor)) {
                    c.shape = shape;
                    c.holder = proto;
                    c.holder_shape = proto->shape();
                    c.slot = ploc->slot;
                    acc = proto->slot(ploc->slot);
                    NEXT(2);
                }
            }
        }
        SYNC();
        TRY_VALUE(acc, o->get(rt, key, acc));
        NEXT(2);
    }
    SYNC();
    TRY_VALUE(acc, vm_ops::get_property(*this, acc, PropertyKey::atom(NAME(0))));
    NEXT(2);
}
op_GetLength:
    if (acc.is_object() && acc.as_cell()->kind() == CellKind::Array) {
        acc = Value::number(static_cast<Array*>(acc.as_object())->length());
        NEXT(1);
    }
    if (acc.is_string()) {
        acc = Value(static_cast<int32_t>(acc.as_string()->length()));
        NEXT(1);
    }
    SYNC();
    TRY_VALUE(acc, vm_ops::get_property(*this, acc, rt.common_key(CommonAtom::Length)));
    NEXT(1);
op_SetNamed : {
    Value target = R[OPERAND(0)];
    PropertyCache& c = cb->caches[OPERAND(2)];
    if (target.is_object()) {
        Object* o = target.as_object();
        Shape* shape = o->shape();
        if (shape == c.shape && !c.holder) {
            o->set_slot(c.slot, acc);
            NEXT(3);
        }
        if (!shape->is_dictionary()) {
            auto loc = shape->lookup(PropertyKey::atom(NAME(1)));
            if (loc && (loc->attributes & attr::Writable) && !(loc->attributes & attr::Accessor)) {
                c.shape = shape;
                c.holder = nullptr;
                c.slot = loc->slot;
                o->set_slot(loc->slot, acc);
                NEXT(3);
            }
        }
    }
    SYNC();
    TRY_VOID(vm_ops::set_property(*this, target, PropertyKey::atom(NAME(1)), acc, STRICT()));
    NEXT(3);
}
op_GetKeyed : {
    Value base = R[OPERAND(0)];
    if (base.is_object() && acc.is_int32() && acc.as_int32() >= 0) {
        const Elements& e = base.as_object()->elements();
        auto i = static_cast<uint32_t>(acc.as_int32());
        if (e.is_dense() && i < e.dense().size() && !e.dense()[i].is_empty()) {
            acc = e.dense()[i];
            NEXT(1);
        }
    }
    SYNC();
    TRY_VALUE(acc, vm_ops::get_keyed(*this, base, acc));
    NEXT(1);
}
op_SetKeyed : {
    Value base = R[OPERAND(0)];
    Value key = R[OPERAND(1)];
    if (base.is_object() && key.is_int32() && key.as_int32() >= 0) {
        Elements& e = base.as_object()->writable_elements();
        auto i = static_cast<uint32_t>(key.as_int32());
        if (e.is_dense() && i < e.dense().size() && !e.dense()[i].is_empty()) {
            e.dense()[i] = acc;
            NEXT(2);
        }
    }
    SYNC();
    TRY_VOID(vm_ops::set_keyed(*this, base, key, acc, STRICT()));
    NEXT(2);
}
op_DefineNamed : {
    SYNC();
    Object* o = R[OPERAND(0)].as_object();
    TRY_VOID(o->create_data_property(rt, rt.atoms().key(NAME(1)), acc));
    NEXT(2);
}
op_DefineKeyed : {
    SYNC();
    Object* o = R[OPERAND(0)].as_object();
    PropertyKey key;
    TRY_VALUE(key, to_property_key(rt, R[OPERAND(1)]));
    TRY_VOID(o->create_data_property(rt, key, acc));
    NEXT(2);
}
op_DefineMethod : {
    SYNC();
    Object* o = R[OPERAND(0)].as_object();
    PropertyKey key;
    TRY_VALUE(key, to_property_key(rt, R[OPERAND(1)]));
    uint32_t flags = OPERAND(2);
    PropertyAttributes enumerable = (flags & 4) ? attr::Enumerable : attr::None;
    if ((flags & 8) != 0) {
        std::string_view prefix = (flags & 3) == 1 ? "get " : (flags & 3) == 2 ? "set " : "";
        TRY_VOID(vm_ops::set_function_name(*this, *acc.as_object(), key, prefix));
    }
    if ((flags & 3) == 0) {
        PropertyDescriptor d =
            PropertyDescriptor::data(acc, attr::Writable | attr::Configurable | enumerable);
        TRY_VOID(o->define_own_property(rt, key, d));
    } else {
        PropertyDescriptor d;
        if ((flags & 3) == 1)
            d.get = acc;
        else
            d.set = acc;
        d.enumerable = enumerable != 0;
        d.configurable = true;
        TRY_VOID(o->define_own_property(rt, key, d));
    }
    NEXT(3);
}
op_SetProtoLiteral:
    if (acc.is_object() || acc.is_null())
        R[OPERAND(0)].as_object()->set_prototype(acc.is_null() ? nullptr : acc.as_object());
    NEXT(1);
op_GetSuperNamed : {
    SYNC();
    Object* home = R[OPERAND(0)].as_object();
    Object* proto = home->prototype();
    if (!proto) {
        acc = Value();
        NEXT(3);
    }
    TRY_VALUE(acc, proto->get(rt, rt.atoms().key(NAME(2)), R[OPERAND(1)]));
    NEXT(3);
}
op_GetSuperKeyed : {
    SYNC();
    Object* proto = R[OPERAND(0)].as_object()->prototype();
    PropertyKey key;
    TRY_VALUE(key, to_property_key(rt, acc));
    if (!proto) {
        acc = Value();
        NEXT(2);
    }
    TRY_VALUE(acc, proto->get(rt, key, R[OPERAND(1)]));
    NEXT(2);
}
op_DeleteKeyed : {
    SYNC();
    Value base = R[OPERAND(0)];
    if (base.is_nullish()) TYPE_ERROR(std::string("Cannot convert undefined or null to object"));
    PropertyKey key;
    TRY_VALUE(key, to_property_key(rt, acc));
    if (!base.is_object()) {
        // A string's indices and length are its own non-configurable properties.
        bool own =
            base.is_string() && ((key.is_index() && key.as_index() < base.as_string()->length()) ||
                                 key == rt.common_key(CommonAtom::Length));
        if (own && STRICT())
            TYPE_ERROR("Cannot delete property '" + key_display(key) + "' of [object String]");
        acc = Value(!own);
        NEXT(1);
    }
    bool ok = base.as_object()->delete_property(rt, key);
    if (!ok && STRICT())
        TYPE_ERROR("Cannot delete property '" + key_display(key) + "' of " +
                   describe_value(rt, base));
    acc = Value(ok);
    NEXT(1);
}
op_DeleteGlobal:
    acc = Value(m_global->delete_property(rt, rt.atoms().key(NAME(0))));
    NEXT(1);
op_RequireObjectCoercible:
    if (acc.is_nullish()) {
        std::string what = acc.is_null() ? "null" : "undefined";
        std::string key = cb->constants[OPERAND(0)].as_string()->to_utf8();
        if (OPERAND(2) == 1) {
            TYPE_ERROR("Cannot read properties of " + what +
                       (key.empty() ? std::string() : " (reading '" + key + "')"));
        }
        // With no source text V8 describes the value: typeof, then the value itself.
        std::string text = cb->constants[OPERAND(1)].as_string()->to_utf8();
        if (text.empty()) text = acc.is_null() ? "object null" : "undefined";
        if (key.empty()) TYPE_ERROR("Cannot destructure '" + text + "' as it is " + what + ".");
        TYPE_ERROR("Cannot destructure property '" + key + "' of '" + text + "' as it is " + what +
                   ".");
    }
    NEXT(3);

    // --- calls ----------------------------------------------------------------------------------
    {
    op_CallSpread:
        a = OPERAND(0);
        goto unpack_call;
    op_Call:
        a = OPERAND(0);
        argc = OPERAND(1);
    do_call:
        callee = R[a];
        SYNC();
        if (callee.is_cell() && callee.as_cell()->kind() == CellKind::Closure) {
            auto* closure = static_cast<Closure*>(callee.as_cell());
            auto* target = static_cast<CodeBlock*>(closure->code());
            if (target->has(CodeFlagClassConstructor)) [[unlikely]]
                TYPE_ERROR("Class constructor " + target->name +
                           " cannot be invoked without 'new'");
            ACCOUNT();
            auto pushed = push_frame(*closure, fr->base + a, argc, nullptr, false);
            if (pushed.is_throw()) THROW(pushed.thrown_value());
            RELOAD();
            heap.safepoint();
            pc = 0;
            DISPATCH();
        }
        if (callee.is_cell() && callee.as_cell()->kind() == CellKind::NativeFunction) {
            auto* native = static_cast<NativeFunction*>(callee.as_cell());
            ACCOUNT();
            m_pending_ns += m_cost.native_call_ns;
            flush_cost();
            uint32_t saved_reserved = m_reserved_top;
            m_reserved_top = std::max(m_reserved_top, fr->base + a + 2 + argc);
            push_native_mark(native, R[a + 1], false);
            Completion c =
                native->function()(rt, *native, R[a + 1], std::span<const Value>(R + a + 2, argc));
            pop_native_mark();
            m_reserved_top = saved_reserved;
            RELOAD();
            if (c.is_throw()) THROW(c.thrown_value());
            acc = c.release_value();
            pc += 1 + opcode_info(static_cast<Opcode>(code[pc])).operand_count;
            DISPATCH();
        }
        TYPE_ERROR(rt.not_a_function_message(
            cb->constants[code[pc] == static_cast<uint32_t>(Opcode::Call) ? OPERAND(2) : OPERAND(1)]
                .as_string()
                ->to_utf8()));

    op_ConstructSpread:
        a = OPERAND(0);
        goto unpack_call;
    op_Construct:
        a = OPERAND(0);
        argc = OPERAND(1);
    do_construct:
        callee = R[a];
        SYNC();
        if (callee.is_cell() && callee.as_cell()->kind() == CellKind::Closure &&
            static_cast<CodeBlock*>(static_cast<Closure*>(callee.as_cell())->code())
                ->is_constructor()) {
            auto* closure = static_cast<Closure*>(callee.as_cell());
            auto* target = static_cast<CodeBlock*>(closure->code());
            if (target->has(CodeFlagDerived)) {
                R[a + 1] = Value::empty();
            } else {
                Object* proto;
                TRY_VALUE(proto, rt.prototype_from_constructor(*closure, rt.object_prototype()));
                R[a + 1] = Value(Object::create(rt, proto));
            }
            ACCOUNT();
            auto pushed = push_frame(*closure, fr->base + a, argc, closure, false);
            if (pushed.is_throw()) THROW(pushed.thrown_value());
            RELOAD();
            heap.safepoint();
            pc = 0;
            DISPATCH();
        }
        if (rt.is_constructor(callee)) {
            ACCOUNT();
            m_pending_ns += m_cost.native_call_ns;
            flush_cost();
            uint32_t saved_reserved = m_reserved_top;
            m_reserved_top = std::max(m_reserved_top, fr->base + a + 2 + argc);
            const bool native_callee = callee.as_cell()->kind() == CellKind::NativeFunction;
            if (native_callee)
                push_native_mark(static_cast<NativeFunction*>(callee.as_cell()), Value(), true);
            Completion c = rt.construct(callee, std::span<const Value>(R + a + 2, argc));
            if (native_callee) pop_native_mark();
            m_reserved_top = saved_reserved;
            RELOAD();
            if (c.is_throw()) THROW(c.thrown_value());
            acc = c.release_value();
            pc += 1 + opcode_info(static_cast<Opcode>(code[pc])).operand_count;
            DISPATCH();
        }
        TYPE_ERROR(cb->constants[code[pc] == static_cast<uint32_t>(Opcode::Construct) ? OPERAND(2)
                                                                                      : OPERAND(1)]
                       .as_string()
                       ->to_utf8() +
                   " is not a constructor");

    op_SuperCallSpread:
        a = OPERAND(0);
        goto unpack_call;
    op_SuperCall:
        a = OPERAND(0);
        argc = OPERAND(1);
    do_super_call : {
        SYNC();
        Object* parent = fr->callee->prototype();
        Object* new_target = fr->new_target;
        if (!parent || !rt.is_constructor(Value(parent)))
            TYPE_ERROR(std::string("Super constructor ") + (parent ? "" : "null") +
                       " of anonymous class is not a constructor");
        if (parent->kind() == CellKind::Closure) {
            auto* closure = static_cast<Closure*>(parent);
            auto* target = static_cast<CodeBlock*>(closure->code());
            R[a] = Value(parent);
            if (target->has(CodeFlagDerived)) {
                R[a + 1] = Value::empty();
            } else {
                Object* proto;
                TRY_VALUE(proto, rt.prototype_from_constructor(*new_target, rt.object_prototype()));
                R[a + 1] = Value(Object::create(rt, proto));
            }
            ACCOUNT();
            auto pushed = push_frame(*closure, fr->base + a, argc, new_target, false);
            if (pushed.is_throw()) THROW(pushed.thrown_value());
            RELOAD();
            heap.safepoint();
            pc = 0;
            DISPATCH();
        }
        ACCOUNT();
        flush_cost();
        uint32_t saved_reserved = m_reserved_top;
        m_reserved_top = std::max(m_reserved_top, fr->base + a + 2 + argc);
        Completion c =
            rt.construct(Value(parent), std::span<const Value>(R + a + 2, argc), new_target);
        m_reserved_top = saved_reserved;
        RELOAD();
        if (c.is_throw()) THROW(c.thrown_value());
        acc = c.release_value();
        pc += 1 + opcode_info(static_cast<Opcode>(code[pc])).operand_count;
        DISPATCH();
    }

    unpack_call : {
        // The arguments were collected into the array R[a+2]: spread them into registers.
        auto* array = static_cast<Array*>(R[a + 2].as_object());
        uint32_t n = array->length();
        if (uint64_t{fr->base} + a + 2 + n + 64 > m_stack.size())
            THROW(throw_error(ErrorType::RangeError, "Maximum call stack size exceeded").value);
        std::vector<Value> values(n);
        for (uint32_t i = 0; i < n; ++i) {
            OwnProperty p;
            values[i] = array->elements().lookup(i, p) ? p.value : Value();
        }
        std::copy(values.begin(), values.end(), R + a + 2);
        argc = n;
        switch (static_cast<Opcode>(code[pc])) {
        case Opcode::CallSpread:
            goto do_call;
        case Opcode::ConstructSpread:
            goto do_construct;
        default:
            goto do_super_call;
        }
    }
    }

op_LdaNewTarget:
    acc = fr->new_target ? Value(fr->new_target) : Value();
    NEXT(0);

op_Return : {
    Value result = acc;
    if (fr->is_construct && !result.is_object()) {
        if (cb->has(CodeFlagDerived)) {
            if (!result.is_undefined())
                TYPE_ERROR(std::string("Derived constructors may only return object or undefined"));
        }
        result = R[1];
    }
    if (fr->promise) {
        resolve_promise(rt, *fr->promise, result);
        result = Value(fr->promise);
    }
    goto pop_frame_with_result;
    {
    pop_frame_with_result:
        bool entry = fr->is_entry;
        m_stack_bytes -= kFrameOverheadBytes + 8 * cb->register_count;
        m_frames.pop_back();
        if (entry) {
            ACCOUNT();
            flush_cost();
            return result;
        }
        RELOAD();
        pc = fr->pc + 1 + opcode_info(static_cast<Opcode>(code[fr->pc])).operand_count;
        acc = result;
        DISPATCH();
    }
}
op_Await : {
    SYNC();
    ACCOUNT();
    auto suspended = suspend(acc);
    if (suspended.is_throw()) THROW(suspended.thrown_value());
    Value result = Value(fr->promise);
    goto pop_frame_with_result_outer;
    {
    pop_frame_with_result_outer:
        bool entry = fr->is_entry;
        m_stack_bytes -= kFrameOverheadBytes + 8 * cb->register_count;
        m_frames.pop_back();
        if (entry) {
            flush_cost();
            return result;
        }
        RELOAD();
        pc = fr->pc + 1 + opcode_info(static_cast<Opcode>(code[fr->pc])).operand_count;
        acc = result;
        DISPATCH();
    }
}
op_Throw:
    record_throw(acc, cb, pc); // a throw statement is its exception's site, even a rethrow
    THROW(acc);
op_ReThrow:
    SYNC();
    thrown = acc; // finally and iterator-close paths: the exception keeps its first site
    goto handle_exception;
op_ThrowConstAssign:
    TYPE_ERROR(std::string("Assignment to constant variable."));
op_ThrowError:
    THROW(throw_error(static_cast<ErrorType>(OPERAND(0)),
                      cb->constants[OPERAND(1)].as_string()->to_utf8())
              .value);

op_Jump:
    pc = OPERAND(0);
    DISPATCH();
op_JumpLoop:
    pc = OPERAND(0);
    ACCOUNT();
    if (m_pending_ns >= m_cost.flush_threshold_ns) flush_cost();
    heap.safepoint();
    DISPATCH();
op_JumpIfTrue : {
    bool t;
    if (!fast_truthy(acc, t)) t = to_boolean(acc);
    if (t) {
        pc = OPERAND(0);
        DISPATCH();
    }
    NEXT(1);
}
op_JumpIfFalse : {
    bool t;
    if (!fast_truthy(acc, t)) t = to_boolean(acc);
    if (!t) {
        pc = OPERAND(0);
        DISPATCH();
    }
    NEXT(1);
}
op_JumpIfNullish:
    if (acc.is_nullish()) {
        pc = OPERAND(0);
        DISPATCH();
    }
    NEXT(1);
op_JumpIfNotNullish:
    if (!acc.is_nullish()) {
        pc = OPERAND(0);
        DISPATCH();
    }
    NEXT(1);
op_JumpIfUndefined:
    if (acc.is_undefined()) {
        pc = OPERAND(0);
        DISPATCH();
    }
    NEXT(1);
op_JumpIfNotUndefined:
    if (!acc.is_undefined()) {
        pc = OPERAND(0);
        DISPATCH();
    }
    NEXT(1);
op_JumpIfIntEq:
    if (R[OPERAND(0)].is_int32() && R[OPERAND(0)].as_int32() == static_cast<int32_t>(OPERAND(1))) {
        pc = OPERAND(2);
        DISPATCH();
    }
    NEXT(3);

    // --- operators
    // --------------------------------------------------------------------------------
op_Add : {
    Value l = R[OPERAND(0)];
    if (l.is_int32() && acc.is_int32()) {
        acc = int_result(int64_t{l.as_int32()} + acc.as_int32());
        NEXT(1);
    }
    if (l.is_number() && acc.is_number()) {
        acc = Value(l.as_number() + acc.as_number());
        NEXT(1);
    }
    SYNC();
    TRY_VALUE(acc, vm_ops::add(*this, l, acc));
    NEXT(1);
}
op_AddInt : {
    auto imm = static_cast<int32_t>(OPERAND(0));
    if (acc.is_int32()) {
        acc = int_result(int64_t{acc.as_int32()} + imm);
        NEXT(1);
    }
    if (acc.is_double()) {
        acc = Value(acc.as_double() + imm);
        NEXT(1);
    }
    SYNC();
    TRY_VALUE(acc, vm_ops::add(*this, acc, Value(imm)));
    NEXT(1);
}
op_UpdateReg : {
    // Charged as the six instructions it stands for (load, ToNumeric, keep the old value,
    // AddInt, store, reload): the cost model is calibrated on them against V8, and a faster
    // interpreter must not change virtual time.
    m_pending_ns += 5 * m_cost.instruction_ns;
    Value v = R[OPERAND(0)];
    auto imm = static_cast<int32_t>(OPERAND(1));
    if (v.is_int32()) {
        acc = int_result(int64_t{v.as_int32()} + imm);
    } else {
        double d;
        if (v.is_double()) {
            d = v.as_double();
        } else {
            SYNC();
            TRY_VALUE(d, to_number(rt, v));
        }
        acc = Value::number(d + imm);
    }
    R[OPERAND(0)] = acc;
    NEXT(2);
}
op_Sub : {
    Value l = R[OPERAND(0)];
    if (l.is_int32() && acc.is_int32()) {
        acc = int_result(int64_t{l.as_int32()} - acc.as_int32());
        NEXT(1);
    }
    if (l.is_number() && acc.is_number()) {
        acc = Value(l.as_number() - acc.as_number());
        NEXT(1);
    }
    goto binary_slow;
}
op_Mul : {
    Value l = R[OPERAND(0)];
    if (l.is_int32() && acc.is_int32()) {
        int64_t r = int64_t{l.as_int32()} * acc.as_int32();
        if (r == static_cast<int32_t>(r) && !(r == 0 && (l.as_int32() < 0 || acc.as_int32() < 0))) {
            acc = Value(static_cast<int32_t>(r));
            NEXT(1);
        }
    }
    if (l.is_number() && acc.is_number()) {
        acc = Value(l.as_number() * acc.as_number());
        NEXT(1);
    }
    goto binary_slow;
}
op_Div:
    if (R[OPERAND(0)].is_number() && acc.is_number()) {
        acc = Value::number(R[OPERAND(0)].as_number() / acc.as_number());
        NEXT(1);
    }
    goto binary_slow;
op_Mod : {
    Value l = R[OPERAND(0)];
    if (l.is_int32() && acc.is_int32() && l.as_int32() >= 0 && acc.as_int32() > 0) {
        acc = Value(l.as_int32() % acc.as_int32());
        NEXT(1);
    }
    goto binary_slow;
}
// A relational or bitwise operator: the int32 (and, for comparisons, number) fast path,
// else the generic operation.
#define INT_OP(op)                                                                                 \
    if (R[OPERAND(0)].is_int32() && acc.is_int32()) {                                              \
        acc = Value(R[OPERAND(0)].as_int32() op acc.as_int32());                                   \
        NEXT(1);                                                                                   \
    }
#define COMPARE_OP(op)                                                                             \
    INT_OP(op)                                                                                     \
    if (R[OPERAND(0)].is_number() && acc.is_number()) {                                            \
        acc = Value(R[OPERAND(0)].as_number() op acc.as_number());                                 \
        NEXT(1);                                                                                   \
    }
op_BitAnd:
    INT_OP(&)
    goto binary_slow;
op_BitOr:
    INT_OP(|)
    goto binary_slow;
op_BitXor:
    INT_OP(^)
    goto binary_slow;
op_Lt:
    COMPARE_OP(<)
    goto binary_slow;
op_Gt:
    COMPARE_OP(>)
    goto binary_slow;
op_Le:
    COMPARE_OP(<=)
    goto binary_slow;
op_Ge:
    COMPARE_OP(>=)
    goto binary_slow;
#undef COMPARE_OP
op_StrictEq:
    INT_OP(==)
    acc = Value(is_strictly_equal(R[OPERAND(0)], acc));
    NEXT(1);
op_StrictNe:
    INT_OP(!=)
    acc = Value(!is_strictly_equal(R[OPERAND(0)], acc));
    NEXT(1);
#undef INT_OP
op_Exp:
op_Shl:
op_Sar:
op_Shr:
op_Eq:
op_Ne:
op_In:
op_Instanceof:
binary_slow:
    SYNC();
    TRY_VALUE(acc, vm_ops::binary(*this, static_cast<Opcode>(code[pc]), R[OPERAND(0)], acc));
    NEXT(1);

op_Negate:
    if (acc.is_int32() && acc.as_int32() != 0 && acc.as_int32() != INT32_MIN) {
        acc = Value(-acc.as_int32());
        NEXT(0);
    }
    SYNC();
    TRY_VALUE(acc, vm_ops::negate(*this, acc));
    NEXT(0);
op_ToNumeric:
    if (!acc.is_number()) {
        SYNC();
        double d;
        TRY_VALUE(d, to_number(rt, acc));
        acc = Value::number(d);
    }
    NEXT(0);
op_Not:
    acc = Value(!to_boolean(acc));
    NEXT(0);
op_BitNot:
    if (acc.is_int32()) {
        acc = Value(~acc.as_int32());
        NEXT(0);
    }
    SYNC();
    TRY_VALUE(acc, vm_ops::bit_not(*this, acc));
    NEXT(0);
op_Typeof:
    acc = Value(rt.atoms().intern(std::string_view(typeof_string(acc))));
    NEXT(0);
op_ToPropertyKey:
    // Other values convert without running JS, so their defining instruction does it.
    if (acc.is_object()) {
        SYNC();
        PropertyKey key;
        TRY_VALUE(key, to_property_key(rt, acc));
        acc = key_to_value(rt, key);
    }
    NEXT(0);
op_ToStringValue:
    if (!acc.is_string()) {
        SYNC();
        String* s;
        TRY_VALUE(s, to_string(rt, acc));
        acc = Value(s);
    }
    NEXT(0);

    // --- literals
    // -----------------------------------------------------------------------------------
op_CreateObject:
    acc = Value(Object::create(rt, rt.object_prototype()));
    NEXT(0);
op_CreateObjectLiteral : {
    ObjectLiteralTemplate& t = cb->literals[OPERAND(1)];
    if (!t.shape) {
        Shape* s = rt.root_shape();
        for (PropertyKey k : t.keys) s = s->add_property(heap, k, attr::Default);
        t.shape = s;
    }
    const auto count = static_cast<uint32_t>(t.keys.size());
    Object* o = Object::create_with_slots(rt, rt.object_prototype(), count);
    o->initialize_literal(rt, t.shape, R + OPERAND(0), count);
    acc = Value(o);
    NEXT(2);
}
op_CreateArray:
    acc = Value(Array::create_from(rt, std::span<const Value>(R + OPERAND(0), OPERAND(1))));
    NEXT(2);
op_ArrayPush:
    static_cast<Array*>(R[OPERAND(0)].as_object())->push(rt, acc);
    NEXT(1);
op_ArrayPushHole : {
    auto* array = static_cast<Array*>(R[OPERAND(0)].as_object());
    SYNC();
    TRY_VOID(array->set(rt, rt.common_key(CommonAtom::Length), Value::number(array->length() + 1.0),
                        R[OPERAND(0)]));
    NEXT(1);
}
op_ArraySpread:
    SYNC();
    TRY_VOID(vm_ops::append_spread(*this, *R[OPERAND(0)].as_object(), acc));
    NEXT(1);
op_CopyDataProperties:
    SYNC();
    TRY_VOID(vm_ops::copy_data_properties(*this, *R[OPERAND(0)].as_object(), acc, {}));
    NEXT(1);
op_ObjectRest : {
    SYNC();
    Object* o = Object::create(rt, rt.object_prototype());
    Value target(o);
    TRY_VOID(vm_ops::copy_data_properties(*this, *o, R[OPERAND(0)],
                                          std::span<const Value>(R + OPERAND(1), OPERAND(2))));
    acc = target;
    NEXT(3);
}
op_CreateClosure:
    acc =
        Value(make_closure(static_cast<CodeBlock*>(cb->constants[OPERAND(0)].as_cell()), fr->env));
    NEXT(1);
op_CreateClass : {
    SYNC();
    uint32_t r = OPERAND(0);
    Value parent = R[r];
    Object* proto_parent = rt.object_prototype();
    Object* ctor_parent = rt.function_prototype();
    if (!parent.is_empty()) {
        if (parent.is_null()) {
            proto_parent = nullptr;
        } else {
            if (!rt.is_constructor(parent))
                TYPE_ERROR("Class extends value " + vm_ops::describe(*this, parent) +
                           " is not a constructor or null");
            Value pp;
            TRY_VALUE(pp,
                      parent.as_object()->get(rt, rt.common_key(CommonAtom::Prototype), parent));
            if (!pp.is_object() && !pp.is_null())
                TYPE_ERROR("Class extends value does not have valid prototype property " +
                           vm_ops::describe(*this, pp));
            proto_parent = pp.is_null() ? nullptr : pp.as_object();
            ctor_parent = parent.as_object();
        }
    }
    auto* ctor_code = static_cast<CodeBlock*>(cb->constants[OPERAND(1)].as_cell());
    Object* prototype = Object::create(rt, proto_parent);
    Value keep_proto(prototype);
    auto* ctor = heap.allocate<Closure>(rt, ctor_parent, ctor_code, fr->env);
    ctor->put_direct(rt, rt.common_key(CommonAtom::Length),
                     Value(static_cast<int32_t>(ctor_code->length)), attr::Configurable);
    ctor->put_direct(rt, rt.common_key(CommonAtom::Name), Value(rt.string(ctor_code->name)),
                     attr::Configurable);
    ctor->put_direct(rt, rt.common_key(CommonAtom::Prototype), keep_proto, attr::None);
    prototype->put_direct(rt, rt.common_key(CommonAtom::Constructor), Value(ctor), attr::Builtin);
    R[r] = Value(ctor);
    R[r + 1] = keep_proto;
    acc = Value(ctor);
    NEXT(2);
}
op_CreateArguments : {
    auto* args = static_cast<Array*>(R[cb->args_register].as_object());
    // No C++ object with a destructor may live across a computed goto: it would leak.
    acc = vm_ops::create_arguments(*this, args->elements().dense());
    NEXT(0);
}
op_CreateRest : {
    auto* args = static_cast<Array*>(R[cb->args_register].as_object());
    const auto& dense = args->elements().dense();
    uint32_t from = std::min<uint32_t>(OPERAND(0), static_cast<uint32_t>(dense.size()));
    acc = Value(
        Array::create_from(rt, std::span<const Value>(dense.data() + from, dense.size() - from)));
    NEXT(1);
}

    // --- iteration ------------------------------------------------------------------------------
op_GetIterator:
    SYNC();
    TRY_VOID(vm_ops::get_iterator(*this, acc, R + OPERAND(0), NAME(1)->to_utf8()));
    NEXT(2);
op_IterNext : {
    Value* record = R + OPERAND(0);
    if (record[2].is_int32() && record[2].as_int32() == 1) {
        auto* array = static_cast<Array*>(record[0].as_object());
        int32_t i = record[1].as_int32();
        const Elements& e = array->elements();
        if (static_cast<uint32_t>(i) < array->length() && e.is_dense() &&
            static_cast<size_t>(i) < e.dense().size() && !e.dense()[i].is_empty()) {
            record[1] = Value(i + 1);
            acc = e.dense()[i];
            NEXT(2);
        }
    }
    SYNC();
    Value v;
    TRY_VALUE(v, vm_ops::iterator_next(*this, R + OPERAND(0)));
    if (v.is_empty()) {
        acc = Value();
        pc = OPERAND(1);
        DISPATCH();
    }
    acc = v;
    NEXT(2);
}
op_IterClose : {
    SYNC();
    Value saved = acc;
    TRY_VOID(vm_ops::iterator_close(*this, R + OPERAND(0)));
    acc = saved;
    NEXT(1);
}
op_GetAsyncIterator:
    SYNC();
    TRY_VOID(vm_ops::get_async_iterator(*this, acc, R + OPERAND(0), NAME(1)->to_utf8()));
    NEXT(2);
op_CheckIterResult:
    SYNC();
    TRY_VOID(vm_ops::check_iterator_result(*this, acc));
    NEXT(0);
op_IterRest:
    SYNC();
    TRY_VALUE(acc, vm_ops::iterator_rest(*this, R + OPERAND(0)));
    NEXT(1);
op_ForInPrepare:
    SYNC();
    TRY_VALUE(R[OPERAND(0)], vm_ops::for_in_keys(*this, acc));
    R[OPERAND(0) + 1] = Value(0);
    NEXT(1);
op_ForInNext : {
    auto* keys = static_cast<Array*>(R[OPERAND(0)].as_object());
    int32_t i = R[OPERAND(0) + 1].as_int32();
    if (static_cast<uint32_t>(i) >= keys->length()) {
        pc = OPERAND(1);
        DISPATCH();
    }
    R[OPERAND(0) + 1] = Value(i + 1);
    acc = keys->elements().dense()[i];
    NEXT(2);
}

tdz_error_1:
    THROW(tdz_error(NAME(1)).value);
tdz_error_2:
    THROW(tdz_error(NAME(2)).value);

handle_exception:
    for (;;) {
        RELOAD();
        uint32_t at = fr->pc;
        const HandlerEntry* found = nullptr;
        for (const HandlerEntry& h : cb->handlers) {
            if (h.start <= at && at < h.end) {
                found = &h;
                break;
            }
        }
        if (found) {
            fr->env = env_of(R[found->env_register]);
            pc = found->handler;
            acc = thrown;
            DISPATCH();
        }
        Value result;
        bool completed = false;
        if (fr->promise) {
            reject_promise(rt, *fr->promise, thrown);
            result = Value(fr->promise);
            completed = true;
        }
        bool entry = fr->is_entry;
        m_stack_bytes -= kFrameOverheadBytes + 8 * cb->register_count;
        m_frames.pop_back();
        if (entry) {
            ACCOUNT();
            flush_cost();
            if (completed) return result;
            return ThrowCompletion{thrown};
        }
        if (completed) {
            RELOAD();
            pc = fr->pc + 1 + opcode_info(static_cast<Opcode>(code[fr->pc])).operand_count;
            acc = result;
            DISPATCH();
        }
    }
#undef RELOAD
#undef SYNC
#undef OPERAND
#undef DISPATCH
#undef NEXT
#undef THROW
#undef TRY_VALUE
#undef TRY_VOID
#undef ACCOUNT
#undef TYPE_ERROR
#undef STRICT
#undef NAME
}

} // namespace loopsim::js
