// Helpers shared by the built-ins: property definition, abstract operations, V8's
// rendering of values in error messages.
#include "model/js/builtins/builtin_support.h"

#include "model/js/builtins/to_object.h"

#include <cmath>

namespace loopsim::js {

NativeFunction* define_method(Runtime& runtime, Object& target, std::string_view name,
                              uint32_t length, NativeFn function) {
    NativeFunction* native = NativeFunction::create(runtime, name, length, function);
    target.put_direct(runtime, runtime.key(name), Value(native), attr::Builtin);
    return native;
}

std::string symbol_function_name(Runtime& runtime, WellKnownSymbol symbol) {
    String* description = runtime.well_known_symbol(symbol)->description();
    return "[" + description->to_utf8() + "]";
}

NativeFunction* define_symbol_method(Runtime& runtime, Object& target, WellKnownSymbol symbol,
                                     uint32_t length, NativeFn function,
                                     PropertyAttributes attributes) {
    NativeFunction* native =
        NativeFunction::create(runtime, symbol_function_name(runtime, symbol), length, function);
    target.put_direct(runtime, PropertyKey::symbol(runtime.well_known_symbol(symbol)),
                      Value(native), attributes);
    return native;
}

void define_getter(Runtime& runtime, Object& target, PropertyKey key, std::string_view name,
                   NativeFn getter) {
    NativeFunction* native = NativeFunction::create(runtime, "get " + std::string(name), 0, getter);
    target.put_accessor(runtime, key, Value(native), Value(), attr::Configurable);
}

void define_value(Runtime& runtime, Object& target, std::string_view name, Value value,
                  PropertyAttributes attributes) {
    target.put_direct(runtime, runtime.key(name), value, attributes);
}

NativeFunction* define_constructor(Runtime& runtime, std::string_view name, uint32_t length,
                                   NativeFn call, NativeConstructFn construct, Object& prototype,
                                   bool link_constructor) {
    NativeFunction* native = NativeFunction::create(runtime, name, length, call);
    native->set_construct(construct);
    native->put_direct(runtime, runtime.common_key(CommonAtom::Prototype), Value(&prototype),
                       attr::None);
    if (link_constructor)
        prototype.put_direct(runtime, runtime.common_key(CommonAtom::Constructor), Value(native),
                             attr::Builtin);
    return native;
}

String* js_string(Runtime& runtime, std::string_view utf8) {
    return runtime.string(utf8);
}

PropertyKey index_key(Runtime& runtime, double index) {
    if (index >= 0 && index <= PropertyKey::kMaxIndex && index == std::floor(index))
        return PropertyKey::index(static_cast<uint32_t>(index));
    return runtime.atoms().key(number_to_string(index));
}

Completion get_named(Runtime& runtime, Object& object, std::string_view name) {
    return object.get(runtime, runtime.key(name));
}

Completion get_index(Runtime& runtime, Object& object, double index) {
    return object.get(runtime, index_key(runtime, index));
}

ThrowCompletionOr<void> set_index(Runtime& runtime, Object& object, double index, Value value) {
    return object.set_or_throw(runtime, index_key(runtime, index), value);
}

ThrowCompletionOr<void> delete_or_throw(Runtime& runtime, Object& object, PropertyKey key) {
    if (object.delete_property(runtime, key)) return {};
    std::string name = key.is_index()    ? std::to_string(key.as_index())
                       : key.is_symbol() ? key.as_symbol()->descriptive_string()
                                         : key.as_string()->to_utf8();
    return runtime.throw_error(ErrorType::TypeError, "Cannot delete property '" + name + "' of " +
                                                         describe_value(runtime, Value(&object)));
}

ThrowCompletionOr<double> length_of_array_like(Runtime& runtime, Object& object) {
    if (object.kind() == CellKind::Array) return static_cast<Array&>(object).length();
    Value length = LOOPSIM_TRY(object.get(runtime, runtime.common_key(CommonAtom::Length)));
    double number = LOOPSIM_TRY(to_number(runtime, length));
    double integer = to_integer_or_infinity(number);
    if (integer <= 0) return 0.0;
    return std::min(integer, 9007199254740991.0);
}

ThrowCompletionOr<double> to_integer_or_infinity(Runtime& runtime, Value value) {
    if (value.is_int32()) return static_cast<double>(value.as_int32());
    double number = LOOPSIM_TRY(to_number(runtime, value));
    return to_integer_or_infinity(number);
}

ThrowCompletionOr<double> relative_index(Runtime& runtime, Value value, double length,
                                         double if_undefined) {
    if (value.is_undefined()) return if_undefined;
    double relative = LOOPSIM_TRY(to_integer_or_infinity(runtime, value));
    if (relative < 0) return std::max(length + relative, 0.0);
    return std::min(relative, length);
}

Completion invoke(Runtime& runtime, Value value, PropertyKey key, std::span<const Value> args) {
    Value function = LOOPSIM_TRY(get_v(runtime, value, key));
    return runtime.call(function, value, args);
}

ThrowCompletionOr<bool> has_property(Runtime& runtime, Object& object, PropertyKey key) {
    return object.has_property(key);
}

Array* create_array(Runtime& runtime, std::span<const Value> values) {
    return Array::create_from(runtime, values);
}

Object* create_plain_object(Runtime& runtime) {
    return Object::create(runtime, runtime.object_prototype());
}

Object* create_iter_result(Runtime& runtime, Value value, bool done) {
    Object* result = create_plain_object(runtime);
    result->put_direct(runtime, runtime.common_key(CommonAtom::Value), value);
    result->put_direct(runtime, runtime.common_key(CommonAtom::Done), Value(done));
    return result;
}

bool is_array(Value value) {
    return value.is_cell() && value.as_cell()->kind() == CellKind::Array;
}

Value key_to_value(Runtime& runtime, PropertyKey key) {
    if (key.is_index()) return Value(number_to_js_string(runtime, key.as_index()));
    if (key.is_symbol()) return Value(key.as_symbol());
    return Value(key.as_string());
}

std::string key_display(PropertyKey key) {
    if (key.is_index()) return std::to_string(key.as_index());
    if (key.is_symbol()) return key.as_symbol()->descriptive_string();
    return key.as_string()->to_utf8();
}

String* to_string_primitive(Runtime& runtime, Value value) {
    if (value.is_string()) return value.as_string();
    LOOPSIM_ASSERT(value.is_number(), "to_string_primitive of a non-number, non-string");
    return number_to_js_string(runtime, value.as_number());
}

std::string constructor_name(Runtime& runtime, Object& object) {
    PropertyKey constructor_key = runtime.common_key(CommonAtom::Constructor);
    for (Object* o = &object; o != nullptr; o = o->prototype()) {
        OwnProperty property;
        if (!o->lookup_own(constructor_key, property)) continue;
        if ((property.attributes & attr::Accessor) != 0 || !property.value.is_object()) break;
        OwnProperty name;
        if (property.value.as_object()->lookup_own(runtime.common_key(CommonAtom::Name), name) &&
            (name.attributes & attr::Accessor) == 0 && name.value.is_string() &&
            !name.value.as_string()->is_empty())
            return name.value.as_string()->to_utf8();
        break;
    }
    return "Object";
}

namespace {

bool is_error_object(Runtime& runtime, Object& object) {
    Object* error_prototype = runtime.error_prototype(ErrorType::Error);
    if (error_prototype == nullptr || &object == error_prototype) return false;
    for (Object* o = object.prototype(); o != nullptr; o = o->prototype())
        if (o == error_prototype) return true;
    return false;
}

std::string data_string(Runtime& runtime, Object& object, CommonAtom which,
                        std::string_view fallback) {
    for (Object* o = &object; o != nullptr; o = o->prototype()) {
        OwnProperty property;
        if (!o->lookup_own(runtime.common_key(which), property)) continue;
        if ((property.attributes & attr::Accessor) == 0 && property.value.is_string())
            return property.value.as_string()->to_utf8();
        break;
    }
    return std::string(fallback);
}

} // namespace

std::string describe_value(Runtime& runtime, Value value) {
    if (value.is_string()) return value.as_string()->to_utf8();
    if (value.is_number()) return number_to_string(value.as_number());
    if (value.is_symbol()) return value.as_symbol()->descriptive_string();
    if (value.is_undefined()) return "undefined";
    if (value.is_null()) return "null";
    if (value.is_boolean()) return value.as_bool() ? "true" : "false";
    if (!value.is_object()) return "";
    Object& object = *value.as_object();
    if (Runtime::is_callable(value)) {
        if (object.kind() == CellKind::Closure && runtime.call_handler() != nullptr)
            return std::string(
                runtime.call_handler()->source_text(static_cast<const Closure&>(object)));
        return "function " + data_string(runtime, object, CommonAtom::Name, "") +
               "() { [native code] }";
    }
    if (object.kind() == CellKind::Array) return "[object Array]";
    if (is_error_object(runtime, object)) {
        std::string name = data_string(runtime, object, CommonAtom::Name, "Error");
        std::string message = data_string(runtime, object, CommonAtom::Message, "");
        if (message.empty()) return name;
        return name + ": " + message;
    }
    if (object.prototype() == nullptr) return "[object Object]";
    return "#<" + constructor_name(runtime, object) + ">";
}

std::string set_failure_message(Runtime& runtime, Object& object, PropertyKey key, Value receiver) {
    std::string name = key_display(key);
    std::string read_only = "Cannot assign to read only property '" + name + "' of " +
                            typeof_string(receiver) + " '" + describe_value(runtime, receiver) +
                            "'";
    // OrdinarySet: the first object on the chain that has the key decides.
    for (Object* o = &object; o != nullptr; o = o->prototype()) {
        OwnProperty property;
        if (!o->lookup_own(key, property)) continue;
        if ((property.attributes & attr::Accessor) != 0)
            return "Cannot set property " + name + " of " + describe_value(runtime, receiver) +
                   " which has only a getter";
        if ((property.attributes & attr::Writable) == 0) return read_only;
        break;
    }
    if (receiver.is_object()) {
        Object& target = *receiver.as_object();
        OwnProperty existing;
        if (target.lookup_own(key, existing)) return read_only;
        if (target.is_extensible() && target.kind() == CellKind::Array && key.is_index() &&
            !static_cast<Array&>(target).is_length_writable())
            return "Cannot assign to read only property 'length' of " +
                   std::string(typeof_string(receiver)) + " '" + describe_value(runtime, receiver) +
                   "'";
    }
    return "Cannot add property " + name + ", object is not extensible";
}

ThrowCompletion throw_set_failure(Runtime& runtime, Object& object, PropertyKey key,
                                  Value receiver) {
    return runtime.throw_error(ErrorType::TypeError,
                               set_failure_message(runtime, object, key, receiver));
}

ThrowCompletion throw_not_callable(Runtime& runtime, Value value) {
    return runtime.throw_error(ErrorType::TypeError,
                               describe_value(runtime, value) + " is not a function");
}

ThrowCompletionOr<void> require_callable(Runtime& runtime, Value value) {
    if (!Runtime::is_callable(value)) return throw_not_callable(runtime, value);
    return {};
}

} // namespace loopsim::js
