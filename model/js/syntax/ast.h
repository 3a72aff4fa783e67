#pragma once
// ast.h: the abstract syntax tree of a scenario, as produced by parse_program (parser.h) and
// consumed by the bytecode compiler.
//
// Contract.
// - Every node starts with the Node header: its kind and its source range [start, end) in
//   byte offsets into the SourceFile it was parsed from (source.h turns an offset into a
//   1-based line:column). A node's range covers all of its children.
// - Nodes are plain structs allocated in the Program's Arena. They are trivially
//   destructible, never freed one by one, and never shared between two parents. Child
//   pointers that may be absent are documented "or null"; all others are non-null.
// - The tree is exactly what was written, after these normalisations:
//   * non-computed property names (`a.b`, `{b: 1}`, `class { b() {} }`, `{b} = o`) are
//     StringLiteral nodes holding the name; numeric property names are NumberLiteral nodes;
//     computed names (`a[b]`, `{[b]: 1}`) are the expression itself with `computed` set;
//   * destructuring targets are always patterns (Identifier, MemberExpression for assignment
//     targets, ObjectPattern, ArrayPattern, AssignmentPattern for a default, RestElement);
//     `[a, b] = [b, a]` and `({a} = o)` are AssignmentExpressions whose target is a pattern;
//   * an optional chain `a?.b.c()` is wrapped in one ChainExpression marking where the
//     short circuit ends; the Member/Call nodes where `?.` appears have `optional` set.
// - Strings (identifier names, string values, template pieces) are std::string_view into the
//   Arena. Identifier names are interned per Program: equal names share the same bytes, so
//   equality may compare data() pointers (never order by them). String values are WTF-8:
//   UTF-8, except that a lone surrogate (`'\uD800'`) is kept as its 3-byte encoding; a
//   well-formed surrogate pair escape is one 4-byte UTF-8 sequence.
// - A Program does not own its SourceFile: keep the SourceFile alive while ranges are used
//   (Function.prototype.toString, labels in the viewer, diagnostics).
// - Names are stable; new kinds and fields are only ever added.
//
// Sections: 1. Node header and lists   2. Operators and small enums   3. Statements
//           4. Expressions   5. Functions and classes   6. Patterns   7. Program
#include "model/js/syntax/arena.h"

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace loopsim::js::syntax {

// ---- 1. Node header and lists ----------------------------------------------------------------

enum class NodeKind : uint8_t {
#define LOOPSIM_AST_NODE(Name) Name,
#include "model/js/syntax/ast_nodes.def"
};
const char* node_kind_name(NodeKind kind);

enum NodeFlag : uint8_t {
    NodeFlagParenthesized = 1 << 0, // written inside parentheses: `(a)`, `(a ?? b) || c`
    NodeFlagTrailingComma = 1 << 1, // SpreadElement followed by `,` (not a valid rest element)
};

struct Node {
    NodeKind kind;
    uint8_t flags;  // NodeFlag bits
    uint32_t start; // byte offset of the first character
    uint32_t end;   // byte offset one past the last character

    bool is_parenthesized() const { return flags & NodeFlagParenthesized; }
};

// is<T>(node) and as<T>(node): checked downcasts by kind (as<> asserts).
template <typename T> bool is(const Node* node) {
    return node && node->kind == T::node_kind;
}
template <typename T> T* as(Node* node) {
    LOOPSIM_ASSERT(is<T>(node), "AST node is not of the requested kind");
    return static_cast<T*>(node);
}
template <typename T> const T* as(const Node* node) {
    LOOPSIM_ASSERT(is<T>(node), "AST node is not of the requested kind");
    return static_cast<const T*>(node);
}

// A fixed array of child pointers in the Arena. Elements are non-null unless the owning field
// says otherwise (array holes).
template <typename T> struct NodeList {
    T** items;
    uint32_t count;

    uint32_t size() const { return count; }
    bool empty() const { return count == 0; }
    T* operator[](uint32_t i) const { return items[i]; }
    T** begin() const { return items; }
    T** end() const { return items + count; }
};

// ---- 2. Operators and small enums ------------------------------------------------------------

enum class UnaryOp : uint8_t {
#define LOOPSIM_UNARY_OP(Name, spelling) Name,
#include "model/js/syntax/operators.def"
};
enum class UpdateOp : uint8_t {
#define LOOPSIM_UPDATE_OP(Name, spelling) Name,
#include "model/js/syntax/operators.def"
};
enum class BinaryOp : uint8_t {
#define LOOPSIM_BINARY_OP(Name, spelling) Name,
#include "model/js/syntax/operators.def"
};
enum class LogicalOp : uint8_t {
#define LOOPSIM_LOGICAL_OP(Name, spelling) Name,
#include "model/js/syntax/operators.def"
};
enum class AssignOp : uint8_t {
#define LOOPSIM_ASSIGN_OP(Name, spelling) Name,
#include "model/js/syntax/operators.def"
};
// The operator as written in source: "+", "typeof", "??=".
const char* spelling(UnaryOp op);
const char* spelling(UpdateOp op);
const char* spelling(BinaryOp op);
const char* spelling(LogicalOp op);
const char* spelling(AssignOp op);

enum class DeclarationKind : uint8_t {
    Var,
    Let,
    Const
};
const char* spelling(DeclarationKind kind);

// ---- 3. Statements ---------------------------------------------------------------------------

// `var|let|const a = 1, {b} = o;`  Also the head of for/for-in/for-of.
struct VariableDeclarator;
struct VariableDeclaration : Node {
    static constexpr NodeKind node_kind = NodeKind::VariableDeclaration;
    DeclarationKind declaration_kind;          // TDZ applies to Let and Const (a runtime matter)
    NodeList<VariableDeclarator> declarations; // at least one
};

struct VariableDeclarator : Node {
    static constexpr NodeKind node_kind = NodeKind::VariableDeclarator;
    Node* target; // Identifier, ObjectPattern or ArrayPattern
    Node* init;   // or null (never null for const outside for-in/of heads, nor for patterns)
};

struct Function;
struct Class;

// `function f() {}` at statement level; hoisted with its value.
struct FunctionDeclaration : Node {
    static constexpr NodeKind node_kind = NodeKind::FunctionDeclaration;
    Function* function; // form == FunctionForm::Declaration, id non-null
};

// `class C {}` at statement level; a let-like binding (TDZ).
struct ClassDeclaration : Node {
    static constexpr NodeKind node_kind = NodeKind::ClassDeclaration;
    Class* definition; // id non-null
};

// `expr;`  Directives such as 'use strict' stay here as StringLiteral statements too.
struct ExpressionStatement : Node {
    static constexpr NodeKind node_kind = NodeKind::ExpressionStatement;
    Node* expression;
};

struct BlockStatement : Node {
    static constexpr NodeKind node_kind = NodeKind::BlockStatement;
    NodeList<Node> body;
};

struct EmptyStatement : Node {
    static constexpr NodeKind node_kind = NodeKind::EmptyStatement;
};

struct IfStatement : Node {
    static constexpr NodeKind node_kind = NodeKind::IfStatement;
    Node* test;
    Node* consequent;
    Node* alternate; // or null
};

// `for (init; test; update) body`
struct ForStatement : Node {
    static constexpr NodeKind node_kind = NodeKind::ForStatement;
    Node* init;   // VariableDeclaration, an expression, or null
    Node* test;   // or null
    Node* update; // or null
    Node* body;
};

// `for (left in right) body`. `left` is a VariableDeclaration with exactly one declarator and
// no init, or an assignment target (Identifier, MemberExpression, ObjectPattern, ArrayPattern).
struct ForInStatement : Node {
    static constexpr NodeKind node_kind = NodeKind::ForInStatement;
    Node* left;
    Node* right;
    Node* body;
};

// `for (left of right) body`, same `left` rules as ForInStatement; `for await (left of
// right) body` (is_await) only inside an async function or a module's top level.
struct ForOfStatement : Node {
    static constexpr NodeKind node_kind = NodeKind::ForOfStatement;
    Node* left;
    Node* right; // an AssignmentExpression-level expression (no comma)
    Node* body;
    bool is_await = false;
};

struct WhileStatement : Node {
    static constexpr NodeKind node_kind = NodeKind::WhileStatement;
    Node* test;
    Node* body;
};

struct DoWhileStatement : Node {
    static constexpr NodeKind node_kind = NodeKind::DoWhileStatement;
    Node* body;
    Node* test;
};

struct BreakStatement : Node {
    static constexpr NodeKind node_kind = NodeKind::BreakStatement;
    std::string_view label; // empty when there is none
};

struct ContinueStatement : Node {
    static constexpr NodeKind node_kind = NodeKind::ContinueStatement;
    std::string_view label; // empty when there is none
};

struct ReturnStatement : Node {
    static constexpr NodeKind node_kind = NodeKind::ReturnStatement;
    Node* argument; // or null
};

struct ThrowStatement : Node {
    static constexpr NodeKind node_kind = NodeKind::ThrowStatement;
    Node* argument;
};

struct CatchClause : Node {
    static constexpr NodeKind node_kind = NodeKind::CatchClause;
    Node* param; // Identifier, ObjectPattern, ArrayPattern, or null for `catch {`
    BlockStatement* body;
};

// At least one of handler and finalizer is non-null.
struct TryStatement : Node {
    static constexpr NodeKind node_kind = NodeKind::TryStatement;
    BlockStatement* block;
    CatchClause* handler;      // or null
    BlockStatement* finalizer; // or null
};

struct SwitchCase : Node {
    static constexpr NodeKind node_kind = NodeKind::SwitchCase;
    Node* test; // or null for `default:`
    NodeList<Node> consequent;
};

struct SwitchStatement : Node {
    static constexpr NodeKind node_kind = NodeKind::SwitchStatement;
    Node* discriminant;
    NodeList<SwitchCase> cases; // in source order; at most one default
};

// `label: body`. The parser has checked that every break/continue label names an
// enclosing label (and that continue targets a loop).
struct LabeledStatement : Node {
    static constexpr NodeKind node_kind = NodeKind::LabeledStatement;
    std::string_view label;
    Node* body; // never a function declaration
};

// ---- 4. Expressions --------------------------------------------------------------------------

// A reference or a binding name. `undefined`, `arguments`, `require`, `module`, `exports`,
// `__filename` and `__dirname` are ordinary identifiers.
struct Identifier : Node {
    static constexpr NodeKind node_kind = NodeKind::Identifier;
    std::string_view name; // interned
};

struct NumberLiteral : Node {
    static constexpr NodeKind node_kind = NodeKind::NumberLiteral;
    double value; // exact IEEE double, as V8 reads the literal
};

struct StringLiteral : Node {
    static constexpr NodeKind node_kind = NodeKind::StringLiteral;
    std::string_view value; // cooked (escapes applied), WTF-8
};

struct BooleanLiteral : Node {
    static constexpr NodeKind node_kind = NodeKind::BooleanLiteral;
    bool value;
};

struct NullLiteral : Node {
    static constexpr NodeKind node_kind = NodeKind::NullLiteral;
};

// One literal piece of a template. Its range covers the characters between the delimiters.
struct TemplateElement : Node {
    static constexpr NodeKind node_kind = NodeKind::TemplateElement;
    std::string_view cooked; // escapes applied, WTF-8
    std::string_view raw;    // as written, with CR LF and CR normalised to LF
};

// `a${b}c${d}e`: quasis = [a, c, e], expressions = [b, d]; quasis.size() ==
// expressions.size() + 1. Tagged templates are not in the dialect.
struct TemplateLiteral : Node {
    static constexpr NodeKind node_kind = NodeKind::TemplateLiteral;
    NodeList<TemplateElement> quasis;
    NodeList<Node> expressions;
};

struct ThisExpression : Node {
    static constexpr NodeKind node_kind = NodeKind::ThisExpression;
};

// `super`: only ever the callee of a CallExpression (`super(...)`, in a derived constructor)
// or the object of a MemberExpression (`super.x`, `super[x]`, in a method).
struct Super : Node {
    static constexpr NodeKind node_kind = NodeKind::Super;
};

// `[a, , ...b]`: an element is an expression, a SpreadElement, or null for a hole.
struct ArrayExpression : Node {
    static constexpr NodeKind node_kind = NodeKind::ArrayExpression;
    NodeList<Node> elements;
};

enum class PropertyKind : uint8_t {
    Init,   // `key: value`, and shorthand `key` (value is an Identifier)
    Method, // `key() {}`, `async key() {}` (value is a Function, form Method)
    Getter, // `get key() {}` (value is a Function, form Getter)
    Setter, // `set key(v) {}` (value is a Function, form Setter)
};

// One entry of an ObjectExpression, or of an ObjectPattern (then kind is Init and value is
// a pattern: Identifier, MemberExpression, ObjectPattern, ArrayPattern or AssignmentPattern).
// A non-computed, non-shorthand Init entry whose key is "__proto__" sets the prototype in an
// object literal (a runtime matter).
struct Property : Node {
    static constexpr NodeKind node_kind = NodeKind::Property;
    PropertyKind property_kind;
    bool computed;  // `[key]: value`
    bool shorthand; // `{a}` or, in a pattern, `{a = 1}`
    Node* key;      // StringLiteral or NumberLiteral when not computed
    Node* value;
};

// `{a: 1, b, [c]: 2, m() {}, get g() {}, ...d}`: Property or SpreadElement entries.
struct ObjectExpression : Node {
    static constexpr NodeKind node_kind = NodeKind::ObjectExpression;
    NodeList<Node> properties;
};

struct UnaryExpression : Node {
    static constexpr NodeKind node_kind = NodeKind::UnaryExpression;
    UnaryOp op;
    Node* argument;
};

struct UpdateExpression : Node {
    static constexpr NodeKind node_kind = NodeKind::UpdateExpression;
    UpdateOp op;
    bool prefix;    // `++a` (true) or `a++` (false)
    Node* argument; // Identifier or MemberExpression
};

struct BinaryExpression : Node {
    static constexpr NodeKind node_kind = NodeKind::BinaryExpression;
    BinaryOp op;
    Node* left;
    Node* right;
};

struct LogicalExpression : Node {
    static constexpr NodeKind node_kind = NodeKind::LogicalExpression;
    LogicalOp op;
    Node* left;
    Node* right;
};

// `target op= value`. For op Assign the target may be a pattern (destructuring assignment);
// for every other op it is an Identifier or a MemberExpression.
struct AssignmentExpression : Node {
    static constexpr NodeKind node_kind = NodeKind::AssignmentExpression;
    AssignOp op;
    Node* target;
    Node* value;
};

struct ConditionalExpression : Node {
    static constexpr NodeKind node_kind = NodeKind::ConditionalExpression;
    Node* test;
    Node* consequent;
    Node* alternate;
};

// `a, b, c`: at least two expressions.
struct SequenceExpression : Node {
    static constexpr NodeKind node_kind = NodeKind::SequenceExpression;
    NodeList<Node> expressions;
};

// `callee(args)`; callee Super for `super(args)`. Arguments may be SpreadElements.
struct CallExpression : Node {
    static constexpr NodeKind node_kind = NodeKind::CallExpression;
    Node* callee;
    NodeList<Node> arguments;
    bool optional; // `callee?.(args)`; only inside a ChainExpression
};

// `new callee(args)`; `new C` without parentheses has no arguments.
struct NewExpression : Node {
    static constexpr NodeKind node_kind = NodeKind::NewExpression;
    Node* callee;
    NodeList<Node> arguments;
};

// `object.name` (property is a StringLiteral, computed false) or `object[expr]` (computed).
// object is Super for `super.x`.
struct MemberExpression : Node {
    static constexpr NodeKind node_kind = NodeKind::MemberExpression;
    Node* object;
    Node* property;
    bool computed;
    bool optional; // `object?.name` / `object?.[expr]`; only inside a ChainExpression
};

// The whole of an optional chain: if any `?.` link finds null or undefined, the value of the
// ChainExpression is undefined and the rest of the chain is not evaluated.
struct ChainExpression : Node {
    static constexpr NodeKind node_kind = NodeKind::ChainExpression;
    Node* expression; // CallExpression or MemberExpression
};

// `...argument` in call arguments, array literals and object literals.
struct SpreadElement : Node {
    static constexpr NodeKind node_kind = NodeKind::SpreadElement;
    Node* argument;
};

// `await argument`, only inside async functions.
struct AwaitExpression : Node {
    static constexpr NodeKind node_kind = NodeKind::AwaitExpression;
    Node* argument;
};

// ---- 5. Functions and classes ----------------------------------------------------------------

enum class FunctionForm : uint8_t {
    Declaration,             // `function f() {}` statement
    Expression,              // `function () {}`, `function g() {}` as a value
    Arrow,                   // `x => x`, `(a, b) => { ... }`: lexical this/arguments/super
    Method,                  // object literal or class method
    Getter,                  // `get x() {}`
    Setter,                  // `set x(v) {}`
    ClassConstructor,        // `constructor() {}` of a class without `extends`
    DerivedClassConstructor, // `constructor() {}` of a class with `extends`
};
const char* spelling(FunctionForm form);

// Every kind of function. The node's range is the function's whole source text, the one
// Function.prototype.toString returns: from `function`/`async`/the first parameter or `(`
// (arrows)/the method name or `get`/`set`/`static`-less key (methods) to the closing brace
// or the end of an expression body.
struct Function : Node {
    static constexpr NodeKind node_kind = NodeKind::Function;
    FunctionForm form;
    bool is_async;
    bool is_expression_body; // arrow with an expression body: `body` is the expression
    bool is_strict;          // 'use strict' in effect (own directive or inherited)
    bool has_simple_params;  // only plain identifiers: no default, pattern or rest
    bool uses_arguments;     // `arguments` appears in the body or params (arrows: also inside
                             // nested arrows, so the enclosing function must provide it)
    bool uses_this;          // `this` or `super` appears (arrows: inside nested arrows too)
    Identifier* id;          // own name: declarations and named function expressions; or null
    std::string_view name;   // the static name Function.prototype.name reports when known at
                             // parse time: id, method key, `const f = () => {}`, `{f: function
                             // () {}}`, `f = () => {}`, default values; empty otherwise.
                             // Getters/setters: the key without the "get "/"set " prefix.
                             // Class constructors: the class's static name.
    NodeList<Node> params;   // Identifier, ObjectPattern, ArrayPattern, AssignmentPattern,
                             // last may be RestElement
    Node* body;              // BlockStatement, or an expression if is_expression_body
};

enum class ClassMemberKind : uint8_t {
    Constructor, // value is the Function (form ClassConstructor or DerivedClassConstructor)
    Method,      // value is a Function, form Method
    Getter,      // value is a Function, form Getter
    Setter,      // value is a Function, form Setter
    Field,       // `x = 1;` / `x;` / `static x = 1;`: value is the initializer or null
};
const char* spelling(ClassMemberKind kind);

struct ClassMember : Node {
    static constexpr NodeKind node_kind = NodeKind::ClassMember;
    ClassMemberKind member_kind;
    bool is_static;
    bool computed; // `[key]() {}`
    Node* key;     // StringLiteral or NumberLiteral when not computed ("constructor" for it)
    Node* value;   // see ClassMemberKind; a field initializer is evaluated with `this` the
                   // instance (or the class, for static fields), like a method body
};

// `class Id extends Super { members }`: ClassDeclaration.definition or a class expression.
struct Class : Node {
    static constexpr NodeKind node_kind = NodeKind::Class;
    Identifier* id;                // or null (anonymous class expression)
    std::string_view name;         // static name, as Function::name (also the constructor's name)
    Node* super_class;             // the `extends` expression (LeftHandSideExpression), or null
    ClassMember* constructor;      // also in members; or null (the default constructor applies)
    NodeList<ClassMember> members; // in source order
};

// ---- 6. Patterns -----------------------------------------------------------------------------

// `{a, b: c, [k]: d = 1, ...rest}`: Property entries (kind Init) and a last RestElement.
struct ObjectPattern : Node {
    static constexpr NodeKind node_kind = NodeKind::ObjectPattern;
    NodeList<Node> properties;
};

// `[a, , b = 1, ...rest]`: pattern elements, null for a hole, a last RestElement.
struct ArrayPattern : Node {
    static constexpr NodeKind node_kind = NodeKind::ArrayPattern;
    NodeList<Node> elements;
};

// `target = fallback`: fallback is evaluated when the value is undefined.
struct AssignmentPattern : Node {
    static constexpr NodeKind node_kind = NodeKind::AssignmentPattern;
    Node* target; // Identifier, MemberExpression (assignment only), ObjectPattern, ArrayPattern
    Node* fallback;
};

// `...argument` as the last element of a pattern or parameter list.
struct RestElement : Node {
    static constexpr NodeKind node_kind = NodeKind::RestElement;
    Node* argument; // Identifier, MemberExpression (assignment only), or a nested pattern
};

// ---- 7. Program ------------------------------------------------------------------------------

// An ES module's dependency, as parse_module records it (the strings live in the Arena).
// `import x from 'fs'` binds the hidden parameter `parameter` to the default export and the
// body opens with `const x = <parameter>;` (imports are hoisted); `import 'fs'` and
// `export ... from 'fs'` have no parameter: the host only checks that the module exists.
struct ModuleImport {
    std::string_view specifier;   // as written: 'fs', 'node:events'
    std::string_view imported;    // "default", "*" (the namespace), a named export, or empty
    std::string_view parameter;   // "%import0", ...; empty when nothing is bound
    uint32_t specifier_start = 0; // where the module's name is written
    uint32_t name_start = 0, name_end = 0; // the imported name as written (for messages)
};

// One parsed scenario file (a CommonJS script body, or an ES module). Move-only; owns the
// Arena.
struct Program {
    NodeList<Node> body;       // statements in source order
    bool is_strict = false;    // a 'use strict' directive opens the file (always, for a module)
    bool has_hashbang = false; // the first line is `#!...`
    uint32_t end = 0;          // byte length of the source
    std::unique_ptr<Arena> arena;
    // ES modules only (parse_module). The body reads `import.meta` as the hidden parameter
    // "%meta", after the imports' parameters.
    bool is_module = false;
    bool has_top_level_await = false;
    std::vector<ModuleImport> imports; // in source order
};

} // namespace loopsim::js::syntax
