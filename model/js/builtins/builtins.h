#pragma once
// The built-in library of the scenario language: install_builtins() creates the standard
// objects (Object, Function, Array, String, Number, Boolean, Symbol, Math, JSON, the Error
// family, Map, Set, Date.now, the global functions) in one Runtime, with V8's property
// order, attributes, `length` and `name` values, and defines them on `global`.
//
// It must run once per Runtime, before any other object is created: it installs
// Object.prototype, Function.prototype, Array.prototype and the error prototypes into the
// runtime's slots (so Runtime::make_error produces real TypeErrors) and the rest into
// Runtime::intrinsic(). Math.random draws from Runtime::random(), seeded by the embedder
// (Runtime::set_random_seed). What is missing or differs from V8: docs/builtins.md.
#include "model/js/object.h"
#include "model/js/runtime.h"

namespace loopsim::js {

void install_builtins(Runtime& runtime, Object& global);

} // namespace loopsim::js
