// Compiler: expressions. Every expression leaves its value in the accumulator.
#include "model/js/call_site_text.h"
#include "model/js/compiler.h"
#include "model/js/conversions.h"
#include "model/js/runtime.h"

#include <cmath>

namespace loopsim::js {

using namespace syntax;

namespace {

bool fits_int(double d) {
    return d >= -2147483648.0 && d <= 2147483647.0 &&
           static_cast<double>(static_cast<int32_t>(d)) == d && !(d == 0 && std::signbit(d));
}

// An expression whose evaluation has no side effect and cannot observe one.
bool is_simple(const Node* n) {
    return is<NumberLiteral>(n) || is<StringLiteral>(n) || is<BooleanLiteral>(n) ||
           is<NullLiteral>(n);
}

// True when evaluating `n` cannot assign to a variable of the function being compiled: no
// assignment or update expression anywhere in it (a call cannot assign to an uncaptured
// variable: only code of this function sees its register). Unknown kinds answer false.
bool assigns_nothing(const Node* n) {
    switch (n->kind) {
    case NodeKind::NumberLiteral:
    case NodeKind::StringLiteral:
    case NodeKind::BooleanLiteral:
    case NodeKind::NullLiteral:
    case NodeKind::Identifier:
    case NodeKind::ThisExpression:
        return true;
    case NodeKind::UnaryExpression:
        return assigns_nothing(as<UnaryExpression>(n)->argument);
    case NodeKind::BinaryExpression:
        return assigns_nothing(as<BinaryExpression>(n)->left) &&
               assigns_nothing(as<BinaryExpression>(n)->right);
    case NodeKind::LogicalExpression:
        return assigns_nothing(as<LogicalExpression>(n)->left) &&
               assigns_nothing(as<LogicalExpression>(n)->right);
    case NodeKind::ConditionalExpression: {
        auto* c = as<ConditionalExpression>(n);
        return assigns_nothing(c->test) && assigns_nothing(c->consequent) &&
               assigns_nothing(c->alternate);
    }
    case NodeKind::MemberExpression: {
        auto* m = as<MemberExpression>(n);
        return assigns_nothing(m->object) && (!m->computed || assigns_nothing(m->property));
    }
    case NodeKind::CallExpression: {
        auto* c = as<CallExpression>(n);
        if (!assigns_nothing(c->callee)) return false;
        for (const Node* a : c->arguments)
            if (!assigns_nothing(a)) return false;
        return true;
    }
    case NodeKind::TemplateLiteral:
        for (const Node* e : as<TemplateLiteral>(n)->expressions)
            if (!assigns_nothing(e)) return false;
        return true;
    default:
        return false;
    }
}

} // namespace

const Variable* Compiler::plain_register_variable(const Node* node) {
    Variable* v = is<Identifier>(node) ? m_scopes.resolved(node) : nullptr;
    if (!v || v->captured || v->kind == VariableKind::This) return nullptr;
    if (!v->is_lexical()) return v;
    // A lexical binding read after its declaration, outside a switch, is initialised.
    if (!v->scope->is_switch && node->start > v->offset) return v;
    return nullptr;
}

void Compiler::effect(const Node* node) {
    if (error) return;
    if (is<UpdateExpression>(node)) {
        auto* u = as<UpdateExpression>(node);
        const Variable* v = plain_register_variable(u->argument);
        if (v && (v->kind == VariableKind::Var || v->kind == VariableKind::Let ||
                  v->kind == VariableKind::Param || v->kind == VariableKind::CatchParam ||
                  v->kind == VariableKind::Function)) {
            f->offset = node->start;
            const int32_t delta = u->op == UpdateOp::Increment ? 1 : -1;
            emit(node, Opcode::UpdateReg, {v->reg, static_cast<uint32_t>(delta)});
            return;
        }
    }
    expression(node);
}

void Compiler::expression_to(const Node* node, uint32_t target) {
    expression(node);
    emit(Opcode::Star, {target});
}

void Compiler::named_expression(const Node* node, std::string_view) {
    expression(node);
}

void Compiler::expression(const Node* node) {
    if (error) return;
    uint32_t saved_reg = f->next_reg;
    f->offset = node->start;
    switch (node->kind) {
    case NodeKind::Identifier:
        load_identifier(as<Identifier>(node));
        break;
    case NodeKind::NumberLiteral: {
        double d = as<NumberLiteral>(node)->value;
        if (fits_int(d))
            emit(Opcode::LdaInt, {static_cast<uint32_t>(static_cast<int32_t>(d))});
        else
            emit(Opcode::LdaConst, {constant(Value(d))});
        break;
    }
    case NodeKind::StringLiteral:
        emit(Opcode::LdaConst, {string_constant(as<StringLiteral>(node)->value)});
        break;
    case NodeKind::BooleanLiteral:
        emit(as<BooleanLiteral>(node)->value ? Opcode::LdaTrue : Opcode::LdaFalse);
        break;
    case NodeKind::NullLiteral:
        emit(Opcode::LdaNull);
        break;
    case NodeKind::TemplateLiteral:
        template_literal(as<TemplateLiteral>(node));
        break;
    case NodeKind::ThisExpression:
        load_variable(m_scopes.resolved(node), "this", node->start);
        break;
    case NodeKind::ArrayExpression:
        array_literal(as<ArrayExpression>(node));
        break;
    case NodeKind::ObjectExpression:
        object_literal(as<ObjectExpression>(node));
        break;
    case NodeKind::Function: {
        CodeBlock* code = compile_function(as<Function>(node));
        if (code) emit(node, Opcode::CreateClosure, {constant(Value(code))});
        break;
    }
    case NodeKind::Class:
        compile_class(as<Class>(node));
        break;
    case NodeKind::UnaryExpression:
        unary(as<UnaryExpression>(node));
        break;
    case NodeKind::UpdateExpression:
        update(as<UpdateExpression>(node));
        break;
    case NodeKind::BinaryExpression:
        binary(as<BinaryExpression>(node));
        break;
    case NodeKind::LogicalExpression:
        logical(as<LogicalExpression>(node));
        break;
    case NodeKind::AssignmentExpression:
        assignment(as<AssignmentExpression>(node));
        break;
    case NodeKind::ConditionalExpression: {
        auto* n = as<ConditionalExpression>(node);
        expression(n->test);
        uint32_t to_else = emit_jump(Opcode::JumpIfFalse);
        expression(n->consequent);
        uint32_t to_end = emit_jump(Opcode::Jump);
        patch_here(to_else);
        expression(n->alternate);
        patch_here(to_end);
        break;
    }
    case NodeKind::SequenceExpression:
        for (const Node* e : as<SequenceExpression>(node)->expressions) expression(e);
        break;
    case NodeKind::CallExpression:
        call(as<CallExpression>(node), nullptr);
        break;
    case NodeKind::NewExpression:
        new_expression(as<NewExpression>(node));
        break;
    case NodeKind::MemberExpression:
        member(as<MemberExpression>(node), nullptr);
        break;
    case NodeKind::ChainExpression:
        chain(as<ChainExpression>(node));
        break;
    case NodeKind::AwaitExpression:
        expression(as<AwaitExpression>(node)->argument);
        emit(node, Opcode::Await);
        break;
    default:
        fail(node->start, std::string("unsupported expression: ") + node_kind_name(node->kind));
        break;
    }
    f->next_reg = saved_reg;
}

void Compiler::template_literal(const TemplateLiteral* node) {
    uint32_t acc_reg = reg();
    emit(Opcode::LdaConst, {string_constant(node->quasis[0]->cooked)});
    for (uint32_t i = 0; i < node->expressions.size(); ++i) {
        emit(Opcode::Star, {acc_reg});
        expression(node->expressions[i]);
        emit(Opcode::ToStringValue);
        emit(Opcode::Add, {acc_reg});
        std::string_view next = node->quasis[i + 1]->cooked;
        if (!next.empty()) {
            emit(Opcode::Star, {acc_reg});
            emit(Opcode::LdaConst, {string_constant(next)});
            emit(Opcode::Add, {acc_reg});
        }
    }
}

Opcode Compiler::binary_opcode(BinaryOp op) const {
    switch (op) {
    case BinaryOp::Add:
        return Opcode::Add;
    case BinaryOp::Subtract:
        return Opcode::Sub;
    case BinaryOp::Multiply:
        return Opcode::Mul;
    case BinaryOp::Divide:
        return Opcode::Div;
    case BinaryOp::Remainder:
        return Opcode::Mod;
    case BinaryOp::Exponent:
        return Opcode::Exp;
    case BinaryOp::ShiftLeft:
        return Opcode::Shl;
    case BinaryOp::ShiftRight:
        return Opcode::Sar;
    case BinaryOp::ShiftRightUnsigned:
        return Opcode::Shr;
    case BinaryOp::BitAnd:
        return Opcode::BitAnd;
    case BinaryOp::BitOr:
        return Opcode::BitOr;
    case BinaryOp::BitXor:
        return Opcode::BitXor;
    case BinaryOp::Less:
        return Opcode::Lt;
    case BinaryOp::Greater:
        return Opcode::Gt;
    case BinaryOp::LessEqual:
        return Opcode::Le;
    case BinaryOp::GreaterEqual:
        return Opcode::Ge;
    case BinaryOp::Equal:
        return Opcode::Eq;
    case BinaryOp::NotEqual:
        return Opcode::Ne;
    case BinaryOp::StrictEqual:
        return Opcode::StrictEq;
    case BinaryOp::StrictNotEqual:
        return Opcode::StrictNe;
    case BinaryOp::In:
        return Opcode::In;
    case BinaryOp::Instanceof:
        return Opcode::Instanceof;
    }
    return Opcode::Add;
}

void Compiler::binary(const BinaryExpression* node) {
    // `x + 1`: no temporary for a small integer right operand.
    if (node->op == BinaryOp::Add && is<NumberLiteral>(node->right)) {
        double d = as<NumberLiteral>(node->right)->value;
        if (fits_int(d)) {
            expression(node->left);
            emit(node, Opcode::AddInt, {static_cast<uint32_t>(static_cast<int32_t>(d))});
            return;
        }
    }
    uint32_t left;
    // A register variable on the left needs no copy when the right side cannot change it.
    const Variable* v = plain_register_variable(node->left);
    if (v && assigns_nothing(node->right)) {
        left = v->reg;
    } else {
        left = reg();
        expression(node->left);
        emit(Opcode::Star, {left});
    }
    expression(node->right);
    emit(node, binary_opcode(node->op), {left});
}

void Compiler::logical(const LogicalExpression* node) {
    expression(node->left);
    Opcode op = node->op == LogicalOp::And  ? Opcode::JumpIfFalse
                : node->op == LogicalOp::Or ? Opcode::JumpIfTrue
                                            : Opcode::JumpIfNotNullish;
    uint32_t end = emit_jump(op);
    expression(node->right);
    patch_here(end);
}

void Compiler::unary(const UnaryExpression* node) {
    const Node* arg = node->argument;
    switch (node->op) {
    case UnaryOp::Minus:
        expression(arg);
        emit(node, Opcode::Negate);
        return;
    case UnaryOp::Plus:
        expression(arg);
        emit(node, Opcode::ToNumeric);
        return;
    case UnaryOp::Not:
        expression(arg);
        emit(node, Opcode::Not);
        return;
    case UnaryOp::BitNot:
        expression(arg);
        emit(node, Opcode::BitNot);
        return;
    case UnaryOp::Typeof:
        if (is<Identifier>(arg) && !m_scopes.resolved(arg)) {
            emit(arg, Opcode::LdaGlobalTypeof, {name(as<Identifier>(arg)->name), cache()});
        } else {
            expression(arg);
        }
        emit(node, Opcode::Typeof);
        return;
    case UnaryOp::Void:
        expression(arg);
        emit(Opcode::LdaUndefined);
        return;
    case UnaryOp::Delete:
        if (is<MemberExpression>(arg) && !is<Super>(as<MemberExpression>(arg)->object)) {
            auto* m = as<MemberExpression>(arg);
            uint32_t object = reg();
            expression_to(m->object, object);
            if (m->computed)
                expression(m->property);
            else
                emit(Opcode::LdaConst, {string_constant(as<StringLiteral>(m->property)->value)});
            emit(node, Opcode::DeleteKeyed, {object});
        } else if (is<Identifier>(arg)) {
            if (m_scopes.resolved(arg))
                emit(Opcode::LdaFalse);
            else
                emit(node, Opcode::DeleteGlobal, {name(as<Identifier>(arg)->name)});
        } else {
            expression(arg);
            emit(Opcode::LdaTrue);
        }
        return;
    }
}

void Compiler::update(const UpdateExpression* node) {
    int32_t delta = node->op == UpdateOp::Increment ? 1 : -1;
    uint32_t old = reg();
    if (is<Identifier>(node->argument)) {
        auto* id = as<Identifier>(node->argument);
        load_identifier(id);
        emit(node, Opcode::ToNumeric);
        if (!node->prefix) emit(Opcode::Star, {old});
        emit(Opcode::AddInt, {static_cast<uint32_t>(delta)});
        store_identifier(id, false);
        if (!node->prefix) emit(Opcode::Ldar, {old});
        return;
    }
    auto* m = as<MemberExpression>(node->argument);
    uint32_t object = reg();
    uint32_t key = reg();
    expression_to(m->object, object);
    if (m->computed) {
        expression(m->property);
        emit(Opcode::Star, {key});
        emit(m, Opcode::GetKeyed, {object});
    } else {
        emit(Opcode::Ldar, {object});
        emit(m, Opcode::GetNamed, {name(as<StringLiteral>(m->property)->value), cache()});
    }
    emit(node, Opcode::ToNumeric);
    if (!node->prefix) emit(Opcode::Star, {old});
    emit(Opcode::AddInt, {static_cast<uint32_t>(delta)});
    if (m->computed)
        emit(Opcode::SetKeyed, {object, key});
    else
        emit(Opcode::SetNamed, {object, name(as<StringLiteral>(m->property)->value), cache()});
    if (!node->prefix) emit(Opcode::Ldar, {old});
}

// The dotted name V8 infers from an assignment's target: `a.b.c` for a.b.c, `a.q` for a['q'],
// `a.<computed>` for a[k], `X.m` for X.prototype.m (V8 leaves out "prototype"), `t` for
// this.t. Empty when the target holds a call or anything else V8 does not name by.
std::string Compiler::member_path(const Node* target) {
    if (is<Identifier>(target)) return std::string(as<Identifier>(target)->name);
    if (is<ThisExpression>(target)) return {};
    if (!is<MemberExpression>(target)) return {};
    auto* m = as<MemberExpression>(target);
    std::string object;
    if (!is<ThisExpression>(m->object)) {
        object = member_path(m->object);
        if (object.empty()) return {};
    }
    // A dotted name's key, or a string literal's: `a.q` and `a['q']` alike.
    const bool named = !m->computed || is<StringLiteral>(m->property);
    std::string key =
        named ? std::string(as<StringLiteral>(m->property)->value) : std::string("<computed>");
    if (key == "prototype") return object;
    return object.empty() ? key : object + "." + key;
}

// FuncNameInferrer: the anonymous function literals `value` yields directly (through a
// comma, a conditional, a logical operator, an array literal, an object literal's property,
// or another assignment to a property, whose names are appended) take `name`; one passed to
// a call does not. `name` comes from the assignment's or the declaration's target.
void Compiler::infer_names(const Node* value, const std::string& name, bool prefix_nested) {
    if (value == nullptr || name.empty()) return;
    switch (value->kind) {
    case NodeKind::Function: {
        auto* fn = as<Function>(value);
        if (fn->name.empty()) m_inferred_names.emplace(fn, name);
        break;
    }
    case NodeKind::SequenceExpression: {
        auto* sequence = as<SequenceExpression>(value);
        infer_names(sequence->expressions[sequence->expressions.size() - 1], name, prefix_nested);
        break;
    }
    case NodeKind::ConditionalExpression:
        infer_names(as<ConditionalExpression>(value)->consequent, name, prefix_nested);
        infer_names(as<ConditionalExpression>(value)->alternate, name, prefix_nested);
        break;
    case NodeKind::LogicalExpression:
        infer_names(as<LogicalExpression>(value)->left, name, prefix_nested);
        infer_names(as<LogicalExpression>(value)->right, name, prefix_nested);
        break;
    case NodeKind::ArrayExpression:
        for (const Node* element : as<ArrayExpression>(value)->elements) infer_names(element, name);
        break;
    case NodeKind::ObjectExpression:
        // A property's value is named inside the object's name: `obj.list` for the function in
        // `const obj = { list: [() => {}] }` (a function that is the value itself takes the
        // key as its own name, and keeps it).
        for (const Node* entry : as<ObjectExpression>(value)->properties) {
            if (!is<Property>(entry)) continue;
            auto* p = as<Property>(entry);
            if (p->computed || p->property_kind != PropertyKind::Init || p->shorthand) continue;
            if (!is<StringLiteral>(p->key)) continue;
            infer_names(p->value, name + "." + std::string(as<StringLiteral>(p->key)->value));
        }
        break;
    case NodeKind::AssignmentExpression: {
        auto* inner = as<AssignmentExpression>(value);
        if (inner->op != AssignOp::Assign || !is<MemberExpression>(inner->target)) break;
        const std::string inner_name = member_path(inner->target);
        // `a.x = a.y = fn` names fn "a.x.a.y"; `v = a.q = fn` names it "a.q".
        if (!inner_name.empty())
            infer_names(inner->value, prefix_nested ? name + "." + inner_name : inner_name);
        break;
    }
    default:
        break;
    }
}

void Compiler::assignment(const AssignmentExpression* node) {
    const Node* target = node->target;
    // An inner assignment of a chain was named by the outer one (`a.x = a.y = fn` names fn
    // "a.x.a.y"); emplace keeps that first name.
    if (node->op == AssignOp::Assign && (is<MemberExpression>(target) || is<Identifier>(target)))
        infer_names(node->value, member_path(target), is<MemberExpression>(target));
    if (node->op == AssignOp::Assign) {
        if (is<Identifier>(target)) {
            expression(node->value);
            store_identifier(as<Identifier>(target), false);
            return;
        }
        if (is<MemberExpression>(target)) {
            auto* m = as<MemberExpression>(target);
            uint32_t object = reg();
            expression_to(m->object, object);
            if (m->computed) {
                uint32_t key = reg();
                expression_to(m->property, key);
                expression(node->value);
                emit(m, Opcode::SetKeyed, {object, key});
            } else {
                expression(node->value);
                emit(m->property, Opcode::SetNamed,
                     {object, name(as<StringLiteral>(m->property)->value), cache()});
            }
            return;
        }
        uint32_t value = reg();
        expression(node->value);
        emit(Opcode::Star, {value});
        bind_pattern(target, false,
                     {PatternSource::Kind::Assigned, call_site_text(node->value), {}});
        emit(Opcode::Ldar, {value});
        return;
    }
    bool logical = node->op == AssignOp::AndAssign || node->op == AssignOp::OrAssign ||
                   node->op == AssignOp::NullishAssign;
    Opcode op = Opcode::Add;
    switch (node->op) {
    case AssignOp::AddAssign:
        op = Opcode::Add;
        break;
    case AssignOp::SubtractAssign:
        op = Opcode::Sub;
        break;
    case AssignOp::MultiplyAssign:
        op = Opcode::Mul;
        break;
    case AssignOp::DivideAssign:
        op = Opcode::Div;
        break;
    case AssignOp::RemainderAssign:
        op = Opcode::Mod;
        break;
    case AssignOp::ExponentAssign:
        op = Opcode::Exp;
        break;
    case AssignOp::ShiftLeftAssign:
        op = Opcode::Shl;
        break;
    case AssignOp::ShiftRightAssign:
        op = Opcode::Sar;
        break;
    case AssignOp::ShiftRightUnsignedAssign:
        op = Opcode::Shr;
        break;
    case AssignOp::BitAndAssign:
        op = Opcode::BitAnd;
        break;
    case AssignOp::BitOrAssign:
        op = Opcode::BitOr;
        break;
    case AssignOp::BitXorAssign:
        op = Opcode::BitXor;
        break;
    default:
        break;
    }
    Opcode skip = node->op == AssignOp::AndAssign  ? Opcode::JumpIfFalse
                  : node->op == AssignOp::OrAssign ? Opcode::JumpIfTrue
                                                   : Opcode::JumpIfNotNullish;
    uint32_t left = reg();
    if (is<Identifier>(target)) {
        auto* id = as<Identifier>(target);
        load_identifier(id);
        if (logical) {
            uint32_t end = emit_jump(skip);
            expression(node->value);
            store_identifier(id, false);
            patch_here(end);
            return;
        }
        emit(Opcode::Star, {left});
        expression(node->value);
        emit(node, op, {left});
        store_identifier(id, false);
        return;
    }
    auto* m = as<MemberExpression>(target);
    uint32_t object = reg();
    uint32_t key = reg();
    expression_to(m->object, object);
    uint32_t name_index = m->computed ? 0 : name(as<StringLiteral>(m->property)->value);
    if (m->computed) {
        expression_to(m->property, key);
        emit(m, Opcode::GetKeyed, {object});
    } else {
        emit(Opcode::Ldar, {object});
        emit(m, Opcode::GetNamed, {name_index, cache()});
    }
    uint32_t end = UINT32_MAX;
    if (logical) {
        end = emit_jump(skip);
        expression(node->value);
    } else {
        emit(Opcode::Star, {left});
        expression(node->value);
        emit(node, op, {left});
    }
    if (m->computed)
        emit(Opcode::SetKeyed, {object, key});
    else
        emit(Opcode::SetNamed, {object, name_index, cache()});
    if (end != UINT32_MAX) patch_here(end);
}

std::string Compiler::callee_text(const Node* node) const {
    return call_site_text(node);
}

uint32_t Compiler::arguments(NodeList<Node> args, uint32_t first) {
    bool spread = false;
    for (const Node* a : args) spread = spread || is<SpreadElement>(a);
    if (!spread) {
        regs(args.size());
        for (uint32_t i = 0; i < args.size(); ++i) expression_to(args[i], first + i);
        return args.size();
    }
    reg();
    emit(Opcode::CreateArray, {first, 0});
    emit(Opcode::Star, {first});
    for (const Node* a : args) {
        if (is<SpreadElement>(a)) {
            expression(as<SpreadElement>(a)->argument);
            emit(a, Opcode::ArraySpread, {first});
        } else {
            expression(a);
            emit(Opcode::ArrayPush, {first});
        }
    }
    return UINT32_MAX;
}

// Evaluates one link of an optional chain, sending null/undefined at a `?.` to `exits`.
static bool is_chain_link(const Node* n) {
    return is<MemberExpression>(n) || is<CallExpression>(n);
}

void Compiler::member(const MemberExpression* node, std::vector<uint32_t>* exits) {
    if (is<Super>(node->object)) {
        Variable* home = m_scopes.resolved(node->object);
        Variable* self = m_scopes.resolved(node);
        uint32_t home_reg = reg();
        uint32_t this_reg = reg();
        load_variable(home, "%home", node->start);
        emit(Opcode::Star, {home_reg});
        load_variable(self, "this", node->start);
        emit(Opcode::Star, {this_reg});
        if (node->computed) {
            expression(node->property);
            emit(node, Opcode::GetSuperKeyed, {home_reg, this_reg});
        } else {
            emit(node, Opcode::GetSuperNamed,
                 {home_reg, this_reg, name(as<StringLiteral>(node->property)->value)});
        }
        return;
    }
    if (exits && is_chain_link(node->object)) {
        if (is<MemberExpression>(node->object))
            member(as<MemberExpression>(node->object), exits);
        else
            call(as<CallExpression>(node->object), exits);
    } else {
        expression(node->object);
    }
    if (node->optional && exits) exits->push_back(emit_jump(Opcode::JumpIfNullish));
    if (node->computed) {
        uint32_t object = reg();
        emit(Opcode::Star, {object});
        expression(node->property);
        emit(node->property, Opcode::GetKeyed, {object});
        f->next_reg = object;
        return;
    }
    std::string_view property = as<StringLiteral>(node->property)->value;
    if (property == "length")
        emit(node->property, Opcode::GetLength, {cache()});
    else
        emit(node->property, Opcode::GetNamed, {name(property), cache()});
}

void Compiler::call(const CallExpression* node, std::vector<uint32_t>* exits) {
    if (is<Super>(node->callee)) {
        super_call(node);
        return;
    }
    uint32_t base = regs(2);
    const Node* callee = node->callee;
    uint32_t position = callee->start;
    if (is<MemberExpression>(callee) && !is<Super>(as<MemberExpression>(callee)->object)) {
        auto* m = as<MemberExpression>(callee);
        position = m->property->start;
        if (exits && is_chain_link(m->object)) {
            if (is<MemberExpression>(m->object))
                member(as<MemberExpression>(m->object), exits);
            else
                call(as<CallExpression>(m->object), exits);
        } else {
            expression(m->object);
        }
        if (m->optional && exits) exits->push_back(emit_jump(Opcode::JumpIfNullish));
        emit(Opcode::Star, {base + 1});
        if (m->computed) {
            expression(m->property);
            emit(m->property, Opcode::GetKeyed, {base + 1});
        } else {
            std::string_view property = as<StringLiteral>(m->property)->value;
            emit(m->property, Opcode::GetNamed, {name(property), cache()});
        }
        emit(Opcode::Star, {base});
    } else if (is<MemberExpression>(callee)) {
        auto* m = as<MemberExpression>(callee);
        position = m->property->start;
        member(m, nullptr);
        emit(Opcode::Star, {base});
        load_variable(m_scopes.resolved(m), "this", m->start);
        emit(Opcode::Star, {base + 1});
    } else {
        if (exits && is_chain_link(callee)) {
            if (is<MemberExpression>(callee))
                member(as<MemberExpression>(callee), exits);
            else
                call(as<CallExpression>(callee), exits);
        } else {
            expression(callee);
        }
        emit(Opcode::Star, {base});
        emit(Opcode::LdaUndefined);
        emit(Opcode::Star, {base + 1});
    }
    if (node->optional && exits) {
        emit(Opcode::Ldar, {base});
        exits->push_back(emit_jump(Opcode::JumpIfNullish));
    }
    uint32_t argc = arguments(node->arguments, base + 2);
    f->offset = position;
    uint32_t text = string_constant(callee_text(callee));
    if (argc == UINT32_MAX)
        emit(Opcode::CallSpread, {base, text});
    else
        emit(Opcode::Call, {base, argc, text});
    f->next_reg = base;
}

void Compiler::chain(const ChainExpression* node) {
    std::vector<uint32_t> exits;
    if (is<MemberExpression>(node->expression))
        member(as<MemberExpression>(node->expression), &exits);
    else
        call(as<CallExpression>(node->expression), &exits);
    if (exits.empty()) return;
    uint32_t to_end = emit_jump(Opcode::Jump);
    patch_all(exits, here());
    emit(Opcode::LdaUndefined);
    patch_here(to_end);
}

void Compiler::new_expression(const NewExpression* node) {
    uint32_t base = regs(2);
    expression_to(node->callee, base);
    uint32_t argc = arguments(node->arguments, base + 2);
    f->offset = node->start;
    uint32_t text = string_constant(callee_text(node->callee));
    if (argc == UINT32_MAX)
        emit(Opcode::ConstructSpread, {base, text});
    else
        emit(Opcode::Construct, {base, argc, text});
}

void Compiler::super_call(const CallExpression* node) {
    if (!f->is_derived) {
        fail(node->start, "'super(...)' is only supported directly inside a derived class "
                          "constructor");
        return;
    }
    uint32_t base = regs(2);
    uint32_t argc = arguments(node->arguments, base + 2);
    f->offset = node->start;
    if (argc == UINT32_MAX)
        emit(Opcode::SuperCallSpread, {base});
    else
        emit(Opcode::SuperCall, {base, argc});
    Variable* self = m_scopes.resolved(node);
    store_variable(self, "this", node->start, true);
    emit(Opcode::Star, {base});
    emit_field_initialization(base);
    emit(Opcode::Ldar, {base});
}

void Compiler::array_literal(const ArrayExpression* node) {
    bool simple = node->elements.size() <= 16;
    for (const Node* e : node->elements) simple = simple && e && !is<SpreadElement>(e);
    if (simple) {
        uint32_t first = regs(node->elements.size());
        for (uint32_t i = 0; i < node->elements.size(); ++i)
            expression_to(node->elements[i], first + i);
        emit(node, Opcode::CreateArray, {first, node->elements.size()});
        return;
    }
    uint32_t array = reg();
    emit(node, Opcode::CreateArray, {array, 0});
    emit(Opcode::Star, {array});
    for (const Node* e : node->elements) {
        if (!e) {
            emit(Opcode::ArrayPushHole, {array});
        } else if (is<SpreadElement>(e)) {
            expression(as<SpreadElement>(e)->argument);
            emit(e, Opcode::ArraySpread, {array});
        } else {
            expression(e);
            emit(Opcode::ArrayPush, {array});
        }
    }
    emit(Opcode::Ldar, {array});
}

// IsAnonymousFunctionDefinition (ECMA-262 §8.4.3) under a computed or numeric key; the
// parser names the functions under every other key. A class with a static field "name"
// keeps that field.
bool Compiler::is_named_by_key(const Node* key, bool computed, const Node* value) {
    if (!computed && !is<NumberLiteral>(key)) return false;
    if (is<Function>(value)) {
        const auto* fn = as<Function>(value);
        return !fn->id && fn->name.empty() &&
               (fn->form == FunctionForm::Expression || fn->form == FunctionForm::Arrow);
    }
    if (!is<Class>(value) || as<Class>(value)->id || !as<Class>(value)->name.empty()) return false;
    for (const ClassMember* m : as<Class>(value)->members) {
        if (m->member_kind == ClassMemberKind::Field && m->is_static && !m->computed &&
            is<StringLiteral>(m->key) && as<StringLiteral>(m->key)->value == "name")
            return false;
    }
    return true;
}

// Leaves the key in `target`: a string constant, or the computed value. An object key is
// converted at once (ToPropertyKey runs its toString before the value is evaluated, and only
// once); the defining instruction converts the rest.
void Compiler::property_key(const Node* key, bool computed, uint32_t target) {
    if (computed) {
        expression(key);
        if (!is_simple(key) && !is<TemplateLiteral>(key)) emit(Opcode::ToPropertyKey);
    } else if (is<NumberLiteral>(key)) {
        emit(Opcode::LdaConst, {string_constant(number_to_string(as<NumberLiteral>(key)->value))});
    } else {
        emit(Opcode::LdaConst, {string_constant(as<StringLiteral>(key)->value)});
    }
    emit(Opcode::Star, {target});
}

void Compiler::object_literal(const ObjectExpression* node) {
    // Constant keys only: one instruction builds the object with a precomputed shape.
    bool constant_keys = node->properties.size() > 0 && node->properties.size() <= 32;
    std::vector<std::string> keys;
    for (const Node* p : node->properties) {
        if (!constant_keys) break;
        if (!is<Property>(p)) {
            constant_keys = false;
            break;
        }
        auto* prop = as<Property>(p);
        if (prop->computed || prop->property_kind != PropertyKind::Init ||
            !is<StringLiteral>(prop->key)) {
            constant_keys = false;
            break;
        }
        std::string k(as<StringLiteral>(prop->key)->value);
        if (k == "__proto__" || m_runtime.atoms().key(k).is_index() ||
            std::find(keys.begin(), keys.end(), k) != keys.end()) {
            constant_keys = false;
            break;
        }
        keys.push_back(k);
    }
    if (constant_keys) {
        uint32_t first = regs(node->properties.size());
        for (uint32_t i = 0; i < node->properties.size(); ++i)
            expression_to(as<Property>(node->properties[i])->value, first + i);
        ObjectLiteralTemplate t;
        for (const std::string& k : keys) t.keys.push_back(m_runtime.key(k));
        f->block->literals.push_back(std::move(t));
        emit(node, Opcode::CreateObjectLiteral,
             {first, static_cast<uint32_t>(f->block->literals.size() - 1)});
        return;
    }
    uint32_t object = reg();
    uint32_t key = reg();
    emit(node, Opcode::CreateObject);
    emit(Opcode::Star, {object});
    for (const Node* p : node->properties) {
        if (is<SpreadElement>(p)) {
            expression(as<SpreadElement>(p)->argument);
            emit(p, Opcode::CopyDataProperties, {object});
            continue;
        }
        auto* prop = as<Property>(p);
        if (prop->property_kind == PropertyKind::Init && !prop->computed && !prop->shorthand &&
            is<StringLiteral>(prop->key) && as<StringLiteral>(prop->key)->value == "__proto__") {
            expression(prop->value);
            emit(Opcode::SetProtoLiteral, {object});
            continue;
        }
        property_key(prop->key, prop->computed, key);
        if (prop->property_kind == PropertyKind::Init) {
            expression(prop->value);
            if (is_named_by_key(prop->key, prop->computed, prop->value))
                emit(p, Opcode::DefineMethod, {object, key, 4 | 8});
            else
                emit(p, Opcode::DefineKeyed, {object, key});
            continue;
        }
        CodeBlock* code = compile_function(as<Function>(prop->value));
        if (!code) return;
        emit(Opcode::CreateClosure, {constant(Value(code))});
        uint32_t kind = prop->property_kind == PropertyKind::Getter   ? 1
                        : prop->property_kind == PropertyKind::Setter ? 2
                                                                      : 0;
        uint32_t named = as<Function>(prop->value)->name.empty() ? 8 : 0;
        emit(p, Opcode::DefineMethod, {object, key, kind | 4 | named});
    }
    emit(Opcode::Ldar, {object});
}

} // namespace loopsim::js
