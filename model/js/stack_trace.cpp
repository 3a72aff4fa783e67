// Stack trace lines for frames of the VM.
#include "model/js/stack_trace.h"

namespace loopsim::js {

std::string frame_location(const Frame& frame) {
    const CodeBlock* code = frame.code;
    if (!code->source) return "<unknown>";
    syntax::LineColumn lc = code->source->line_column(code->offset_at(frame.pc));
    return code->source->path() + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.column);
}

std::string format_stack_frame(const Frame& frame) {
    const CodeBlock* code = frame.code;
    std::string name;
    if (code->has(CodeFlagScript))
        name = "Object.<anonymous>";
    else if (frame.is_construct)
        name = "new " + (code->name.empty() ? std::string("<anonymous>") : code->name);
    else
        name = code->name;
    std::string line = "    at ";
    // A frame resumed by a job runs at the bottom of its own stack: V8 marks it async.
    if (code->has(CodeFlagAsync) && frame.is_entry && frame.pc != 0 && frame.promise)
        line += "async ";
    if (name.empty()) return line + frame_location(frame);
    return line + name + " (" + frame_location(frame) + ")";
}

} // namespace loopsim::js
