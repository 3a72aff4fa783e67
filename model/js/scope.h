#pragma once
// Scope analysis: which declaration every name in a scenario refers to, and which variables
// must live in heap environments because a nested function captures them.
//
// Contract.
// - analyze() walks one Program (compiled as the body of the CommonJS wrapper function,
//   whose parameters are given) and builds a tree of Scopes: one per function (parameters,
//   `var`s, top-level functions and lexical declarations of the body together), per block
//   with lexical declarations, per for-loop head, per catch clause, per switch and per class.
// - Every Identifier that names a variable (a reference or a binding) resolves to a
//   Variable, or to none: a global. `this`, `arguments` and the class-internal names the
//   compiler uses (%home, %shome, %fields) are Variables too, so arrows capture them like any
//   other name.
// - A variable is `captured` when it is referenced from a function nested inside its scope.
//   Captured variables get environment slots (env_index); the others live in registers.
// - Early errors the parser leaves to this pass (a let/const/class name declared twice in a
//   scope, or clashing with a var or parameter) are returned as a Diagnostic.
// Lookups use hash maps keyed by node address, never iterated: output order never depends
// on addresses.
#include "model/js/syntax/ast.h"
#include "model/js/syntax/diagnostic.h"

#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace loopsim::js {

enum class VariableKind : uint8_t {
    Var,
    Let,
    Const,
    Class,        // class declaration: let-like
    ClassInner,   // the class's own name inside its body: const-like
    Function,     // function declaration
    FunctionSelf, // a named function expression's own name: read-only
    Param,
    CatchParam,
    This,
    Arguments,
    Internal, // %home, %shome, %fields
};

struct Scope;

struct Variable {
    std::string_view name;
    VariableKind kind;
    Scope* scope;
    uint32_t offset;       // where it is declared
    bool captured = false; // referenced from a nested function: lives in an environment
    uint32_t env_index = 0;
    // Filled by the compiler when the scope is entered: the register of an uncaptured variable.
    uint32_t reg = 0;

    bool is_lexical() const {
        return kind == VariableKind::Let || kind == VariableKind::Const ||
               kind == VariableKind::Class || kind == VariableKind::ClassInner;
    }
    bool is_const() const {
        return kind == VariableKind::Const || kind == VariableKind::ClassInner;
    }
};

enum class ScopeKind : uint8_t {
    Function,
    Block,
    Class
};

struct Scope {
    ScopeKind kind;
    Scope* parent = nullptr;
    const syntax::Function* function = nullptr; // Function scopes; null for the script
    bool is_arrow = false;
    bool is_switch = false;           // lexical names of a switch are always TDZ-checked
    bool is_static = false;           // a static method or the static field initializers
    std::vector<Variable*> variables; // in declaration order
    std::unordered_map<std::string_view, Variable*> by_name;
    uint32_t env_slots = 0;

    bool has_env() const { return env_slots > 0; }
    Variable* find(std::string_view name) const {
        auto it = by_name.find(name);
        return it == by_name.end() ? nullptr : it->second;
    }
};

class ScopeAnalysis {
public:
    std::optional<syntax::Diagnostic> analyze(const syntax::Program& program,
                                              std::span<const std::string_view> script_params);

    Scope* script_scope() const { return m_script; }
    // The scope a node opens (Function, BlockStatement, For/ForIn/ForOf, CatchClause,
    // SwitchStatement, Class), or null when it opens none.
    Scope* scope_of(const syntax::Node* node) const;
    // The synthetic function scope of a class's instance (or static) field initializers.
    Scope* field_scope(const syntax::Class* definition, bool is_static) const;
    // The Variable an Identifier, ThisExpression or `arguments` names; null for a global.
    // For a Super node: its %home/%shome; for a super(...) CallExpression or a super member
    // expression: the `this` variable of the constructor or method; for a ClassMember that
    // is a field with a computed key: the class-scope variable holding the evaluated key.
    Variable* resolved(const syntax::Node* node) const;

private:
    struct Walker;
    std::vector<std::unique_ptr<Scope>> m_scopes;
    std::vector<std::unique_ptr<Variable>> m_variables;
    std::unordered_map<const syntax::Node*, Scope*> m_scope_of;
    std::unordered_map<const syntax::Node*, Scope*> m_field_scopes[2];
    std::unordered_map<const syntax::Node*, Variable*> m_resolved;
    Scope* m_script = nullptr;
};

} // namespace loopsim::js
