// Function.prototype (call, apply, bind, toString, @@hasInstance), bound functions, and the
// Function constructor, which loopsim does not support (no code from strings).
#include "model/js/builtins/function_builtins.h"

#include "model/js/builtins/builtin_support.h"
#include "model/js/builtins/install.h"

#include <algorithm>
#include <cmath>

namespace loopsim::js {

namespace {

// [[BoundTargetFunction]], [[BoundThis]], [[BoundArguments]] of a bound function; held as
// the NativeFunction's data.
class BoundFunctionData final : public Cell {
public:
    BoundFunctionData(Value target, Value bound_this, std::vector<Value> bound_args)
        : Cell(CellKind::Internal), target(target), bound_this(bound_this),
          bound_args(std::move(bound_args)) {}

    void visit_edges(Visitor& visitor) override {
        visitor.visit(target);
        visitor.visit(bound_this);
        for (Value v : bound_args) visitor.visit(v);
    }

    Value target;
    Value bound_this;
    std::vector<Value> bound_args;
};

BoundFunctionData& bound_data(NativeFunction& callee) {
    return *static_cast<BoundFunctionData*>(callee.data().as_cell());
}

std::vector<Value> bound_arguments(BoundFunctionData& data, std::span<const Value> args) {
    std::vector<Value> all = data.bound_args;
    all.insert(all.end(), args.begin(), args.end());
    return all;
}

Completion bound_call(Runtime& rt, NativeFunction& callee, Value, std::span<const Value> args) {
    BoundFunctionData& data = bound_data(callee);
    RootedVector all(rt.heap());
    all.values() = bound_arguments(data, args);
    return rt.call(data.target, data.bound_this, all.values());
}

Completion bound_construct(Runtime& rt, NativeFunction& callee, std::span<const Value> args,
                           Object& new_target) {
    BoundFunctionData& data = bound_data(callee);
    RootedVector all(rt.heap());
    all.values() = bound_arguments(data, args);
    Object* target = data.target.as_object();
    Object* effective = &new_target == &callee ? target : &new_target;
    return rt.construct(Value(target), all.values(), effective);
}

Completion function_call(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    if (!Runtime::is_callable(self)) return throw_not_callable(rt, self);
    return rt.call(self, arg(args, 0), args.size() > 1 ? args.subspan(1) : args.subspan(0, 0));
}

Completion function_apply(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    if (!Runtime::is_callable(self)) return throw_not_callable(rt, self);
    Value list = arg(args, 1);
    if (list.is_nullish()) return rt.call(self, arg(args, 0), {});
    RootedVector values(rt.heap());
    LOOPSIM_TRY(create_list_from_array_like(rt, list, values));
    return rt.call(self, arg(args, 0), values.values());
}

Completion function_bind(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    if (!Runtime::is_callable(self))
        return rt.throw_error(ErrorType::TypeError, "Bind must be called on a function");
    Object& target = *self.as_object();
    Root<Object> rooted_target(rt.heap(), &target);
    // Length: the target's own numeric "length" minus the bound arguments, at least 0.
    double length = 0;
    size_t bound_count = args.empty() ? 0 : args.size() - 1;
    if (target.has_own_property(rt.common_key(CommonAtom::Length))) {
        Value target_length = LOOPSIM_TRY(target.get(rt, rt.common_key(CommonAtom::Length)));
        if (target_length.is_number()) {
            double n = target_length.as_number();
            if (n == INFINITY)
                length = INFINITY;
            else if (n != -INFINITY)
                length =
                    std::max(0.0, to_integer_or_infinity(n) - static_cast<double>(bound_count));
        }
    }
    Value target_name = LOOPSIM_TRY(target.get(rt, rt.common_key(CommonAtom::Name)));
    String* name = target_name.is_string() ? target_name.as_string() : rt.empty_string();
    std::vector<Value> bound_args;
    if (args.size() > 1) bound_args.assign(args.begin() + 1, args.end());
    auto* data = rt.heap().allocate<BoundFunctionData>(self, arg(args, 0), std::move(bound_args));
    auto* bound =
        rt.heap().allocate<NativeFunction>(rt, target.prototype(), bound_call, Value(data));
    bound->put_direct(rt, rt.common_key(CommonAtom::Length), Value::number(length),
                      attr::Configurable);
    bound->put_direct(rt, rt.common_key(CommonAtom::Name),
                      Value(String::concat(rt.heap(), rt.string("bound "), name)),
                      attr::Configurable);
    if (rt.is_constructor(self)) bound->set_construct(bound_construct);
    return Value(bound);
}

Completion function_to_string(Runtime& rt, NativeFunction&, Value self, std::span<const Value>) {
    if (!Runtime::is_callable(self))
        return rt.throw_error(ErrorType::TypeError,
                              "Function.prototype.toString requires that 'this' be a Function");
    Object& function = *self.as_object();
    if (function.kind() == CellKind::Closure) {
        if (rt.call_handler() != nullptr)
            return Value(
                rt.string(rt.call_handler()->source_text(static_cast<Closure&>(function))));
        return Value(rt.string("function () { [native code] }"));
    }
    auto& native = static_cast<NativeFunction&>(function);
    if (native.function() == bound_call) return Value(rt.string("function () { [native code] }"));
    std::string name;
    OwnProperty property;
    if (native.lookup_own(rt.common_key(CommonAtom::Name), property) &&
        (property.attributes & attr::Accessor) == 0 && property.value.is_string())
        name = property.value.as_string()->to_utf8();
    return Value(rt.string("function " + name + "() { [native code] }"));
}

Completion function_has_instance(Runtime& rt, NativeFunction&, Value self,
                                 std::span<const Value> args) {
    return ordinary_has_instance(rt, self, arg(args, 0));
}

Completion function_constructor_call(Runtime& rt, NativeFunction&, Value, std::span<const Value>) {
    return rt.throw_error(ErrorType::EvalError,
                          "Code generation from strings (the Function constructor) is not "
                          "supported by loopsim");
}

Completion function_constructor_construct(Runtime& rt, NativeFunction& callee,
                                          std::span<const Value> args, Object&) {
    return function_constructor_call(rt, callee, Value(), args);
}

} // namespace

ThrowCompletionOr<void> create_list_from_array_like(Runtime& rt, Value list, RootedVector& out) {
    if (!list.is_object())
        return rt.throw_error(ErrorType::TypeError, "CreateListFromArrayLike called on non-object");
    Object& object = *list.as_object();
    RootedValue rooted(rt.heap(), list);
    double length = LOOPSIM_TRY(length_of_array_like(rt, object));
    if (length > 65535 * 16)
        return rt.throw_error(ErrorType::RangeError, "Maximum call stack size exceeded");
    for (double i = 0; i < length; ++i) out.push_back(LOOPSIM_TRY(get_index(rt, object, i)));
    return {};
}

Completion ordinary_has_instance(Runtime& rt, Value constructor, Value value) {
    if (!Runtime::is_callable(constructor)) return Value(false);
    auto& function = *constructor.as_object();
    if (function.kind() == CellKind::NativeFunction &&
        static_cast<NativeFunction&>(function).function() == bound_call)
        return instance_of(rt, value, bound_data(static_cast<NativeFunction&>(function)).target);
    if (!value.is_object()) return Value(false);
    RootedValue rooted_value(rt.heap(), value);
    Value prototype = LOOPSIM_TRY(function.get(rt, rt.common_key(CommonAtom::Prototype)));
    if (!prototype.is_object())
        return rt.throw_error(ErrorType::TypeError, "Function has non-object prototype '" +
                                                        describe_value(rt, prototype) +
                                                        "' in instanceof check");
    for (Object* p = rooted_value.get().as_object()->prototype(); p != nullptr; p = p->prototype())
        if (p == prototype.as_object()) return Value(true);
    return Value(false);
}

Completion instance_of(Runtime& rt, Value value, Value target) {
    if (!target.is_object())
        return rt.throw_error(ErrorType::TypeError,
                              "Right-hand side of 'instanceof' is not an object");
    RootedValue rooted_value(rt.heap(), value);
    RootedValue rooted_target(rt.heap(), target);
    Value handler = LOOPSIM_TRY(target.as_object()->get(
        rt, PropertyKey::symbol(rt.well_known_symbol(WellKnownSymbol::HasInstance))));
    if (!handler.is_nullish()) {
        Value argument = rooted_value.get();
        Value result = LOOPSIM_TRY(rt.call(handler, rooted_target.get(), {&argument, 1}));
        return Value(to_boolean(result));
    }
    if (!Runtime::is_callable(target))
        return rt.throw_error(ErrorType::TypeError,
                              "Right-hand side of 'instanceof' is not callable");
    return ordinary_has_instance(rt, target, value);
}

bool is_bound_function(Value value) {
    return value.is_cell() && value.as_cell()->kind() == CellKind::NativeFunction &&
           static_cast<NativeFunction*>(value.as_cell())->function() == bound_call;
}

void install_function_constructor(Runtime& rt, Object& global) {
    Object& proto = *rt.function_prototype();
    NativeFunction* ctor = define_constructor(rt, "Function", 1, function_constructor_call,
                                              function_constructor_construct, proto);
    rt.set_intrinsic(Intrinsic::FunctionConstructor, ctor);
    define_method(rt, proto, "apply", 2, function_apply);
    define_method(rt, proto, "bind", 1, function_bind);
    define_method(rt, proto, "call", 1, function_call);
    define_method(rt, proto, "toString", 0, function_to_string);
    define_symbol_method(rt, proto, WellKnownSymbol::HasInstance, 1, function_has_instance,
                         attr::None);
    define_value(rt, global, "Function", Value(ctor));
}

} // namespace loopsim::js
