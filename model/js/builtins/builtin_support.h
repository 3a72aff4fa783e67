#pragma once
// Helpers every built-in file uses: argument access, defining methods and constants with
// V8's attributes, the abstract operations of ECMA-262 §7.3 that built-ins lean on
// (LengthOfArrayLike, Invoke, CreateArrayFromList, ...), and V8's rendering of a value
// inside an error message ("#<Object> is not a function").
//
// GC: none of these helpers reaches a safepoint except the ones that call into JS (get,
// call, to_*); a caller that keeps values across them must root them (heap.h).
#include "model/js/array.h"
#include "model/js/completion.h"
#include "model/js/conversions.h"
#include "model/js/function.h"
#include "model/js/object.h"
#include "model/js/runtime.h"

#include <span>
#include <string>
#include <string_view>

namespace loopsim::js {

inline Value arg(std::span<const Value> args, size_t index) {
    return index < args.size() ? args[index] : Value();
}

// --- defining properties ----------------------------------------------------------------------
// A method: a native function stored writable, configurable, not enumerable.
NativeFunction* define_method(Runtime& runtime, Object& target, std::string_view name,
                              uint32_t length, NativeFn function);
// A method under a well-known symbol; its name is "[Symbol.iterator]" and the like.
NativeFunction* define_symbol_method(Runtime& runtime, Object& target, WellKnownSymbol symbol,
                                     uint32_t length, NativeFn function,
                                     PropertyAttributes attributes = attr::Builtin);
// An accessor with only a getter, named "get <name>".
void define_getter(Runtime& runtime, Object& target, PropertyKey key, std::string_view name,
                   NativeFn getter);
void define_value(Runtime& runtime, Object& target, std::string_view name, Value value,
                  PropertyAttributes attributes = attr::Builtin);
// A constructor: `prototype` becomes its non-writable, non-enumerable, non-configurable
// "prototype" and gets a "constructor" back-link (when `link_constructor`).
NativeFunction* define_constructor(Runtime& runtime, std::string_view name, uint32_t length,
                                   NativeFn call, NativeConstructFn construct, Object& prototype,
                                   bool link_constructor = true);
// The symbol-keyed function name: "[Symbol.iterator]".
std::string symbol_function_name(Runtime& runtime, WellKnownSymbol symbol);

// --- abstract operations ----------------------------------------------------------------------
String* js_string(Runtime& runtime, std::string_view utf8);
PropertyKey index_key(Runtime& runtime, double index);
Completion get_named(Runtime& runtime, Object& object, std::string_view name);
Completion get_index(Runtime& runtime, Object& object, double index);
ThrowCompletionOr<void> set_index(Runtime& runtime, Object& object, double index, Value value);
ThrowCompletionOr<void> delete_or_throw(Runtime& runtime, Object& object, PropertyKey key);
ThrowCompletionOr<double> length_of_array_like(Runtime& runtime, Object& object);
ThrowCompletionOr<double> to_integer_or_infinity(Runtime& runtime, Value value);
// Relative index argument (slice, splice, at, fill...): clamped into [0, length].
ThrowCompletionOr<double> relative_index(Runtime& runtime, Value value, double length,
                                         double if_undefined);
// Invoke(V, P, args): GetV then Call.
Completion invoke(Runtime& runtime, Value value, PropertyKey key, std::span<const Value> args);
ThrowCompletionOr<bool> has_property(Runtime& runtime, Object& object, PropertyKey key);
Array* create_array(Runtime& runtime, std::span<const Value> values);
// An ordinary object with Object.prototype.
Object* create_plain_object(Runtime& runtime);
// CreateIterResultObject({value, done}).
Object* create_iter_result(Runtime& runtime, Value value, bool done);
bool is_array(Value value);
// A property key as a JS value: an index as its string, an atom, or the symbol.
Value key_to_value(Runtime& runtime, PropertyKey key);
// A property key as V8 writes it in messages ("x", "0", "Symbol(a)").
std::string key_display(PropertyKey key);
// ToString of a value known to be a string or number (no JS runs); asserts otherwise.
String* to_string_primitive(Runtime& runtime, Value value);

// --- error messages as V8 writes them -----------------------------------------------------------
// The value as V8 shows it inside a message: strings bare, objects as #<Ctor>, arrays as
// "[object Array]", errors as "Name: message". Never runs JS.
std::string describe_value(Runtime& runtime, Value value);
// "<value> is not a function"
ThrowCompletion throw_not_callable(Runtime& runtime, Value value);
// The TypeError for a [[Set]] of `key` on `object` that returned false, in strict code or a
// built-in that sets with throw = true: a read-only property (of `receiver`, described by
// typeof and describe_value), an accessor without a setter, or a new property on an object
// that is not extensible (or past an array's read-only length).
std::string set_failure_message(Runtime& runtime, Object& object, PropertyKey key, Value receiver);
ThrowCompletion throw_set_failure(Runtime& runtime, Object& object, PropertyKey key,
                                  Value receiver);
// Checks a callback argument.
ThrowCompletionOr<void> require_callable(Runtime& runtime, Value value);
// The constructor name V8 shows for an object ("Object", "Array", a class name), from the
// "constructor" data property along the prototype chain; "Object" when there is none.
std::string constructor_name(Runtime& runtime, Object& object);

} // namespace loopsim::js
