// Compiler: emission helpers, scopes and variables, and functions.
#include "model/js/compiler.h"

#include "model/js/runtime.h"

namespace loopsim::js {

using namespace syntax;

CompileResult compile_script(Runtime& runtime, std::shared_ptr<const SourceFile> source,
                             const Program& program, std::span<const std::string_view> params) {
    ScopeAnalysis scopes;
    if (auto diagnostic = scopes.analyze(program, params)) return {nullptr, diagnostic};
    Compiler compiler(runtime, std::move(source), scopes);
    CodeBlock* code = compiler.compile_script(program);
    if (compiler.error) return {nullptr, compiler.error};
    return {code, std::nullopt};
}

Compiler::Compiler(Runtime& runtime, std::shared_ptr<const SourceFile> source,
                   const ScopeAnalysis& scopes)
    : m_runtime(runtime), m_source(std::move(source)), m_scopes(scopes) {}

// --- emission -----------------------------------------------------------------------------------

uint32_t Compiler::emit(const Node* at, Opcode op, std::initializer_list<uint32_t> operands) {
    if (at) f->offset = at->start;
    return emit(op, operands);
}

uint32_t Compiler::emit(Opcode op, std::initializer_list<uint32_t> operands) {
    LOOPSIM_ASSERT(operands.size() == opcode_info(op).operand_count, "operand count mismatch");
    CodeBlock& b = *f->block;
    uint32_t pc = here();
    if (f->offset != f->last_offset) {
        b.lines.push_back({pc, f->offset});
        f->last_offset = f->offset;
    }
    b.code.push_back(static_cast<uint32_t>(op));
    for (uint32_t o : operands) b.code.push_back(o);
    if (f->next_reg > b.register_count) b.register_count = f->next_reg;
    return pc;
}

uint32_t Compiler::emit_jump(Opcode op, std::initializer_list<uint32_t> before) {
    std::vector<uint32_t> operands(before);
    operands.push_back(0);
    CodeBlock& b = *f->block;
    if (f->offset != f->last_offset) {
        b.lines.push_back({here(), f->offset});
        f->last_offset = f->offset;
    }
    b.code.push_back(static_cast<uint32_t>(op));
    for (uint32_t o : operands) b.code.push_back(o);
    return here() - 1;
}

uint32_t Compiler::constant(Value value) {
    auto& pool = f->block->constants;
    for (uint32_t i = 0; i < pool.size(); ++i) {
        if (pool[i].is_same_bits(value)) return i;
    }
    pool.push_back(value);
    return static_cast<uint32_t>(pool.size() - 1);
}

uint32_t Compiler::name(std::string_view text) {
    String* atom = m_runtime.atoms().intern(text);
    return constant(Value(atom));
}

uint32_t Compiler::string_constant(std::string_view text) {
    return name(text);
}

uint32_t Compiler::cache() {
    f->block->caches.emplace_back();
    return static_cast<uint32_t>(f->block->caches.size() - 1);
}

uint32_t Compiler::reg() {
    uint32_t r = f->next_reg++;
    if (f->next_reg > f->block->register_count) f->block->register_count = f->next_reg;
    return r;
}

uint32_t Compiler::regs(uint32_t count) {
    uint32_t first = f->next_reg;
    for (uint32_t i = 0; i < count; ++i) reg();
    return first;
}

void Compiler::fail(uint32_t offset, std::string message) {
    if (!error) error = Diagnostic{offset, DiagnosticCode::Unexpected, std::move(message)};
}

// --- scopes -------------------------------------------------------------------------------------

// Opens a block-level scope: registers for its uncaptured variables (uninitialised for
// lexical ones, so TDZ checks see the hole), and an environment when something is captured.
void Compiler::enter_scope(Scope* scope) {
    if (!scope) return;
    f->scope = scope;
    if (scope->has_env()) {
        emit(Opcode::PushEnv, {scope->env_slots});
        ++f->env_depth;
    }
    for (Variable* v : scope->variables) {
        if (v->captured) continue;
        v->reg = reg();
        if (v->is_lexical()) {
            emit(Opcode::LdaHole);
            emit(Opcode::Star, {v->reg});
        } else {
            emit(Opcode::LdaUndefined);
            emit(Opcode::Star, {v->reg});
        }
    }
}

void Compiler::leave_scope(Scope* scope) {
    if (!scope) return;
    if (scope->has_env()) {
        emit(Opcode::PopEnv);
        --f->env_depth;
    }
    f->scope = scope->parent;
}

uint32_t Compiler::env_distance(const Scope* target) const {
    uint32_t depth = 0;
    for (const Scope* s = f->scope; s && s != target; s = s->parent) {
        if (s->has_env()) ++depth;
    }
    return depth;
}

void Compiler::load_variable(Variable* v, std::string_view text, uint32_t offset) {
    if (!v) {
        emit(Opcode::LdaGlobal, {name(text), cache()});
        return;
    }
    // Parameters read before their own initialisation (in an earlier default) are in their
    // TDZ too; the register holds the hole until then.
    bool lexical = v->is_lexical() || (v->kind == VariableKind::This && f->is_derived) ||
                   (v->kind == VariableKind::This && v->captured) ||
                   (v->kind == VariableKind::Param && offset < v->offset);
    bool check = lexical && (v->captured || v->scope->is_switch || offset < v->offset ||
                             v->kind == VariableKind::This);
    if (v->kind == VariableKind::This && !f->is_derived && !v->captured) check = false;
    if (v->captured) {
        uint32_t depth = env_distance(v->scope);
        if (check)
            emit(Opcode::LdaEnvChecked, {depth, v->env_index, name(text)});
        else
            emit(Opcode::LdaEnv, {depth, v->env_index});
    } else if (check) {
        emit(Opcode::LdarChecked, {v->reg, name(text)});
    } else {
        emit(Opcode::Ldar, {v->reg});
    }
}

void Compiler::store_variable(Variable* v, std::string_view text, uint32_t offset,
                              bool initialise) {
    if (!v) {
        emit(Opcode::StaGlobal, {name(text), cache()});
        return;
    }
    if (!initialise) {
        if (v->is_const()) {
            if (v->captured)
                emit(Opcode::LdaEnvChecked, {env_distance(v->scope), v->env_index, name(text)});
            else
                emit(Opcode::LdarChecked, {v->reg, name(text)});
            emit(Opcode::ThrowConstAssign, {name(text)});
            return;
        }
        if (v->kind == VariableKind::FunctionSelf) {
            if (f->block->has(CodeFlagStrict)) emit(Opcode::ThrowConstAssign, {name(text)});
            return;
        }
    }
    bool check = !initialise && v->is_lexical();
    if (v->captured) {
        uint32_t depth = env_distance(v->scope);
        if (check)
            emit(Opcode::StaEnvChecked, {depth, v->env_index, name(text)});
        else
            emit(Opcode::StaEnv, {depth, v->env_index});
    } else if (check) {
        emit(Opcode::StarChecked, {v->reg, name(text)});
    } else {
        emit(Opcode::Star, {v->reg});
    }
}

void Compiler::load_identifier(const Identifier* id) {
    f->offset = id->start;
    if (id->name == "undefined" && !m_scopes.resolved(id)) {
        emit(Opcode::LdaUndefined);
        return;
    }
    load_variable(m_scopes.resolved(id), id->name, id->start);
}

void Compiler::store_identifier(const Identifier* id, bool initialise) {
    f->offset = id->start;
    store_variable(m_scopes.resolved(id), id->name, id->start, initialise);
}

// Function declarations are initialised when their scope is entered (hoisting).
void Compiler::hoist_functions(NodeList<Node> body) {
    for (const Node* s : body) {
        if (!is<FunctionDeclaration>(s)) continue;
        const Function* fn = as<FunctionDeclaration>(s)->function;
        CodeBlock* code = compile_function(fn);
        if (!code) return;
        emit(s, Opcode::CreateClosure, {constant(Value(code))});
        store_identifier(fn->id, true);
    }
}

// --- functions ----------------------------------------------------------------------------------

CodeBlock* Compiler::compile_script(const Program& program) {
    auto state = std::make_unique<FunctionState>();
    f = state.get();
    m_states.push_back(std::move(state));
    CodeBlock* b = m_runtime.heap().allocate<CodeBlock>();
    f->block = b;
    b->source = m_source;
    b->source_start = 0;
    b->source_end = program.end;
    // An ES module's body is an anonymous function in stack traces ("at file:///x.mjs:1:1"),
    // and an async one when it awaits at the top level.
    b->flags = program.is_module ? 0u : uint32_t{CodeFlagScript};
    if (program.is_strict) b->flags |= CodeFlagStrict;
    if (program.has_top_level_await) b->flags |= CodeFlagAsync;
    Scope* scope = m_scopes.script_scope();
    f->function_scope = scope;
    uint32_t param_index = 0;
    for (Variable* v : scope->variables) {
        if (v->kind == VariableKind::Param) ++param_index;
    }
    b->param_count = param_index;
    b->length = param_index;
    f->next_reg = 2 + param_index;
    f->scope = scope;
    if (scope->has_env()) {
        emit(Opcode::PushEnv, {scope->env_slots});
        ++f->env_depth;
    }
    uint32_t p = 0;
    for (Variable* v : scope->variables) {
        if (v->kind == VariableKind::Param) {
            uint32_t r = 2 + p++;
            if (v->captured) {
                emit(Opcode::Ldar, {r});
                emit(Opcode::StaEnv, {0, v->env_index});
            } else {
                v->reg = r;
            }
            continue;
        }
        if (!v->captured) v->reg = reg();
        if (v->kind == VariableKind::This) {
            emit(Opcode::Ldar, {1});
        } else if (v->kind == VariableKind::Arguments) {
            b->flags |= CodeFlagNeedsArguments;
            emit(Opcode::CreateArguments);
        } else if (v->is_lexical()) {
            emit(Opcode::LdaHole);
        } else {
            emit(Opcode::LdaUndefined);
        }
        if (v->captured)
            emit(Opcode::StaEnv, {0, v->env_index});
        else
            emit(Opcode::Star, {v->reg});
    }
    if (b->has(CodeFlagNeedsArguments)) b->args_register = reg();
    hoist_functions(program.body);
    statements(program.body);
    emit(Opcode::LdaUndefined);
    emit(Opcode::Return);
    return error ? nullptr : b;
}

CodeBlock* Compiler::compile_function(const Function* fn, std::string_view name_override) {
    auto state = std::make_unique<FunctionState>();
    state->outer = f;
    FunctionState* saved = f;
    f = state.get();
    m_states.push_back(std::move(state));
    CodeBlock* b = m_runtime.heap().allocate<CodeBlock>();
    f->block = b;
    b->source = m_source;
    b->source_start = fn->start;
    b->source_end = fn->end;
    b->name = std::string(name_override.empty() ? fn->name : name_override);
    if (auto inferred = m_inferred_names.find(fn); inferred != m_inferred_names.end())
        b->inferred_name = inferred->second;
    // Accessors are named "get x" / "set x" (SetFunctionName with a prefix); a computed key
    // leaves the name empty here and DefineMethod adds both at run time.
    if (!b->name.empty() && fn->form == FunctionForm::Getter) b->name.insert(0, "get ");
    if (!b->name.empty() && fn->form == FunctionForm::Setter) b->name.insert(0, "set ");
    uint32_t flags = 0;
    if (fn->is_strict) flags |= CodeFlagStrict;
    if (fn->form == FunctionForm::Arrow) flags |= CodeFlagArrow;
    if (fn->is_async) flags |= CodeFlagAsync;
    if (fn->form == FunctionForm::Method || fn->form == FunctionForm::Getter ||
        fn->form == FunctionForm::Setter)
        flags |= CodeFlagMethod;
    if (fn->form == FunctionForm::ClassConstructor ||
        fn->form == FunctionForm::DerivedClassConstructor)
        flags |= CodeFlagClassConstructor | CodeFlagStrict;
    if (fn->form == FunctionForm::DerivedClassConstructor) {
        flags |= CodeFlagDerived;
        f->is_derived = true;
    }
    b->flags = flags;
    compile_function_body(fn);
    f = saved;
    return error ? nullptr : b;
}

void Compiler::compile_function_body(const Function* fn) {
    CodeBlock* b = f->block;
    Scope* scope = m_scopes.scope_of(fn);
    f->function_scope = scope;
    f->scope = scope;
    uint32_t count = fn->params.size();
    bool has_rest = count > 0 && is<RestElement>(fn->params[count - 1]);
    uint32_t formal = has_rest ? count - 1 : count;
    b->param_count = formal;
    uint32_t length = 0;
    for (const Node* p : fn->params) {
        if (is<AssignmentPattern>(p) || is<RestElement>(p)) break;
        ++length;
    }
    b->length = length;
    f->next_reg = 2 + formal;
    if (scope->has_env()) {
        emit(fn, Opcode::PushEnv, {scope->env_slots});
        ++f->env_depth;
    }
    bool simple = fn->has_simple_params;
    // Simple uncaptured parameters live in their argument registers.
    for (Variable* v : scope->variables) {
        if (v->kind != VariableKind::Param || v->captured || !simple) continue;
        for (uint32_t i = formal; i-- > 0;) {
            if (as<Identifier>(fn->params[i])->name == v->name) {
                v->reg = 2 + i;
                break;
            }
        }
    }
    for (Variable* v : scope->variables) {
        bool param_in_reg = v->kind == VariableKind::Param && simple && !v->captured;
        if (param_in_reg) continue;
        if (!v->captured) v->reg = reg();
        switch (v->kind) {
        case VariableKind::This:
            if (f->is_derived)
                emit(Opcode::LdaHole);
            else
                emit(Opcode::Ldar, {1});
            break;
        case VariableKind::Arguments:
            b->flags |= CodeFlagNeedsArguments;
            emit(Opcode::CreateArguments);
            break;
        case VariableKind::FunctionSelf:
            emit(Opcode::Ldar, {0});
            break;
        case VariableKind::Param:
            if (simple) {
                for (uint32_t i = formal; i-- > 0;) {
                    if (as<Identifier>(fn->params[i])->name == v->name) {
                        emit(Opcode::Ldar, {2 + i});
                        break;
                    }
                }
            } else {
                emit(Opcode::LdaHole);
            }
            break;
        default:
            if (v->is_lexical())
                emit(Opcode::LdaHole);
            else
                emit(Opcode::LdaUndefined);
            break;
        }
        if (v->captured)
            emit(Opcode::StaEnv, {0, v->env_index});
        else
            emit(Opcode::Star, {v->reg});
    }
    if (has_rest) b->flags |= CodeFlagNeedsArguments;
    if (b->has(CodeFlagNeedsArguments)) b->args_register = reg();
    if (!simple) {
        for (uint32_t i = 0; i < count; ++i) {
            const Node* p = fn->params[i];
            f->offset = p->start;
            if (is<RestElement>(p)) {
                emit(Opcode::CreateRest, {i});
                bind_pattern(as<RestElement>(p)->argument, true);
                continue;
            }
            emit(Opcode::Ldar, {2 + i});
            bind_pattern(p, true, {PatternSource::Kind::Parameter, {}, {}});
        }
    }
    if (fn->is_expression_body) {
        expression(fn->body);
        emit_return();
        return;
    }
    auto* body = as<BlockStatement>(fn->body);
    hoist_functions(body->body);
    // Base class constructors initialise their fields on entry.
    if (fn->form == FunctionForm::ClassConstructor) emit_field_initialization(1);
    statements(body->body);
    emit(Opcode::LdaUndefined);
    emit_return();
}

// `return acc` from the current function. In a derived constructor, `return;` and
// `return undefined` give `this` (a ReferenceError while it is still unbound).
void Compiler::emit_return() {
    if (f->is_derived) {
        uint32_t skip = emit_jump(Opcode::JumpIfNotUndefined);
        Variable* self = f->function_scope->find("this");
        load_variable(self, "this", 0);
        patch_here(skip);
    }
    for (size_t i = f->targets.size(); i-- > 0;) {
        Target::Kind kind = f->targets[i].kind;
        if (kind == Target::Kind::Finally || kind == Target::Kind::Iterator ||
            kind == Target::Kind::AsyncIterator) {
            jump_to(2, SIZE_MAX);
            return;
        }
    }
    emit(Opcode::Return);
}

} // namespace loopsim::js
