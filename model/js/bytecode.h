#pragma once
// Bytecode: the compiled form of one scenario function.
//
// Contract. A CodeBlock is a heap cell (CellKind::Internal) made by the compiler and never
// changed afterwards except for its inline caches and `has_run`. It holds:
//   - the instruction words: an Opcode word followed by its operands (opcodes.def gives the
//     format of each); jump operands are absolute word indices;
//   - the constant pool (numbers, strings, nested CodeBlocks, literal shapes' keys);
//   - the handler table: [start, end) word ranges guarded by a catch or finally, innermost
//     first; the VM restores the environment saved in `env_register` and jumps to `handler`
//     with the thrown value in the accumulator;
//   - the line table: (pc, source offset) pairs in pc order, for stack traces and errors;
//   - the frame layout: R0 the callee, R1 `this`, R2.. the parameters, then locals and
//     temporaries up to register_count.
// Everything a CodeBlock points at is shown to the collector (visit_edges), including the
// shapes and holders its inline caches remember, so a cache can never match a freed shape.
#include "model/js/cell.h"
#include "model/js/heap.h"
#include "model/js/property_key.h"
#include "model/js/syntax/source.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace loopsim::js {

class Shape;
class Object;

enum class Opcode : uint32_t {
#define LOOPSIM_OPCODE(name, operands, semantics) name,
#include "model/js/opcodes.def"
#undef LOOPSIM_OPCODE
    Count
};

struct OpcodeInfo {
    const char* name;
    const char* operands; // one letter per operand word (see opcodes.def)
    const char* semantics;
    uint32_t operand_count;
};
const OpcodeInfo& opcode_info(Opcode opcode);

// An inline cache for a named property access: valid while the receiver has `shape` and,
// for a property found on the prototype, the receiver's prototype is `holder` with
// `holder_shape`.
struct PropertyCache {
    Shape* shape = nullptr;
    Object* holder = nullptr; // null: own property of the receiver
    Shape* holder_shape = nullptr;
    uint32_t slot = 0;
};

struct HandlerEntry {
    uint32_t start;        // first guarded word
    uint32_t end;          // one past the last guarded word
    uint32_t handler;      // where execution continues
    uint32_t env_register; // register holding the environment to restore
};

struct LinePosition {
    uint32_t pc;
    uint32_t offset; // byte offset into the source
};

// The keys of an object literal whose keys are all constant: the VM builds its shape once.
struct ObjectLiteralTemplate {
    std::vector<PropertyKey> keys;
    Shape* shape = nullptr; // built on first use
};

enum CodeFlag : uint32_t {
    CodeFlagStrict = 1 << 0,
    CodeFlagArrow = 1 << 1,
    CodeFlagAsync = 1 << 2,
    CodeFlagClassConstructor = 1 << 3, // [[IsClassConstructor]]: throws when called
    CodeFlagDerived = 1 << 4,          // derived constructor: `this` starts unbound
    CodeFlagNeedsArguments = 1 << 5,   // keeps the actual arguments (arguments, rest)
    CodeFlagMethod = 1 << 6,           // methods, getters, setters: no [[Construct]]
    CodeFlagScript = 1 << 7,           // the CommonJS top level ("Object.<anonymous>")
};

class CodeBlock final : public Cell {
public:
    CodeBlock() : Cell(CellKind::Internal) {}

    std::vector<uint32_t> code;
    std::vector<Value> constants;
    std::vector<PropertyCache> caches;
    std::vector<HandlerEntry> handlers;
    std::vector<LinePosition> lines;
    std::vector<ObjectLiteralTemplate> literals;

    std::string name; // Function.prototype.name, "" when anonymous
    // V8's inferred name of an anonymous function assigned to a property (`a.b.f = () => {}`
    // gives "a.b.f"): what stack traces call it while its `name` is "".
    std::string inferred_name;
    String* name_value = nullptr; // `name` as a string cell, made by the first closure
    uint32_t flags = 0;           // CodeFlag bits
    uint32_t param_count = 0;     // formal parameters held in R2..
    uint32_t length = 0;          // Function.prototype.length
    uint32_t register_count = 2;  // frame size, R0 and R1 included
    uint32_t args_register = 0;   // CodeFlagNeedsArguments: where the actual arguments are kept
    uint32_t source_start = 0;    // the function's text in `source`
    uint32_t source_end = 0;
    std::shared_ptr<const syntax::SourceFile> source;
    bool has_run = false; // set by the VM at the first call (the lazy-compilation cost)

    bool has(CodeFlag flag) const { return (flags & flag) != 0; }
    bool is_constructor() const {
        return !has(CodeFlagArrow) && !has(CodeFlagAsync) && !has(CodeFlagMethod);
    }
    // The source offset of the instruction at `pc` (the last line entry at or before it).
    uint32_t offset_at(uint32_t pc) const;

    void visit_edges(Visitor& visitor) override;
};

} // namespace loopsim::js
