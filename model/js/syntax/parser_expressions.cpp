// Expressions: ECMA-262 §13, from Expression down to PrimaryExpression.
#include "model/js/syntax/parser_impl.h"

namespace loopsim::js::syntax {

namespace {

bool is_unparenthesized_arrow(const Node* node) {
    return is<Function>(node) && as<Function>(node)->form == FunctionForm::Arrow &&
           !node->is_parenthesized();
}

bool assignment_operator(TokenKind kind, AssignOp& op) {
    switch (kind) {
    case TokenKind::Assign:
        op = AssignOp::Assign;
        return true;
    case TokenKind::PlusAssign:
        op = AssignOp::AddAssign;
        return true;
    case TokenKind::MinusAssign:
        op = AssignOp::SubtractAssign;
        return true;
    case TokenKind::StarAssign:
        op = AssignOp::MultiplyAssign;
        return true;
    case TokenKind::SlashAssign:
        op = AssignOp::DivideAssign;
        return true;
    case TokenKind::PercentAssign:
        op = AssignOp::RemainderAssign;
        return true;
    case TokenKind::StarStarAssign:
        op = AssignOp::ExponentAssign;
        return true;
    case TokenKind::ShiftLeftAssign:
        op = AssignOp::ShiftLeftAssign;
        return true;
    case TokenKind::ShiftRightAssign:
        op = AssignOp::ShiftRightAssign;
        return true;
    case TokenKind::ShiftRightUnsignedAssign:
        op = AssignOp::ShiftRightUnsignedAssign;
        return true;
    case TokenKind::AmpersandAssign:
        op = AssignOp::BitAndAssign;
        return true;
    case TokenKind::PipeAssign:
        op = AssignOp::BitOrAssign;
        return true;
    case TokenKind::CaretAssign:
        op = AssignOp::BitXorAssign;
        return true;
    case TokenKind::AmpersandAmpersandAssign:
        op = AssignOp::AndAssign;
        return true;
    case TokenKind::PipePipeAssign:
        op = AssignOp::OrAssign;
        return true;
    case TokenKind::QuestionQuestionAssign:
        op = AssignOp::NullishAssign;
        return true;
    default:
        return false;
    }
}

// Binary operator precedence, loosest first: ?? 1, || 2, && 3, | 4, ^ 5, & 6, equality 7,
// relational 8, shift 9, additive 10, multiplicative 11, ** 12. 0: not a binary operator.
int binary_precedence(TokenKind kind) {
    switch (kind) {
    case TokenKind::QuestionQuestion:
        return 1;
    case TokenKind::PipePipe:
        return 2;
    case TokenKind::AmpersandAmpersand:
        return 3;
    case TokenKind::Pipe:
        return 4;
    case TokenKind::Caret:
        return 5;
    case TokenKind::Ampersand:
        return 6;
    case TokenKind::Equal:
    case TokenKind::NotEqual:
    case TokenKind::StrictEqual:
    case TokenKind::StrictNotEqual:
        return 7;
    case TokenKind::Less:
    case TokenKind::Greater:
    case TokenKind::LessEqual:
    case TokenKind::GreaterEqual:
    case TokenKind::Instanceof:
    case TokenKind::In:
        return 8;
    case TokenKind::ShiftLeft:
    case TokenKind::ShiftRight:
    case TokenKind::ShiftRightUnsigned:
        return 9;
    case TokenKind::Plus:
    case TokenKind::Minus:
        return 10;
    case TokenKind::Star:
    case TokenKind::Slash:
    case TokenKind::Percent:
        return 11;
    case TokenKind::StarStar:
        return 12;
    default:
        return 0;
    }
}

BinaryOp binary_op(TokenKind kind) {
    switch (kind) {
    case TokenKind::Plus:
        return BinaryOp::Add;
    case TokenKind::Minus:
        return BinaryOp::Subtract;
    case TokenKind::Star:
        return BinaryOp::Multiply;
    case TokenKind::Slash:
        return BinaryOp::Divide;
    case TokenKind::Percent:
        return BinaryOp::Remainder;
    case TokenKind::StarStar:
        return BinaryOp::Exponent;
    case TokenKind::ShiftLeft:
        return BinaryOp::ShiftLeft;
    case TokenKind::ShiftRight:
        return BinaryOp::ShiftRight;
    case TokenKind::ShiftRightUnsigned:
        return BinaryOp::ShiftRightUnsigned;
    case TokenKind::Ampersand:
        return BinaryOp::BitAnd;
    case TokenKind::Pipe:
        return BinaryOp::BitOr;
    case TokenKind::Caret:
        return BinaryOp::BitXor;
    case TokenKind::Less:
        return BinaryOp::Less;
    case TokenKind::Greater:
        return BinaryOp::Greater;
    case TokenKind::LessEqual:
        return BinaryOp::LessEqual;
    case TokenKind::GreaterEqual:
        return BinaryOp::GreaterEqual;
    case TokenKind::Equal:
        return BinaryOp::Equal;
    case TokenKind::NotEqual:
        return BinaryOp::NotEqual;
    case TokenKind::StrictEqual:
        return BinaryOp::StrictEqual;
    case TokenKind::StrictNotEqual:
        return BinaryOp::StrictNotEqual;
    case TokenKind::In:
        return BinaryOp::In;
    default:
        return BinaryOp::Instanceof;
    }
}

bool is_logical(const Node* node, LogicalOp op) {
    return is<LogicalExpression>(node) && as<LogicalExpression>(node)->op == op &&
           !node->is_parenthesized();
}

} // namespace

Identifier* Parser::make_identifier(const Token& token) {
    auto* identifier = make<Identifier>(token.start);
    identifier->name = token.value;
    identifier->end = token.end;
    return identifier;
}

StringLiteral* Parser::make_name_literal(const Token& token) {
    auto* literal = make<StringLiteral>(token.start);
    literal->value = intern(token.value); // already interned for identifiers; keywords here
    literal->end = token.end;
    return literal;
}

bool Parser::is_simple_assignment_target(Node* node) const {
    return is<Identifier>(node) || is<MemberExpression>(node);
}

// Expression -> AssignmentExpression (',' AssignmentExpression)*
Node* Parser::parse_expression() {
    uint32_t start = m_token.start;
    Node* first = parse_assignment();
    if (!at(TokenKind::Comma)) return first;
    std::vector<Node*> items{first};
    while (eat(TokenKind::Comma)) items.push_back(parse_assignment());
    auto* sequence = make<SequenceExpression>(start);
    sequence->expressions = list(items);
    return finish(sequence);
}

// AssignmentExpression -> ConditionalExpression | ArrowFunction | AsyncArrowFunction
//                       | LeftHandSideExpression AssignmentOperator AssignmentExpression
// (arrows are recognised in parse_primary). With allow_cover, a pending `{a = 1}` is left
// for the caller, which may still turn the expression into a pattern.
Node* Parser::parse_assignment(bool allow_cover) {
    enter_nesting();
    uint32_t outer_cover = m_cover_initializer;
    m_cover_initializer = 0;
    uint32_t start = m_token.start;
    Node* left = parse_conditional();
    AssignOp op;
    if (!is_unparenthesized_arrow(left) && assignment_operator(m_token.kind, op)) {
        if (op == AssignOp::Assign && (is<ObjectExpression>(left) || is<ArrayExpression>(left)) &&
            !left->is_parenthesized()) {
            left = to_pattern(left, PatternUse::Assignment);
            m_cover_initializer = 0;
        } else if (!is_simple_assignment_target(left)) {
            fail(left->start, DiagnosticCode::InvalidAssignmentTarget);
        }
        advance();
        auto* assignment = make<AssignmentExpression>(start);
        assignment->op = op;
        assignment->target = left;
        assignment->value = parse_assignment();
        if (is<Identifier>(left) && !left->is_parenthesized() &&
            (op == AssignOp::Assign || op == AssignOp::AndAssign || op == AssignOp::OrAssign ||
             op == AssignOp::NullishAssign))
            set_function_name(assignment->value, as<Identifier>(left)->name);
        left = finish(assignment);
    }
    if (m_cover_initializer && !allow_cover)
        fail(m_cover_initializer - 1, DiagnosticCode::InvalidShorthandInitializer);
    if (outer_cover) m_cover_initializer = outer_cover;
    leave_nesting();
    return left;
}

// ConditionalExpression -> ShortCircuitExpression ('?' AssignmentExpression ':'
//                          AssignmentExpression)?
Node* Parser::parse_conditional() {
    uint32_t start = m_token.start;
    Node* test = parse_binary(1);
    if (!at(TokenKind::Question) || is_unparenthesized_arrow(test)) return test;
    advance();
    auto* conditional = make<ConditionalExpression>(start);
    conditional->test = test;
    bool saved_no_in = m_no_in;
    m_no_in = false; // `in` is allowed between '?' and ':' even in a for head
    conditional->consequent = parse_assignment();
    m_no_in = saved_no_in;
    expect(TokenKind::Colon);
    conditional->alternate = parse_assignment();
    return finish(conditional);
}

// Binary operators by precedence climbing. `??` takes BitwiseOR operands, so it cannot be
// mixed with unparenthesized `&&`/`||` (CoalesceExpression, ECMA-262 §13.13); `**` is right
// associative and its base cannot be an unparenthesized unary expression (§13.6).
Node* Parser::parse_binary(int min_precedence) {
    uint32_t start = m_token.start;
    Node* left = parse_unary();
    for (;;) {
        int precedence = binary_precedence(m_token.kind);
        if (m_token.kind == TokenKind::In && m_no_in) precedence = 0;
        if (precedence == 0 || precedence < min_precedence || is_unparenthesized_arrow(left))
            return left;
        Token op = m_token;
        if (op.kind == TokenKind::QuestionQuestion &&
            (is_logical(left, LogicalOp::And) || is_logical(left, LogicalOp::Or)))
            fail(op.start, DiagnosticCode::MixedNullish,
                 {is_logical(left, LogicalOp::And) ? "&&" : "||"});
        if ((op.kind == TokenKind::AmpersandAmpersand || op.kind == TokenKind::PipePipe) &&
            is_logical(left, LogicalOp::Nullish))
            fail(op.start, DiagnosticCode::MixedNullish,
                 {op.kind == TokenKind::PipePipe ? "||" : "&&"});
        if (op.kind == TokenKind::StarStar &&
            (is<UnaryExpression>(left) || is<AwaitExpression>(left)) && !left->is_parenthesized())
            fail(left->start, DiagnosticCode::UnaryBeforeExponent);
        advance();
        int right_min = op.kind == TokenKind::StarStar           ? precedence
                        : op.kind == TokenKind::QuestionQuestion ? 4
                                                                 : precedence + 1;
        Node* right = parse_binary(right_min);
        if (op.kind == TokenKind::QuestionQuestion || op.kind == TokenKind::PipePipe ||
            op.kind == TokenKind::AmpersandAmpersand) {
            auto* logical = make<LogicalExpression>(start);
            logical->op = op.kind == TokenKind::QuestionQuestion ? LogicalOp::Nullish
                          : op.kind == TokenKind::PipePipe       ? LogicalOp::Or
                                                                 : LogicalOp::And;
            logical->left = left;
            logical->right = right;
            left = finish(logical);
        } else {
            auto* binary = make<BinaryExpression>(start);
            binary->op = binary_op(op.kind);
            binary->left = left;
            binary->right = right;
            left = finish(binary);
        }
    }
}

// UnaryExpression -> ('delete' | 'void' | 'typeof' | '+' | '-' | '~' | '!') UnaryExpression
//                  | AwaitExpression | UpdateExpression
// UpdateExpression -> ('++' | '--') UnaryExpression | LeftHandSideExpression
//                     ([no LineTerminator here] ('++' | '--'))?
Node* Parser::parse_unary() {
    enter_nesting();
    uint32_t start = m_token.start;
    Node* result = nullptr;
    UnaryOp op{};
    bool is_unary = true;
    switch (m_token.kind) {
    case TokenKind::Delete:
        op = UnaryOp::Delete;
        break;
    case TokenKind::Void:
        op = UnaryOp::Void;
        break;
    case TokenKind::Typeof:
        op = UnaryOp::Typeof;
        break;
    case TokenKind::Plus:
        op = UnaryOp::Plus;
        break;
    case TokenKind::Minus:
        op = UnaryOp::Minus;
        break;
    case TokenKind::Tilde:
        op = UnaryOp::BitNot;
        break;
    case TokenKind::Bang:
        op = UnaryOp::Not;
        break;
    default:
        is_unary = false;
        break;
    }
    if (is_unary) {
        advance();
        auto* unary = make<UnaryExpression>(start);
        unary->op = op;
        unary->argument = parse_unary();
        result = finish(unary);
    } else if (at(TokenKind::PlusPlus) || at(TokenKind::MinusMinus)) {
        Token op_token = m_token;
        advance();
        auto* update = make<UpdateExpression>(start);
        update->op =
            op_token.kind == TokenKind::PlusPlus ? UpdateOp::Increment : UpdateOp::Decrement;
        update->prefix = true;
        update->argument = parse_unary();
        if (!is_simple_assignment_target(update->argument))
            fail(update->argument->start, DiagnosticCode::InvalidUpdateTarget,
                 {spelling(update->op)});
        result = finish(update);
    } else if (at_word("await") && scope().is_async) {
        if (scope().in_parameters) fail(m_token.start, DiagnosticCode::AwaitInParameters);
        if (m_module && m_scopes.size() == 1) m_top_level_await = true;
        advance();
        auto* await = make<AwaitExpression>(start);
        await->argument = parse_unary();
        result = finish(await);
    } else {
        result = parse_postfix();
    }
    leave_nesting();
    return result;
}

Node* Parser::parse_postfix() {
    uint32_t start = m_token.start;
    Node* expression = parse_left_hand_side();
    if ((at(TokenKind::PlusPlus) || at(TokenKind::MinusMinus)) && !m_token.newline_before &&
        !is_unparenthesized_arrow(expression)) {
        auto* update = make<UpdateExpression>(start);
        update->op = at(TokenKind::PlusPlus) ? UpdateOp::Increment : UpdateOp::Decrement;
        if (!is_simple_assignment_target(expression))
            fail(expression->start, DiagnosticCode::InvalidUpdateTarget, {spelling(update->op)});
        advance();
        update->argument = expression;
        return finish(update);
    }
    return expression;
}

// LeftHandSideExpression -> (NewExpression | PrimaryExpression | SuperCall) CallTail*
Node* Parser::parse_left_hand_side() {
    uint32_t start = m_token.start;
    Node* expression = at(TokenKind::New) ? parse_new() : parse_primary();
    return parse_call_tail(expression, start, true);
}

// NewExpression -> 'new' (NewExpression | MemberExpression) Arguments?
Node* Parser::parse_new() {
    uint32_t start = m_token.start;
    advance();
    if (at(TokenKind::Dot)) {
        advance();
        if (at_word("target")) fail(start, DiagnosticCode::NewTarget);
        fail(m_token.start, DiagnosticCode::Expected, {"'target'", describe(m_token)});
    }
    uint32_t callee_start = m_token.start;
    Node* callee = at(TokenKind::New) ? parse_new() : parse_primary();
    callee = parse_call_tail(callee, callee_start, false);
    auto* expression = make<NewExpression>(start);
    expression->callee = callee;
    if (at(TokenKind::LeftParen)) expression->arguments = parse_arguments(false);
    return finish(expression);
}

// CallTail -> '.' IdentifierName | '?.' (IdentifierName | '[' Expression ']' | Arguments)
//           | '[' Expression ']' | Arguments
// Without allow_calls (a `new` callee) only member accesses are taken.
Node* Parser::parse_call_tail(Node* expression, uint32_t start, bool allow_calls) {
    if (is_unparenthesized_arrow(expression)) return expression;
    bool in_chain = false;
    for (;;) {
        if (at(TokenKind::Dot) || at(TokenKind::QuestionDot)) {
            bool optional = at(TokenKind::QuestionDot);
            if (optional && !allow_calls) fail(m_token.start, DiagnosticCode::OptionalChainInNew);
            advance();
            if (optional) {
                in_chain = true;
                if (at(TokenKind::LeftParen)) {
                    auto* call = make<CallExpression>(start);
                    call->callee = expression;
                    call->optional = true;
                    call->arguments = parse_arguments(false);
                    expression = finish(call);
                    continue;
                }
                if (at(TokenKind::LeftBracket)) {
                    Token opener = m_token;
                    advance();
                    auto* member = make<MemberExpression>(start);
                    member->object = expression;
                    member->computed = true;
                    member->optional = true;
                    bool saved_no_in = m_no_in;
                    m_no_in = false;
                    member->property = parse_expression();
                    m_no_in = saved_no_in;
                    expect_closing(TokenKind::RightBracket, opener);
                    expression = finish(member);
                    continue;
                }
            }
            if (!at(TokenKind::Identifier) && !is_keyword(m_token.kind))
                fail(m_token.start, DiagnosticCode::ExpectedPropertyName, {describe(m_token)});
            auto* member = make<MemberExpression>(start);
            member->object = expression;
            member->property = make_name_literal(m_token);
            member->optional = optional;
            advance();
            expression = finish(member);
        } else if (at(TokenKind::LeftBracket)) {
            Token opener = m_token;
            advance();
            auto* member = make<MemberExpression>(start);
            member->object = expression;
            member->computed = true;
            bool saved_no_in = m_no_in;
            m_no_in = false;
            member->property = parse_expression();
            m_no_in = saved_no_in;
            expect_closing(TokenKind::RightBracket, opener);
            expression = finish(member);
        } else if (at(TokenKind::LeftParen) && allow_calls) {
            auto* call = make<CallExpression>(start);
            call->callee = expression;
            call->arguments = parse_arguments(false);
            expression = finish(call);
        } else if (at(TokenKind::Template) || at(TokenKind::TemplateHead)) {
            fail(m_token.start, DiagnosticCode::TaggedTemplate);
        } else {
            break;
        }
    }
    if (!in_chain) return expression;
    auto* chain = make<ChainExpression>(start);
    chain->expression = expression;
    return finish(chain);
}

// Arguments -> '(' (('...')? AssignmentExpression (',' ('...')? AssignmentExpression)* ','?)? ')'
NodeList<Node> Parser::parse_arguments(bool allow_cover) {
    Token opener = m_token;
    expect(TokenKind::LeftParen);
    bool saved_no_in = m_no_in;
    m_no_in = false;
    std::vector<Node*> arguments;
    while (!at(TokenKind::RightParen)) {
        if (at(TokenKind::Ellipsis)) {
            auto* spread = make<SpreadElement>(m_token.start);
            advance();
            spread->argument = parse_assignment(allow_cover);
            arguments.push_back(finish(spread));
        } else {
            arguments.push_back(parse_assignment(allow_cover));
        }
        if (at(TokenKind::RightParen)) break;
        if (!at(TokenKind::Comma)) expect_closing(TokenKind::RightParen, opener);
        advance();
        if (!arguments.empty() && is<SpreadElement>(arguments.back()))
            arguments.back()->flags |= NodeFlagTrailingComma;
    }
    advance();
    m_no_in = saved_no_in;
    return list(arguments);
}

// PrimaryExpression -> this | IdentifierReference | Literal | ArrayLiteral | ObjectLiteral
//                    | FunctionExpression | ClassExpression | AsyncFunctionExpression
//                    | TemplateLiteral | ParenthesizedExpression / ArrowParameters
Node* Parser::parse_primary() {
    enter_nesting();
    uint32_t start = m_token.start;
    Node* result = nullptr;
    switch (m_token.kind) {
    case TokenKind::Identifier:
        result = parse_identifier_expression();
        break;
    case TokenKind::Number: {
        auto* literal = make<NumberLiteral>(start);
        literal->value = m_token.number;
        advance();
        result = finish(literal);
        break;
    }
    case TokenKind::String: {
        auto* literal = make<StringLiteral>(start);
        literal->value = m_token.value;
        advance();
        result = finish(literal);
        break;
    }
    case TokenKind::Template:
    case TokenKind::TemplateHead:
        result = parse_template_literal();
        break;
    case TokenKind::This:
        note_this_use();
        advance();
        result = finish(make<ThisExpression>(start));
        break;
    case TokenKind::Null:
        advance();
        result = finish(make<NullLiteral>(start));
        break;
    case TokenKind::True:
    case TokenKind::False: {
        auto* literal = make<BooleanLiteral>(start);
        literal->value = at(TokenKind::True);
        advance();
        result = finish(literal);
        break;
    }
    case TokenKind::LeftParen:
        result = parse_parenthesized_or_arrow();
        break;
    case TokenKind::LeftBracket:
        result = parse_array_literal();
        break;
    case TokenKind::LeftBrace:
        result = parse_object_literal();
        break;
    case TokenKind::Function:
        result = parse_function_keyword(start, false, false);
        break;
    case TokenKind::Class:
        result = parse_class(false);
        break;
    case TokenKind::Super:
        result = parse_super();
        break;
    case TokenKind::Import:
        result = parse_import_expression();
        break;
    case TokenKind::New:
        result = parse_new();
        break;
    case TokenKind::Slash:
    case TokenKind::SlashAssign:
        fail(start, DiagnosticCode::RegularExpression);
    default:
        fail(start, DiagnosticCode::ExpectedExpression, {describe(m_token)});
    }
    leave_nesting();
    return result;
}

// IdentifierReference, and the forms that start with a name:
//   async function ... | async x => ... | async (params) => ... | x => ...
Node* Parser::parse_identifier_expression() {
    Token name = m_token;
    uint32_t start = name.start;
    if (name.value == "async" && !peek().newline_before) {
        TokenKind next = peek().kind;
        if (next == TokenKind::Function) {
            advance();
            return parse_function_keyword(start, true, false);
        }
        if (next == TokenKind::Identifier) {
            advance();
            Token param = m_token;
            advance();
            if (!at(TokenKind::Arrow) || m_token.newline_before)
                fail(m_token.start, DiagnosticCode::Expected, {"'=>'", describe(m_token)});
            std::vector<Node*> params{make_identifier(param)};
            return parse_arrow_body(start, params, true, use_counts());
        }
        if (next == TokenKind::LeftParen) {
            // `async(...)` is a call unless `=>` follows: parse as arguments, convert later.
            UseCounts before = use_counts();
            Identifier* callee = make_identifier(name);
            advance();
            uint32_t outer_cover = m_cover_initializer;
            m_cover_initializer = 0;
            NodeList<Node> arguments = parse_arguments(true);
            if (at(TokenKind::Arrow) && !m_token.newline_before) {
                std::vector<Node*> params;
                for (uint32_t i = 0; i < arguments.size(); ++i) {
                    Node* argument = arguments[i];
                    if (is<SpreadElement>(argument)) {
                        if (i + 1 != arguments.size() || (argument->flags & NodeFlagTrailingComma))
                            fail(argument->start, DiagnosticCode::RestNotLast);
                        auto* rest = make<RestElement>(argument->start);
                        rest->argument =
                            to_pattern(as<SpreadElement>(argument)->argument, PatternUse::Binding);
                        rest->end = argument->end;
                        params.push_back(rest);
                    } else {
                        params.push_back(to_pattern(argument, PatternUse::Binding));
                    }
                }
                m_cover_initializer = outer_cover;
                return parse_arrow_body(start, params, true, before);
            }
            if (m_cover_initializer)
                fail(m_cover_initializer - 1, DiagnosticCode::InvalidShorthandInitializer);
            m_cover_initializer = outer_cover;
            auto* call = make<CallExpression>(start);
            call->callee = callee;
            call->arguments = arguments;
            return finish(call);
        }
    }
    if (name.value == "yield") fail(start, DiagnosticCode::Yield);
    if (name.value == "await")
        fail(start, m_module ? DiagnosticCode::AwaitOutsideAsyncInModule
                             : DiagnosticCode::AwaitOutsideAsync);
    advance();
    if (at(TokenKind::Arrow)) {
        if (m_token.newline_before) fail(m_token.start, DiagnosticCode::NewlineBeforeArrow);
        std::vector<Node*> params{make_identifier(name)};
        return parse_arrow_body(start, params, false, use_counts());
    }
    if (name.value == "arguments") note_arguments_use();
    return make_identifier(name);
}

// ParenthesizedExpression -> '(' Expression ')'
// ArrowParameters -> '(' ')' | '(' Items (',' '...' BindingTarget)? ','? ')' then '=>'
Node* Parser::parse_parenthesized_or_arrow() {
    uint32_t start = m_token.start;
    Token opener = m_token;
    UseCounts before = use_counts();
    advance();
    bool saved_no_in = m_no_in;
    m_no_in = false;
    uint32_t outer_cover = m_cover_initializer;
    m_cover_initializer = 0;
    std::vector<Node*> items;
    Node* rest = nullptr;
    bool trailing_comma = false;
    while (!at(TokenKind::RightParen)) {
        if (at(TokenKind::Ellipsis)) {
            auto* element = make<RestElement>(m_token.start);
            advance();
            element->argument = parse_binding_target();
            if (at(TokenKind::Assign)) fail(m_token.start, DiagnosticCode::RestWithInitializer);
            rest = finish(element);
            if (!at(TokenKind::RightParen)) fail(m_token.start, DiagnosticCode::RestNotLast);
            break;
        }
        items.push_back(parse_assignment(true));
        if (at(TokenKind::RightParen)) break;
        if (!at(TokenKind::Comma)) expect_closing(TokenKind::RightParen, opener);
        advance();
        if (at(TokenKind::RightParen)) trailing_comma = true;
    }
    expect_closing(TokenKind::RightParen, opener);
    m_no_in = saved_no_in;
    if (at(TokenKind::Arrow)) {
        if (m_token.newline_before) fail(m_token.start, DiagnosticCode::NewlineBeforeArrow);
        std::vector<Node*> params;
        for (Node* item : items) params.push_back(to_pattern(item, PatternUse::Binding));
        if (rest) params.push_back(rest);
        m_cover_initializer = outer_cover;
        return parse_arrow_body(start, params, false, before);
    }
    if (items.empty() || rest || trailing_comma)
        fail(m_token.start, DiagnosticCode::Expected, {"'=>'", describe(m_token)});
    if (m_cover_initializer)
        fail(m_cover_initializer - 1, DiagnosticCode::InvalidShorthandInitializer);
    m_cover_initializer = outer_cover;
    Node* expression = items[0];
    if (items.size() > 1) {
        auto* sequence = make<SequenceExpression>(items[0]->start);
        sequence->expressions = list(items);
        sequence->end = items.back()->end;
        expression = sequence;
    }
    expression->flags |= NodeFlagParenthesized;
    return expression;
}

// ArrayLiteral -> '[' (Elision | AssignmentExpression | '...' AssignmentExpression)* ']'
Node* Parser::parse_array_literal() {
    auto* array = make<ArrayExpression>(m_token.start);
    Token opener = m_token;
    advance();
    bool saved_no_in = m_no_in;
    m_no_in = false;
    std::vector<Node*> elements;
    while (!at(TokenKind::RightBracket)) {
        if (at(TokenKind::Comma)) {
            advance();
            elements.push_back(nullptr);
            continue;
        }
        if (at(TokenKind::Ellipsis)) {
            auto* spread = make<SpreadElement>(m_token.start);
            advance();
            spread->argument = parse_assignment(true);
            elements.push_back(finish(spread));
        } else {
            elements.push_back(parse_assignment(true));
        }
        if (at(TokenKind::RightBracket)) break;
        if (!at(TokenKind::Comma)) expect_closing(TokenKind::RightBracket, opener);
        advance();
        if (is<SpreadElement>(elements.back())) elements.back()->flags |= NodeFlagTrailingComma;
    }
    advance();
    m_no_in = saved_no_in;
    array->elements = list(elements);
    return finish(array);
}

// TemplateLiteral -> Template | TemplateHead Expression (TemplateMiddle Expression)*
//                    TemplateTail
Node* Parser::parse_template_literal() {
    auto* literal = make<TemplateLiteral>(m_token.start);
    std::vector<TemplateElement*> quasis;
    std::vector<Node*> expressions;
    auto add_quasi = [&](const Token& token) {
        // The raw text excludes the delimiters: '`' or '}' before, '`' or '${' after.
        bool opens_substitution =
            token.kind == TokenKind::TemplateHead || token.kind == TokenKind::TemplateMiddle;
        uint32_t begin = token.start + 1;
        uint32_t end = token.end - (opens_substitution ? 2 : 1);
        auto* element = make<TemplateElement>(begin);
        element->end = end;
        element->cooked = token.value;
        std::string_view raw = std::string_view(m_source.text()).substr(begin, end - begin);
        if (raw.find('\r') != std::string_view::npos) {
            std::string normalised;
            for (size_t i = 0; i < raw.size(); ++i) {
                if (raw[i] == '\r') {
                    normalised += '\n';
                    if (i + 1 < raw.size() && raw[i + 1] == '\n') ++i;
                } else {
                    normalised += raw[i];
                }
            }
            element->raw = m_arena->copy_string(normalised);
        } else {
            element->raw = m_arena->copy_string(raw);
        }
        quasis.push_back(element);
    };
    Token opener = m_token;
    add_quasi(m_token);
    bool done = at(TokenKind::Template);
    advance();
    bool saved_no_in = m_no_in;
    m_no_in = false;
    while (!done) {
        expressions.push_back(parse_expression());
        if (!at(TokenKind::TemplateMiddle) && !at(TokenKind::TemplateTail)) {
            if (at(TokenKind::EndOfFile)) fail(opener.start, DiagnosticCode::UnterminatedTemplate);
            fail(m_token.start, DiagnosticCode::Expected,
                 {"'}' to end the template substitution", describe(m_token)});
        }
        add_quasi(m_token);
        done = at(TokenKind::TemplateTail);
        advance();
    }
    m_no_in = saved_no_in;
    literal->quasis = list(quasis);
    literal->expressions = list(expressions);
    return finish(literal);
}

// SuperCall -> 'super' Arguments;  SuperProperty -> 'super' ('.' IdentifierName | '[' ... ']')
// Arrows see the `super` of the function around them.
Node* Parser::parse_super() {
    uint32_t start = m_token.start;
    advance();
    const Scope* home = nullptr;
    for (size_t i = m_scopes.size(); i-- > 0;) {
        if (!m_scopes[i].is_arrow) {
            home = &m_scopes[i];
            break;
        }
    }
    if (at(TokenKind::LeftParen)) {
        if (!home || !home->allows_super_call)
            fail(start, DiagnosticCode::SuperCallOutsideConstructor);
    } else if (at(TokenKind::Dot) || at(TokenKind::LeftBracket)) {
        if (!home || !home->allows_super_property) fail(start, DiagnosticCode::SuperOutsideMethod);
    } else {
        fail(m_token.start, DiagnosticCode::Expected,
             {"'(', '.' or '[' after 'super'", describe(m_token)});
    }
    note_this_use();
    return finish(make<Super>(start));
}

// `import(...)` is outside the dialect, and so is `import.meta` outside a module (where it
// reads the hidden parameter "%meta"); `import x from` is caught at statement level.
Node* Parser::parse_import_expression() {
    uint32_t start = m_token.start;
    advance();
    if (at(TokenKind::LeftParen))
        fail(start,
             m_module ? DiagnosticCode::DynamicImportInModule : DiagnosticCode::DynamicImport);
    if (at(TokenKind::Dot) && m_module) {
        advance();
        if (!at_word("meta"))
            fail(m_token.start, DiagnosticCode::Expected, {"'meta'", describe(m_token)});
        Identifier* meta = make_synthetic_identifier("%meta", start, m_token.end);
        advance();
        return meta;
    }
    if (at(TokenKind::Dot)) fail(start, DiagnosticCode::ImportMeta);
    fail(start, DiagnosticCode::ImportDeclaration);
}

} // namespace loopsim::js::syntax
