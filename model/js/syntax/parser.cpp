#include "model/js/syntax/parser.h"

#include "model/js/syntax/parser_impl.h"

namespace loopsim::js::syntax {

Parser::Parser(const SourceFile& source, bool is_module)
    : m_source(source), m_lexer(source), m_arena(std::make_unique<Arena>()), m_module(is_module) {}

// ---- tokens ---------------------------------------------------------------------------------

namespace {
uint64_t hash_name(std::string_view name) {
    uint64_t h = 14695981039346656037ull;
    for (char c : name) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return h;
}
} // namespace

std::string_view Parser::intern(std::string_view name) {
    size_t mask = m_name_slots.size() - 1;
    size_t slot = hash_name(name) & mask;
    while (m_name_slots[slot].data() != nullptr) {
        if (m_name_slots[slot] == name) return m_name_slots[slot];
        slot = (slot + 1) & mask;
    }
    std::string_view owned = m_arena->copy_string(name);
    if (owned.data() == nullptr) owned = std::string_view("", 0); // never a null slot marker
    m_name_slots[slot] = owned;
    if (++m_name_count * 2 > m_name_slots.size()) {
        std::vector<std::string_view> old(m_name_slots.size() * 2);
        old.swap(m_name_slots);
        mask = m_name_slots.size() - 1;
        for (std::string_view entry : old) {
            if (entry.data() == nullptr) continue;
            size_t s = hash_name(entry) & mask;
            while (m_name_slots[s].data() != nullptr) s = (s + 1) & mask;
            m_name_slots[s] = entry;
        }
    }
    return owned;
}

// Lexes one token and moves its value into the Arena: names are interned, string and
// template values copied (the Lexer's buffer is reused by the next token). A keyword's
// spelling is interned only when it is used as a property name (make_name_literal).
Token Parser::lex() {
    Token token = m_lexer.next();
    switch (token.kind) {
    case TokenKind::Identifier:
        token.value = intern(token.value);
        break;
    case TokenKind::String:
    case TokenKind::Template:
    case TokenKind::TemplateHead:
    case TokenKind::TemplateMiddle:
    case TokenKind::TemplateTail:
        token.value = m_arena->copy_string(token.value);
        break;
    default:
        break; // keyword spellings stay in the source until used as a name
    }
    return token;
}

void Parser::advance() {
    m_previous_end = m_token.end;
    if (m_has_lookahead) {
        m_token = m_lookahead;
        m_has_lookahead = false;
    } else {
        m_token = lex();
    }
    if (m_token.kind == TokenKind::Error) throw ParseFailure{m_lexer.diagnostic()};
}

const Token& Parser::peek() {
    if (!m_has_lookahead) {
        m_lookahead = lex();
        m_has_lookahead = true;
    }
    return m_lookahead;
}

bool Parser::eat(TokenKind kind) {
    if (m_token.kind != kind) return false;
    advance();
    return true;
}

std::string Parser::describe(const Token& token) const {
    switch (token.kind) {
    case TokenKind::Identifier:
        return "identifier '" + std::string(token.value) + "'";
    case TokenKind::Number:
    case TokenKind::String: {
        // The literal as written, cut at 40 bytes without splitting a UTF-8 sequence.
        uint32_t size = token.end - token.start;
        uint32_t length = std::min<uint32_t>(size, 40);
        while (length < size &&
               (static_cast<unsigned char>(m_source.text()[token.start + length]) & 0xC0) == 0x80)
            --length;
        std::string text = m_source.text().substr(token.start, length);
        if (length < size) text += "...";
        return std::string(token_kind_description(token.kind)) + " " + text;
    }
    default:
        return std::string(token_kind_description(token.kind));
    }
}

void Parser::fail(uint32_t offset, DiagnosticCode code,
                  std::initializer_list<std::string_view> args) {
    // At the end of input, point just after the last token (as node does), not at a
    // possibly empty last line.
    if (m_token.kind == TokenKind::EndOfFile && offset == m_token.start && m_previous_end < offset)
        offset = m_previous_end;
    throw ParseFailure{make_diagnostic(offset, code, args)};
}

void Parser::fail_unexpected(const Token& token) {
    fail(token.start, DiagnosticCode::Unexpected, {describe(token)});
}

void Parser::expect(TokenKind kind) {
    if (m_token.kind != kind)
        fail(m_token.start, DiagnosticCode::Expected,
             {token_kind_description(kind), describe(m_token)});
    advance();
}

// A closing bracket: the message names where its opener is (Lua's check_match).
void Parser::expect_closing(TokenKind kind, const Token& opener) {
    if (m_token.kind == kind) {
        advance();
        return;
    }
    std::string_view closing = token_kind_description(kind);
    std::string_view opening = token_kind_description(opener.kind);
    closing = closing.substr(1, closing.size() - 2); // without the quotes
    opening = opening.substr(1, opening.size() - 2);
    fail(m_token.start, DiagnosticCode::ExpectedClosing,
         {closing, opening, m_source.position_string(opener.start)});
}

// Automatic semicolon insertion (ECMA-262 §12.10.1): a missing ';' is inserted before '}',
// at the end of input, or before a token preceded by a line terminator.
void Parser::consume_semicolon() {
    if (eat(TokenKind::Semicolon)) return;
    if (at(TokenKind::RightBrace) || at(TokenKind::EndOfFile) || m_token.newline_before) return;
    fail(m_token.start, DiagnosticCode::ExpectedSemicolon, {describe(m_token)});
}

void Parser::enter_nesting() {
    if (++m_depth > max_depth)
        fail(m_token.start, DiagnosticCode::TooDeeplyNested, {std::to_string(max_depth)});
}

void Parser::note_this_use() {
    ++m_this_uses;
    for (size_t i = m_scopes.size(); i-- > 0;) {
        Scope& s = m_scopes[i];
        if (s.function) s.function->uses_this = true;
        if (!s.is_arrow) break;
    }
}

void Parser::note_arguments_use() {
    ++m_arguments_uses;
    for (size_t i = m_scopes.size(); i-- > 0;) {
        Scope& s = m_scopes[i];
        if (s.function) s.function->uses_arguments = true;
        if (!s.is_arrow) break;
    }
}

// ---- program ----------------------------------------------------------------------------------

// Script -> StatementListItem*
Program Parser::parse() {
    if (m_source.text().size() > UINT32_MAX - 1) fail(0, DiagnosticCode::SourceTooLarge);
    Scope top;
    top.allows_return = !m_module; // CommonJS: the file is the body of a function
    top.is_strict = m_module;      // module code is always strict
    top.is_async = m_module;       // top-level await
    m_scopes.push_back(top);
    m_token = lex();
    if (m_token.kind == TokenKind::Error) throw ParseFailure{m_lexer.diagnostic()};
    std::vector<Node*> body =
        m_module ? parse_module_body() : parse_body(TokenKind::EndOfFile, nullptr);
    Program program;
    program.body = list(body);
    program.is_strict = scope().is_strict;
    program.has_hashbang = m_lexer.has_hashbang();
    program.end = m_source.size();
    program.arena = std::move(m_arena);
    program.is_module = m_module;
    program.has_top_level_await = m_top_level_await;
    program.imports = std::move(m_imports);
    return program;
}

bool Parser::is_directive(Node* statement) const {
    if (!is<ExpressionStatement>(statement)) return false;
    Node* expression = as<ExpressionStatement>(statement)->expression;
    return is<StringLiteral>(expression) && !expression->is_parenthesized();
}

// 'use strict' counts only when written without escapes, so the raw text is compared.
bool Parser::is_use_strict_directive(Node* statement) const {
    if (!is_directive(statement)) return false;
    Node* literal = as<ExpressionStatement>(statement)->expression;
    std::string_view raw =
        std::string_view(m_source.text()).substr(literal->start, literal->end - literal->start);
    return raw == "'use strict'" || raw == "\"use strict\"";
}

// Body -> Directive* StatementListItem*, up to `closer` (not consumed). A 'use strict'
// directive takes effect at once, so functions later in the body inherit it.
std::vector<Node*> Parser::parse_body(TokenKind closer, const Token* opener) {
    std::vector<Node*> body;
    bool in_prologue = true;
    while (!at(closer)) {
        if (at(TokenKind::EndOfFile)) expect_closing(closer, *opener);
        Node* statement = parse_statement_list_item();
        if (in_prologue) {
            if (!is_directive(statement))
                in_prologue = false;
            else if (is_use_strict_directive(statement))
                scope().is_strict = true;
        }
        body.push_back(statement);
    }
    return body;
}

// ---- statements ---------------------------------------------------------------------------------

bool Parser::at_lexical_declaration() {
    if (at(TokenKind::Const)) return true;
    if (!at_word("let")) return false;
    const Token& next = peek();
    return next.kind == TokenKind::Identifier || next.kind == TokenKind::LeftBracket ||
           next.kind == TokenKind::LeftBrace;
}

// StatementListItem -> Declaration | Statement
Node* Parser::parse_statement_list_item() {
    uint32_t start = m_token.start;
    if (at(TokenKind::Function)) {
        auto* declaration = make<FunctionDeclaration>(start);
        declaration->function = parse_function_keyword(start, false, true);
        return finish(declaration);
    }
    if (at_word("async") && peek().kind == TokenKind::Function && !peek().newline_before) {
        auto* declaration = make<FunctionDeclaration>(start);
        advance();
        declaration->function = parse_function_keyword(start, true, true);
        return finish(declaration);
    }
    if (at(TokenKind::Class)) {
        auto* declaration = make<ClassDeclaration>(start);
        declaration->definition = parse_class(true);
        return finish(declaration);
    }
    if (at_lexical_declaration()) {
        DeclarationKind kind = at(TokenKind::Const) ? DeclarationKind::Const : DeclarationKind::Let;
        VariableDeclaration* declaration = parse_variable_declaration(kind, false);
        consume_semicolon();
        return finish(declaration);
    }
    return parse_statement();
}

// Features recognised at the start of a statement that are outside the dialect.
void Parser::reject_unsupported_statement() {
    if (at(TokenKind::With)) fail(m_token.start, DiagnosticCode::With);
    if (at(TokenKind::Debugger)) fail(m_token.start, DiagnosticCode::Debugger);
    // In a module, parse_module_body takes the top-level ones: these are nested.
    if (at(TokenKind::Export)) {
        if (m_module) fail(m_token.start, DiagnosticCode::ModuleItemNotTopLevel, {"export"});
        fail(m_token.start, DiagnosticCode::ExportDeclaration);
    }
    if (at(TokenKind::Import)) {
        TokenKind next = peek().kind;
        if (next != TokenKind::LeftParen && next != TokenKind::Dot) {
            if (m_module) fail(m_token.start, DiagnosticCode::ModuleItemNotTopLevel, {"import"});
            fail(m_token.start, DiagnosticCode::ImportDeclaration);
        }
    }
    if (at(TokenKind::Enum)) fail(m_token.start, DiagnosticCode::ReservedWordAsName, {"enum"});
}

// Statement -> Block | VariableStatement | EmptyStatement | IfStatement | ... |
//              LabelledStatement | ExpressionStatement
Node* Parser::parse_statement() {
    enter_nesting();
    reject_unsupported_statement();
    uint32_t start = m_token.start;
    Node* result = nullptr;
    switch (m_token.kind) {
    case TokenKind::LeftBrace:
        result = parse_block();
        break;
    case TokenKind::Var: {
        VariableDeclaration* declaration = parse_variable_declaration(DeclarationKind::Var, false);
        consume_semicolon();
        result = finish(declaration);
        break;
    }
    case TokenKind::Semicolon:
        advance();
        result = finish(make<EmptyStatement>(start));
        break;
    case TokenKind::If:
        result = parse_if();
        break;
    case TokenKind::For:
        result = parse_for();
        break;
    case TokenKind::While:
        result = parse_while();
        break;
    case TokenKind::Do:
        result = parse_do_while();
        break;
    case TokenKind::Break:
        result = parse_break_continue(true);
        break;
    case TokenKind::Continue:
        result = parse_break_continue(false);
        break;
    case TokenKind::Return:
        result = parse_return();
        break;
    case TokenKind::Throw:
        result = parse_throw();
        break;
    case TokenKind::Try:
        result = parse_try();
        break;
    case TokenKind::Switch:
        result = parse_switch();
        break;
    case TokenKind::Function:
    case TokenKind::Class:
    case TokenKind::Const:
        fail(m_token.start, DiagnosticCode::LexicalInSingleStatement, {m_token.value});
    case TokenKind::Identifier:
        if (at_lexical_declaration())
            fail(m_token.start, DiagnosticCode::LexicalInSingleStatement, {"let"});
        if (at_word("async") && peek().kind == TokenKind::Function && !peek().newline_before)
            fail(m_token.start, DiagnosticCode::LexicalInSingleStatement, {"async function"});
        if (peek().kind == TokenKind::Colon && !at_word("yield") && !at_word("await")) {
            Token label = m_token;
            result = parse_labeled(label);
            break;
        }
        result = parse_expression_statement();
        break;
    default:
        result = parse_expression_statement();
        break;
    }
    leave_nesting();
    return result;
}

// Block -> '{' StatementListItem* '}'
Node* Parser::parse_block() {
    auto* block = make<BlockStatement>(m_token.start);
    Token opener = m_token;
    expect(TokenKind::LeftBrace);
    std::vector<Node*> body;
    while (!at(TokenKind::RightBrace)) {
        if (at(TokenKind::EndOfFile)) expect_closing(TokenKind::RightBrace, opener);
        body.push_back(parse_statement_list_item());
    }
    advance();
    block->body = list(body);
    return finish(block);
}

// VariableDeclaration -> ('var' | 'let' | 'const') Declarator (',' Declarator)*
// Declarator -> BindingTarget ('=' AssignmentExpression)?
// In a for head the initializer checks wait until it is known whether `in`/`of` follows.
VariableDeclaration* Parser::parse_variable_declaration(DeclarationKind kind, bool in_for_head) {
    auto* declaration = make<VariableDeclaration>(m_token.start);
    declaration->declaration_kind = kind;
    advance(); // var / let / const
    std::vector<VariableDeclarator*> declarators;
    do {
        auto* declarator = make<VariableDeclarator>(m_token.start);
        declarator->target = parse_binding_target();
        if (eat(TokenKind::Assign)) {
            declarator->init = parse_assignment();
            if (is<Identifier>(declarator->target))
                set_function_name(declarator->init, as<Identifier>(declarator->target)->name);
        } else if (!in_for_head) {
            if (kind == DeclarationKind::Const)
                fail(declarator->target->start, DiagnosticCode::MissingInitializer, {"const"});
            if (!is<Identifier>(declarator->target))
                fail(declarator->target->start, DiagnosticCode::MissingInitializer,
                     {"destructuring"});
        }
        declarators.push_back(finish(declarator));
    } while (eat(TokenKind::Comma));
    declaration->declarations = list(declarators);
    return finish(declaration);
}

// IfStatement -> 'if' '(' Expression ')' Statement ('else' Statement)?
Node* Parser::parse_if() {
    auto* statement = make<IfStatement>(m_token.start);
    advance();
    Token opener = m_token;
    expect(TokenKind::LeftParen);
    statement->test = parse_expression();
    expect_closing(TokenKind::RightParen, opener);
    statement->consequent = parse_statement();
    if (eat(TokenKind::Else)) statement->alternate = parse_statement();
    return finish(statement);
}

Node* Parser::parse_loop_body() {
    ++scope().loop_depth;
    Node* body = parse_statement();
    --scope().loop_depth;
    return body;
}

// ForStatement -> 'for' '(' (VariableDeclaration | Expression)? ';' Expression? ';'
//                 Expression? ')' Statement
//               | 'for' '(' (ForDeclaration | LeftHandSideExpression) ('in' | 'of') ... ')'
//                 Statement
Node* Parser::parse_for() {
    uint32_t start = m_token.start;
    advance();
    bool is_await = false;
    if (at_word("await")) {
        if (!scope().is_async) fail(m_token.start, DiagnosticCode::ForAwait);
        if (m_module && m_scopes.size() == 1) m_top_level_await = true;
        is_await = true;
        advance();
    }
    Token opener = m_token;
    expect(TokenKind::LeftParen);

    Node* init = nullptr;
    bool saved_no_in = m_no_in;
    m_no_in = true;
    if (at(TokenKind::Var) || at_lexical_declaration()) {
        DeclarationKind kind = at(TokenKind::Var)     ? DeclarationKind::Var
                               : at(TokenKind::Const) ? DeclarationKind::Const
                                                      : DeclarationKind::Let;
        init = parse_variable_declaration(kind, true);
    } else if (!at(TokenKind::Semicolon)) {
        uint32_t saved_cover = m_cover_initializer;
        m_cover_initializer = 0;
        init = parse_assignment(true);
        if ((at(TokenKind::In) || at_word("of")) && !init->is_parenthesized()) {
            init = to_pattern(init, PatternUse::Assignment);
            m_cover_initializer = 0;
        } else if ((at(TokenKind::In) || at_word("of")) && !is_simple_assignment_target(init)) {
            fail(init->start, DiagnosticCode::InvalidForTarget, {at(TokenKind::In) ? "in" : "of"});
        }
        if (m_cover_initializer)
            fail(m_cover_initializer - 1, DiagnosticCode::InvalidShorthandInitializer);
        m_cover_initializer = saved_cover;
        if (at(TokenKind::Comma)) {
            std::vector<Node*> items{init};
            while (eat(TokenKind::Comma)) items.push_back(parse_assignment());
            auto* sequence = make<SequenceExpression>(init->start);
            sequence->expressions = list(items);
            init = finish(sequence);
        }
    }
    m_no_in = saved_no_in;

    bool is_in = at(TokenKind::In);
    bool is_of = at_word("of");
    if (is_in || is_of) {
        const char* which = is_in ? "in" : "of";
        if (auto* declaration =
                is<VariableDeclaration>(init) ? as<VariableDeclaration>(init) : nullptr) {
            if (declaration->declarations.size() != 1)
                fail(declaration->declarations[1]->start, DiagnosticCode::ForHeadSeveral, {which});
            if (declaration->declarations[0]->init)
                fail(declaration->declarations[0]->init->start, DiagnosticCode::ForHeadInitializer,
                     {which});
        } else if (is<SequenceExpression>(init)) {
            fail(init->start, DiagnosticCode::InvalidForTarget, {which});
        }
        if (is_await && is_in) fail(m_token.start, DiagnosticCode::ForAwaitNotOf);
        advance();
        Node* right = is_in ? parse_expression() : parse_assignment();
        expect_closing(TokenKind::RightParen, opener);
        Node* body = parse_loop_body();
        if (is_in) {
            auto* statement = make<ForInStatement>(start);
            statement->left = init;
            statement->right = right;
            statement->body = body;
            return finish(statement);
        }
        auto* statement = make<ForOfStatement>(start);
        statement->left = init;
        statement->right = right;
        statement->body = body;
        statement->is_await = is_await;
        return finish(statement);
    }
    if (is_await) fail(m_token.start, DiagnosticCode::ForAwaitNotOf);

    if (auto* declaration =
            is<VariableDeclaration>(init) ? as<VariableDeclaration>(init) : nullptr) {
        for (VariableDeclarator* declarator : declaration->declarations) {
            if (declarator->init) continue;
            if (declaration->declaration_kind == DeclarationKind::Const)
                fail(declarator->target->start, DiagnosticCode::MissingInitializer, {"const"});
            if (!is<Identifier>(declarator->target))
                fail(declarator->target->start, DiagnosticCode::MissingInitializer,
                     {"destructuring"});
        }
    }
    auto* statement = make<ForStatement>(start);
    statement->init = init;
    expect(TokenKind::Semicolon);
    if (!at(TokenKind::Semicolon)) statement->test = parse_expression();
    expect(TokenKind::Semicolon);
    if (!at(TokenKind::RightParen)) statement->update = parse_expression();
    expect_closing(TokenKind::RightParen, opener);
    statement->body = parse_loop_body();
    return finish(statement);
}

// WhileStatement -> 'while' '(' Expression ')' Statement
Node* Parser::parse_while() {
    auto* statement = make<WhileStatement>(m_token.start);
    advance();
    Token opener = m_token;
    expect(TokenKind::LeftParen);
    statement->test = parse_expression();
    expect_closing(TokenKind::RightParen, opener);
    statement->body = parse_loop_body();
    return finish(statement);
}

// DoWhileStatement -> 'do' Statement 'while' '(' Expression ')' ';'?
// The ';' after `)` is inserted even without a line break (ECMA-262 §12.10.1: the
// do-while special case).
Node* Parser::parse_do_while() {
    auto* statement = make<DoWhileStatement>(m_token.start);
    advance();
    statement->body = parse_loop_body();
    expect(TokenKind::While);
    Token opener = m_token;
    expect(TokenKind::LeftParen);
    statement->test = parse_expression();
    expect_closing(TokenKind::RightParen, opener);
    eat(TokenKind::Semicolon);
    return finish(statement);
}

// BreakStatement -> 'break' [no LineTerminator here] Identifier? ';'
// ContinueStatement -> 'continue' [no LineTerminator here] Identifier? ';'
Node* Parser::parse_break_continue(bool is_break) {
    uint32_t start = m_token.start;
    advance();
    std::string_view label;
    if (at(TokenKind::Identifier) && !m_token.newline_before) {
        label = m_token.value;
        const Scope::Label* found = nullptr;
        for (const Scope::Label& l : scope().labels)
            if (l.name == label) found = &l;
        if (!found) fail(m_token.start, DiagnosticCode::UndefinedLabel, {label});
        if (!is_break && !found->is_loop)
            fail(m_token.start, DiagnosticCode::ContinueToNonLoop, {label});
        advance();
    } else if (is_break && scope().loop_depth == 0 && scope().switch_depth == 0) {
        fail(start, DiagnosticCode::BreakOutsideLoop);
    }
    if (!is_break && scope().loop_depth == 0) fail(start, DiagnosticCode::ContinueOutsideLoop);
    consume_semicolon();
    if (is_break) {
        auto* statement = make<BreakStatement>(start);
        statement->label = label;
        return finish(statement);
    }
    auto* statement = make<ContinueStatement>(start);
    statement->label = label;
    return finish(statement);
}

// ReturnStatement -> 'return' [no LineTerminator here] Expression? ';'
Node* Parser::parse_return() {
    auto* statement = make<ReturnStatement>(m_token.start);
    if (!scope().allows_return) fail(m_token.start, DiagnosticCode::ReturnOutsideFunction);
    advance();
    if (!at(TokenKind::Semicolon) && !at(TokenKind::RightBrace) && !at(TokenKind::EndOfFile) &&
        !m_token.newline_before)
        statement->argument = parse_expression();
    consume_semicolon();
    return finish(statement);
}

// ThrowStatement -> 'throw' [no LineTerminator here] Expression ';'
Node* Parser::parse_throw() {
    auto* statement = make<ThrowStatement>(m_token.start);
    advance();
    if (m_token.newline_before) fail(m_token.start, DiagnosticCode::NewlineAfterThrow);
    statement->argument = parse_expression();
    consume_semicolon();
    return finish(statement);
}

// TryStatement -> 'try' Block (Catch Finally? | Finally)
// Catch -> 'catch' ('(' BindingTarget ')')? Block
Node* Parser::parse_try() {
    auto* statement = make<TryStatement>(m_token.start);
    advance();
    statement->block = as<BlockStatement>(parse_block());
    if (at(TokenKind::Catch)) {
        auto* handler = make<CatchClause>(m_token.start);
        advance();
        if (at(TokenKind::LeftParen)) {
            Token opener = m_token;
            advance();
            handler->param = parse_binding_target();
            expect_closing(TokenKind::RightParen, opener);
        }
        handler->body = as<BlockStatement>(parse_block());
        statement->handler = finish(handler);
    }
    if (eat(TokenKind::Finally)) statement->finalizer = as<BlockStatement>(parse_block());
    if (!statement->handler && !statement->finalizer)
        fail(m_token.start, DiagnosticCode::Expected, {"'catch' or 'finally'", describe(m_token)});
    return finish(statement);
}

// SwitchStatement -> 'switch' '(' Expression ')' '{' CaseClause* '}'
// CaseClause -> ('case' Expression | 'default') ':' StatementListItem*
Node* Parser::parse_switch() {
    auto* statement = make<SwitchStatement>(m_token.start);
    advance();
    Token paren = m_token;
    expect(TokenKind::LeftParen);
    statement->discriminant = parse_expression();
    expect_closing(TokenKind::RightParen, paren);
    Token brace = m_token;
    expect(TokenKind::LeftBrace);
    ++scope().switch_depth;
    std::vector<SwitchCase*> cases;
    bool has_default = false;
    while (!at(TokenKind::RightBrace)) {
        auto* clause = make<SwitchCase>(m_token.start);
        if (at(TokenKind::Default)) {
            if (has_default) fail(m_token.start, DiagnosticCode::DuplicateDefault);
            has_default = true;
            advance();
        } else if (eat(TokenKind::Case)) {
            clause->test = parse_expression();
        } else if (at(TokenKind::EndOfFile)) {
            expect_closing(TokenKind::RightBrace, brace);
        } else {
            fail(m_token.start, DiagnosticCode::Expected,
                 {"'case', 'default' or '}'", describe(m_token)});
        }
        expect(TokenKind::Colon);
        std::vector<Node*> body;
        while (!at(TokenKind::Case) && !at(TokenKind::Default) && !at(TokenKind::RightBrace)) {
            if (at(TokenKind::EndOfFile)) expect_closing(TokenKind::RightBrace, brace);
            body.push_back(parse_statement_list_item());
        }
        clause->consequent = list(body);
        cases.push_back(finish(clause));
    }
    advance();
    --scope().switch_depth;
    statement->cases = list(cases);
    return finish(statement);
}

// LabelledStatement -> Identifier ':' Statement   (not a function declaration)
Node* Parser::parse_labeled(const Token& label) {
    auto* statement = make<LabeledStatement>(label.start);
    statement->label = label.value;
    for (const Scope::Label& l : scope().labels)
        if (l.name == label.value) fail(label.start, DiagnosticCode::DuplicateLabel, {label.value});
    advance(); // the name
    advance(); // ':'
    if (at(TokenKind::Function) || (at_word("async") && peek().kind == TokenKind::Function))
        fail(m_token.start, DiagnosticCode::LabelledFunction);
    // A label on a loop (possibly through further labels) can be a continue target.
    bool is_loop = at(TokenKind::For) || at(TokenKind::While) || at(TokenKind::Do) ||
                   (at(TokenKind::Identifier) && peek().kind == TokenKind::Colon);
    scope().labels.push_back({label.value, is_loop});
    statement->body = parse_statement();
    scope().labels.pop_back();
    return finish(statement);
}

// ExpressionStatement -> Expression ';'   (not starting with '{', 'function', 'class',
//                                          'let [', 'async function')
Node* Parser::parse_expression_statement() {
    auto* statement = make<ExpressionStatement>(m_token.start);
    statement->expression = parse_expression();
    consume_semicolon();
    return finish(statement);
}

// ---- entry points -------------------------------------------------------------------------------

ParseResult parse_program(const SourceFile& source) {
    ParseResult result;
    try {
        Parser parser(source);
        result.program = parser.parse();
    } catch (ParseFailure& failure) {
        result.program = Program{};
        result.diagnostic = std::move(failure.diagnostic);
    }
    return result;
}

ParseResult parse_module(const SourceFile& source) {
    ParseResult result;
    try {
        Parser parser(source, true);
        result.program = parser.parse();
    } catch (ParseFailure& failure) {
        result.program = Program{};
        result.diagnostic = std::move(failure.diagnostic);
    }
    return result;
}

sim::Result<Program> parse_program_or_error(const SourceFile& source) {
    ParseResult result = parse_program(source);
    if (!result.is_ok()) return sim::Error{format_diagnostic(source, *result.diagnostic)};
    return std::move(result.program);
}

} // namespace loopsim::js::syntax
