// The Error family (ECMA-262 §20.5): Error, the native errors, AggregateError,
// Error.prototype.toString, Error.captureStackTrace and Error.stackTraceLimit (V8).
#include "model/js/builtins/error_builtins.h"

#include "model/js/builtins/builtin_support.h"
#include "model/js/builtins/install.h"
#include "model/js/builtins/iteration.h"
#include "model/js/host.h"

#include <cmath>
#include <optional>

namespace loopsim::js {

namespace {

// Reads a data property along the prototype chain without running getters; for messages.
Completion get_string_or(Runtime& rt, Object& object, CommonAtom which, const char* fallback) {
    Value value = LOOPSIM_TRY(object.get(rt, rt.common_key(which)));
    if (value.is_undefined()) return Value(rt.string(fallback));
    return Value(LOOPSIM_TRY(to_string(rt, value)));
}

// Error.stackTraceLimit as V8 reads it: a number (clamped), or no stack at all.
std::optional<size_t> stack_trace_limit(Runtime& rt) {
    Object* error_ctor = rt.intrinsic(Intrinsic::ErrorConstructor);
    if (error_ctor == nullptr) return 10;
    OwnProperty property;
    if (!error_ctor->lookup_own(rt.key("stackTraceLimit"), property) ||
        (property.attributes & attr::Accessor) != 0 || !property.value.is_number())
        return std::nullopt;
    double n = property.value.as_number();
    return n != n || n <= 0 ? 0 : n >= 1e6 ? 1000000 : static_cast<size_t>(n);
}

// The `stack` accessor's getter: formats the captured frames under the error's ToString as
// the error is now, and from then on `stack` is that text (a data property), as in V8.
Completion stack_getter(Runtime& rt, NativeFunction& callee, Value self, std::span<const Value>) {
    if (!self.is_object()) return Value();
    Root<Object> holder(rt.heap(), self.as_object());
    std::string text;
    if (auto own = rt.host() ? rt.host()->error_stack_header(rt, *holder) : std::nullopt)
        text = *own;
    else
        text = LOOPSIM_TRY(error_to_string(rt, *holder))->to_utf8();
    if (callee.data().is_cell() && rt.call_handler() != nullptr) {
        std::string lines = rt.call_handler()->format_stack(*callee.data().as_cell());
        if (!lines.empty()) text += "\n" + lines;
    }
    Value value(rt.string(text));
    OwnProperty own;
    PropertyKey key = rt.common_key(CommonAtom::Stack);
    if (holder->lookup_own(key, own) && (own.attributes & attr::Accessor) != 0 &&
        static_cast<Accessor*>(own.value.as_cell())->getter().bits() == Value(&callee).bits()) {
        RootedValue rooted(rt.heap(), value);
        LOOPSIM_TRY(holder->define_own_property(
            rt, key, PropertyDescriptor::data(value, attr::Writable | attr::Configurable)));
    }
    return value;
}

Completion stack_setter(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    if (!self.is_object()) return Value();
    LOOPSIM_TRY(self.as_object()->define_own_property(
        rt, rt.common_key(CommonAtom::Stack),
        PropertyDescriptor::data(arg(args, 0), attr::Writable | attr::Configurable)));
    return Value();
}

Completion error_construct_common(Runtime& rt, ErrorType type, Object* fallback_proto,
                                  Value message, Value options, Object& new_target) {
    Object* proto = LOOPSIM_TRY(rt.prototype_from_constructor(new_target, fallback_proto));
    Root<Object> error(rt.heap(), Object::create(rt, proto));
    // `stack` comes first among the own keys (as in V8); its text needs the message, so it
    // is reserved here and written last.
    error->put_direct(rt, rt.common_key(CommonAtom::Stack), Value(), attr::Builtin);
    Object* skip_until = &new_target;
    if (!message.is_undefined()) {
        String* text = LOOPSIM_TRY(to_string(rt, message));
        error->put_direct(rt, rt.common_key(CommonAtom::Message), Value(text), attr::Builtin);
    }
    if (options.is_object() &&
        options.as_object()->has_property(rt.common_key(CommonAtom::Cause))) {
        Value cause = LOOPSIM_TRY(options.as_object()->get(rt, rt.common_key(CommonAtom::Cause)));
        error->put_direct(rt, rt.common_key(CommonAtom::Cause), cause, attr::Builtin);
    }
    (void)type;
    // V8 leaves out the constructors of the error being made (an error subclass's frames).
    LOOPSIM_TRY(install_error_stack(rt, *error, skip_until));
    return Value(error.get());
}

ErrorType error_type_of(NativeFunction& callee) {
    return static_cast<ErrorType>(callee.data().as_int32());
}

Completion error_construct(Runtime& rt, NativeFunction& callee, std::span<const Value> args,
                           Object& new_target) {
    ErrorType type = error_type_of(callee);
    return error_construct_common(rt, type, rt.error_prototype(type), arg(args, 0), arg(args, 1),
                                  new_target);
}

Completion error_call(Runtime& rt, NativeFunction& callee, Value, std::span<const Value> args) {
    return error_construct(rt, callee, args, callee);
}

Completion aggregate_error_construct(Runtime& rt, NativeFunction& callee,
                                     std::span<const Value> args, Object& new_target) {
    Value result = LOOPSIM_TRY(error_construct_common(
        rt, ErrorType::Error, rt.intrinsic(Intrinsic::AggregateErrorPrototype), arg(args, 1),
        arg(args, 2), new_target));
    Root<Object> error(rt.heap(), result.as_object());
    RootedVector errors(rt.heap());
    RootedIteratorRecord iterator(rt.heap());
    iterator.record = LOOPSIM_TRY(get_iterator(rt, arg(args, 0)));
    while (auto next = LOOPSIM_TRY(iterator_step(rt, iterator.record))) errors.push_back(*next);
    error->put_direct(rt, rt.key("errors"), Value(create_array(rt, errors.values())),
                      attr::Builtin);
    return Value(error.get());
}

Completion aggregate_error_call(Runtime& rt, NativeFunction& callee, Value,
                                std::span<const Value> args) {
    return aggregate_error_construct(rt, callee, args, callee);
}

Completion error_to_string_native(Runtime& rt, NativeFunction&, Value self,
                                  std::span<const Value>) {
    if (!self.is_object())
        return rt.throw_error(ErrorType::TypeError,
                              "Method Error.prototype.toString called on incompatible receiver " +
                                  describe_value(rt, self));
    return Value(LOOPSIM_TRY(error_to_string(rt, *self.as_object())));
}

Completion error_capture_stack_trace(Runtime& rt, NativeFunction&, Value,
                                     std::span<const Value> args) {
    Value target = arg(args, 0);
    if (!target.is_object()) return rt.throw_error(ErrorType::TypeError, "invalid_argument");
    Value skip = arg(args, 1);
    LOOPSIM_TRY(install_error_stack(rt, *target.as_object(), skip.is_object() ? skip.as_object() : nullptr));
    return Value();
}

} // namespace

ThrowCompletionOr<String*> error_to_string(Runtime& rt, Object& object) {
    Root<Object> rooted(rt.heap(), &object);
    Value name = LOOPSIM_TRY(get_string_or(rt, object, CommonAtom::Name, "Error"));
    RootedValue rooted_name(rt.heap(), name);
    Value message = LOOPSIM_TRY(get_string_or(rt, object, CommonAtom::Message, ""));
    String* n = rooted_name.get().as_string();
    String* m = message.as_string();
    if (n->is_empty()) return m;
    if (m->is_empty()) return n;
    return String::concat(rt.heap(), String::concat(rt.heap(), n, rt.string(": ")), m);
}

ThrowCompletionOr<void> install_error_stack(Runtime& rt, Object& error, Object* skip_until) {
    Root<Object> rooted(rt.heap(), &error);
    // The frames are captured now; the text is made on first read (V8 formats lazily).
    std::optional<size_t> limit = stack_trace_limit(rt);
    Value captured;
    if (limit && *limit > 0 && rt.call_handler() != nullptr)
        captured = Value(rt.call_handler()->capture_stack(*limit, skip_until));
    RootedValue rooted_captured(rt.heap(), captured);
    NativeFunction* getter = NativeFunction::create(rt, "", 0, stack_getter, captured);
    Root<NativeFunction> rooted_getter(rt.heap(), getter);
    NativeFunction* setter = NativeFunction::create(rt, "", 1, stack_setter);
    error.put_accessor(rt, rt.common_key(CommonAtom::Stack), Value(getter), Value(setter), attr::Configurable);
    return {};
}

void install_errors(Runtime& rt, Object& global) {
    Object* error_proto = create_plain_object(rt);
    NativeFunction* error_ctor =
        define_constructor(rt, "Error", 1, error_call, error_construct, *error_proto);
    error_ctor->set_data(Value(static_cast<int32_t>(ErrorType::Error)));
    rt.set_error_prototype(ErrorType::Error, error_proto);
    rt.set_intrinsic(Intrinsic::ErrorConstructor, error_ctor);
    define_method(rt, *error_ctor, "captureStackTrace", 2, error_capture_stack_trace);
    define_value(rt, *error_ctor, "stackTraceLimit", Value(10), attr::Default);
    define_value(rt, *error_proto, "name", Value(rt.string("Error")));
    define_value(rt, *error_proto, "message", Value(rt.empty_string()));
    define_method(rt, *error_proto, "toString", 0, error_to_string_native);
    define_value(rt, global, "Error", Value(error_ctor));

    auto native_error = [&](ErrorType type, const char* name, uint32_t length, NativeFn call,
                            NativeConstructFn construct) {
        Object* proto = create_plain_object(rt);
        proto->set_prototype(error_proto);
        NativeFunction* ctor = define_constructor(rt, name, length, call, construct, *proto);
        ctor->set_prototype(error_ctor);
        ctor->set_data(Value(static_cast<int32_t>(type)));
        define_value(rt, *proto, "name", Value(rt.string(name)));
        define_value(rt, *proto, "message", Value(rt.empty_string()));
        define_value(rt, global, name, Value(ctor));
        return proto;
    };
#define LOOPSIM_ERROR_TYPE(enum_name, text)                                                        \
    if (ErrorType::enum_name != ErrorType::Error)                                                  \
        rt.set_error_prototype(ErrorType::enum_name, native_error(ErrorType::enum_name, text, 1,   \
                                                                  error_call, error_construct));
#include "model/js/error_types.def"
#undef LOOPSIM_ERROR_TYPE
    rt.set_intrinsic(Intrinsic::AggregateErrorPrototype,
                     native_error(ErrorType::Error, "AggregateError", 2, aggregate_error_call,
                                  aggregate_error_construct));
}

} // namespace loopsim::js
