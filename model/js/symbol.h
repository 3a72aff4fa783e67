#pragma once
// Symbol: a unique JS symbol value, with an optional description (a String, or none for
// `Symbol()`). Identity is the cell: two symbols are the same only if they are the same
// cell. The well-known symbols (well_known_symbols.def) are created once per Runtime.
#include "model/js/cell.h"
#include "model/js/heap.h"
#include "model/js/string.h"

#include <cstdint>
#include <string>

namespace loopsim::js {

enum class WellKnownSymbol : uint8_t {
#define LOOPSIM_WELL_KNOWN_SYMBOL(name, text) name,
#include "model/js/well_known_symbols.def"
#undef LOOPSIM_WELL_KNOWN_SYMBOL
    Count
};

class Symbol final : public Cell {
public:
    explicit Symbol(String* description) : Cell(CellKind::Symbol), m_description(description) {}

    // Null for `Symbol()` (description undefined).
    String* description() const { return m_description; }
    // "Symbol(desc)", as SymbolDescriptiveString.
    std::string descriptive_string() const {
        return "Symbol(" + (m_description ? m_description->to_utf8() : std::string()) + ")";
    }

    void visit_edges(Visitor& visitor) override { visitor.visit(m_description); }

private:
    String* m_description;
};

} // namespace loopsim::js
