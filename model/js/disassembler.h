#pragma once
// Disassembler: CodeBlocks as text (--dump-bytecode), generated from opcodes.def so it can
// never disagree with the VM about operand formats. Nested functions (CodeBlock constants)
// are listed after their parent.
//
//   == fib (2 params, 6 registers) ==
//      0  LdaInt 2                       ; 3:7
//      2  Lt r2
#include "model/js/bytecode.h"

#include <string>

namespace loopsim::js {

// One instruction at `pc` (without a newline).
std::string disassemble_instruction(const CodeBlock& code, uint32_t pc);
// The whole block, and (when `recursive`) every nested block after it.
std::string disassemble(const CodeBlock& code, bool recursive = true);

} // namespace loopsim::js
