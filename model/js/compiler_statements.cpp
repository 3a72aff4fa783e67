// Compiler: statements, loops, switch, try/catch/finally and the routing of break, continue
// and return through finally blocks and open iterators.
#include "model/js/call_site_text.h"
#include "model/js/compiler.h"

namespace loopsim::js {

using namespace syntax;

namespace {
// Completion ids stored in a finally block's kind register; transfers get ids from 2 on.
constexpr int32_t kCompletionNormal = 0;
constexpr int32_t kCompletionThrow = 1;
} // namespace

void Compiler::statements(NodeList<Node> body) {
    for (const Node* s : body) {
        if (error) return;
        statement(s);
    }
}

void Compiler::statement(const Node* node) {
    uint32_t saved_reg = f->next_reg;
    f->offset = node->start;
    switch (node->kind) {
    case NodeKind::VariableDeclaration:
        variable_declaration(as<VariableDeclaration>(node));
        break;
    case NodeKind::FunctionDeclaration:
        break; // hoisted when its scope was entered
    case NodeKind::ClassDeclaration: {
        const Class* c = as<ClassDeclaration>(node)->definition;
        compile_class(c);
        store_identifier(c->id, true);
        break;
    }
    case NodeKind::ExpressionStatement:
        effect(as<ExpressionStatement>(node)->expression);
        break;
    case NodeKind::BlockStatement:
        block_statement(as<BlockStatement>(node));
        break;
    case NodeKind::EmptyStatement:
        break;
    case NodeKind::IfStatement:
        if_statement(as<IfStatement>(node));
        break;
    case NodeKind::ForStatement:
        for_statement(as<ForStatement>(node), {});
        break;
    case NodeKind::ForInStatement:
        for_in_statement(as<ForInStatement>(node), {});
        break;
    case NodeKind::ForOfStatement:
        for_of_statement(as<ForOfStatement>(node), {});
        break;
    case NodeKind::WhileStatement:
        while_statement(as<WhileStatement>(node), {});
        break;
    case NodeKind::DoWhileStatement:
        do_while_statement(as<DoWhileStatement>(node), {});
        break;
    case NodeKind::BreakStatement: {
        auto* n = as<BreakStatement>(node);
        size_t target = find_break_target(n->label, n->start);
        if (target != SIZE_MAX) jump_to(0, target);
        break;
    }
    case NodeKind::ContinueStatement: {
        auto* n = as<ContinueStatement>(node);
        size_t target = find_continue_target(n->label, n->start);
        if (target != SIZE_MAX) jump_to(1, target);
        break;
    }
    case NodeKind::ReturnStatement: {
        auto* n = as<ReturnStatement>(node);
        if (n->argument)
            expression(n->argument);
        else
            emit(Opcode::LdaUndefined);
        f->offset = node->start;
        emit_return();
        break;
    }
    case NodeKind::ThrowStatement:
        expression(as<ThrowStatement>(node)->argument);
        emit(node, Opcode::Throw);
        break;
    case NodeKind::TryStatement:
        try_statement(as<TryStatement>(node));
        break;
    case NodeKind::SwitchStatement:
        switch_statement(as<SwitchStatement>(node), {});
        break;
    case NodeKind::LabeledStatement:
        labeled_statement(as<LabeledStatement>(node));
        break;
    default:
        fail(node->start, std::string("unsupported statement: ") + node_kind_name(node->kind));
        break;
    }
    f->next_reg = saved_reg;
}

void Compiler::variable_declaration(const VariableDeclaration* decl) {
    for (const VariableDeclarator* d : decl->declarations) {
        if (d->init && is<Identifier>(d->target))
            infer_names(d->init, std::string(as<Identifier>(d->target)->name), false);
        if (d->init) {
            expression(d->init);
        } else if (decl->declaration_kind == DeclarationKind::Var) {
            continue;
        } else {
            emit(Opcode::LdaUndefined);
        }
        f->offset = d->start;
        PatternSource source;
        if (d->init) source = {PatternSource::Kind::Assigned, call_site_text(d->init), {}};
        bind_pattern(d->target, true, source);
    }
}

void Compiler::block_statement(const BlockStatement* node) {
    Scope* scope = m_scopes.scope_of(node);
    enter_scope(scope);
    hoist_functions(node->body);
    statements(node->body);
    leave_scope(scope);
}

void Compiler::if_statement(const IfStatement* node) {
    expression(node->test);
    uint32_t to_else = emit_jump(Opcode::JumpIfFalse);
    statement(node->consequent);
    if (node->alternate) {
        uint32_t to_end = emit_jump(Opcode::Jump);
        patch_here(to_else);
        statement(node->alternate);
        patch_here(to_end);
    } else {
        patch_here(to_else);
    }
}

size_t Compiler::push_loop(std::vector<std::string_view> labels) {
    Target t{Target::Kind::Breakable};
    t.labels = std::move(labels);
    t.is_loop = true;
    t.env_depth = f->env_depth;
    f->targets.push_back(std::move(t));
    return f->targets.size() - 1;
}

void Compiler::pop_breakable(uint32_t break_target, uint32_t continue_target) {
    Target& t = f->targets.back();
    patch_all(t.break_patches, break_target);
    patch_all(t.continue_patches, continue_target);
    f->targets.pop_back();
}

void Compiler::while_statement(const WhileStatement* node, std::vector<std::string_view> labels) {
    push_loop(std::move(labels));
    uint32_t top = here();
    expression(node->test);
    uint32_t exit = emit_jump(Opcode::JumpIfFalse);
    statement(node->body);
    uint32_t cont = here();
    emit(node, Opcode::JumpLoop, {top});
    patch_here(exit);
    pop_breakable(here(), cont);
}

void Compiler::do_while_statement(const DoWhileStatement* node,
                                  std::vector<std::string_view> labels) {
    push_loop(std::move(labels));
    uint32_t top = here();
    statement(node->body);
    uint32_t cont = here();
    expression(node->test);
    uint32_t exit = emit_jump(Opcode::JumpIfFalse);
    emit(node, Opcode::JumpLoop, {top});
    patch_here(exit);
    pop_breakable(here(), cont);
}

void Compiler::for_statement(const ForStatement* node, std::vector<std::string_view> labels) {
    Scope* head = m_scopes.scope_of(node);
    enter_scope(head);
    if (node->init) {
        if (is<VariableDeclaration>(node->init))
            variable_declaration(as<VariableDeclaration>(node->init));
        else
            expression(node->init);
    }
    bool per_iteration = head && head->has_env();
    if (per_iteration) emit(Opcode::CopyEnv);
    push_loop(std::move(labels));
    uint32_t top = here();
    uint32_t exit = UINT32_MAX;
    if (node->test) {
        expression(node->test);
        exit = emit_jump(Opcode::JumpIfFalse);
    }
    statement(node->body);
    uint32_t cont = here();
    if (per_iteration) emit(Opcode::CopyEnv);
    if (node->update) effect(node->update);
    emit(node, Opcode::JumpLoop, {top});
    if (exit != UINT32_MAX) patch_here(exit);
    pop_breakable(here(), cont);
    leave_scope(head);
}

// The loop variable of for-in/for-of: a fresh binding (declaration) or an assignment target.
void Compiler::for_each_binding(const Node* left, const Node* at) {
    f->offset = at->start;
    if (is<VariableDeclaration>(left)) {
        // V8 assigns each value from an internal variable it names ".for".
        bind_pattern(as<VariableDeclaration>(left)->declarations[0]->target, true,
                     {PatternSource::Kind::Assigned, ".for", {}});
    } else {
        bind_pattern(left, false);
    }
}

void Compiler::for_in_statement(const ForInStatement* node, std::vector<std::string_view> labels) {
    uint32_t saved_reg = f->next_reg;
    uint32_t iter = regs(2);
    expression(node->right);
    emit(node, Opcode::ForInPrepare, {iter});
    push_loop(std::move(labels));
    uint32_t top = here();
    uint32_t done = emit_jump(Opcode::ForInNext, {iter});
    uint32_t value = reg();
    emit(Opcode::Star, {value});
    Scope* head = m_scopes.scope_of(node);
    enter_scope(head);
    emit(Opcode::Ldar, {value});
    for_each_binding(node->left, node->left);
    statement(node->body);
    leave_scope(head);
    uint32_t cont = here();
    emit(node, Opcode::JumpLoop, {top});
    patch_here(done);
    pop_breakable(here(), cont);
    f->next_reg = saved_reg;
}

// The body of a for-of or for-await step, the step's value in the accumulator: binds it in
// the loop head's scope (a fresh one each step), runs the body, loops back to `top`. Gives
// the continue target. `scratch` holds the value while the scope is entered.
uint32_t Compiler::for_of_body(const ForOfStatement* node, uint32_t scratch, uint32_t top) {
    emit(Opcode::Star, {scratch});
    Scope* head = m_scopes.scope_of(node);
    enter_scope(head);
    emit(Opcode::Ldar, {scratch});
    for_each_binding(node->left, node->left);
    statement(node->body);
    leave_scope(head);
    uint32_t cont = here();
    emit(node, Opcode::JumpLoop, {top});
    return cont;
}

void Compiler::emit_async_iterator_close(uint32_t iter_reg) {
    // A call's registers are the callee's frame from `base` up: they go on top of the ones in
    // use, and are free again after it.
    uint32_t base = regs(2);
    emit(Opcode::Ldar, {iter_reg});
    emit(Opcode::GetNamed, {name("return"), cache()});
    uint32_t none = emit_jump(Opcode::JumpIfNullish);
    emit(Opcode::Star, {base});
    emit(Opcode::Mov, {iter_reg, base + 1});
    emit(Opcode::Call, {base, 0, string_constant("iterator.return")});
    emit(Opcode::Await);
    emit(Opcode::CheckIterResult);
    patch_here(none);
    f->next_reg = base;
}

// for await (left of right) body (ForIn/OfBodyEvaluation with iteratorKind async): each step
// awaits iterator.next(); leaving early (break, return, a throw) awaits iterator.return().
// A sync iterable is walked through CreateAsyncFromSyncIterator, so every value is awaited.
void Compiler::for_await_statement(const ForOfStatement* node,
                                   std::vector<std::string_view> labels) {
    uint32_t saved_reg = f->next_reg;
    uint32_t iter = regs(3); // the iterator, its next method, the step's result
    uint32_t saved_value = reg();
    uint32_t env_reg = reg();
    uint32_t thrown = reg();
    expression(node->right);
    // A call reads "f(...) is not a function or its return value is not async iterable".
    std::string text = call_site_text(node->right);
    if (is<CallExpression>(node->right)) text += " is not a function or its return value";
    emit(node, Opcode::GetAsyncIterator, {iter, string_constant(text)});
    emit(Opcode::GetEnv, {env_reg});
    Target it{Target::Kind::AsyncIterator};
    it.iter_reg = iter;
    it.value_reg = saved_value;
    it.env_depth = f->env_depth;
    f->targets.push_back(std::move(it));
    push_loop(std::move(labels));
    uint32_t top = here();
    uint32_t call = regs(2);
    emit(Opcode::Mov, {iter + 1, call});
    emit(Opcode::Mov, {iter, call + 1});
    f->offset = node->right->start;
    emit(Opcode::Call, {call, 0, string_constant("iterator.next")});
    f->next_reg = call;
    emit(Opcode::Await);
    emit(Opcode::CheckIterResult);
    emit(Opcode::Star, {iter + 2});
    emit(Opcode::GetNamed, {name("done"), cache()});
    uint32_t done = emit_jump(Opcode::JumpIfTrue);
    emit(Opcode::Ldar, {iter + 2});
    emit(Opcode::GetNamed, {name("value"), cache()});
    uint32_t body_start = here();
    uint32_t cont = for_of_body(node, thrown, top);
    uint32_t body_end = here();
    uint32_t break_target = here();
    emit_async_iterator_close(iter);
    uint32_t skip = emit_jump(Opcode::Jump);
    // A throw out of the body: return() is called and awaited, but what it does (a throw, a
    // rejection, a result that is not an object) gives way to the first exception.
    uint32_t handler = here();
    emit(Opcode::Star, {thrown});
    uint32_t close_start = here();
    uint32_t close_call = regs(2);
    emit(Opcode::Ldar, {iter});
    emit(Opcode::GetNamed, {name("return"), cache()});
    uint32_t none = emit_jump(Opcode::JumpIfNullish);
    emit(Opcode::Star, {close_call});
    emit(Opcode::Mov, {iter, close_call + 1});
    emit(Opcode::Call, {close_call, 0, string_constant("iterator.return")});
    emit(Opcode::Await);
    f->next_reg = close_call;
    uint32_t close_end = here();
    patch_here(none);
    uint32_t rethrow = here();
    emit(Opcode::Ldar, {thrown});
    emit(Opcode::ReThrow);
    f->block->handlers.push_back({body_start, body_end, handler, env_reg});
    f->block->handlers.push_back({close_start, close_end, rethrow, env_reg});
    patch_here(skip);
    patch_here(done);
    pop_breakable(break_target, cont);
    f->targets.pop_back();
    f->next_reg = saved_reg;
}

void Compiler::for_of_statement(const ForOfStatement* node, std::vector<std::string_view> labels) {
    if (node->is_await) {
        for_await_statement(node, std::move(labels));
        return;
    }
    uint32_t saved_reg = f->next_reg;
    uint32_t iter = regs(3);
    uint32_t env_reg = reg();
    uint32_t thrown = reg();
    expression(node->right);
    // V8 names the iterable by its source text; a call by its callee ("f is not a function or
    // its return value is not iterable").
    const std::string text = is<CallExpression>(node->right)
                                 ? callee_text(as<CallExpression>(node->right)->callee) +
                                       " is not a function or its return value"
                                 : call_site_text(node->right);
    emit(node, Opcode::GetIterator, {iter, string_constant(text)});
    emit(Opcode::GetEnv, {env_reg});
    Target it{Target::Kind::Iterator};
    it.iter_reg = iter;
    it.env_depth = f->env_depth;
    f->targets.push_back(std::move(it));
    push_loop(std::move(labels));
    uint32_t top = here();
    uint32_t done = emit_jump(Opcode::IterNext, {iter});
    uint32_t body_start = here();
    uint32_t cont = for_of_body(node, thrown, top);
    uint32_t body_end = here();
    uint32_t break_target = here();
    emit(Opcode::IterClose, {iter});
    uint32_t skip = emit_jump(Opcode::Jump);
    // A throw out of the body closes the iterator, then propagates.
    uint32_t handler = here();
    emit(Opcode::Star, {thrown});
    emit(Opcode::IterClose, {iter});
    emit(Opcode::Ldar, {thrown});
    emit(Opcode::ReThrow);
    f->block->handlers.push_back({body_start, body_end, handler, env_reg});
    patch_here(skip);
    patch_here(done);
    pop_breakable(break_target, cont);
    f->targets.pop_back();
    f->next_reg = saved_reg;
}

void Compiler::switch_statement(const SwitchStatement* node, std::vector<std::string_view> labels) {
    uint32_t saved_reg = f->next_reg;
    uint32_t value = reg();
    expression(node->discriminant);
    emit(Opcode::Star, {value});
    Scope* scope = m_scopes.scope_of(node);
    enter_scope(scope);
    for (const SwitchCase* c : node->cases) hoist_functions(c->consequent);
    Target t{Target::Kind::Breakable};
    t.labels = std::move(labels);
    t.is_switch = true;
    t.env_depth = f->env_depth;
    f->targets.push_back(std::move(t));
    std::vector<uint32_t> case_jumps(node->cases.size(), UINT32_MAX);
    for (uint32_t i = 0; i < node->cases.size(); ++i) {
        const SwitchCase* c = node->cases[i];
        if (!c->test) continue;
        expression(c->test);
        emit(c, Opcode::StrictEq, {value});
        case_jumps[i] = emit_jump(Opcode::JumpIfTrue);
    }
    uint32_t to_default = emit_jump(Opcode::Jump);
    bool has_default = false;
    for (uint32_t i = 0; i < node->cases.size(); ++i) {
        const SwitchCase* c = node->cases[i];
        if (c->test) {
            patch_here(case_jumps[i]);
        } else {
            patch_here(to_default);
            has_default = true;
        }
        statements(c->consequent);
    }
    if (!has_default) patch_here(to_default);
    pop_breakable(here(), 0);
    leave_scope(scope);
    f->next_reg = saved_reg;
}

void Compiler::labeled_statement(const LabeledStatement* node) {
    std::vector<std::string_view> labels{node->label};
    const Node* body = node->body;
    while (is<LabeledStatement>(body)) {
        labels.push_back(as<LabeledStatement>(body)->label);
        body = as<LabeledStatement>(body)->body;
    }
    f->offset = body->start;
    switch (body->kind) {
    case NodeKind::ForStatement:
        return for_statement(as<ForStatement>(body), labels);
    case NodeKind::ForInStatement:
        return for_in_statement(as<ForInStatement>(body), labels);
    case NodeKind::ForOfStatement:
        return for_of_statement(as<ForOfStatement>(body), labels);
    case NodeKind::WhileStatement:
        return while_statement(as<WhileStatement>(body), labels);
    case NodeKind::DoWhileStatement:
        return do_while_statement(as<DoWhileStatement>(body), labels);
    case NodeKind::SwitchStatement:
        return switch_statement(as<SwitchStatement>(body), labels);
    default:
        break;
    }
    Target t{Target::Kind::Breakable};
    t.labels = std::move(labels);
    t.env_depth = f->env_depth;
    f->targets.push_back(std::move(t));
    statement(body);
    pop_breakable(here(), 0);
}

size_t Compiler::find_break_target(std::string_view label, uint32_t offset) {
    for (size_t i = f->targets.size(); i-- > 0;) {
        const Target& t = f->targets[i];
        if (t.kind != Target::Kind::Breakable) continue;
        if (label.empty() ? (t.is_loop || t.is_switch)
                          : std::find(t.labels.begin(), t.labels.end(), label) != t.labels.end())
            return i;
    }
    fail(offset, "'break' has no target");
    return SIZE_MAX;
}

size_t Compiler::find_continue_target(std::string_view label, uint32_t offset) {
    for (size_t i = f->targets.size(); i-- > 0;) {
        const Target& t = f->targets[i];
        if (t.kind != Target::Kind::Breakable || !t.is_loop) continue;
        if (label.empty() || std::find(t.labels.begin(), t.labels.end(), label) != t.labels.end())
            return i;
    }
    fail(offset, "'continue' has no target");
    return SIZE_MAX;
}

// Leaves for target `index` (SIZE_MAX with action 2: the function). Crossing a finally
// block records the transfer there and runs the finally code first; crossing a for-of
// closes its iterator. The accumulator survives (it holds the value of a return).
void Compiler::jump_to(int action, size_t index) {
    size_t stop = index == SIZE_MAX ? 0 : index + 1;
    for (size_t i = f->targets.size(); i-- > stop;) {
        Target& t = f->targets[i];
        if (t.kind == Target::Kind::Finally) {
            if (action == 2) emit(Opcode::Star, {t.value_reg});
            auto id = static_cast<int32_t>(t.pending.size()) + 2;
            t.pending.push_back({id, action, index});
            for (uint32_t d = f->env_depth; d > t.env_depth; --d) emit(Opcode::PopEnv);
            emit(Opcode::LdaInt, {static_cast<uint32_t>(id)});
            emit(Opcode::Star, {t.kind_reg});
            t.finally_patches.push_back(emit_jump(Opcode::Jump));
            return;
        }
        if (t.kind == Target::Kind::Iterator) emit(Opcode::IterClose, {t.iter_reg});
        if (t.kind == Target::Kind::AsyncIterator) {
            // The accumulator holds a return's value: kept across the awaited return().
            emit(Opcode::Star, {t.value_reg});
            emit_async_iterator_close(t.iter_reg);
            emit(Opcode::Ldar, {t.value_reg});
        }
    }
    if (action == 2) {
        emit(Opcode::Return);
        return;
    }
    Target& t = f->targets[index];
    for (uint32_t d = f->env_depth; d > t.env_depth; --d) emit(Opcode::PopEnv);
    uint32_t operand = emit_jump(Opcode::Jump);
    (action == 0 ? t.break_patches : t.continue_patches).push_back(operand);
}

void Compiler::try_statement(const TryStatement* node) {
    uint32_t saved_reg = f->next_reg;
    uint32_t env_reg = reg();
    emit(node, Opcode::GetEnv, {env_reg});
    size_t finally_index = SIZE_MAX;
    if (node->finalizer) {
        Target t{Target::Kind::Finally};
        t.kind_reg = reg();
        t.value_reg = reg();
        t.env_depth = f->env_depth;
        f->targets.push_back(std::move(t));
        finally_index = f->targets.size() - 1;
    }
    uint32_t start = here();
    block_statement(node->block);
    uint32_t end = here();
    uint32_t protected_end = end;
    if (node->handler) {
        uint32_t after = emit_jump(Opcode::Jump);
        uint32_t handler = here();
        f->block->handlers.push_back({start, end, handler, env_reg});
        const CatchClause* c = node->handler;
        Scope* scope = m_scopes.scope_of(c);
        uint32_t thrown = reg();
        emit(c, Opcode::Star, {thrown});
        enter_scope(scope);
        if (c->param) {
            emit(Opcode::Ldar, {thrown});
            bind_pattern(c->param, true, {PatternSource::Kind::Assigned, ".catch", {}});
        }
        block_statement(c->body);
        leave_scope(scope);
        protected_end = here();
        patch_here(after);
    }
    if (!node->finalizer) {
        f->next_reg = saved_reg;
        return;
    }
    Target t = std::move(f->targets[finally_index]);
    f->targets.pop_back();
    emit(Opcode::LdaInt, {static_cast<uint32_t>(kCompletionNormal)});
    emit(Opcode::Star, {t.kind_reg});
    uint32_t to_finally = emit_jump(Opcode::Jump);
    uint32_t handler = here();
    f->block->handlers.push_back({start, protected_end, handler, env_reg});
    emit(Opcode::Star, {t.value_reg});
    emit(Opcode::LdaInt, {static_cast<uint32_t>(kCompletionThrow)});
    emit(Opcode::Star, {t.kind_reg});
    patch_here(to_finally);
    patch_all(t.finally_patches, here());
    block_statement(node->finalizer);
    std::vector<uint32_t> dispatch;
    for (const Target::Pending& p : t.pending)
        dispatch.push_back(
            emit_jump(Opcode::JumpIfIntEq, {t.kind_reg, static_cast<uint32_t>(p.id)}));
    uint32_t rethrow =
        emit_jump(Opcode::JumpIfIntEq, {t.kind_reg, static_cast<uint32_t>(kCompletionThrow)});
    uint32_t to_end = emit_jump(Opcode::Jump);
    patch_here(rethrow);
    emit(Opcode::Ldar, {t.value_reg});
    emit(Opcode::ReThrow);
    for (size_t i = 0; i < t.pending.size(); ++i) {
        patch_here(dispatch[i]);
        if (t.pending[i].action == 2) {
            emit(Opcode::Ldar, {t.value_reg});
            emit_return();
        } else {
            jump_to(t.pending[i].action, t.pending[i].target);
        }
    }
    patch_here(to_end);
    f->next_reg = saved_reg;
}

} // namespace loopsim::js
