#pragma once
// Internal to model/js/builtins: the Array.prototype methods defined in
// array_callback_builtins.cpp, and helpers the two array files share.
#include "model/js/array.h"
#include "model/js/function.h"

namespace loopsim::js {

// ToObject(this) with V8's "Array.prototype.<method> called on null or undefined".
ThrowCompletionOr<Object*> this_array_like(Runtime& runtime, Value self, const char* method);
ThrowCompletionOr<void> set_length(Runtime& runtime, Object& object, double length);
// ArrayCreate(length): "Invalid array length" above 2^32-1.
ThrowCompletionOr<Array*> array_create(Runtime& runtime, double length);
// FlattenIntoArray (§23.1.3.13.1); returns the next target index.
ThrowCompletionOr<double> flatten_into_array(Runtime& runtime, Array& target, Object& source,
                                             double source_length, double start, double depth,
                                             Value mapper, Value this_arg);

#define LOOPSIM_ARRAY_METHOD(name)                                                                 \
    Completion name(Runtime& runtime, NativeFunction& callee, Value this_value,                    \
                    std::span<const Value> args);
LOOPSIM_ARRAY_METHOD(array_find)
LOOPSIM_ARRAY_METHOD(array_find_index)
LOOPSIM_ARRAY_METHOD(array_find_last)
LOOPSIM_ARRAY_METHOD(array_find_last_index)
LOOPSIM_ARRAY_METHOD(array_filter)
LOOPSIM_ARRAY_METHOD(array_map)
LOOPSIM_ARRAY_METHOD(array_for_each)
LOOPSIM_ARRAY_METHOD(array_some)
LOOPSIM_ARRAY_METHOD(array_every)
LOOPSIM_ARRAY_METHOD(array_reduce)
LOOPSIM_ARRAY_METHOD(array_reduce_right)
LOOPSIM_ARRAY_METHOD(array_sort)
#undef LOOPSIM_ARRAY_METHOD

} // namespace loopsim::js
