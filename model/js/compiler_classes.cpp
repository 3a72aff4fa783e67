// Compiler: class definitions. A class compiles to CreateClass (constructor + prototype),
// then one DefineMethod per method/getter/setter, then the field initializers: instance
// fields become a hidden function stored in the class scope's %fields (the constructor calls
// it once `this` exists), static fields a function called at once with `this` = the class.
// %home (the prototype) and %shome (the class) are the home objects `super.x` reads through.
#include "model/js/compiler.h"
#include "model/js/runtime.h"

namespace loopsim::js {

using namespace syntax;

void Compiler::compile_class(const Class* definition, std::string_view name_override) {
    uint32_t base = regs(2);
    if (definition->super_class)
        expression(definition->super_class);
    else
        emit(Opcode::LdaHole);
    emit(Opcode::Star, {base});
    Scope* scope = m_scopes.scope_of(definition);
    enter_scope(scope);
    const Class* saved_class = m_class;
    m_class = definition;
    std::string_view class_name = name_override.empty() ? definition->name : name_override;
    CodeBlock* ctor = nullptr;
    if (definition->constructor) {
        ctor = compile_function(as<Function>(definition->constructor->value), class_name);
    } else {
        // constructor() {} or constructor(...args) { super(...args); }
        auto state = std::make_unique<FunctionState>();
        state->outer = f;
        FunctionState* saved = f;
        f = state.get();
        m_states.push_back(std::move(state));
        ctor = m_runtime.heap().allocate<CodeBlock>();
        f->block = ctor;
        ctor->source = m_source;
        ctor->source_start = definition->start;
        ctor->source_end = definition->end;
        ctor->name = std::string(class_name);
        ctor->flags = CodeFlagClassConstructor | CodeFlagStrict | CodeFlagNeedsArguments;
        f->scope = scope;
        f->offset = definition->start;
        f->next_reg = 2;
        ctor->args_register = reg();
        if (definition->super_class) {
            f->is_derived = true;
            ctor->flags |= CodeFlagDerived;
            uint32_t call_base = regs(3);
            emit(Opcode::CreateRest, {0});
            emit(Opcode::Star, {call_base + 2});
            emit(Opcode::SuperCallSpread, {call_base});
            emit(Opcode::Star, {call_base});
            emit_field_initialization(call_base);
            emit(Opcode::Ldar, {call_base});
            emit(Opcode::Return);
        } else {
            emit_field_initialization(1);
            emit(Opcode::LdaUndefined);
            emit(Opcode::Return);
        }
        f = saved;
    }
    if (!ctor) return;
    emit(definition, Opcode::CreateClass, {base, constant(Value(ctor))});
    auto init = [&](std::string_view var_name, uint32_t from) {
        Variable* v = scope->find(var_name);
        if (!v) return;
        emit(Opcode::Ldar, {from});
        store_variable(v, var_name, 0, true);
    };
    init("%home", base + 1);
    init("%shome", base);
    if (definition->id) init(definition->id->name, base);
    uint32_t key = reg();
    for (const ClassMember* m : definition->members) {
        if (m->member_kind == ClassMemberKind::Field && m->computed) {
            // Evaluated now, in source order with the methods' keys; the initializer reads it.
            property_key(m->key, true, key);
            store_variable(m_scopes.resolved(m), "%key", 0, true);
            continue;
        }
        if (m->member_kind == ClassMemberKind::Constructor ||
            m->member_kind == ClassMemberKind::Field)
            continue;
        property_key(m->key, m->computed, key);
        CodeBlock* code = compile_function(as<Function>(m->value));
        if (!code) return;
        emit(Opcode::CreateClosure, {constant(Value(code))});
        uint32_t kind = m->member_kind == ClassMemberKind::Getter   ? 1
                        : m->member_kind == ClassMemberKind::Setter ? 2
                                                                    : 0;
        uint32_t named = as<Function>(m->value)->name.empty() ? 8 : 0;
        emit(m, Opcode::DefineMethod, {m->is_static ? base : base + 1, key, kind | named});
    }
    if (m_scopes.field_scope(definition, false)) {
        CodeBlock* code = compile_field_initializer(definition, false);
        if (!code) return;
        emit(Opcode::CreateClosure, {constant(Value(code))});
        store_variable(scope->find("%fields"), "%fields", 0, true);
    }
    if (m_scopes.field_scope(definition, true)) {
        CodeBlock* code = compile_field_initializer(definition, true);
        if (!code) return;
        uint32_t call_base = regs(2);
        emit(Opcode::CreateClosure, {constant(Value(code))});
        emit(Opcode::Star, {call_base});
        emit(Opcode::Mov, {base, call_base + 1});
        emit(Opcode::Call, {call_base, 0, string_constant("static initializer")});
    }
    emit(Opcode::Ldar, {base});
    m_class = saved_class;
    leave_scope(scope);
}

CodeBlock* Compiler::compile_field_initializer(const Class* definition, bool is_static) {
    auto state = std::make_unique<FunctionState>();
    state->outer = f;
    FunctionState* saved = f;
    f = state.get();
    m_states.push_back(std::move(state));
    CodeBlock* b = m_runtime.heap().allocate<CodeBlock>();
    f->block = b;
    b->source = m_source;
    b->source_start = definition->start;
    b->source_end = definition->end;
    b->name = is_static ? "<static_initializer>" : "<instance_members_initializer>";
    b->flags = CodeFlagStrict | CodeFlagMethod;
    Scope* scope = m_scopes.field_scope(definition, is_static);
    f->function_scope = scope;
    f->scope = scope;
    f->next_reg = 2;
    f->offset = definition->start;
    if (scope->has_env()) {
        emit(Opcode::PushEnv, {scope->env_slots});
        ++f->env_depth;
    }
    for (Variable* v : scope->variables) {
        if (!v->captured) v->reg = reg();
        if (v->kind == VariableKind::This)
            emit(Opcode::Ldar, {1});
        else if (v->kind == VariableKind::Arguments)
            emit(Opcode::LdaUndefined);
        else
            emit(Opcode::LdaHole);
        if (v->captured)
            emit(Opcode::StaEnv, {0, v->env_index});
        else
            emit(Opcode::Star, {v->reg});
    }
    uint32_t key = reg();
    for (const ClassMember* m : definition->members) {
        if (m->member_kind != ClassMemberKind::Field || m->is_static != is_static) continue;
        if (m->computed) {
            load_variable(m_scopes.resolved(m), "%key", 0);
            emit(Opcode::Star, {key});
        } else {
            property_key(m->key, false, key);
        }
        if (m->value)
            expression(m->value);
        else
            emit(Opcode::LdaUndefined);
        if (m->value && is_named_by_key(m->key, m->computed, m->value))
            emit(m, Opcode::DefineMethod, {1, key, 4 | 8});
        else
            emit(m, Opcode::DefineKeyed, {1, key});
    }
    emit(Opcode::LdaUndefined);
    emit(Opcode::Return);
    f = saved;
    return error ? nullptr : b;
}

// Calls the class's instance field initializer, if it has one, with `this` in `this_reg`.
void Compiler::emit_field_initialization(uint32_t this_reg) {
    Variable* fields = nullptr;
    for (Scope* s = f->scope; s; s = s->parent) {
        if (s->kind == ScopeKind::Class) {
            fields = s->find("%fields");
            break;
        }
    }
    if (!fields || !fields->captured) return;
    uint32_t saved_reg = f->next_reg;
    uint32_t call_base = regs(2);
    load_variable(fields, "%fields", 0);
    uint32_t skip = emit_jump(Opcode::JumpIfUndefined);
    emit(Opcode::Star, {call_base});
    emit(Opcode::Mov, {this_reg, call_base + 1});
    emit(Opcode::Call, {call_base, 0, string_constant("field initializer")});
    patch_here(skip);
    f->next_reg = saved_reg;
}

} // namespace loopsim::js
