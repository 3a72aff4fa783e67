// Functions, classes, object literals and destructuring patterns (ECMA-262 §15, §13.2.5,
// §8.6.2 for patterns reached through the cover grammar).
#include "model/js/syntax/parser_impl.h"

namespace loopsim::js::syntax {

namespace {

bool is_anonymous_function_definition(const Node* node) {
    if (is<Function>(node)) {
        const auto* function = as<Function>(node);
        return !function->id && function->name.empty() &&
               (function->form == FunctionForm::Expression ||
                function->form == FunctionForm::Arrow);
    }
    if (is<Class>(node)) return !as<Class>(node)->id && as<Class>(node)->name.empty();
    return false;
}

} // namespace

// NamedEvaluation (ECMA-262 §8.4.5): `const f = () => {}` names the function "f".
void Parser::set_function_name(Node* value, std::string_view name) {
    if (!is_anonymous_function_definition(value) || name.empty()) return;
    if (is<Function>(value)) {
        as<Function>(value)->name = name;
        return;
    }
    auto* definition = as<Class>(value);
    definition->name = name;
    if (definition->constructor) as<Function>(definition->constructor->value)->name = name;
}

std::string_view Parser::static_key_name(Node* key, bool computed) {
    if (computed || !is<StringLiteral>(key)) return {};
    return as<StringLiteral>(key)->value;
}

bool Parser::next_ends_property_name() {
    TokenKind next = peek().kind;
    return next == TokenKind::LeftParen || next == TokenKind::Assign ||
           next == TokenKind::Semicolon || next == TokenKind::RightBrace ||
           next == TokenKind::Comma || next == TokenKind::Colon;
}

// FunctionDeclaration / FunctionExpression ->
//     'async'? 'function' Identifier? '(' FormalParameters ')' '{' FunctionBody '}'
// Called at 'function' (after 'async', which starts at `start`).
Function* Parser::parse_function_keyword(uint32_t start, bool is_async, bool is_declaration) {
    advance(); // function
    if (at(TokenKind::Star))
        fail(start, is_async ? DiagnosticCode::AsyncGenerator : DiagnosticCode::Generator);
    Identifier* id = nullptr;
    if (at(TokenKind::Identifier)) {
        if (m_token.value == "yield") fail(m_token.start, DiagnosticCode::Yield);
        id = make_identifier(m_token);
        advance();
    } else if (is_keyword(m_token.kind)) {
        fail(m_token.start, DiagnosticCode::ReservedWordAsName, {m_token.value});
    } else if (is_declaration) {
        fail(m_token.start, DiagnosticCode::Expected, {"a function name", describe(m_token)});
    }
    return parse_function_rest(
        start, is_declaration ? FunctionForm::Declaration : FunctionForm::Expression, is_async, id);
}

// The parameters and body of every non-arrow function.
Function* Parser::parse_function_rest(uint32_t start, FunctionForm form, bool is_async,
                                      Identifier* id) {
    auto* function = make<Function>(start);
    function->form = form;
    function->is_async = is_async;
    function->id = id;
    if (id) function->name = id->name;

    Scope inner;
    inner.function = function;
    inner.is_async = is_async;
    inner.is_strict = scope().is_strict;
    inner.allows_super_property = form == FunctionForm::Method || form == FunctionForm::Getter ||
                                  form == FunctionForm::Setter ||
                                  form == FunctionForm::ClassConstructor ||
                                  form == FunctionForm::DerivedClassConstructor;
    inner.allows_super_call = form == FunctionForm::DerivedClassConstructor;
    m_scopes.push_back(std::move(inner));
    bool saved_no_in = m_no_in;
    m_no_in = false;
    uint32_t outer_cover = m_cover_initializer;
    m_cover_initializer = 0;

    uint32_t params_start = m_token.start;
    parse_parameters(function);
    if (form == FunctionForm::Getter && !function->params.empty())
        fail(params_start, DiagnosticCode::GetterParameters);
    if (form == FunctionForm::Setter &&
        (function->params.size() != 1 || is<RestElement>(function->params[0])))
        fail(params_start, DiagnosticCode::SetterParameters);
    function->body = parse_function_body(function);

    m_cover_initializer = outer_cover;
    m_no_in = saved_no_in;
    m_scopes.pop_back();
    return finish(function);
}

// FormalParameters -> (BindingElement (',' BindingElement)* (',' '...' BindingTarget)? ','?)?
//                   | '...' BindingTarget
void Parser::parse_parameters(Function* function) {
    Token opener = m_token;
    expect(TokenKind::LeftParen);
    scope().in_parameters = true;
    std::vector<Node*> params;
    bool simple = true;
    while (!at(TokenKind::RightParen)) {
        if (at(TokenKind::Ellipsis)) {
            auto* rest = make<RestElement>(m_token.start);
            advance();
            rest->argument = parse_binding_target();
            if (at(TokenKind::Assign)) fail(m_token.start, DiagnosticCode::RestWithInitializer);
            params.push_back(finish(rest));
            simple = false;
            if (!at(TokenKind::RightParen)) fail(m_token.start, DiagnosticCode::RestNotLast);
            break;
        }
        Node* param = parse_binding_element();
        if (!is<Identifier>(param)) simple = false;
        params.push_back(param);
        if (at(TokenKind::RightParen)) break;
        if (!at(TokenKind::Comma)) expect_closing(TokenKind::RightParen, opener);
        advance();
    }
    expect_closing(TokenKind::RightParen, opener);
    scope().in_parameters = false;
    function->params = list(params);
    function->has_simple_params = simple;
}

// FunctionBody -> '{' Directive* StatementListItem* '}'
BlockStatement* Parser::parse_function_body(Function* function) {
    auto* block = make<BlockStatement>(m_token.start);
    Token opener = m_token;
    expect(TokenKind::LeftBrace);
    // Labels, loops and switches do not reach into a nested function.
    std::vector<Node*> body = parse_body(TokenKind::RightBrace, &opener);
    advance();
    block->body = list(body);
    function->is_strict = scope().is_strict;
    return finish(block);
}

// ArrowFunction -> ArrowParameters '=>' (AssignmentExpression | '{' FunctionBody '}')
// Called at '=>' with the parameters already converted to patterns.
Node* Parser::parse_arrow_body(uint32_t start, const std::vector<Node*>& params, bool is_async,
                               UseCounts before) {
    auto* function = make<Function>(start);
    function->form = FunctionForm::Arrow;
    function->is_async = is_async;
    function->params = list(params);
    function->has_simple_params = true;
    for (Node* param : params)
        if (!is<Identifier>(param)) function->has_simple_params = false;
    // Uses in the parameters were counted before it was known that this is an arrow.
    if (m_this_uses != before.this_uses) function->uses_this = true;
    if (m_arguments_uses != before.arguments_uses) function->uses_arguments = true;

    Scope inner;
    inner.function = function;
    inner.is_arrow = true;
    inner.is_async = is_async;
    inner.is_strict = scope().is_strict;
    m_scopes.push_back(std::move(inner));
    expect(TokenKind::Arrow);
    if (at(TokenKind::LeftBrace)) {
        bool saved_no_in = m_no_in;
        m_no_in = false;
        uint32_t outer_cover = m_cover_initializer;
        m_cover_initializer = 0;
        function->body = parse_function_body(function);
        m_cover_initializer = outer_cover;
        m_no_in = saved_no_in;
    } else {
        function->is_expression_body = true;
        function->body = parse_assignment();
        function->is_strict = scope().is_strict;
    }
    m_scopes.pop_back();
    return finish(function);
}

Function* Parser::parse_method(uint32_t start, FunctionForm form, bool is_async, Node* key,
                               bool computed) {
    Function* function = parse_function_rest(start, form, is_async, nullptr);
    function->name = static_key_name(key, computed);
    return function;
}

// PropertyName -> IdentifierName | StringLiteral | NumericLiteral | '[' AssignmentExpression ']'
Node* Parser::parse_property_name(bool& computed) {
    computed = false;
    if (at(TokenKind::Identifier) || is_keyword(m_token.kind)) {
        StringLiteral* name = make_name_literal(m_token);
        advance();
        return name;
    }
    if (at(TokenKind::String)) {
        StringLiteral* name = make<StringLiteral>(m_token.start);
        name->value = m_token.value;
        advance();
        return finish(name);
    }
    if (at(TokenKind::Number)) {
        auto* number = make<NumberLiteral>(m_token.start);
        number->value = m_token.number;
        advance();
        return finish(number);
    }
    if (at(TokenKind::LeftBracket)) {
        Token opener = m_token;
        advance();
        computed = true;
        bool saved_no_in = m_no_in;
        m_no_in = false;
        Node* key = parse_assignment();
        m_no_in = saved_no_in;
        expect_closing(TokenKind::RightBracket, opener);
        return key;
    }
    fail(m_token.start, DiagnosticCode::ExpectedPropertyName, {describe(m_token)});
}

// ClassDeclaration / ClassExpression -> 'class' Identifier? ('extends' LeftHandSideExpression)?
//                                       '{' ClassElement* '}'
// A class body is strict code.
Class* Parser::parse_class(bool is_declaration) {
    auto* definition = make<Class>(m_token.start);
    advance(); // class
    if (at(TokenKind::Identifier)) {
        definition->id = make_identifier(m_token);
        definition->name = m_token.value;
        advance();
    } else if (is_declaration) {
        fail(m_token.start, DiagnosticCode::Expected, {"a class name", describe(m_token)});
    }
    if (eat(TokenKind::Extends)) definition->super_class = parse_left_hand_side();
    Token opener = m_token;
    expect(TokenKind::LeftBrace);
    bool outer_strict = scope().is_strict;
    scope().is_strict = true;
    std::vector<ClassMember*> members;
    while (!at(TokenKind::RightBrace)) {
        if (eat(TokenKind::Semicolon)) continue;
        if (at(TokenKind::EndOfFile)) expect_closing(TokenKind::RightBrace, opener);
        members.push_back(parse_class_member(definition, definition->super_class != nullptr));
    }
    advance();
    scope().is_strict = outer_strict;
    definition->members = list(members);
    if (definition->constructor)
        as<Function>(definition->constructor->value)->name = definition->name;
    return finish(definition);
}

// ClassElement -> 'static'? MethodDefinition | 'static'? FieldDefinition ';'
// MethodDefinition -> ('async' | 'get' | 'set')? PropertyName '(' Params ')' '{' Body '}'
ClassMember* Parser::parse_class_member(Class* definition, bool is_derived) {
    auto* member = make<ClassMember>(m_token.start);
    if (at_word("static") && !next_ends_property_name()) {
        if (peek().kind == TokenKind::LeftBrace) fail(m_token.start, DiagnosticCode::StaticBlock);
        member->is_static = true;
        advance();
    }
    uint32_t function_start = m_token.start;
    bool is_async = false;
    ClassMemberKind kind = ClassMemberKind::Method;
    if (at_word("async") && !next_ends_property_name() && !peek().newline_before) {
        is_async = true;
        advance();
    }
    if (at(TokenKind::Star))
        fail(m_token.start,
             is_async ? DiagnosticCode::AsyncGenerator : DiagnosticCode::GeneratorMethod);
    if (!is_async && (at_word("get") || at_word("set")) && !next_ends_property_name()) {
        kind = at_word("get") ? ClassMemberKind::Getter : ClassMemberKind::Setter;
        advance();
    }
    bool computed = false;
    member->key = parse_property_name(computed);
    member->computed = computed;
    std::string_view name = static_key_name(member->key, computed);
    if (at(TokenKind::LeftParen)) {
        bool is_constructor = !member->is_static && !computed && is<StringLiteral>(member->key) &&
                              name == "constructor";
        FunctionForm form = kind == ClassMemberKind::Getter   ? FunctionForm::Getter
                            : kind == ClassMemberKind::Setter ? FunctionForm::Setter
                                                              : FunctionForm::Method;
        if (is_constructor) {
            if (kind != ClassMemberKind::Method || is_async)
                fail(member->start, DiagnosticCode::SpecialConstructor);
            if (definition->constructor) fail(member->start, DiagnosticCode::DuplicateConstructor);
            kind = ClassMemberKind::Constructor;
            form =
                is_derived ? FunctionForm::DerivedClassConstructor : FunctionForm::ClassConstructor;
            definition->constructor = member;
        }
        member->member_kind = kind;
        member->value = parse_method(function_start, form, is_async, member->key, computed);
        return finish(member);
    }
    if (is_async || kind != ClassMemberKind::Method)
        fail(m_token.start, DiagnosticCode::Expected, {"'('", describe(m_token)});
    if (!computed && name == "constructor")
        fail(member->key->start, DiagnosticCode::ClassFieldConstructor);
    member->member_kind = ClassMemberKind::Field;
    if (eat(TokenKind::Assign)) {
        // The initializer runs like a method body: `this` is the instance, no `arguments`.
        Scope initializer;
        initializer.allows_super_property = true;
        initializer.allows_return = false;
        initializer.is_strict = true;
        m_scopes.push_back(std::move(initializer));
        member->value = parse_assignment();
        m_scopes.pop_back();
        set_function_name(member->value, name);
    }
    consume_semicolon();
    return finish(member);
}

// ObjectLiteral -> '{' (PropertyDefinition (',' PropertyDefinition)* ','?)? '}'
// PropertyDefinition -> IdentifierReference | IdentifierReference '=' AssignmentExpression
//   (cover only) | PropertyName ':' AssignmentExpression | MethodDefinition
//   | '...' AssignmentExpression
Node* Parser::parse_object_literal() {
    auto* object = make<ObjectExpression>(m_token.start);
    Token opener = m_token;
    advance();
    bool saved_no_in = m_no_in;
    m_no_in = false;
    std::vector<Node*> properties;
    while (!at(TokenKind::RightBrace)) {
        if (at(TokenKind::EndOfFile)) expect_closing(TokenKind::RightBrace, opener);
        if (at(TokenKind::Ellipsis)) {
            auto* spread = make<SpreadElement>(m_token.start);
            advance();
            spread->argument = parse_assignment(true);
            properties.push_back(finish(spread));
        } else {
            auto* property = make<Property>(m_token.start);
            uint32_t function_start = m_token.start;
            bool is_async = false;
            FunctionForm form = FunctionForm::Method;
            if (at_word("async") && !next_ends_property_name() && !peek().newline_before) {
                is_async = true;
                advance();
            }
            if (at(TokenKind::Star))
                fail(m_token.start,
                     is_async ? DiagnosticCode::AsyncGenerator : DiagnosticCode::GeneratorMethod);
            if (!is_async && (at_word("get") || at_word("set")) && !next_ends_property_name()) {
                form = at_word("get") ? FunctionForm::Getter : FunctionForm::Setter;
                advance();
            }
            Token key_token = m_token;
            bool computed = false;
            property->key = parse_property_name(computed);
            property->computed = computed;
            std::string_view name = static_key_name(property->key, computed);
            if (at(TokenKind::LeftParen)) {
                property->property_kind = form == FunctionForm::Getter   ? PropertyKind::Getter
                                          : form == FunctionForm::Setter ? PropertyKind::Setter
                                                                         : PropertyKind::Method;
                property->value =
                    parse_method(function_start, form, is_async, property->key, computed);
            } else if (is_async || form != FunctionForm::Method) {
                fail(m_token.start, DiagnosticCode::Expected, {"'('", describe(m_token)});
            } else if (eat(TokenKind::Colon)) {
                property->value = parse_assignment(true);
                set_function_name(property->value, name);
            } else if (key_token.kind == TokenKind::Identifier) {
                // Shorthand `{a}`; `{a = 1}` is only valid if this literal becomes a pattern.
                property->shorthand = true;
                if (key_token.value == "await" && scope().is_async)
                    fail(key_token.start, DiagnosticCode::ReservedWordAsName, {"await"});
                if (key_token.value == "arguments") note_arguments_use();
                Identifier* reference = make_identifier(key_token);
                if (at(TokenKind::Assign)) {
                    if (!m_cover_initializer) m_cover_initializer = key_token.start + 1;
                    advance();
                    auto* pattern = make<AssignmentPattern>(reference->start);
                    pattern->target = reference;
                    pattern->fallback = parse_assignment();
                    set_function_name(pattern->fallback, reference->name);
                    property->value = finish(pattern);
                } else {
                    property->value = reference;
                }
            } else if (is_keyword(key_token.kind) && !at(TokenKind::Colon) &&
                       (at(TokenKind::Comma) || at(TokenKind::RightBrace))) {
                fail(key_token.start, DiagnosticCode::ReservedWordAsName, {key_token.value});
            } else {
                fail(m_token.start, DiagnosticCode::Expected, {"':'", describe(m_token)});
            }
            properties.push_back(finish(property));
        }
        if (at(TokenKind::RightBrace)) break;
        if (!at(TokenKind::Comma)) expect_closing(TokenKind::RightBrace, opener);
        advance();
        if (is<SpreadElement>(properties.back())) properties.back()->flags |= NodeFlagTrailingComma;
    }
    advance();
    m_no_in = saved_no_in;
    object->properties = list(properties);
    return finish(object);
}

// ---- patterns -------------------------------------------------------------------------------

// BindingTarget -> BindingIdentifier | ObjectBindingPattern | ArrayBindingPattern
Node* Parser::parse_binding_target() {
    if (at(TokenKind::Identifier)) {
        if (m_token.value == "yield") fail(m_token.start, DiagnosticCode::Yield);
        if (m_token.value == "await" && scope().is_async)
            fail(m_token.start, DiagnosticCode::ReservedWordAsName, {"await"});
        Identifier* identifier = make_identifier(m_token);
        advance();
        return identifier;
    }
    if (at(TokenKind::LeftBracket)) return parse_array_binding();
    if (at(TokenKind::LeftBrace)) return parse_object_binding();
    if (is_keyword(m_token.kind))
        fail(m_token.start, DiagnosticCode::ReservedWordAsName, {m_token.value});
    fail(m_token.start, DiagnosticCode::ExpectedBindingName, {describe(m_token)});
}

// BindingElement -> BindingTarget ('=' AssignmentExpression)?
Node* Parser::parse_binding_element() {
    uint32_t start = m_token.start;
    Node* target = parse_binding_target();
    if (!at(TokenKind::Assign)) return target;
    advance();
    auto* pattern = make<AssignmentPattern>(start);
    pattern->target = target;
    pattern->fallback = parse_assignment();
    if (is<Identifier>(target)) set_function_name(pattern->fallback, as<Identifier>(target)->name);
    return finish(pattern);
}

// ObjectBindingPattern -> '{' (BindingProperty (',' BindingProperty)*)? (',' '...' Identifier)?
// ','? '}' BindingProperty -> Identifier ('=' AssignmentExpression)? | PropertyName ':'
// BindingElement
Node* Parser::parse_object_binding() {
    auto* pattern = make<ObjectPattern>(m_token.start);
    Token opener = m_token;
    advance();
    std::vector<Node*> properties;
    while (!at(TokenKind::RightBrace)) {
        if (at(TokenKind::Ellipsis)) {
            auto* rest = make<RestElement>(m_token.start);
            advance();
            if (!at(TokenKind::Identifier))
                fail(m_token.start, DiagnosticCode::InvalidDestructuringTarget);
            rest->argument = parse_binding_target();
            properties.push_back(finish(rest));
            if (!at(TokenKind::RightBrace)) fail(m_token.start, DiagnosticCode::RestNotLast);
            break;
        }
        auto* property = make<Property>(m_token.start);
        Token key_token = m_token;
        bool computed = false;
        property->key = parse_property_name(computed);
        property->computed = computed;
        if (eat(TokenKind::Colon)) {
            property->value = parse_binding_element();
        } else if (key_token.kind == TokenKind::Identifier) {
            property->shorthand = true;
            if (key_token.value == "yield") fail(key_token.start, DiagnosticCode::Yield);
            Identifier* target = make_identifier(key_token);
            if (at(TokenKind::Assign)) {
                advance();
                auto* with_default = make<AssignmentPattern>(target->start);
                with_default->target = target;
                with_default->fallback = parse_assignment();
                set_function_name(with_default->fallback, target->name);
                property->value = finish(with_default);
            } else {
                property->value = target;
            }
        } else if (is_keyword(key_token.kind)) {
            fail(key_token.start, DiagnosticCode::ReservedWordAsName, {key_token.value});
        } else {
            fail(m_token.start, DiagnosticCode::Expected, {"':'", describe(m_token)});
        }
        properties.push_back(finish(property));
        if (at(TokenKind::RightBrace)) break;
        if (!at(TokenKind::Comma)) expect_closing(TokenKind::RightBrace, opener);
        advance();
    }
    expect_closing(TokenKind::RightBrace, opener);
    pattern->properties = list(properties);
    return finish(pattern);
}

// ArrayBindingPattern -> '[' (Elision | BindingElement)* (',' '...' BindingTarget)? ']'
Node* Parser::parse_array_binding() {
    auto* pattern = make<ArrayPattern>(m_token.start);
    Token opener = m_token;
    advance();
    std::vector<Node*> elements;
    while (!at(TokenKind::RightBracket)) {
        if (at(TokenKind::Comma)) {
            advance();
            elements.push_back(nullptr);
            continue;
        }
        if (at(TokenKind::Ellipsis)) {
            auto* rest = make<RestElement>(m_token.start);
            advance();
            rest->argument = parse_binding_target();
            if (at(TokenKind::Assign)) fail(m_token.start, DiagnosticCode::RestWithInitializer);
            elements.push_back(finish(rest));
            if (!at(TokenKind::RightBracket)) fail(m_token.start, DiagnosticCode::RestNotLast);
            break;
        }
        elements.push_back(parse_binding_element());
        if (at(TokenKind::RightBracket)) break;
        if (!at(TokenKind::Comma)) expect_closing(TokenKind::RightBracket, opener);
        advance();
    }
    expect_closing(TokenKind::RightBracket, opener);
    pattern->elements = list(elements);
    return finish(pattern);
}

// Reinterprets an expression parsed through the cover grammar as a pattern: arrow
// parameters (Binding: names and nested patterns only) or the target of `=` and of for-in/of
// heads (Assignment: also properties such as `obj.x`).
Node* Parser::to_pattern(Node* node, PatternUse use) {
    DiagnosticCode invalid = use == PatternUse::Binding ? DiagnosticCode::InvalidDestructuringTarget
                                                        : DiagnosticCode::InvalidAssignmentTarget;
    if (!node) return nullptr;
    if (node->is_parenthesized()) {
        if (use == PatternUse::Assignment && (is<Identifier>(node) || is<MemberExpression>(node)))
            return node;
        fail(node->start, invalid);
    }
    switch (node->kind) {
    case NodeKind::Identifier: {
        std::string_view name = as<Identifier>(node)->name;
        if (name == "await" && scope().is_async)
            fail(node->start, DiagnosticCode::ReservedWordAsName, {"await"});
        return node;
    }
    case NodeKind::MemberExpression:
        if (use == PatternUse::Binding) fail(node->start, invalid);
        return node;
    case NodeKind::ObjectPattern:
        if (use == PatternUse::Binding)
            for (Node* entry : as<ObjectPattern>(node)->properties)
                to_pattern(is<Property>(entry) ? as<Property>(entry)->value
                                               : as<RestElement>(entry)->argument,
                           use);
        return node;
    case NodeKind::ArrayPattern:
        if (use == PatternUse::Binding)
            for (Node* element : as<ArrayPattern>(node)->elements)
                if (element)
                    to_pattern(is<RestElement>(element) ? as<RestElement>(element)->argument
                                                        : element,
                               use);
        return node;
    case NodeKind::AssignmentPattern:
        to_pattern(as<AssignmentPattern>(node)->target, use);
        return node;
    case NodeKind::ArrayExpression: {
        auto* array = as<ArrayExpression>(node);
        auto* pattern = make<ArrayPattern>(node->start);
        pattern->end = node->end;
        pattern->elements = array->elements; // converted in place: the literal is discarded
        for (uint32_t i = 0; i < pattern->elements.size(); ++i) {
            Node* element = pattern->elements[i];
            if (!element) continue;
            if (is<SpreadElement>(element)) {
                if (i + 1 != pattern->elements.size() || (element->flags & NodeFlagTrailingComma))
                    fail(element->start, DiagnosticCode::RestNotLast);
                Node* argument = as<SpreadElement>(element)->argument;
                if (is<AssignmentExpression>(argument) && !argument->is_parenthesized())
                    fail(argument->start, DiagnosticCode::RestWithInitializer);
                auto* rest = make<RestElement>(element->start);
                rest->end = element->end;
                rest->argument = to_pattern(argument, use);
                pattern->elements.items[i] = rest;
            } else {
                pattern->elements.items[i] = to_pattern(element, use);
            }
        }
        return pattern;
    }
    case NodeKind::ObjectExpression: {
        auto* object = as<ObjectExpression>(node);
        auto* pattern = make<ObjectPattern>(node->start);
        pattern->end = node->end;
        pattern->properties = object->properties;
        for (uint32_t i = 0; i < pattern->properties.size(); ++i) {
            Node* entry = pattern->properties[i];
            if (is<SpreadElement>(entry)) {
                if (i + 1 != pattern->properties.size() || (entry->flags & NodeFlagTrailingComma))
                    fail(entry->start, DiagnosticCode::RestNotLast);
                Node* argument = as<SpreadElement>(entry)->argument;
                if (!is<Identifier>(argument) &&
                    !(use == PatternUse::Assignment && is<MemberExpression>(argument)))
                    fail(argument->start, invalid);
                auto* rest = make<RestElement>(entry->start);
                rest->end = entry->end;
                rest->argument = to_pattern(argument, use);
                pattern->properties.items[i] = rest;
                continue;
            }
            auto* property = as<Property>(entry);
            if (property->property_kind != PropertyKind::Init) fail(property->start, invalid);
            property->value = to_pattern(property->value, use);
        }
        return pattern;
    }
    case NodeKind::AssignmentExpression: {
        auto* assignment = as<AssignmentExpression>(node);
        if (assignment->op != AssignOp::Assign) fail(node->start, invalid);
        auto* pattern = make<AssignmentPattern>(node->start);
        pattern->end = node->end;
        pattern->target = to_pattern(assignment->target, use);
        pattern->fallback = assignment->value;
        return pattern;
    }
    default:
        fail(node->start, invalid);
    }
}

} // namespace loopsim::js::syntax
