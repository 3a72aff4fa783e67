#pragma once
// Parser: the recursive-descent parser behind parse_program (parser.h). Private to
// model/js/syntax: its three .cpp files are parser.cpp (tokens, statements), and
// parser_expressions.cpp, parser_functions.cpp (functions, classes, object literals,
// patterns).
//
// Each parse_* function documents its production. Failure: fail() throws ParseFailure,
// which parse_program catches; it is the only exception in the front end, and it ends the
// parse at the first error (so errors never cascade).
//
// Cover grammar. `(a, b)` / `[a, b]` / `{a, b = 1}` are parsed as expressions and turned
// into parameters or patterns by to_pattern() when `=>` or `=` follows. An object literal
// shorthand with an initializer (`{a = 1}`) is only valid if that happens; its offset waits
// in m_cover_initializer until the enclosing parse_assignment decides.
#include "model/js/syntax/ast.h"
#include "model/js/syntax/diagnostic.h"
#include "model/js/syntax/lexer.h"

#include <string_view>
#include <vector>

namespace loopsim::js::syntax {

struct ParseFailure {
    Diagnostic diagnostic;
};

class Parser {
public:
    // `is_module`: parse the ES module goal (parse_module) instead of a CommonJS script.
    explicit Parser(const SourceFile& source, bool is_module = false);
    Program parse();

private:
    // One function being parsed (or the script itself, or a class field initializer).
    struct Scope {
        Function* function = nullptr; // null for the script and for field initializers
        bool is_arrow = false;
        bool is_async = false;
        bool is_strict = false;
        bool allows_super_property = false;
        bool allows_super_call = false;
        bool allows_return = true;
        bool in_parameters = false; // parsing this function's parameter list
        uint32_t loop_depth = 0;    // enclosing loops within this function
        uint32_t switch_depth = 0;  // enclosing switches within this function
        struct Label {
            std::string_view name;
            bool is_loop;
        };
        std::vector<Label> labels;
    };
    enum class PatternUse {
        Binding,
        Assignment
    };

    // ---- tokens (parser.cpp)
    Token lex();
    void advance();
    const Token& peek();
    bool at(TokenKind kind) const { return m_token.kind == kind; }
    bool at_word(std::string_view word) const {
        return m_token.kind == TokenKind::Identifier && m_token.value == word;
    }
    bool eat(TokenKind kind);
    void expect(TokenKind kind);
    void expect_closing(TokenKind kind, const Token& opener);
    void consume_semicolon();
    std::string describe(const Token& token) const;
    [[noreturn]] void fail(uint32_t offset, DiagnosticCode code,
                           std::initializer_list<std::string_view> args = {});
    [[noreturn]] void fail_unexpected(const Token& token);

    template <typename T> T* make(uint32_t start) {
        T* node = m_arena->make<T>();
        node->kind = T::node_kind;
        node->start = start;
        node->end = start;
        return node;
    }
    template <typename T> T* finish(T* node) {
        node->end = m_previous_end;
        return node;
    }
    template <typename T> NodeList<T> list(const std::vector<T*>& items) {
        NodeList<T> out{m_arena->make_array<T*>(items.size()), static_cast<uint32_t>(items.size())};
        for (size_t i = 0; i < items.size(); ++i) out.items[i] = items[i];
        return out;
    }
    std::string_view intern(std::string_view name);
    Scope& scope() { return m_scopes.back(); }
    void enter_nesting();
    void leave_nesting() { --m_depth; }
    // Marks `this`/`arguments` use on the innermost function and, through arrows, outward.
    void note_this_use();
    void note_arguments_use();

    // ---- statements (parser.cpp)
    Node* parse_statement_list_item();
    Node* parse_statement();
    Node* parse_block();
    VariableDeclaration* parse_variable_declaration(DeclarationKind kind, bool in_for_head);
    Node* parse_if();
    Node* parse_for();
    Node* parse_while();
    Node* parse_do_while();
    Node* parse_break_continue(bool is_break);
    Node* parse_return();
    Node* parse_throw();
    Node* parse_try();
    Node* parse_switch();
    Node* parse_labeled(const Token& label);
    Node* parse_expression_statement();
    Node* parse_loop_body();
    bool at_lexical_declaration();
    void reject_unsupported_statement();
    // StatementListItem* up to `closer`, with the directive prologue applied to scope().
    std::vector<Node*> parse_body(TokenKind closer, const Token* opener);

    // ---- ES modules (parser_module.cpp)
    std::vector<Node*> parse_module_body();
    void parse_import_declaration(std::vector<Node*>& hoisted);
    Node* parse_export_declaration();
    // `'m'` after `from` (or after `import`); returns the string's value.
    std::string_view parse_module_specifier(uint32_t& start);
    Identifier* parse_import_binding();
    // An IdentifierName or a string: the name a module exports.
    StringLiteral* parse_module_export_name();
    Identifier* make_synthetic_identifier(std::string_view name, uint32_t start, uint32_t end);
    void expect_word(std::string_view word);
    // An exported name (a module exports each name once); the names a declaration binds.
    void note_export(std::string_view name, uint32_t offset);
    void note_exported_bindings(const Node* target);

    // ---- expressions (parser_expressions.cpp)
    Node* parse_expression();
    Node* parse_assignment(bool allow_cover = false);
    Node* parse_conditional();
    Node* parse_binary(int min_precedence);
    Node* parse_unary();
    Node* parse_postfix();
    Node* parse_left_hand_side();
    Node* parse_new();
    Node* parse_call_tail(Node* expression, uint32_t start, bool allow_calls);
    Node* parse_primary();
    Node* parse_identifier_expression();
    Node* parse_parenthesized_or_arrow();
    Node* parse_array_literal();
    Node* parse_template_literal();
    Node* parse_super();
    Node* parse_import_expression();
    NodeList<Node> parse_arguments(bool allow_cover);
    Identifier* make_identifier(const Token& token);
    StringLiteral* make_name_literal(const Token& token);

    // ---- functions, classes, object literals, patterns (parser_functions.cpp)
    Function* parse_function_rest(uint32_t start, FunctionForm form, bool is_async, Identifier* id);
    Function* parse_function_keyword(uint32_t start, bool is_async, bool is_declaration);
    // Counts of `this`/`arguments` uses so far: an arrow's parameters are parsed before it is
    // known to be an arrow, so uses found in them are credited to it afterwards.
    struct UseCounts {
        uint32_t this_uses;
        uint32_t arguments_uses;
    };
    UseCounts use_counts() const { return {m_this_uses, m_arguments_uses}; }
    Node* parse_arrow_body(uint32_t start, const std::vector<Node*>& params, bool is_async,
                           UseCounts before);
    Function* parse_method(uint32_t start, FunctionForm form, bool is_async, Node* key,
                           bool computed);
    void parse_parameters(Function* function);
    BlockStatement* parse_function_body(Function* function);
    Class* parse_class(bool is_declaration);
    ClassMember* parse_class_member(Class* definition, bool is_derived);
    Node* parse_object_literal();
    Node* parse_property_name(bool& computed);
    Node* parse_binding_target();
    Node* parse_binding_element();
    Node* parse_object_binding();
    Node* parse_array_binding();
    Node* to_pattern(Node* node, PatternUse use);
    bool is_simple_assignment_target(Node* node) const;
    bool is_use_strict_directive(Node* statement) const;
    bool is_directive(Node* statement) const;
    // True when the current token cannot be a property name following a contextual word
    // (`get`, `set`, `async`, `static`): then the word itself is the name.
    bool next_ends_property_name();
    void set_function_name(Node* value, std::string_view name);
    std::string_view static_key_name(Node* key, bool computed);

    const SourceFile& m_source;
    Lexer m_lexer;
    std::unique_ptr<Arena> m_arena;
    Token m_token;     // the current token
    Token m_lookahead; // valid when m_has_lookahead
    bool m_has_lookahead = false;
    uint32_t m_previous_end = 0;      // end of the last consumed token
    bool m_no_in = false;             // `in` is not a binary operator here (for-loop heads)
    uint32_t m_cover_initializer = 0; // 1 + offset of a pending `{a = 1}`, or 0
    uint32_t m_depth = 0;             // recursion depth, bounded by max_depth
    uint32_t m_this_uses = 0;         // `this`/`super` seen so far
    uint32_t m_arguments_uses = 0;    // `arguments` seen so far
    std::vector<Scope> m_scopes;
    // ES modules: the module goal, whether `await` appeared at the top level, and the
    // imports found so far (Program::imports).
    bool m_module = false;
    bool m_top_level_await = false;
    std::vector<ModuleImport> m_imports;
    std::vector<std::string_view> m_exported; // names exported so far
    // Interned names: an open-addressing set of views into the Arena (power-of-two size,
    // FNV-1a hash). Only ever probed, never iterated, so its order cannot leak into output.
    std::vector<std::string_view> m_name_slots = std::vector<std::string_view>(1024);
    size_t m_name_count = 0;

    static constexpr uint32_t max_depth = 800;
};

} // namespace loopsim::js::syntax
