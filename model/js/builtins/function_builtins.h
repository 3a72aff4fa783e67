#pragma once
// Operations on functions that the VM shares with the built-ins: `instanceof`
// (InstanceofOperator, with @@hasInstance and bound functions), OrdinaryHasInstance, and
// CreateListFromArrayLike (Function.prototype.apply, spread of array-likes).
#include "model/js/completion.h"
#include "model/js/heap.h"

namespace loopsim::js {

class Runtime;

// `value instanceof target`, with V8's messages for a non-object or non-callable target.
Completion instance_of(Runtime& runtime, Value value, Value target);
Completion ordinary_has_instance(Runtime& runtime, Value constructor, Value value);
// Appends list[0 .. length) to `out` ("CreateListFromArrayLike called on non-object").
ThrowCompletionOr<void> create_list_from_array_like(Runtime& runtime, Value list,
                                                    RootedVector& out);
bool is_bound_function(Value value);

} // namespace loopsim::js
