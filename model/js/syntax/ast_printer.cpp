#include "model/js/syntax/ast_printer.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace loopsim::js::syntax {

namespace {

class Printer {
public:
    explicit Printer(const SourceFile* positions) : m_positions(positions) {}

    std::string take() { return std::move(m_out); }

    void program(const Program& program) {
        m_out += "(Program";
        if (program.is_strict) m_out += " strict";
        if (program.has_hashbang) m_out += " hashbang";
        if (program.is_module) m_out += " module";
        if (program.has_top_level_await) m_out += " top-level-await";
        if (m_positions) range(0, program.end);
        for (const Node* statement : program.body) child(statement, 1);
        m_out += ")";
    }

    void node(const Node* node, int depth) {
        if (!node) {
            m_out += "-";
            return;
        }
        m_out += '(';
        m_out += node_kind_name(node->kind);
        attributes(node);
        if (node->is_parenthesized()) m_out += " parenthesized";
        if (m_positions) range(node->start, node->end);
        children(node, depth + 1);
        m_out += ')';
    }

private:
    void child(const Node* node, int depth) {
        m_out += '\n';
        m_out.append(static_cast<size_t>(depth) * 2, ' ');
        this->node(node, depth);
    }
    template <typename T> void each(const NodeList<T>& list, int depth) {
        for (const T* item : list) child(item, depth);
    }

    void range(uint32_t start, uint32_t end) {
        m_out += " @";
        m_out += m_positions->position_string(start);
        m_out += '-';
        m_out += m_positions->position_string(end);
    }

    void quoted(std::string_view text) {
        m_out += " \"";
        for (char c : text) {
            switch (c) {
            case '"':
                m_out += "\\\"";
                break;
            case '\\':
                m_out += "\\\\";
                break;
            case '\n':
                m_out += "\\n";
                break;
            case '\r':
                m_out += "\\r";
                break;
            case '\t':
                m_out += "\\t";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char buffer[8];
                    std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
                    m_out += buffer;
                } else {
                    m_out += c;
                }
            }
        }
        m_out += '"';
    }

    void number(double value) {
        m_out += ' ';
        if (std::isnan(value)) {
            m_out += "NaN";
        } else if (std::isinf(value)) {
            m_out += value > 0 ? "Infinity" : "-Infinity";
        } else {
            char buffer[32];
            auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
            m_out.append(buffer, end);
        }
    }

    void flag(bool on, const char* name) {
        if (!on) return;
        m_out += ' ';
        m_out += name;
    }

    void attributes(const Node* n) {
        switch (n->kind) {
        case NodeKind::VariableDeclaration:
            m_out += ' ';
            m_out += spelling(as<VariableDeclaration>(n)->declaration_kind);
            break;
        case NodeKind::BreakStatement:
            if (!as<BreakStatement>(n)->label.empty())
                (m_out += ' ') += as<BreakStatement>(n)->label;
            break;
        case NodeKind::ContinueStatement:
            if (!as<ContinueStatement>(n)->label.empty())
                (m_out += ' ') += as<ContinueStatement>(n)->label;
            break;
        case NodeKind::LabeledStatement:
            (m_out += ' ') += as<LabeledStatement>(n)->label;
            break;
        case NodeKind::SwitchCase:
            flag(!as<SwitchCase>(n)->test, "default");
            break;
        case NodeKind::ForOfStatement:
            flag(as<ForOfStatement>(n)->is_await, "await");
            break;
        case NodeKind::Identifier:
            (m_out += ' ') += as<Identifier>(n)->name;
            break;
        case NodeKind::NumberLiteral:
            number(as<NumberLiteral>(n)->value);
            break;
        case NodeKind::StringLiteral:
            quoted(as<StringLiteral>(n)->value);
            break;
        case NodeKind::BooleanLiteral:
            m_out += as<BooleanLiteral>(n)->value ? " true" : " false";
            break;
        case NodeKind::TemplateElement: {
            const auto* element = as<TemplateElement>(n);
            quoted(element->cooked);
            if (element->raw != element->cooked) {
                m_out += " raw";
                quoted(element->raw);
            }
            break;
        }
        case NodeKind::Property: {
            const auto* property = as<Property>(n);
            static const char* kinds[] = {"init", "method", "get", "set"};
            m_out += ' ';
            m_out += kinds[static_cast<int>(property->property_kind)];
            flag(property->computed, "computed");
            flag(property->shorthand, "shorthand");
            break;
        }
        case NodeKind::Function: {
            const auto* function = as<Function>(n);
            m_out += ' ';
            m_out += spelling(function->form);
            if (!function->name.empty()) quoted(function->name);
            flag(function->is_async, "async");
            flag(function->is_expression_body, "expression-body");
            break;
        }
        case NodeKind::Class:
            if (!as<Class>(n)->name.empty()) quoted(as<Class>(n)->name);
            break;
        case NodeKind::ClassMember: {
            const auto* member = as<ClassMember>(n);
            m_out += ' ';
            m_out += spelling(member->member_kind);
            flag(member->is_static, "static");
            flag(member->computed, "computed");
            break;
        }
        case NodeKind::UnaryExpression:
            (m_out += ' ') += spelling(as<UnaryExpression>(n)->op);
            break;
        case NodeKind::UpdateExpression:
            (m_out += ' ') += spelling(as<UpdateExpression>(n)->op);
            m_out += as<UpdateExpression>(n)->prefix ? " prefix" : " postfix";
            break;
        case NodeKind::BinaryExpression:
            (m_out += ' ') += spelling(as<BinaryExpression>(n)->op);
            break;
        case NodeKind::LogicalExpression:
            (m_out += ' ') += spelling(as<LogicalExpression>(n)->op);
            break;
        case NodeKind::AssignmentExpression:
            (m_out += ' ') += spelling(as<AssignmentExpression>(n)->op);
            break;
        case NodeKind::CallExpression:
            flag(as<CallExpression>(n)->optional, "optional");
            break;
        case NodeKind::MemberExpression:
            flag(as<MemberExpression>(n)->computed, "computed");
            flag(as<MemberExpression>(n)->optional, "optional");
            break;
        default:
            break;
        }
    }

    void children(const Node* n, int d) {
        switch (n->kind) {
        case NodeKind::VariableDeclaration:
            each(as<VariableDeclaration>(n)->declarations, d);
            break;
        case NodeKind::VariableDeclarator:
            child(as<VariableDeclarator>(n)->target, d);
            if (as<VariableDeclarator>(n)->init) child(as<VariableDeclarator>(n)->init, d);
            break;
        case NodeKind::FunctionDeclaration:
            child(as<FunctionDeclaration>(n)->function, d);
            break;
        case NodeKind::ClassDeclaration:
            child(as<ClassDeclaration>(n)->definition, d);
            break;
        case NodeKind::ExpressionStatement:
            child(as<ExpressionStatement>(n)->expression, d);
            break;
        case NodeKind::BlockStatement:
            each(as<BlockStatement>(n)->body, d);
            break;
        case NodeKind::IfStatement: {
            const auto* s = as<IfStatement>(n);
            child(s->test, d);
            child(s->consequent, d);
            if (s->alternate) child(s->alternate, d);
            break;
        }
        case NodeKind::ForStatement: {
            const auto* s = as<ForStatement>(n);
            child(s->init, d);
            child(s->test, d);
            child(s->update, d);
            child(s->body, d);
            break;
        }
        case NodeKind::ForInStatement: {
            const auto* s = as<ForInStatement>(n);
            child(s->left, d);
            child(s->right, d);
            child(s->body, d);
            break;
        }
        case NodeKind::ForOfStatement: {
            const auto* s = as<ForOfStatement>(n);
            child(s->left, d);
            child(s->right, d);
            child(s->body, d);
            break;
        }
        case NodeKind::WhileStatement:
            child(as<WhileStatement>(n)->test, d);
            child(as<WhileStatement>(n)->body, d);
            break;
        case NodeKind::DoWhileStatement:
            child(as<DoWhileStatement>(n)->body, d);
            child(as<DoWhileStatement>(n)->test, d);
            break;
        case NodeKind::ReturnStatement:
            if (as<ReturnStatement>(n)->argument) child(as<ReturnStatement>(n)->argument, d);
            break;
        case NodeKind::ThrowStatement:
            child(as<ThrowStatement>(n)->argument, d);
            break;
        case NodeKind::TryStatement: {
            const auto* s = as<TryStatement>(n);
            child(s->block, d);
            if (s->handler) child(s->handler, d);
            if (s->finalizer) child(s->finalizer, d);
            break;
        }
        case NodeKind::CatchClause:
            if (as<CatchClause>(n)->param) child(as<CatchClause>(n)->param, d);
            child(as<CatchClause>(n)->body, d);
            break;
        case NodeKind::SwitchStatement:
            child(as<SwitchStatement>(n)->discriminant, d);
            each(as<SwitchStatement>(n)->cases, d);
            break;
        case NodeKind::SwitchCase:
            if (as<SwitchCase>(n)->test) child(as<SwitchCase>(n)->test, d);
            each(as<SwitchCase>(n)->consequent, d);
            break;
        case NodeKind::LabeledStatement:
            child(as<LabeledStatement>(n)->body, d);
            break;
        case NodeKind::TemplateLiteral: {
            const auto* t = as<TemplateLiteral>(n);
            for (uint32_t i = 0; i < t->quasis.size(); ++i) {
                child(t->quasis[i], d);
                if (i < t->expressions.size()) child(t->expressions[i], d);
            }
            break;
        }
        case NodeKind::ArrayExpression:
            each(as<ArrayExpression>(n)->elements, d);
            break;
        case NodeKind::ObjectExpression:
            each(as<ObjectExpression>(n)->properties, d);
            break;
        case NodeKind::Property:
            child(as<Property>(n)->key, d);
            child(as<Property>(n)->value, d);
            break;
        case NodeKind::Function: {
            const auto* f = as<Function>(n);
            each(f->params, d);
            child(f->body, d);
            break;
        }
        case NodeKind::Class: {
            const auto* c = as<Class>(n);
            if (c->super_class) {
                m_out += '\n';
                m_out.append(static_cast<size_t>(d) * 2, ' ');
                m_out += "(extends";
                child(c->super_class, d + 1);
                m_out += ')';
            }
            each(c->members, d);
            break;
        }
        case NodeKind::ClassMember:
            child(as<ClassMember>(n)->key, d);
            if (as<ClassMember>(n)->value) child(as<ClassMember>(n)->value, d);
            break;
        case NodeKind::UnaryExpression:
            child(as<UnaryExpression>(n)->argument, d);
            break;
        case NodeKind::UpdateExpression:
            child(as<UpdateExpression>(n)->argument, d);
            break;
        case NodeKind::BinaryExpression:
            child(as<BinaryExpression>(n)->left, d);
            child(as<BinaryExpression>(n)->right, d);
            break;
        case NodeKind::LogicalExpression:
            child(as<LogicalExpression>(n)->left, d);
            child(as<LogicalExpression>(n)->right, d);
            break;
        case NodeKind::AssignmentExpression:
            child(as<AssignmentExpression>(n)->target, d);
            child(as<AssignmentExpression>(n)->value, d);
            break;
        case NodeKind::ConditionalExpression:
            child(as<ConditionalExpression>(n)->test, d);
            child(as<ConditionalExpression>(n)->consequent, d);
            child(as<ConditionalExpression>(n)->alternate, d);
            break;
        case NodeKind::SequenceExpression:
            each(as<SequenceExpression>(n)->expressions, d);
            break;
        case NodeKind::CallExpression:
            child(as<CallExpression>(n)->callee, d);
            each(as<CallExpression>(n)->arguments, d);
            break;
        case NodeKind::NewExpression:
            child(as<NewExpression>(n)->callee, d);
            each(as<NewExpression>(n)->arguments, d);
            break;
        case NodeKind::MemberExpression:
            child(as<MemberExpression>(n)->object, d);
            child(as<MemberExpression>(n)->property, d);
            break;
        case NodeKind::ChainExpression:
            child(as<ChainExpression>(n)->expression, d);
            break;
        case NodeKind::SpreadElement:
            child(as<SpreadElement>(n)->argument, d);
            break;
        case NodeKind::AwaitExpression:
            child(as<AwaitExpression>(n)->argument, d);
            break;
        case NodeKind::ObjectPattern:
            each(as<ObjectPattern>(n)->properties, d);
            break;
        case NodeKind::ArrayPattern:
            each(as<ArrayPattern>(n)->elements, d);
            break;
        case NodeKind::AssignmentPattern:
            child(as<AssignmentPattern>(n)->target, d);
            child(as<AssignmentPattern>(n)->fallback, d);
            break;
        case NodeKind::RestElement:
            child(as<RestElement>(n)->argument, d);
            break;
        case NodeKind::EmptyStatement:
        case NodeKind::BreakStatement:
        case NodeKind::ContinueStatement:
        case NodeKind::Identifier:
        case NodeKind::NumberLiteral:
        case NodeKind::StringLiteral:
        case NodeKind::BooleanLiteral:
        case NodeKind::NullLiteral:
        case NodeKind::TemplateElement:
        case NodeKind::ThisExpression:
        case NodeKind::Super:
            break;
        }
    }

    const SourceFile* m_positions;
    std::string m_out;
};

} // namespace

std::string print_ast(const Program& program, const SourceFile* positions) {
    Printer printer(positions);
    printer.program(program);
    return printer.take();
}

std::string print_ast(const Node* node, const SourceFile* positions) {
    Printer printer(positions);
    printer.node(node, 0);
    return printer.take();
}

} // namespace loopsim::js::syntax
