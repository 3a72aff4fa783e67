// Compiler: destructuring patterns and assignment targets. The value to bind is in the
// accumulator; `initialise` distinguishes a declaration (let/const/var/parameter/catch)
// from an assignment (const and TDZ checks apply).
#include "model/js/compiler.h"
#include "model/js/conversions.h"
#include "model/js/runtime.h"

namespace loopsim::js {

using namespace syntax;

void Compiler::bind_pattern(const Node* target, bool initialise) {
    if (error) return;
    uint32_t saved_reg = f->next_reg;
    switch (target->kind) {
    case NodeKind::Identifier:
        store_identifier(as<Identifier>(target), initialise);
        break;
    case NodeKind::MemberExpression: {
        auto* m = as<MemberExpression>(target);
        uint32_t value = reg();
        uint32_t object = reg();
        emit(Opcode::Star, {value});
        expression_to(m->object, object);
        if (m->computed) {
            uint32_t key = reg();
            expression_to(m->property, key);
            emit(Opcode::Ldar, {value});
            emit(m, Opcode::SetKeyed, {object, key});
        } else {
            emit(Opcode::Ldar, {value});
            emit(m, Opcode::SetNamed,
                 {object, name(as<StringLiteral>(m->property)->value), cache()});
        }
        break;
    }
    case NodeKind::AssignmentPattern: {
        auto* p = as<AssignmentPattern>(target);
        uint32_t skip = emit_jump(Opcode::JumpIfNotUndefined);
        expression(p->fallback);
        patch_here(skip);
        bind_pattern(p->target, initialise);
        break;
    }
    case NodeKind::ObjectPattern:
        object_pattern(as<ObjectPattern>(target), initialise);
        break;
    case NodeKind::ArrayPattern:
        array_pattern(as<ArrayPattern>(target), initialise);
        break;
    case NodeKind::RestElement:
        bind_pattern(as<RestElement>(target)->argument, initialise);
        break;
    default:
        fail(target->start, "invalid destructuring target");
        break;
    }
    f->next_reg = saved_reg;
}

void Compiler::object_pattern(const ObjectPattern* pattern, bool initialise) {
    uint32_t value = reg();
    emit(Opcode::Star, {value});
    std::string first_key;
    if (!pattern->properties.empty() && is<Property>(pattern->properties[0])) {
        auto* p = as<Property>(pattern->properties[0]);
        if (!p->computed && is<StringLiteral>(p->key))
            first_key = std::string(as<StringLiteral>(p->key)->value);
    }
    emit(pattern, Opcode::RequireObjectCoercible, {string_constant(first_key)});
    uint32_t count = pattern->properties.size();
    bool has_rest = count > 0 && is<RestElement>(pattern->properties[count - 1]);
    uint32_t keys = has_rest ? regs(count - 1) : 0;
    for (uint32_t i = 0; i < count; ++i) {
        const Node* entry = pattern->properties[i];
        if (is<RestElement>(entry)) {
            emit(entry, Opcode::ObjectRest, {value, keys, count - 1});
            bind_pattern(as<RestElement>(entry)->argument, initialise);
            continue;
        }
        auto* p = as<Property>(entry);
        if (!p->computed && is<StringLiteral>(p->key) && !has_rest &&
            !m_runtime.atoms().key(as<StringLiteral>(p->key)->value).is_index()) {
            emit(Opcode::Ldar, {value});
            std::string_view k = as<StringLiteral>(p->key)->value;
            if (k == "length")
                emit(p, Opcode::GetLength, {cache()});
            else
                emit(p, Opcode::GetNamed, {name(k), cache()});
        } else {
            uint32_t key = has_rest ? keys + i : reg();
            property_key(p->key, p->computed, key);
            emit(Opcode::Ldar, {key});
            emit(p, Opcode::GetKeyed, {value});
        }
        bind_pattern(p->value, initialise);
    }
}

void Compiler::array_pattern(const ArrayPattern* pattern, bool initialise) {
    uint32_t iter = regs(3);
    emit(pattern, Opcode::GetIterator, {iter});
    for (const Node* e : pattern->elements) {
        if (e && is<RestElement>(e)) {
            emit(e, Opcode::IterRest, {iter});
            bind_pattern(as<RestElement>(e)->argument, initialise);
            continue;
        }
        uint32_t next = emit_jump(Opcode::IterNext, {iter});
        patch_here(next);
        if (e) bind_pattern(e, initialise);
    }
    emit(Opcode::IterClose, {iter});
}

} // namespace loopsim::js
