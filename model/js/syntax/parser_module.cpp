// The module goal of the parser (parse_module): `import` and `export` declarations at the top
// level of an ES module main (a `.mjs` scenario).
//
// loopsim runs a module only as the program's main, and it imports only Node's built-in
// modules, so the declarations reduce to plain statements the compiler already knows:
// - every imported binding becomes `const local = %importN;` at the start of the body
//   (imports are hoisted), where %importN is a hidden parameter of the module's function
//   that the host fills with the export (Program::imports says which);
// - an exported declaration is the declaration; `export default expr` evaluates expr;
//   `export { a as b }` does nothing; `export ... from 'm'` only names a module to check.
// Names starting with '%' cannot be written in JavaScript, so the hidden parameters never
// clash with a scenario's own names.
#include "model/js/syntax/parser_impl.h"

#include <string>

namespace loopsim::js::syntax {

Identifier* Parser::make_synthetic_identifier(std::string_view name, uint32_t start, uint32_t end) {
    auto* id = make<Identifier>(start);
    id->name = intern(name);
    id->end = end;
    return id;
}

void Parser::expect_word(std::string_view word) {
    if (!at_word(word)) {
        const std::string quoted = "'" + std::string(word) + "'";
        fail(m_token.start, DiagnosticCode::Expected, {quoted, describe(m_token)});
    }
    advance();
}

void Parser::note_export(std::string_view name, uint32_t offset) {
    for (std::string_view seen : m_exported)
        if (seen == name) fail(offset, DiagnosticCode::DuplicateExport, {name});
    m_exported.push_back(name);
}

void Parser::note_exported_bindings(const Node* target) {
    if (target == nullptr) return;
    switch (target->kind) {
    case NodeKind::Identifier:
        note_export(as<Identifier>(target)->name, target->start);
        break;
    case NodeKind::ObjectPattern:
        for (const Node* p : as<ObjectPattern>(target)->properties)
            note_exported_bindings(is<Property>(p) ? as<Property>(p)->value : p);
        break;
    case NodeKind::ArrayPattern:
        for (const Node* e : as<ArrayPattern>(target)->elements) note_exported_bindings(e);
        break;
    case NodeKind::AssignmentPattern:
        note_exported_bindings(as<AssignmentPattern>(target)->target);
        break;
    case NodeKind::RestElement:
        note_exported_bindings(as<RestElement>(target)->argument);
        break;
    default:
        break;
    }
}

// Module -> ModuleItem*
// ModuleItem -> ImportDeclaration | ExportDeclaration | StatementListItem
std::vector<Node*> Parser::parse_module_body() {
    std::vector<Node*> hoisted;
    std::vector<Node*> body;
    while (!at(TokenKind::EndOfFile)) {
        if (at(TokenKind::Import)) {
            TokenKind next = peek().kind;
            if (next != TokenKind::LeftParen && next != TokenKind::Dot) {
                parse_import_declaration(hoisted);
                continue;
            }
        }
        if (at(TokenKind::Export)) {
            if (Node* statement = parse_export_declaration()) body.push_back(statement);
            continue;
        }
        body.push_back(parse_statement_list_item());
    }
    hoisted.insert(hoisted.end(), body.begin(), body.end());
    return hoisted;
}

// ModuleSpecifier -> StringLiteral
std::string_view Parser::parse_module_specifier(uint32_t& start) {
    start = m_token.start;
    if (!at(TokenKind::String))
        fail(m_token.start, DiagnosticCode::Expected,
             {"a module name in quotes", describe(m_token)});
    std::string_view value = m_token.value;
    advance();
    if (at(TokenKind::With) || (at_word("assert") && !m_token.newline_before))
        fail(m_token.start, DiagnosticCode::ImportAttributes);
    return value;
}

// ImportedBinding -> BindingIdentifier
Identifier* Parser::parse_import_binding() {
    if (at(TokenKind::Identifier)) {
        if (m_token.value == "await" || m_token.value == "yield")
            fail(m_token.start, DiagnosticCode::ReservedWordAsName, {m_token.value});
        Identifier* id = make_identifier(m_token);
        advance();
        return id;
    }
    if (is_keyword(m_token.kind))
        fail(m_token.start, DiagnosticCode::ReservedWordAsName, {m_token.value});
    fail(m_token.start, DiagnosticCode::Expected, {"a name to import", describe(m_token)});
}

// ModuleExportName -> IdentifierName | StringLiteral
StringLiteral* Parser::parse_module_export_name() {
    if (at(TokenKind::String)) {
        auto* literal = make<StringLiteral>(m_token.start);
        literal->value = m_token.value;
        literal->end = m_token.end;
        advance();
        return literal;
    }
    if (at(TokenKind::Identifier) || is_keyword(m_token.kind)) {
        StringLiteral* name = make_name_literal(m_token);
        advance();
        return name;
    }
    fail(m_token.start, DiagnosticCode::Expected, {"an exported name", describe(m_token)});
}

// ImportDeclaration -> 'import' ModuleSpecifier ';'
//                    | 'import' ImportClause 'from' ModuleSpecifier ';'
// ImportClause -> ImportedBinding | NameSpaceImport | NamedImports
//               | ImportedBinding ',' (NameSpaceImport | NamedImports)
// NameSpaceImport -> '*' 'as' ImportedBinding
// NamedImports -> '{' (ImportSpecifier (',' ImportSpecifier)* ','?)? '}'
// ImportSpecifier -> ImportedBinding | ModuleExportName 'as' ImportedBinding
void Parser::parse_import_declaration(std::vector<Node*>& hoisted) {
    const uint32_t start = m_token.start;
    advance(); // import
    struct Binding {
        std::string_view imported;
        Identifier* local;
        uint32_t name_start;
        uint32_t name_end;
    };
    std::vector<Binding> bindings;
    uint32_t specifier_start = 0;
    if (at(TokenKind::String)) {
        ModuleImport entry;
        entry.specifier = parse_module_specifier(specifier_start);
        entry.specifier_start = entry.name_start = specifier_start;
        entry.name_end = m_previous_end;
        m_imports.push_back(entry);
        consume_semicolon();
        return;
    }
    bool need_more = true;
    if (at(TokenKind::Identifier)) {
        Identifier* local = parse_import_binding();
        bindings.push_back({"default", local, local->start, local->end});
        need_more = eat(TokenKind::Comma);
    }
    if (need_more) {
        if (at(TokenKind::Star)) {
            const uint32_t star = m_token.start;
            advance();
            expect_word("as");
            Identifier* local = parse_import_binding();
            bindings.push_back({"*", local, star, local->end});
        } else if (at(TokenKind::LeftBrace)) {
            Token opener = m_token;
            advance();
            while (!at(TokenKind::RightBrace)) {
                if (at(TokenKind::EndOfFile)) expect_closing(TokenKind::RightBrace, opener);
                const bool plain_name = at(TokenKind::Identifier);
                StringLiteral* imported = parse_module_export_name();
                Identifier* local = nullptr;
                if (at_word("as")) {
                    advance();
                    local = parse_import_binding();
                } else if (plain_name) {
                    if (imported->value == "await" || imported->value == "yield")
                        fail(imported->start, DiagnosticCode::ReservedWordAsName,
                             {imported->value});
                    local =
                        make_synthetic_identifier(imported->value, imported->start, imported->end);
                } else {
                    fail(m_token.start, DiagnosticCode::Expected,
                         {"'as' and a name", describe(m_token)});
                }
                bindings.push_back({imported->value, local, imported->start, imported->end});
                if (!eat(TokenKind::Comma)) break;
            }
            expect_closing(TokenKind::RightBrace, opener);
        } else {
            fail(m_token.start, DiagnosticCode::Expected,
                 {"a name, '* as name' or '{' after 'import'", describe(m_token)});
        }
    }
    expect_word("from");
    std::string_view specifier = parse_module_specifier(specifier_start);
    consume_semicolon();
    const uint32_t end = m_previous_end;
    for (const Binding& b : bindings) {
        ModuleImport entry;
        entry.specifier = specifier;
        entry.imported = b.imported;
        entry.parameter = intern("%import" + std::to_string(m_imports.size()));
        entry.specifier_start = specifier_start;
        entry.name_start = b.name_start;
        entry.name_end = b.name_end;
        m_imports.push_back(entry);
        // const <local> = %importN;
        auto* declarator = make<VariableDeclarator>(b.local->start);
        declarator->target = b.local;
        declarator->init = make_synthetic_identifier(entry.parameter, b.local->start, b.local->end);
        declarator->end = b.local->end;
        auto* declaration = make<VariableDeclaration>(start);
        declaration->declaration_kind = DeclarationKind::Const;
        std::vector<VariableDeclarator*> one{declarator};
        declaration->declarations = list(one);
        declaration->end = end;
        hoisted.push_back(declaration);
    }
}

// ExportDeclaration -> 'export' '*' ('as' ModuleExportName)? 'from' ModuleSpecifier ';'
//                    | 'export' NamedExports ('from' ModuleSpecifier)? ';'
//                    | 'export' VariableStatement | 'export' Declaration
//                    | 'export' 'default' (HoistableDeclaration | ClassDeclaration)
//                    | 'export' 'default' AssignmentExpression ';'
// NamedExports -> '{' (ExportSpecifier (',' ExportSpecifier)* ','?)? '}'
// ExportSpecifier -> ModuleExportName ('as' ModuleExportName)?
// Returns the statement that stays in the body, or null.
Node* Parser::parse_export_declaration() {
    const uint32_t start = m_token.start;
    advance(); // export
    if (at(TokenKind::Star)) {
        advance();
        if (at_word("as")) {
            advance();
            StringLiteral* name = parse_module_export_name();
            note_export(name->value, name->start);
        }
        expect_word("from");
        ModuleImport entry;
        entry.specifier = parse_module_specifier(entry.specifier_start);
        entry.name_start = entry.specifier_start;
        entry.name_end = m_previous_end;
        m_imports.push_back(entry);
        consume_semicolon();
        return nullptr;
    }
    if (at(TokenKind::LeftBrace)) {
        Token opener = m_token;
        advance();
        std::vector<StringLiteral*> names;
        while (!at(TokenKind::RightBrace)) {
            if (at(TokenKind::EndOfFile)) expect_closing(TokenKind::RightBrace, opener);
            names.push_back(parse_module_export_name());
            StringLiteral* exported = names.back();
            if (at_word("as")) {
                advance();
                exported = parse_module_export_name();
            }
            note_export(exported->value, exported->start);
            if (!eat(TokenKind::Comma)) break;
        }
        expect_closing(TokenKind::RightBrace, opener);
        if (at_word("from")) {
            advance();
            uint32_t specifier_start = 0;
            std::string_view specifier = parse_module_specifier(specifier_start);
            for (StringLiteral* name : names) {
                ModuleImport entry;
                entry.specifier = specifier;
                entry.imported = name->value;
                entry.specifier_start = specifier_start;
                entry.name_start = name->start;
                entry.name_end = name->end;
                m_imports.push_back(entry);
            }
        }
        consume_semicolon();
        return nullptr;
    }
    if (at(TokenKind::Default)) {
        note_export("default", m_token.start);
        advance();
        const uint32_t item = m_token.start;
        const bool is_async_function =
            at_word("async") && peek().kind == TokenKind::Function && !peek().newline_before;
        if (at(TokenKind::Function) || is_async_function) {
            if (is_async_function) advance();
            // A named function is a declaration (hoisted); an anonymous one binds nothing a
            // main module can reach, so it is only parsed.
            const bool named = peek().kind == TokenKind::Identifier;
            if (!named) {
                parse_function_keyword(item, is_async_function, false);
                return finish(make<EmptyStatement>(start));
            }
            auto* declaration = make<FunctionDeclaration>(item);
            declaration->function = parse_function_keyword(item, is_async_function, true);
            return finish(declaration);
        }
        if (at(TokenKind::Class)) {
            if (peek().kind == TokenKind::Identifier) {
                auto* declaration = make<ClassDeclaration>(item);
                declaration->definition = parse_class(true);
                return finish(declaration);
            }
            auto* statement = make<ExpressionStatement>(item);
            statement->expression = parse_class(false);
            return finish(statement);
        }
        auto* statement = make<ExpressionStatement>(item);
        statement->expression = parse_assignment();
        consume_semicolon();
        return finish(statement);
    }
    const bool is_declaration =
        at(TokenKind::Var) || at(TokenKind::Function) || at(TokenKind::Class) ||
        at_lexical_declaration() ||
        (at_word("async") && peek().kind == TokenKind::Function && !peek().newline_before);
    if (!is_declaration)
        fail(m_token.start, DiagnosticCode::Expected,
             {"a declaration, 'default', '{' or '*' after 'export'", describe(m_token)});
    Node* declaration = parse_statement_list_item();
    if (is<VariableDeclaration>(declaration)) {
        for (const VariableDeclarator* d : as<VariableDeclaration>(declaration)->declarations)
            note_exported_bindings(d->target);
    } else if (is<FunctionDeclaration>(declaration)) {
        note_exported_bindings(as<FunctionDeclaration>(declaration)->function->id);
    } else if (is<ClassDeclaration>(declaration)) {
        note_exported_bindings(as<ClassDeclaration>(declaration)->definition->id);
    }
    return declaration;
}

} // namespace loopsim::js::syntax
