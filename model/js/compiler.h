#pragma once
// Compiler: from the AST of one scenario (syntax/ast.h) to CodeBlocks (bytecode.h).
//
// Contract.
// - compile_script() compiles a Program as the body of a function whose parameters are
//   `script_params` (the CommonJS wrapper: exports, require, module, __filename,
//   __dirname). It returns the top-level CodeBlock, or the first early error as a Diagnostic
//   (file:line:col via format_diagnostic, like the parser's).
// - Scope analysis (scope.h) runs first; the compiler then gives every uncaptured variable a
//   register and every captured one an environment slot, emitting PushEnv/PopEnv around the
//   scopes that have an environment (CopyEnv per iteration for captured let loop variables).
// - Expressions leave their value in the accumulator. Registers are allocated as a stack:
//   locals when their scope opens, temporaries above them, released in reverse order.
// - Control transfers out of try/finally route through the finally block: the compiler
//   stores a completion id in a register, runs the finally code once, and dispatches on the
//   id afterwards (JumpIfIntEq). Thrown exceptions reach handlers through the CodeBlock's
//   handler table, never through C++ exceptions.
// - The compiler allocates CodeBlocks and constants on the heap but never reaches a
//   safepoint, so nothing it builds can be collected before the caller roots the result.
#include "model/js/bytecode.h"
#include "model/js/scope.h"
#include "model/js/syntax/ast.h"
#include "model/js/syntax/diagnostic.h"

#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

namespace loopsim::js {

class Runtime;

struct CompileResult {
    CodeBlock* code = nullptr;
    std::optional<syntax::Diagnostic> diagnostic;
};

CompileResult compile_script(Runtime& runtime, std::shared_ptr<const syntax::SourceFile> source,
                             const syntax::Program& program,
                             std::span<const std::string_view> script_params);

// The implementation, shared by the compiler_*.cpp files.
class Compiler {
public:
    Compiler(Runtime& runtime, std::shared_ptr<const syntax::SourceFile> source,
             const ScopeAnalysis& scopes);

    CodeBlock* compile_script(const syntax::Program& program);
    std::optional<syntax::Diagnostic> error;

private:
    // A place break/continue/return may have to pass through or land on.
    struct Target {
        enum class Kind : uint8_t {
            Breakable,     // loop, switch or labelled statement
            Finally,       // a try with a finally block
            Iterator,      // a for-of loop's iterator, closed when leaving it early
            AsyncIterator, // a for-await loop's iterator: closed by awaiting its return()
        } kind;
        std::vector<std::string_view> labels = {};
        bool is_loop = false;
        bool is_switch = false;
        uint32_t env_depth = 0;
        std::vector<uint32_t> break_patches = {};
        std::vector<uint32_t> continue_patches = {};
        // Finally: completion id and value registers, jumps into the finally code, and the
        // transfers to resume after it.
        uint32_t kind_reg = 0;
        uint32_t value_reg = 0;
        std::vector<uint32_t> finally_patches = {};
        struct Pending {
            int32_t id;
            int action; // 0 break, 1 continue, 2 return
            size_t target;
        };
        std::vector<Pending> pending = {};
        // Iterator: the iterator record.
        uint32_t iter_reg = 0;
    };

    struct FunctionState {
        CodeBlock* block = nullptr;
        FunctionState* outer = nullptr;
        Scope* function_scope = nullptr;
        Scope* scope = nullptr; // the innermost scope being compiled
        uint32_t next_reg = 2;
        uint32_t env_depth = 0; // environments pushed since entry (compile-time count)
        uint32_t last_offset = UINT32_MAX;
        uint32_t offset = 0;
        bool is_derived = false;
        std::vector<Target> targets;
        std::unordered_map<uint64_t, uint32_t> names; // constant index of each name
    };

    // --- emission (compiler.cpp) -----------------------------------------------------------
    uint32_t emit(syntax::Node const* at, Opcode op, std::initializer_list<uint32_t> operands = {});
    uint32_t emit(Opcode op, std::initializer_list<uint32_t> operands = {});
    uint32_t here() const { return static_cast<uint32_t>(f->block->code.size()); }
    // Emits a jump whose target is patched later; returns the operand's index.
    uint32_t emit_jump(Opcode op, std::initializer_list<uint32_t> before = {});
    void patch(uint32_t operand, uint32_t target) { f->block->code[operand] = target; }
    void patch_here(uint32_t operand) { patch(operand, here()); }
    void patch_all(const std::vector<uint32_t>& operands, uint32_t target) {
        for (uint32_t o : operands) patch(o, target);
    }
    uint32_t constant(Value value);
    uint32_t name(std::string_view text);
    uint32_t string_constant(std::string_view text);
    uint32_t cache();
    uint32_t reg();
    uint32_t regs(uint32_t count);
    void fail(uint32_t offset, std::string message);

    // --- scopes and variables (compiler.cpp) -----------------------------------------------
    void enter_scope(Scope* scope);
    void leave_scope(Scope* scope);
    uint32_t env_distance(const Scope* target) const;
    void load_variable(Variable* v, std::string_view name, uint32_t offset);
    void store_variable(Variable* v, std::string_view name, uint32_t offset, bool initialise);
    void load_identifier(const syntax::Identifier* id);
    void store_identifier(const syntax::Identifier* id, bool initialise);
    void hoist_functions(syntax::NodeList<syntax::Node> body);

    // --- functions and classes (compiler.cpp, compiler_classes.cpp) -------------------------
    CodeBlock* compile_function(const syntax::Function* fn, std::string_view name_override = {});
    void compile_function_body(const syntax::Function* fn);
    void compile_class(const syntax::Class* definition, std::string_view name_override = {});
    CodeBlock* compile_field_initializer(const syntax::Class* definition, bool is_static);
    void emit_field_initialization(uint32_t this_reg);
    void emit_return();

    // --- statements (compiler_statements.cpp) ----------------------------------------------
    void statement(const syntax::Node* node);
    void statements(syntax::NodeList<syntax::Node> body);
    void variable_declaration(const syntax::VariableDeclaration* decl);
    void if_statement(const syntax::IfStatement* node);
    void for_statement(const syntax::ForStatement* node, std::vector<std::string_view> labels);
    void for_in_statement(const syntax::ForInStatement* node, std::vector<std::string_view> labels);
    void for_of_statement(const syntax::ForOfStatement* node, std::vector<std::string_view> labels);
    void for_await_statement(const syntax::ForOfStatement* node,
                             std::vector<std::string_view> labels);
    // AsyncIteratorClose for a normal completion: `await iterator.return()` if it has one,
    // whose result must be an object. The accumulator is not kept.
    void emit_async_iterator_close(uint32_t iter_reg);
    uint32_t for_of_body(const syntax::ForOfStatement* node, uint32_t scratch, uint32_t top);
    void while_statement(const syntax::WhileStatement* node, std::vector<std::string_view> labels);
    void do_while_statement(const syntax::DoWhileStatement* node,
                            std::vector<std::string_view> labels);
    void switch_statement(const syntax::SwitchStatement* node,
                          std::vector<std::string_view> labels);
    void try_statement(const syntax::TryStatement* node);
    void labeled_statement(const syntax::LabeledStatement* node);
    void block_statement(const syntax::BlockStatement* node);
    void for_each_binding(const syntax::Node* left, const syntax::Node* at);
    // break (action 0), continue (1) or return (2) to the target at `index`, passing through
    // the finally blocks and iterators in between.
    void jump_to(int action, size_t index);
    size_t find_break_target(std::string_view label, uint32_t offset);
    size_t find_continue_target(std::string_view label, uint32_t offset);
    size_t push_loop(std::vector<std::string_view> labels);
    void pop_breakable(uint32_t break_target, uint32_t continue_target);

    // --- expressions (compiler_expressions.cpp) ---------------------------------------------
    void expression(const syntax::Node* node);
    void expression_to(const syntax::Node* node, uint32_t target_reg);
    void named_expression(const syntax::Node* node, std::string_view name);
    void binary(const syntax::BinaryExpression* node);
    void logical(const syntax::LogicalExpression* node);
    void unary(const syntax::UnaryExpression* node);
    void update(const syntax::UpdateExpression* node);
    // Compiles an expression whose value is unused (an expression statement, a for loop's
    // update): `x++` on a register variable becomes one UpdateReg.
    void effect(const syntax::Node* node);
    // The register of an uncaptured variable that `node` (an Identifier) reads without a TDZ
    // check at this point, or nullptr.
    const Variable* plain_register_variable(const syntax::Node* node);
    void assignment(const syntax::AssignmentExpression* node);
    void call(const syntax::CallExpression* node, std::vector<uint32_t>* chain_exits);
    void new_expression(const syntax::NewExpression* node);
    void super_call(const syntax::CallExpression* node);
    void member(const syntax::MemberExpression* node, std::vector<uint32_t>* chain_exits);
    void chain(const syntax::ChainExpression* node);
    void array_literal(const syntax::ArrayExpression* node);
    void object_literal(const syntax::ObjectExpression* node);
    void template_literal(const syntax::TemplateLiteral* node);
    // Arguments into consecutive registers from `first`; with a spread, one array in `first`.
    // Returns the count, or UINT32_MAX for the spread form.
    uint32_t arguments(syntax::NodeList<syntax::Node> args, uint32_t first);
    void property_key(const syntax::Node* key, bool computed, uint32_t target_reg);
    // A property value that takes its name from a key known only at run time
    // (`[k]: () => {}`, `1: class {}`): DefineMethod names it (flag 8).
    static bool is_named_by_key(const syntax::Node* key, bool computed, const syntax::Node* value);
    std::string callee_text(const syntax::Node* node) const;
    Opcode binary_opcode(syntax::BinaryOp op) const;

    // --- destructuring and assignment targets (compiler_patterns.cpp) -----------------------
    // Where a pattern's value comes from. V8 words the TypeError for a null or undefined
    // value by it: "Cannot destructure property 'a' of 'text' as it is null." when the
    // pattern is the target of an assignment (a declaration, `=`, a parameter, for-of,
    // catch, a default value), "Cannot read properties of null (reading 'a')" otherwise.
    struct PatternSource {
        enum class Kind : uint8_t {
            None,      // nested in a pattern, or a for-of assignment target
            Assigned,  // the target of an assignment whose value reads `text`
            Parameter, // a formal parameter (a default value makes the text a conditional)
            Property,  // the direct value of a property `key` of an Assigned object pattern
        };
        Kind kind = Kind::None;
        std::string text; // empty: V8 describes the value itself ("object null")
        std::string key;  // Property: the parent's key; empty when computed
    };
    // Binds (initialise) or assigns the value in the accumulator to a target or pattern.
    void bind_pattern(const syntax::Node* target, bool initialise);
    void bind_pattern(const syntax::Node* target, bool initialise, const PatternSource& source);
    void object_pattern(const syntax::ObjectPattern* pattern, bool initialise,
                        const PatternSource& source);
    void object_pattern_check(const syntax::ObjectPattern* pattern, const PatternSource& source);
    void array_pattern(const syntax::ArrayPattern* pattern, bool initialise);

    Runtime& m_runtime;
    std::shared_ptr<const syntax::SourceFile> m_source;
    const ScopeAnalysis& m_scopes;
    FunctionState* f = nullptr;
    std::vector<std::unique_ptr<FunctionState>> m_states;
    // V8's FuncNameInferrer, for the cases that show in stack traces: the function literals
    // an assignment to a property gives its dotted name (compile_function reads them).
    std::unordered_map<const syntax::Function*, std::string> m_inferred_names;
    void infer_names(const syntax::Node* value, const std::string& name, bool prefix_nested = true);
    static std::string member_path(const syntax::Node* target);
    // The class whose members are being compiled, for its field initializer.
    const syntax::Class* m_class = nullptr;
};

} // namespace loopsim::js
