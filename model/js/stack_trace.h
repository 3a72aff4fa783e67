#pragma once
// Stack traces in V8's format, one line per frame:
//   "    at name (file:line:col)"           a function called without a receiver
//   "    at Type.name [as prop] (file:...)"  a method call (V8's method-name rules)
//   "    at new Name (file:line:col)"       a constructor call
//   "    at Object.<anonymous> (file:...)"  the CommonJS top level
//   "    at file:line:col"                  an anonymous function without a receiver
//   "    at Array.forEach (<anonymous>)"    a built-in that called back into JavaScript
//   "    at listOnTimeout (node:internal/timers:581:17)"  the host's own frames
//   "    at async name (file:line:col)"     an async function awaiting the one that threw
//
// Capture and formatting are apart, as in V8: an error records its frames when it is made
// (CapturedStack: functions, receivers, positions) and the text is made on the first read of
// `stack`. So the first line shows the error's name and message as they are then (a
// subclass that sets this.name after super()), and a method name is looked up on the
// receiver as it is then (Node clears an Immediate's _onImmediate after running it, so a
// crash printed later reads "Immediate.<anonymous>").
#include "model/js/bytecode.h"
#include "model/js/cell.h"
#include "model/js/frame.h"

#include <string>
#include <vector>

namespace loopsim::js {

class Runtime;

// Frames the host runs JavaScript under (Node's internal functions), innermost first, each
// "name (location)" without the leading "    at ". The host may rewrite a line while it is
// pushed (a caller moving on to another call site); a capture copies the lines it sees.
using HostFrameLines = std::vector<std::string>;

class CapturedStack final : public Cell {
public:
    CapturedStack() : Cell(CellKind::Internal) {}

    struct Entry {
        Value function; // the closure (script frames)
        Value receiver; // `this` as the frame was called with
        CodeBlock* code = nullptr;
        uint32_t pc = 0;
        bool is_construct = false;
        bool is_async = false; // an async function awaiting (printed "async ...")
        bool is_script = false;
        std::string text; // a built-in's or the host's frame, already formatted
    };
    std::vector<Entry> entries;

    void visit_edges(Visitor& visitor) override {
        for (Entry& e : entries) {
            visitor.visit(e.function);
            visitor.visit(e.receiver);
            visitor.visit(e.code);
        }
    }
};

// "file:line:col" of an instruction.
std::string code_location(const CodeBlock& code, uint32_t pc);
// The captured frames as V8 prints them under an error's first line, joined by '\n'.
// `global` is the global object: a receiver that is it (or undefined) is no method call.
std::string format_captured_stack(Runtime& runtime, const CapturedStack& stack,
                                  const Object* global);
// V8's name for a receiver in a method frame: its class (constructor) name.
std::string receiver_type_name(Runtime& runtime, Value receiver);

} // namespace loopsim::js
