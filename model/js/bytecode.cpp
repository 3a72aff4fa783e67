// CodeBlock: the opcode table and the collector's view of compiled code.
#include "model/js/bytecode.h"

#include "model/js/object.h"
#include "model/js/shape.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace loopsim::js {

namespace {

constexpr uint32_t count_operands(const char* operands) {
    uint32_t n = 0;
    while (operands[n] != '\0') ++n;
    return n;
}

constexpr std::array<OpcodeInfo, static_cast<size_t>(Opcode::Count)> kOpcodeInfo = {{
#define LOOPSIM_OPCODE(name, operands, semantics)                                                  \
    OpcodeInfo{#name, operands, semantics, count_operands(operands)},
#include "model/js/opcodes.def"
#undef LOOPSIM_OPCODE
}};

} // namespace

const OpcodeInfo& opcode_info(Opcode opcode) {
    return kOpcodeInfo[static_cast<size_t>(opcode)];
}

uint32_t CodeBlock::offset_at(uint32_t pc) const {
    auto it = std::upper_bound(lines.begin(), lines.end(), pc,
                               [](uint32_t p, const LinePosition& l) { return p < l.pc; });
    if (it == lines.begin()) return source_start;
    return std::prev(it)->offset;
}

void CodeBlock::visit_edges(Visitor& visitor) {
    visitor.visit(name_value);
    for (Value v : constants) visitor.visit(v);
    for (const PropertyCache& c : caches) {
        visitor.visit(c.shape);
        visitor.visit(c.holder);
        visitor.visit(c.holder_shape);
    }
    for (const ObjectLiteralTemplate& t : literals) {
        for (PropertyKey k : t.keys) visitor.visit(k.cell_or_null());
        visitor.visit(t.shape);
    }
}

} // namespace loopsim::js
