// Disassembler: text for CodeBlocks, driven by the operand letters of opcodes.def.
#include "model/js/disassembler.h"

#include "model/js/conversions.h"
#include "model/js/string.h"

#include <string>
#include <vector>

namespace loopsim::js {

namespace {

std::string constant_text(Value v) {
    if (v.is_string()) return "\"" + v.as_string()->to_utf8() + "\"";
    if (v.is_number()) return number_to_string(v.as_number());
    if (v.is_cell() && v.as_cell()->kind() == CellKind::Internal) {
        auto* code = static_cast<const CodeBlock*>(v.as_cell());
        return "<code " + (code->name.empty() ? std::string("anonymous") : code->name) + ">";
    }
    return "<value>";
}

} // namespace

std::string disassemble_instruction(const CodeBlock& code, uint32_t pc) {
    auto op = static_cast<Opcode>(code.code[pc]);
    const OpcodeInfo& info = opcode_info(op);
    std::string out = std::to_string(pc);
    out.insert(0, out.size() < 5 ? 5 - out.size() : 0, ' ');
    out += "  ";
    out += info.name;
    for (uint32_t i = 0; i < info.operand_count; ++i) {
        uint32_t operand = code.code[pc + 1 + i];
        out += i == 0 ? " " : ", ";
        switch (info.operands[i]) {
        case 'R':
            out += "r" + std::to_string(operand);
            break;
        case 'I':
            out += std::to_string(static_cast<int32_t>(operand));
            break;
        case 'J':
            out += "@" + std::to_string(operand);
            break;
        case 'C':
            out += "ic" + std::to_string(operand);
            break;
        case 'K':
        case 'N':
            out += "k" + std::to_string(operand);
            if (operand < code.constants.size())
                out += " " + constant_text(code.constants[operand]);
            break;
        default:
            out += std::to_string(operand);
            break;
        }
    }
    return out;
}

std::string disassemble(const CodeBlock& code, bool recursive) {
    std::string out = "== " + (code.name.empty() ? std::string("<anonymous>") : code.name) + " (" +
                      std::to_string(code.param_count) + " params, " +
                      std::to_string(code.register_count) + " registers) ==\n";
    size_t line_index = 0;
    for (uint32_t pc = 0; pc < code.code.size();) {
        std::string text = disassemble_instruction(code, pc);
        while (line_index < code.lines.size() && code.lines[line_index].pc < pc) ++line_index;
        if (line_index < code.lines.size() && code.lines[line_index].pc == pc && code.source) {
            text.resize(std::max<size_t>(text.size(), 44), ' ');
            text += " ; " + code.source->position_string(code.lines[line_index].offset);
        }
        out += text + "\n";
        pc += 1 + opcode_info(static_cast<Opcode>(code.code[pc])).operand_count;
    }
    for (const HandlerEntry& h : code.handlers)
        out += "  handler [" + std::to_string(h.start) + ", " + std::to_string(h.end) + ") -> @" +
               std::to_string(h.handler) + " env r" + std::to_string(h.env_register) + "\n";
    if (recursive) {
        for (Value v : code.constants) {
            if (v.is_cell() && v.as_cell()->kind() == CellKind::Internal)
                out += "\n" + disassemble(*static_cast<const CodeBlock*>(v.as_cell()), true);
        }
    }
    return out;
}

} // namespace loopsim::js
