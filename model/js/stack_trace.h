#pragma once
// Stack traces in V8's format, one line per frame:
//   "    at name (file:line:col)"      a function call
//   "    at new Name (file:line:col)"  a constructor call
//   "    at Object.<anonymous> (file:line:col)"  the CommonJS top level
//   "    at file:line:col"              an anonymous function
//   "    at async name (file:line:col)" an async function resumed from a job
// The position is the one of the frame's current instruction (a call's callee name or
// property, a `new`, a `throw`), taken from the CodeBlock's line table.
#include "model/js/frame.h"

#include <string>

namespace loopsim::js {

std::string format_stack_frame(const Frame& frame);
// "file:line:col" of a frame's current instruction.
std::string frame_location(const Frame& frame);

} // namespace loopsim::js
