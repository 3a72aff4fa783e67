// Interpreter: global object, built-ins, compilation and the CommonJS wrapper.
#include "model/js/interpreter.h"

#include "model/js/builtins/builtins.h"
#include "model/js/compiler.h"
#include "model/js/disassembler.h"
#include "model/js/function.h"
#include "model/js/promise.h"
#include "model/js/runtime.h"
#include "model/js/syntax/parser.h"

namespace loopsim::js {

namespace {
constexpr std::string_view kCommonJsParams[] = {"exports", "require", "module", "__filename",
                                                "__dirname"};
}

Interpreter::Interpreter(Runtime& runtime, Host& host) : m_runtime(runtime), m_host(host) {
    if (runtime.host() == nullptr) runtime.set_host(&host);
    m_global = Object::create(runtime, runtime.object_prototype());
    m_global_root = std::make_unique<Root<Object>>(runtime.heap(), m_global);
    install_builtins(runtime, *m_global);
    if (runtime.promise_constructor() == nullptr) install_promise(runtime, *m_global);
    m_vm = std::make_unique<VM>(runtime, *m_global);
}

Interpreter::~Interpreter() = default;

sim::Result<CompiledScript> Interpreter::compile_module(const syntax::SourceFile& source) {
    auto shared = std::make_shared<const syntax::SourceFile>(source);
    syntax::ParseResult parsed = syntax::parse_program(*shared);
    if (!parsed.is_ok()) return sim::Error{syntax::format_diagnostic(*shared, *parsed.diagnostic)};
    CompileResult compiled = compile_script(m_runtime, shared, parsed.program, kCommonJsParams);
    if (!compiled.code) return sim::Error{syntax::format_diagnostic(*shared, *compiled.diagnostic)};
    CompiledScript script;
    script.source = shared;
    script.code = std::make_unique<Root<CodeBlock>>(m_runtime.heap(), compiled.code);
    return script;
}

Completion Interpreter::run_commonjs(CompiledScript& script, Object& exports, Value require_fn,
                                     Object& module, std::string_view filename,
                                     std::string_view dirname) {
    Closure* wrapper = m_vm->make_closure(script.code->get(), nullptr);
    Root<Closure> keep(m_runtime.heap(), wrapper);
    Value args[] = {Value(&exports), require_fn, Value(&module), Value(m_runtime.string(filename)),
                    Value(m_runtime.string(dirname))};
    RootedVector rooted(m_runtime.heap());
    for (Value v : args) rooted.push_back(v);
    return m_runtime.call(Value(wrapper), Value(&exports), args);
}

sim::Result<CompiledModule> Interpreter::compile_es_module(const syntax::SourceFile& source,
                                                           std::string code_name) {
    syntax::ParseResult parsed = syntax::parse_module(source);
    if (!parsed.is_ok()) return sim::Error{syntax::format_diagnostic(source, *parsed.diagnostic)};
    CompiledModule module;
    module.has_top_level_await = parsed.program.has_top_level_await;
    std::vector<std::string_view> params;
    for (const syntax::ModuleImport& import : parsed.program.imports) {
        ModuleDependency d;
        d.specifier = std::string(import.specifier);
        d.imported = std::string(import.imported);
        d.binds = !import.parameter.empty();
        d.specifier_start = import.specifier_start;
        d.name_start = import.name_start;
        d.name_end = import.name_end;
        module.imports.push_back(std::move(d));
        if (!import.parameter.empty()) params.push_back(import.parameter);
    }
    params.push_back("%meta");
    auto shared = std::make_shared<const syntax::SourceFile>(std::move(code_name), source.text());
    CompileResult compiled = compile_script(m_runtime, shared, parsed.program, params);
    if (!compiled.code) return sim::Error{syntax::format_diagnostic(source, *compiled.diagnostic)};
    module.script.source = shared;
    module.script.code = std::make_unique<Root<CodeBlock>>(m_runtime.heap(), compiled.code);
    return module;
}

Completion Interpreter::run_module(CompiledScript& script, std::span<const Value> args) {
    Closure* body = m_vm->make_closure(script.code->get(), nullptr);
    Root<Closure> keep(m_runtime.heap(), body);
    RootedVector rooted(m_runtime.heap());
    for (Value v : args) rooted.push_back(v);
    return m_runtime.call(Value(body), Value(), args);
}

Completion Interpreter::call(Value fn, Value this_value, std::span<const Value> args) {
    return m_runtime.call(fn, this_value, args);
}

void Interpreter::define_global(std::string_view name, Value value, PropertyAttributes attributes) {
    m_global->put_direct(m_runtime, m_runtime.key(name), value, attributes);
}

Value Interpreter::get_global(std::string_view name) {
    OwnProperty p;
    if (m_global->lookup_own(m_runtime.key(name), p) && !(p.attributes & attr::Accessor))
        return p.value;
    return Value();
}

std::string Interpreter::dump_bytecode(const CompiledScript& script) const {
    return disassemble(*script.code->get());
}

} // namespace loopsim::js
