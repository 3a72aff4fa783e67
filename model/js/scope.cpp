// Scope analysis: declarations are hoisted into their scopes first, then every reference is
// resolved by walking the scope chain outwards, marking variables reached across a function
// boundary as captured.
#include "model/js/scope.h"

namespace loopsim::js {

using namespace syntax;

struct ScopeAnalysis::Walker {
    ScopeAnalysis& a;
    Scope* current = nullptr;
    std::optional<Diagnostic> error;

    Scope* open(ScopeKind kind, const Node* node) {
        a.m_scopes.push_back(std::make_unique<Scope>());
        Scope* s = a.m_scopes.back().get();
        s->kind = kind;
        s->parent = current;
        if (node) a.m_scope_of[node] = s;
        return s;
    }

    Variable* add(Scope* scope, std::string_view name, VariableKind kind, uint32_t offset) {
        a.m_variables.push_back(std::make_unique<Variable>());
        Variable* v = a.m_variables.back().get();
        v->name = name;
        v->kind = kind;
        v->scope = scope;
        v->offset = offset;
        scope->variables.push_back(v);
        scope->by_name[name] = v;
        return v;
    }

    void redeclared(std::string_view name, uint32_t offset) {
        if (error) return;
        error = Diagnostic{offset, DiagnosticCode::Unexpected,
                           "identifier '" + std::string(name) + "' has already been declared"};
    }

    // A lexical declaration (let, const, class, block function) in `scope`. `initialised_at`
    // is where the binding leaves its TDZ: the end of its declarator (`let x = x + 1` reads
    // x inside its own TDZ), so reads before that offset are checked.
    void declare_lexical(Scope* scope, const Identifier* id, VariableKind kind,
                         uint32_t initialised_at) {
        if (Variable* old = scope->find(id->name)) {
            bool both_functions =
                kind == VariableKind::Function && old->kind == VariableKind::Function;
            if (!both_functions || scope->kind != ScopeKind::Function) {
                redeclared(id->name, id->start);
                return;
            }
            old->kind = kind;
            return;
        }
        add(scope, id->name, kind, initialised_at);
    }

    void declare_var_name(Scope* fn, const Identifier* id) {
        if (Variable* old = fn->find(id->name)) {
            if (old->is_lexical()) redeclared(id->name, id->start);
            return;
        }
        add(fn, id->name, VariableKind::Var, id->start);
    }

    void pattern_names(const Node* target, std::vector<const Identifier*>& out) {
        if (!target) return;
        switch (target->kind) {
        case NodeKind::Identifier:
            out.push_back(as<Identifier>(target));
            break;
        case NodeKind::ObjectPattern:
            for (const Node* p : as<ObjectPattern>(target)->properties) {
                if (is<Property>(p))
                    pattern_names(as<Property>(p)->value, out);
                else
                    pattern_names(p, out);
            }
            break;
        case NodeKind::ArrayPattern:
            for (const Node* e : as<ArrayPattern>(target)->elements) pattern_names(e, out);
            break;
        case NodeKind::AssignmentPattern:
            pattern_names(as<AssignmentPattern>(target)->target, out);
            break;
        case NodeKind::RestElement:
            pattern_names(as<RestElement>(target)->argument, out);
            break;
        default:
            break;
        }
    }

    // `var` declarations anywhere in `node`, not crossing into nested functions.
    void hoist_vars(Scope* fn, const Node* node) {
        if (!node) return;
        switch (node->kind) {
        case NodeKind::VariableDeclaration: {
            auto* d = as<VariableDeclaration>(node);
            if (d->declaration_kind != DeclarationKind::Var) return;
            for (const VariableDeclarator* decl : d->declarations) {
                std::vector<const Identifier*> names;
                pattern_names(decl->target, names);
                for (const Identifier* id : names) declare_var_name(fn, id);
            }
            return;
        }
        case NodeKind::BlockStatement:
            for (const Node* s : as<BlockStatement>(node)->body) hoist_vars(fn, s);
            return;
        case NodeKind::IfStatement:
            hoist_vars(fn, as<IfStatement>(node)->consequent);
            hoist_vars(fn, as<IfStatement>(node)->alternate);
            return;
        case NodeKind::ForStatement:
            hoist_vars(fn, as<ForStatement>(node)->init);
            hoist_vars(fn, as<ForStatement>(node)->body);
            return;
        case NodeKind::ForInStatement:
            hoist_vars(fn, as<ForInStatement>(node)->left);
            hoist_vars(fn, as<ForInStatement>(node)->body);
            return;
        case NodeKind::ForOfStatement:
            hoist_vars(fn, as<ForOfStatement>(node)->left);
            hoist_vars(fn, as<ForOfStatement>(node)->body);
            return;
        case NodeKind::WhileStatement:
            hoist_vars(fn, as<WhileStatement>(node)->body);
            return;
        case NodeKind::DoWhileStatement:
            hoist_vars(fn, as<DoWhileStatement>(node)->body);
            return;
        case NodeKind::TryStatement: {
            auto* t = as<TryStatement>(node);
            hoist_vars(fn, t->block);
            if (t->handler) hoist_vars(fn, t->handler->body);
            hoist_vars(fn, t->finalizer);
            return;
        }
        case NodeKind::SwitchStatement:
            for (const SwitchCase* c : as<SwitchStatement>(node)->cases)
                for (const Node* s : c->consequent) hoist_vars(fn, s);
            return;
        case NodeKind::LabeledStatement:
            hoist_vars(fn, as<LabeledStatement>(node)->body);
            return;
        default:
            return;
        }
    }

    // The lexical declarations directly in a statement list.
    void hoist_lexical(Scope* scope, NodeList<Node> body) {
        for (const Node* s : body) {
            if (is<VariableDeclaration>(s)) {
                auto* d = as<VariableDeclaration>(s);
                if (d->declaration_kind == DeclarationKind::Var) continue;
                VariableKind kind = d->declaration_kind == DeclarationKind::Let
                                        ? VariableKind::Let
                                        : VariableKind::Const;
                for (const VariableDeclarator* decl : d->declarations) {
                    std::vector<const Identifier*> names;
                    pattern_names(decl->target, names);
                    for (const Identifier* id : names) declare_lexical(scope, id, kind, decl->end);
                }
            } else if (is<ClassDeclaration>(s)) {
                declare_lexical(scope, as<ClassDeclaration>(s)->definition->id, VariableKind::Class,
                                s->end);
            } else if (is<FunctionDeclaration>(s)) {
                const Identifier* id = as<FunctionDeclaration>(s)->function->id;
                declare_lexical(scope, id, VariableKind::Function, id->start);
            }
        }
    }

    Scope* function_scope_of(Scope* s) {
        while (s->kind != ScopeKind::Function) s = s->parent;
        return s;
    }
    Scope* non_arrow_function(Scope* s) {
        s = function_scope_of(s);
        while (s->is_arrow) s = function_scope_of(s->parent);
        return s;
    }

    // Resolves `name` from the current scope; marks it captured when found across a
    // function boundary.
    Variable* lookup(std::string_view name) {
        bool crossed = false;
        for (Scope* s = current; s; s = s->parent) {
            if (Variable* v = s->find(name)) {
                if (crossed) v->captured = true;
                return v;
            }
            if (s->kind == ScopeKind::Function) crossed = true;
        }
        return nullptr;
    }

    // `this` / `arguments`: declared on first use in the nearest non-arrow function.
    Variable* implicit(std::string_view name, VariableKind kind) {
        if (kind == VariableKind::Arguments) {
            if (Variable* v = lookup(name)) return v;
        }
        Scope* fn = non_arrow_function(current);
        if (!fn->find(name)) add(fn, name, kind, 0);
        return lookup(name);
    }

    void resolve(const Identifier* id) {
        if (id->name == "arguments") {
            a.m_resolved[id] = implicit("arguments", VariableKind::Arguments);
            return;
        }
        if (Variable* v = lookup(id->name)) a.m_resolved[id] = v;
    }

    void function(const Function* f) {
        Scope* saved = current;
        Scope* s = open(ScopeKind::Function, f);
        s->function = f;
        s->is_arrow = f->form == FunctionForm::Arrow;
        s->is_static = static_methods.count(f) > 0;
        current = s;
        // A parameter leaves its TDZ at the end of its own parameter (default included):
        // `function f(a = b, b)` and `function g(a = a)` read a binding before it is set.
        for (const Node* p : f->params) {
            std::vector<const Identifier*> names;
            pattern_names(p, names);
            for (const Identifier* id : names)
                if (!s->find(id->name)) add(s, id->name, VariableKind::Param, p->end);
        }
        if (f->form == FunctionForm::DerivedClassConstructor) add(s, "this", VariableKind::This, 0);
        if (f->is_expression_body) {
            walk_list(f->params);
            walk(f->body);
        } else {
            auto* body = as<BlockStatement>(f->body);
            hoist_vars(s, body);
            hoist_lexical(s, body->body);
            if (f->id && f->form == FunctionForm::Expression && !s->find(f->id->name))
                add(s, f->id->name, VariableKind::FunctionSelf, f->id->start);
            walk_list(f->params);
            walk_list(body->body);
        }
        current = saved;
    }

    void block(const Node* node, NodeList<Node> body) {
        Scope* saved = current;
        current = open(ScopeKind::Block, node);
        hoist_lexical(current, body);
        walk_list(body);
        current = saved;
    }

    void class_definition(const Class* c) {
        if (c->super_class) walk(c->super_class);
        Scope* saved = current;
        Scope* s = open(ScopeKind::Class, c);
        current = s;
        if (c->id) add(s, c->id->name, VariableKind::ClassInner, c->id->start);
        add(s, "%home", VariableKind::Internal, c->start);
        add(s, "%shome", VariableKind::Internal, c->start);
        Variable* fields = add(s, "%fields", VariableKind::Internal, c->start);
        for (const ClassMember* m : c->members) {
            if (m->computed) walk(m->key);
            if (m->member_kind != ClassMemberKind::Field) {
                if (m->is_static) static_methods[as<Function>(m->value)] = true;
                walk(m->value);
                continue;
            }
            bool st = m->is_static;
            if (m->computed) {
                // The key is evaluated once, with the class; its initializer reads it here.
                Variable* key = add(s, "%key", VariableKind::Internal, m->start);
                key->captured = true;
                a.m_resolved[m] = key;
            }
            auto& table = a.m_field_scopes[st ? 1 : 0];
            Scope* fs;
            auto it = table.find(c);
            if (it == table.end()) {
                fs = open(ScopeKind::Function, nullptr);
                fs->is_static = st;
                table[c] = fs;
                if (!st) fields->captured = true;
            } else {
                fs = it->second;
            }
            if (m->value) {
                current = fs;
                walk(m->value);
                current = s;
            }
        }
        current = saved;
    }

    void walk_list(NodeList<Node> list) {
        for (const Node* n : list) walk(n);
    }

    void walk(const Node* node) {
        if (!node || error) return;
        switch (node->kind) {
        case NodeKind::VariableDeclaration:
            for (const VariableDeclarator* d : as<VariableDeclaration>(node)->declarations) {
                walk(d->target);
                walk(d->init);
            }
            return;
        case NodeKind::FunctionDeclaration:
            resolve(as<FunctionDeclaration>(node)->function->id);
            function(as<FunctionDeclaration>(node)->function);
            return;
        case NodeKind::ClassDeclaration:
            resolve(as<ClassDeclaration>(node)->definition->id);
            class_definition(as<ClassDeclaration>(node)->definition);
            return;
        case NodeKind::ExpressionStatement:
            walk(as<ExpressionStatement>(node)->expression);
            return;
        case NodeKind::BlockStatement:
            block(node, as<BlockStatement>(node)->body);
            return;
        case NodeKind::IfStatement: {
            auto* n = as<IfStatement>(node);
            walk(n->test);
            walk(n->consequent);
            walk(n->alternate);
            return;
        }
        case NodeKind::ForStatement: {
            auto* n = as<ForStatement>(node);
            Scope* saved = current;
            current = open(ScopeKind::Block, node);
            if (is<VariableDeclaration>(n->init)) {
                Node* list[1] = {n->init};
                hoist_lexical(current, NodeList<Node>{list, 1});
            }
            walk(n->init);
            walk(n->test);
            walk(n->update);
            walk(n->body);
            current = saved;
            return;
        }
        case NodeKind::ForInStatement:
        case NodeKind::ForOfStatement: {
            const Node* left;
            const Node* right;
            const Node* body;
            if (is<ForInStatement>(node)) {
                auto* n = as<ForInStatement>(node);
                left = n->left, right = n->right, body = n->body;
            } else {
                auto* n = as<ForOfStatement>(node);
                left = n->left, right = n->right, body = n->body;
            }
            walk(right);
            Scope* saved = current;
            current = open(ScopeKind::Block, node);
            if (is<VariableDeclaration>(left)) {
                Node* list[1] = {const_cast<Node*>(left)};
                hoist_lexical(current, NodeList<Node>{list, 1});
            }
            walk(left);
            walk(body);
            current = saved;
            return;
        }
        case NodeKind::WhileStatement:
            walk(as<WhileStatement>(node)->test);
            walk(as<WhileStatement>(node)->body);
            return;
        case NodeKind::DoWhileStatement:
            walk(as<DoWhileStatement>(node)->body);
            walk(as<DoWhileStatement>(node)->test);
            return;
        case NodeKind::ReturnStatement:
            walk(as<ReturnStatement>(node)->argument);
            return;
        case NodeKind::ThrowStatement:
            walk(as<ThrowStatement>(node)->argument);
            return;
        case NodeKind::TryStatement: {
            auto* n = as<TryStatement>(node);
            walk(n->block);
            if (n->handler) walk(n->handler);
            walk(n->finalizer);
            return;
        }
        case NodeKind::CatchClause: {
            auto* n = as<CatchClause>(node);
            Scope* saved = current;
            current = open(ScopeKind::Block, node);
            std::vector<const Identifier*> names;
            pattern_names(n->param, names);
            for (const Identifier* id : names) {
                if (current->find(id->name))
                    redeclared(id->name, id->start);
                else
                    add(current, id->name, VariableKind::CatchParam, id->start);
            }
            walk(n->param);
            walk(n->body);
            current = saved;
            return;
        }
        case NodeKind::SwitchStatement: {
            auto* n = as<SwitchStatement>(node);
            walk(n->discriminant);
            Scope* saved = current;
            current = open(ScopeKind::Block, node);
            current->is_switch = true;
            for (const SwitchCase* c : n->cases) hoist_lexical(current, c->consequent);
            for (const SwitchCase* c : n->cases) {
                walk(c->test);
                walk_list(c->consequent);
            }
            current = saved;
            return;
        }
        case NodeKind::LabeledStatement:
            walk(as<LabeledStatement>(node)->body);
            return;
        case NodeKind::Identifier:
            resolve(as<Identifier>(node));
            return;
        case NodeKind::TemplateLiteral:
            walk_list(as<TemplateLiteral>(node)->expressions);
            return;
        case NodeKind::ThisExpression:
            a.m_resolved[node] = implicit("this", VariableKind::This);
            return;
        case NodeKind::ArrayExpression:
            walk_list(as<ArrayExpression>(node)->elements);
            return;
        case NodeKind::ObjectExpression:
            walk_list(as<ObjectExpression>(node)->properties);
            return;
        case NodeKind::ObjectPattern:
            walk_list(as<ObjectPattern>(node)->properties);
            return;
        case NodeKind::ArrayPattern:
            walk_list(as<ArrayPattern>(node)->elements);
            return;
        case NodeKind::Property: {
            auto* n = as<Property>(node);
            if (n->computed) walk(n->key);
            walk(n->value);
            return;
        }
        case NodeKind::Function:
            function(as<Function>(node));
            return;
        case NodeKind::Class:
            class_definition(as<Class>(node));
            return;
        case NodeKind::UnaryExpression:
            walk(as<UnaryExpression>(node)->argument);
            return;
        case NodeKind::UpdateExpression:
            walk(as<UpdateExpression>(node)->argument);
            return;
        case NodeKind::BinaryExpression:
            walk(as<BinaryExpression>(node)->left);
            walk(as<BinaryExpression>(node)->right);
            return;
        case NodeKind::LogicalExpression:
            walk(as<LogicalExpression>(node)->left);
            walk(as<LogicalExpression>(node)->right);
            return;
        case NodeKind::AssignmentExpression:
            walk(as<AssignmentExpression>(node)->target);
            walk(as<AssignmentExpression>(node)->value);
            return;
        case NodeKind::ConditionalExpression: {
            auto* n = as<ConditionalExpression>(node);
            walk(n->test);
            walk(n->consequent);
            walk(n->alternate);
            return;
        }
        case NodeKind::SequenceExpression:
            walk_list(as<SequenceExpression>(node)->expressions);
            return;
        case NodeKind::CallExpression: {
            auto* n = as<CallExpression>(node);
            if (is<Super>(n->callee)) {
                a.m_resolved[node] = implicit("this", VariableKind::This);
            } else {
                walk(n->callee);
            }
            walk_list(n->arguments);
            return;
        }
        case NodeKind::NewExpression:
            walk(as<NewExpression>(node)->callee);
            walk_list(as<NewExpression>(node)->arguments);
            return;
        case NodeKind::MemberExpression: {
            auto* n = as<MemberExpression>(node);
            if (is<Super>(n->object)) {
                a.m_resolved[node] = implicit("this", VariableKind::This);
                Scope* fn = non_arrow_function(current);
                a.m_resolved[n->object] = lookup(fn->is_static ? "%shome" : "%home");
            } else {
                walk(n->object);
            }
            if (n->computed) walk(n->property);
            return;
        }
        case NodeKind::ChainExpression:
            walk(as<ChainExpression>(node)->expression);
            return;
        case NodeKind::SpreadElement:
            walk(as<SpreadElement>(node)->argument);
            return;
        case NodeKind::AwaitExpression:
            walk(as<AwaitExpression>(node)->argument);
            return;
        case NodeKind::AssignmentPattern:
            walk(as<AssignmentPattern>(node)->target);
            walk(as<AssignmentPattern>(node)->fallback);
            return;
        case NodeKind::RestElement:
            walk(as<RestElement>(node)->argument);
            return;
        default:
            return;
        }
    }

    // Static methods (and static field initializers) see the class itself as their home
    // object: super.x there reads the parent class.
    std::unordered_map<const Function*, bool> static_methods;
};

std::optional<Diagnostic> ScopeAnalysis::analyze(const Program& program,
                                                 std::span<const std::string_view> script_params) {
    Walker w{*this, nullptr, std::nullopt, {}};
    Scope* s = w.open(ScopeKind::Function, nullptr);
    m_script = s;
    w.current = s;
    for (std::string_view p : script_params) w.add(s, p, VariableKind::Param, 0);
    for (const Node* stmt : program.body) w.hoist_vars(s, stmt);
    w.hoist_lexical(s, program.body);
    w.walk_list(program.body);
    if (w.error) return w.error;
    for (auto& scope : m_scopes) {
        for (Variable* v : scope->variables) {
            if (v->captured) v->env_index = scope->env_slots++;
        }
    }
    return std::nullopt;
}

Scope* ScopeAnalysis::scope_of(const Node* node) const {
    auto it = m_scope_of.find(node);
    return it == m_scope_of.end() ? nullptr : it->second;
}

Scope* ScopeAnalysis::field_scope(const Class* definition, bool is_static) const {
    auto& table = m_field_scopes[is_static ? 1 : 0];
    auto it = table.find(definition);
    return it == table.end() ? nullptr : it->second;
}

Variable* ScopeAnalysis::resolved(const Node* node) const {
    auto it = m_resolved.find(node);
    return it == m_resolved.end() ? nullptr : it->second;
}

} // namespace loopsim::js
