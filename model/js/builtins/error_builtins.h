#pragma once
// Error helpers shared with the VM and the host: Error.prototype.toString's algorithm, and
// the `stack` property an error gets when it is created ("Name: message" and the VM's
// frames, at most Error.stackTraceLimit of them).
#include "model/js/completion.h"

namespace loopsim::js {

class Runtime;
class Object;
class String;

ThrowCompletionOr<String*> error_to_string(Runtime& runtime, Object& error);
// Defines (or overwrites) `error.stack` as non-enumerable, writable, configurable.
ThrowCompletionOr<void> install_error_stack(Runtime& runtime, Object& error, Object* skip_until = nullptr);

} // namespace loopsim::js
