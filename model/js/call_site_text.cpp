// The text of an expression in V8's error messages. See call_site_text.h for the rules.
#include "model/js/call_site_text.h"

#include "model/js/conversions.h"

#include <cmath>
#include <cstdint>
#include <string_view>
#include <vector>

namespace loopsim::js {

using namespace syntax;

namespace {

constexpr std::string_view kIntermediate = "(intermediate value)";

// A literal as V8's parser leaves it after folding constants.
struct Literal {
    enum class Kind : uint8_t {
        None,
        Number,
        String,
        Boolean,
        Null
    };
    Kind kind = Kind::None;
    double number = 0;
    std::string_view string;
    bool boolean = false;

    bool truthy() const {
        switch (kind) {
        case Kind::Number:
            return number != 0 && !std::isnan(number);
        case Kind::String:
            return !string.empty();
        case Kind::Boolean:
            return boolean;
        default:
            return false;
        }
    }
};

Literal number_literal(double value) {
    Literal l;
    l.kind = Literal::Kind::Number;
    l.number = value;
    return l;
}

// Folds `op` over two number literals, or returns None for an operator V8 keeps.
Literal fold_binary(BinaryOp op, double x, double y) {
    uint32_t shift = static_cast<uint32_t>(to_int32(y)) & 0x1F;
    switch (op) {
    case BinaryOp::Add:
        return number_literal(x + y);
    case BinaryOp::Subtract:
        return number_literal(x - y);
    case BinaryOp::Multiply:
        return number_literal(x * y);
    case BinaryOp::Divide:
        return number_literal(x / y);
    case BinaryOp::Remainder:
        return number_literal(std::fmod(x, y));
    case BinaryOp::Exponent:
        return number_literal(std::pow(x, y));
    case BinaryOp::BitAnd:
        return number_literal(to_int32(x) & to_int32(y));
    case BinaryOp::BitOr:
        return number_literal(to_int32(x) | to_int32(y));
    case BinaryOp::BitXor:
        return number_literal(to_int32(x) ^ to_int32(y));
    case BinaryOp::ShiftLeft:
        return number_literal(static_cast<int32_t>(static_cast<uint32_t>(to_int32(x)) << shift));
    case BinaryOp::ShiftRight:
        return number_literal(to_int32(x) >> shift);
    case BinaryOp::ShiftRightUnsigned:
        return number_literal(to_uint32(x) >> shift);
    default:
        return {};
    }
}

Literal fold(const Node* node) {
    Literal l;
    if (is<NumberLiteral>(node)) return number_literal(as<NumberLiteral>(node)->value);
    if (is<StringLiteral>(node)) {
        l.kind = Literal::Kind::String;
        l.string = as<StringLiteral>(node)->value;
    } else if (is<TemplateLiteral>(node) && as<TemplateLiteral>(node)->expressions.size() == 0) {
        l.kind = Literal::Kind::String;
        l.string = as<TemplateLiteral>(node)->quasis[0]->cooked;
    } else if (is<BooleanLiteral>(node)) {
        l.kind = Literal::Kind::Boolean;
        l.boolean = as<BooleanLiteral>(node)->value;
    } else if (is<NullLiteral>(node)) {
        l.kind = Literal::Kind::Null;
    } else if (is<UnaryExpression>(node)) {
        auto* u = as<UnaryExpression>(node);
        Literal operand = fold(u->argument);
        if (operand.kind == Literal::Kind::None) return l;
        if (u->op == UnaryOp::Not) {
            l.kind = Literal::Kind::Boolean;
            l.boolean = !operand.truthy();
        } else if (operand.kind == Literal::Kind::Number) {
            if (u->op == UnaryOp::Plus) return operand;
            if (u->op == UnaryOp::Minus) return number_literal(-operand.number);
            if (u->op == UnaryOp::BitNot) return number_literal(~to_int32(operand.number));
        }
    } else if (is<BinaryExpression>(node)) {
        auto* b = as<BinaryExpression>(node);
        Literal left = fold(b->left);
        if (left.kind != Literal::Kind::Number) return l;
        Literal right = fold(b->right);
        if (right.kind != Literal::Kind::Number) return l;
        return fold_binary(b->op, left.number, right.number);
    }
    return l;
}

bool is_comparison(BinaryOp op) {
    switch (op) {
    case BinaryOp::Less:
    case BinaryOp::Greater:
    case BinaryOp::LessEqual:
    case BinaryOp::GreaterEqual:
    case BinaryOp::Equal:
    case BinaryOp::NotEqual:
    case BinaryOp::StrictEqual:
    case BinaryOp::StrictNotEqual:
    case BinaryOp::In:
    case BinaryOp::Instanceof:
        return true;
    default:
        return false;
    }
}

class Printer {
public:
    std::string text;

    // CallPrinter::Find: a node that prints nothing of its own reads "(intermediate value)".
    void find(const Node* node, bool print) {
        if (print && node) {
            size_t before = m_prints;
            visit(node);
            if (m_prints != before) return;
        }
        put(kIntermediate);
    }

private:
    size_t m_prints = 0;

    void put(std::string_view s) {
        ++m_prints;
        text += s;
    }

    void literal(const Literal& l) {
        switch (l.kind) {
        case Literal::Kind::Number:
            put(number_to_string(l.number));
            break;
        case Literal::Kind::String:
            put("\"");
            put(l.string);
            put("\"");
            break;
        case Literal::Kind::Boolean:
            put(l.boolean ? "true" : "false");
            break;
        case Literal::Kind::Null:
            put("null");
            break;
        case Literal::Kind::None:
            break;
        }
    }

    // `first op second op third`: a left-leaning chain of one operator, as V8's
    // NaryOperation; comparisons and ** stay binary.
    template <typename T, typename Op> void operator_list(const T* node, Op op, bool collapses) {
        std::vector<const Node*> operands{node->right};
        const Node* left = node->left;
        while (collapses && is<T>(left) && as<T>(left)->op == op &&
               fold(left).kind == Literal::Kind::None) {
            operands.push_back(as<T>(left)->right);
            left = as<T>(left)->left;
        }
        operands.push_back(left);
        put("(");
        for (size_t i = operands.size(); i-- > 0;) {
            find(operands[i], true);
            if (i > 0) {
                put(" ");
                put(spelling(op));
                put(" ");
            }
        }
        put(")");
    }

    void member(const MemberExpression* m) {
        Literal key;
        if (!m->computed) {
            key.kind = Literal::Kind::String;
            key.string = as<StringLiteral>(m->property)->value;
        } else {
            key = fold(m->property);
        }
        find(m->object, true);
        if (key.kind == Literal::Kind::String) {
            put(m->optional ? "?." : ".");
            put(key.string);
            return;
        }
        put(m->optional ? "?.[" : "[");
        find(m->property, true);
        put("]");
    }

    void visit(const Node* node) {
        Literal folded = fold(node);
        if (folded.kind != Literal::Kind::None) {
            literal(folded);
            return;
        }
        switch (node->kind) {
        case NodeKind::Identifier:
            put(as<Identifier>(node)->name);
            break;
        case NodeKind::ThisExpression:
            put("this");
            break;
        case NodeKind::TemplateLiteral:
            for (const Node* e : as<TemplateLiteral>(node)->expressions) find(e, true);
            break;
        case NodeKind::ArrayExpression:
        case NodeKind::ArrayPattern: {
            NodeList<Node> elements = is<ArrayExpression>(node)
                                          ? as<ArrayExpression>(node)->elements
                                          : as<ArrayPattern>(node)->elements;
            put("[");
            for (size_t i = 0; i < elements.size(); ++i) {
                if (i > 0) put(",");
                find(elements[i], true);
            }
            put("]");
            break;
        }
        case NodeKind::SpreadElement:
        case NodeKind::RestElement:
            put("(...");
            find(is<SpreadElement>(node) ? as<SpreadElement>(node)->argument
                                         : as<RestElement>(node)->argument,
                 true);
            put(")");
            break;
        case NodeKind::ObjectExpression:
        case NodeKind::ObjectPattern: {
            size_t count = is<ObjectExpression>(node)
                               ? as<ObjectExpression>(node)->properties.size()
                               : as<ObjectPattern>(node)->properties.size();
            put("{");
            for (size_t i = 0; i < count; ++i) put(kIntermediate);
            put("}");
            break;
        }
        case NodeKind::UnaryExpression: {
            auto* u = as<UnaryExpression>(node);
            put("(");
            put(spelling(u->op));
            if (u->op == UnaryOp::Typeof || u->op == UnaryOp::Void || u->op == UnaryOp::Delete)
                put(" ");
            find(u->argument, true);
            put(")");
            break;
        }
        case NodeKind::UpdateExpression: {
            auto* u = as<UpdateExpression>(node);
            put("(");
            if (u->prefix) put(spelling(u->op));
            find(u->argument, true);
            if (!u->prefix) put(spelling(u->op));
            put(")");
            break;
        }
        case NodeKind::BinaryExpression: {
            auto* b = as<BinaryExpression>(node);
            operator_list(b, b->op, !is_comparison(b->op) && b->op != BinaryOp::Exponent);
            break;
        }
        case NodeKind::LogicalExpression:
            operator_list(as<LogicalExpression>(node), as<LogicalExpression>(node)->op, true);
            break;
        case NodeKind::SequenceExpression: {
            auto* s = as<SequenceExpression>(node);
            put("(");
            for (size_t i = 0; i < s->expressions.size(); ++i) {
                if (i > 0) put(" , ");
                find(s->expressions[i], true);
            }
            put(")");
            break;
        }
        case NodeKind::AssignmentExpression:
            find(as<AssignmentExpression>(node)->target, true);
            break;
        case NodeKind::ConditionalExpression:
            put(kIntermediate);
            put(kIntermediate);
            put(kIntermediate);
            break;
        case NodeKind::CallExpression:
            find(as<CallExpression>(node)->callee, true);
            put("(...)");
            break;
        case NodeKind::NewExpression:
            put(kIntermediate);
            break;
        case NodeKind::MemberExpression:
            member(as<MemberExpression>(node));
            break;
        case NodeKind::ChainExpression:
            visit(as<ChainExpression>(node)->expression);
            break;
        default:
            // Functions, classes, await, super: nothing of their own.
            break;
        }
    }
};

} // namespace

std::string call_site_text(const Node* node) {
    Printer printer;
    printer.find(node, true);
    return printer.text;
}

} // namespace loopsim::js
