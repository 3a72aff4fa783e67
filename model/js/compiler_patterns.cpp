// Compiler: destructuring patterns and assignment targets. The value to bind is in the
// accumulator; `initialise` distinguishes a declaration (let/const/var/parameter/catch)
// from an assignment (const and TDZ checks apply).
#include "model/js/call_site_text.h"
#include "model/js/compiler.h"
#include "model/js/conversions.h"
#include "model/js/runtime.h"

namespace loopsim::js {

using namespace syntax;

namespace {

// The key of a non-computed pattern property as V8 names it in messages.
std::string static_key_text(const Property* p) {
    if (is<NumberLiteral>(p->key)) return number_to_string(as<NumberLiteral>(p->key)->value);
    return std::string(as<StringLiteral>(p->key)->value);
}

} // namespace

void Compiler::bind_pattern(const Node* target, bool initialise) {
    bind_pattern(target, initialise, PatternSource{});
}

void Compiler::bind_pattern(const Node* target, bool initialise, const PatternSource& source) {
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
        // V8 reads `target = default` as an assignment from the default's text, whether or
        // not the default was used; a parameter's default as `arg === undefined ? d : arg`.
        PatternSource inner{PatternSource::Kind::Assigned, call_site_text(p->fallback), {}};
        if (source.kind == PatternSource::Kind::Parameter)
            inner.text = "(intermediate value)(intermediate value)(intermediate value)";
        bind_pattern(p->target, initialise, inner);
        break;
    }
    case NodeKind::ObjectPattern:
        if (source.kind == PatternSource::Kind::Parameter)
            object_pattern(as<ObjectPattern>(target), initialise,
                           {PatternSource::Kind::Assigned, {}, {}});
        else
            object_pattern(as<ObjectPattern>(target), initialise, source);
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

// The null/undefined check, worded as V8 words the error it throws at that point: its first
// property load fails, or (no property, a computed first key, a rest first) an explicit
// check does.
void Compiler::object_pattern_check(const ObjectPattern* pattern, const PatternSource& source) {
    using Kind = PatternSource::Kind;
    const Node* first = pattern->properties.empty() ? nullptr : pattern->properties[0];
    std::string key;
    std::string text = source.text;
    uint32_t mode = 1; // "Cannot read properties of null (reading 'key')"
    if (!first || (is<Property>(first) && as<Property>(first)->computed)) {
        if (source.kind == Kind::Assigned) {
            mode = 0;
        } else if (source.kind == Kind::Property) {
            mode = 0;
            key = source.key; // V8 blames the parent's property
        }
    } else if (is<RestElement>(first)) {
        if (source.kind == Kind::Assigned) mode = 0;
    } else {
        auto* p = as<Property>(first);
        key = static_key_text(p);
        // A default value or a member target moves the load to another source position,
        // where V8 no longer sees the destructuring.
        if (source.kind == Kind::Assigned && !is<AssignmentPattern>(p->value) &&
            !is<MemberExpression>(p->value))
            mode = 0;
    }
    emit(pattern, Opcode::RequireObjectCoercible,
         {string_constant(key), string_constant(text), mode});
}

void Compiler::object_pattern(const ObjectPattern* pattern, bool initialise,
                              const PatternSource& source) {
    uint32_t value = reg();
    emit(Opcode::Star, {value});
    object_pattern_check(pattern, source);
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
        PatternSource inner;
        if (source.kind == PatternSource::Kind::Assigned && is<ObjectPattern>(p->value))
            inner = {PatternSource::Kind::Property, source.text,
                     p->computed ? std::string() : static_key_text(p)};
        bind_pattern(p->value, initialise, inner);
    }
}

void Compiler::array_pattern(const ArrayPattern* pattern, bool initialise) {
    uint32_t iter = regs(3);
    emit(pattern, Opcode::GetIterator, {iter, string_constant("")});
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
