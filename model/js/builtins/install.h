#pragma once
// The per-area installers install_builtins() calls, in this order (each may rely on the
// ones before it). Internal to model/js/builtins.
#include "model/js/object.h"
#include "model/js/runtime.h"

namespace loopsim::js {

// Creates Object.prototype and Function.prototype and sets the runtime's slots; nothing
// else may be created before.
void install_fundamental_objects(Runtime& runtime);
void install_object_constructor(Runtime& runtime, Object& global);
void install_function_constructor(Runtime& runtime, Object& global);
void install_symbol(Runtime& runtime, Object& global);
void install_errors(Runtime& runtime, Object& global);
void install_iterator_prototypes(Runtime& runtime);
void install_array(Runtime& runtime, Object& global);
void install_string(Runtime& runtime, Object& global);
void install_number_and_boolean(Runtime& runtime, Object& global);
void install_math(Runtime& runtime, Object& global);
void install_json(Runtime& runtime, Object& global);
void install_map_and_set(Runtime& runtime, Object& global);

} // namespace loopsim::js
