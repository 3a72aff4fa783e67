// An ES module main: the loader's source read, linking against the modelled built-in
// modules, evaluation inside a promise job, and the promise chain to the entry point. See
// esm_main.h.
#include "model/node/esm_main.h"

#include "model/js/builtins/error_builtins.h"
#include "model/js/cell.h"
#include "model/js/function.h"
#include "model/js/object.h"
#include "model/js/promise.h"
#include "model/js/runtime.h"
#include "model/js/string.h"
#include "model/js/syntax/diagnostic.h"
#include "model/node/bindings.h"
#include "model/node/internal_frames.h"
#include "model/node/script_host.h"

#include <algorithm>

namespace loopsim::node {

namespace {

// Node's frames under a module body that runs at evaluation (innermost first): the body is
// called from ModuleJob.run, awaited by the loader and the entry point. Measured with
// `new Error().stack` at the top level of a .mjs file under Node 20.20.2.
const frames::Lines k_module_job_run = {
    "ModuleJob.run (node:internal/modules/esm/module_job:325:25)",
    "async ModuleLoader.import (node:internal/modules/esm/loader:606:24)",
    "async asyncRunEntryPointWithESMLoader (node:internal/modules/run_main:117:5)",
};

// The stack of the SyntaxError linking throws for a missing export.
constexpr std::string_view k_instantiate_frames =
    "    at ModuleJob._instantiate (node:internal/modules/esm/module_job:213:21)\n"
    "    at async ModuleJob.run (node:internal/modules/esm/module_job:320:5)\n"
    "    at async ModuleLoader.import (node:internal/modules/esm/loader:606:24)\n"
    "    at async asyncRunEntryPointWithESMLoader (node:internal/modules/run_main:117:5)";

// How the native steps find their EsModuleMain: a heap cell holding its address, kept as
// the functions' data. The EsModuleMain outlives every job that can call them.
class StateCell final : public js::Cell {
public:
    explicit StateCell(EsModuleMain* main) : js::Cell(js::CellKind::Internal), main(main) {}
    void visit_edges(js::Visitor&) override {}
    EsModuleMain* main;
};

EsModuleMain& state_of(js::NativeFunction& callee) {
    return *static_cast<StateCell*>(callee.data().as_cell())->main;
}

js::Completion evaluate_step(js::Runtime&, js::NativeFunction& callee, js::Value,
                             std::span<const js::Value>) {
    state_of(callee).evaluate();
    return js::Value();
}

js::Completion fail_step(js::Runtime&, js::NativeFunction& callee, js::Value,
                         std::span<const js::Value> args) {
    state_of(callee).fail(args.empty() ? js::Value() : args[0]);
    return js::Value();
}

// import.meta.resolve(specifier): a built-in module's `node:` URL, or a relative path's
// file URL against the module's own. Bare package names would need a node_modules lookup:
// there are none in loopsim's file system.
js::Completion resolve_step(js::Runtime& rt, js::NativeFunction& callee, js::Value,
                            std::span<const js::Value> args) {
    EsModuleMain& main = state_of(callee);
    if (args.empty() || !args[0].is_string())
        return rt.throw_error(js::ErrorType::TypeError,
                              "The \"specifier\" argument must be of type string");
    const std::string specifier = args[0].as_string()->to_utf8();
    if (specifier.starts_with("node:")) return js::Value(rt.string(specifier));
    if (is_modelled_module(specifier)) return js::Value(rt.string("node:" + specifier));
    if (specifier.starts_with("./") || specifier.starts_with("../") || specifier.starts_with("/")) {
        std::vector<std::string> parts;
        const std::string& base = main.path();
        const std::string joined = specifier.starts_with("/")
                                       ? specifier
                                       : base.substr(0, base.rfind('/') + 1) + specifier;
        size_t at = 0;
        while (at <= joined.size()) {
            size_t next = joined.find('/', at);
            if (next == std::string::npos) next = joined.size();
            const std::string part = joined.substr(at, next - at);
            if (part == "..") {
                if (!parts.empty()) parts.pop_back();
            } else if (!part.empty() && part != ".") {
                parts.push_back(part);
            }
            at = next + 1;
        }
        std::string path;
        for (const std::string& part : parts) path += "/" + part;
        return js::Value(rt.string(file_url(path.empty() ? "/" : path)));
    }
    js::Object* error = rt.make_error(js::ErrorType::Error, "Cannot find package '" + specifier +
                                                                "' imported from " + main.path());
    js::Root<js::Object> keep(rt.heap(), error);
    (void)js::install_error_stack(rt, *error);
    return js::ThrowCompletion{js::Value(error)};
}

// Node's module_job.js: a ReferenceError for a CommonJS name gets a hint.
void explain_commonjs_global(js::Runtime& rt, js::Value error) {
    if (!error.is_object()) return;
    js::Object& object = *error.as_object();
    js::Completion name = object.get(rt, rt.common_key(js::CommonAtom::Name));
    js::Completion message = object.get(rt, rt.common_key(js::CommonAtom::Message));
    if (name.is_throw() || message.is_throw() || !name.value().is_string() ||
        !message.value().is_string())
        return;
    if (name.value().as_string()->to_utf8() != "ReferenceError") return;
    std::string text = message.value().as_string()->to_utf8();
    bool matches = false;
    for (std::string_view global : {"require", "module", "exports", "__filename", "__dirname"})
        if (text == std::string(global) + " is not defined") matches = true;
    if (!matches) return;
    text += " in ES module scope";
    if (text.starts_with("require ")) text += ", you can use import instead";
    (void)object.set(rt, rt.common_key(js::CommonAtom::Message), js::Value(rt.string(text)), error);
}

} // namespace

std::string file_url(const std::string& path) {
    static constexpr char k_hex[] = "0123456789ABCDEF";
    std::string url = "file://";
    for (unsigned char c : path) {
        const bool encode = c <= 0x20 || c >= 0x7F || c == '"' || c == '#' || c == '%' ||
                            c == '<' || c == '>' || c == '?' || c == '`' || c == '{' || c == '}' ||
                            c == '\\' || c == '[' || c == ']' || c == '^' || c == '|' || c == '~';
        if (encode) {
            url += '%';
            url += k_hex[c >> 4];
            url += k_hex[c & 15];
        } else {
            url += static_cast<char>(c);
        }
    }
    return url;
}

EsModuleMain::EsModuleMain(ScriptHost& host, std::string path, std::string source)
    : m_host(host), m_path(std::move(path)), m_source(std::move(source)), m_url(file_url(m_path)),
      m_entry(host.runtime().heap()), m_state(host.runtime().heap()) {}

EsModuleMain::~EsModuleMain() = default;

sim::Result<void> EsModuleMain::load() {
    js::syntax::SourceFile source(m_path, m_source);
    sim::Result<js::CompiledModule> compiled =
        m_host.interpreter().compile_es_module(source, m_url);
    if (!compiled) return sim::Error{compiled.error().message};
    for (const js::ModuleDependency& d : compiled.value().imports) {
        if (is_modelled_module(d.specifier)) continue;
        js::syntax::Diagnostic diagnostic = js::syntax::make_diagnostic(
            d.specifier_start, js::syntax::DiagnosticCode::UnmodelledModule,
            {d.specifier, modelled_modules()});
        return sim::Error{js::syntax::format_diagnostic(source, diagnostic)};
    }
    m_module.emplace(std::move(compiled).value());
    js::Runtime& rt = m_host.runtime();
    m_state.set(js::Value(rt.heap().allocate<StateCell>(this)));
    return {};
}

js::Value EsModuleMain::native(std::string_view name, uint32_t length, js::NativeFn fn) {
    js::NativeFunction* f =
        js::NativeFunction::create(m_host.runtime(), name, length, fn, m_state.get());
    f->set_hidden_in_stack();
    return js::Value(f);
}

Task EsModuleMain::main_task() {
    return Task{.call =
                    [this] {
                        js::Runtime& rt = m_host.runtime();
                        // esm/load.js getSource: readFileAsync(url), i.e. fs.promises.readFile.
                        js::Value require = make_require(m_host);
                        js::Root<js::Object> keep(rt.heap(), require.as_object());
                        js::RootedValue name(rt.heap(), js::Value(rt.string("fs/promises")));
                        const js::Value require_args[] = {name.get()};
                        js::Completion fs_promises =
                            m_host.interpreter().call(require, js::Value(), require_args);
                        if (fs_promises.is_throw() || !fs_promises.value().is_object()) {
                            m_host.set_pending_exception(
                                fs_promises.is_throw() ? fs_promises.thrown_value() : js::Value());
                            return CallResult::Threw;
                        }
                        js::RootedValue module(rt.heap(), fs_promises.value());
                        js::Completion read_file =
                            module.get().as_object()->get(rt, rt.key("readFile"));
                        if (read_file.is_throw()) {
                            m_host.set_pending_exception(read_file.thrown_value());
                            return CallResult::Threw;
                        }
                        js::RootedValue path(rt.heap(), js::Value(rt.string(m_path)));
                        const js::Value read_args[] = {path.get()};
                        js::Completion read =
                            m_host.interpreter().call(read_file.value(), module.get(), read_args);
                        if (read.is_throw()) {
                            m_host.set_pending_exception(read.thrown_value());
                            return CallResult::Threw;
                        }
                        js::RootedValue promise(rt.heap(), read.value());
                        if (!js::is_promise(promise.get())) return CallResult::Returned;
                        // The entry point: pending from now until the loader's chain ends.
                        m_entry.set(js::Value(js::new_promise(rt)));
                        js::Value on_read = native("(ES module body)", 1, evaluate_step);
                        js::Root<js::Object> keep_step(rt.heap(), on_read.as_object());
                        js::perform_promise_then(rt, *promise.get().as_object(), on_read,
                                                 js::Value(), js::new_promise(rt));
                        return CallResult::Returned;
                    },
                .label = m_host.env().label("(ES module loader)")};
}

bool EsModuleMain::is_pending() const {
    const js::Value entry = m_entry.get();
    if (!entry.is_object()) return false;
    return js::promise_state(*entry.as_object()) == js::PromiseState::Pending;
}

js::Value EsModuleMain::namespace_object(js::Value module) {
    js::Runtime& rt = m_host.runtime();
    js::Object* ns = js::Object::create(rt, nullptr);
    js::Root<js::Object> keep(rt.heap(), ns);
    std::vector<std::pair<std::string, js::PropertyKey>> names;
    if (module.is_object()) {
        for (js::PropertyKey key : module.as_object()->own_property_keys(rt)) {
            if (!key.is_string()) continue;
            js::OwnProperty property;
            if (!module.as_object()->lookup_own(key, property) ||
                !(property.attributes & js::attr::Enumerable))
                continue;
            names.emplace_back(key.as_string()->to_utf8(), key);
        }
    }
    names.emplace_back("default", rt.key("default"));
    // A namespace lists its exports sorted by name (ModuleNamespaceCreate).
    std::sort(names.begin(), names.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [text, key] : names) {
        js::Value value = module;
        if (text != "default" ||
            (module.is_object() && module.as_object()->has_own_property(key))) {
            js::Completion got = module.as_object()->get(rt, key);
            value = got.is_throw() ? js::Value() : got.value();
        }
        ns->put_direct(rt, key, value, js::attr::Writable | js::attr::Enumerable);
    }
    ns->put_direct(rt,
                   js::PropertyKey::symbol(rt.well_known_symbol(js::WellKnownSymbol::ToStringTag)),
                   js::Value(rt.string("Module")), js::attr::None);
    return js::Value(ns);
}

// import.meta as Node 20 fills it: dirname, filename, resolve and url.
js::Value EsModuleMain::import_meta() {
    js::Runtime& rt = m_host.runtime();
    js::Object* meta = js::Object::create(rt, nullptr);
    js::Root<js::Object> keep(rt.heap(), meta);
    const size_t slash = m_path.rfind('/');
    const std::string dirname =
        slash == std::string::npos ? std::string(".") : m_path.substr(0, slash == 0 ? 1 : slash);
    meta->put_direct(rt, rt.key("dirname"), js::Value(rt.string(dirname)), js::attr::Default);
    meta->put_direct(rt, rt.key("filename"), js::Value(rt.string(m_path)), js::attr::Default);
    meta->put_direct(rt, rt.key("resolve"), native("resolve", 1, resolve_step), js::attr::Default);
    meta->put_direct(rt, rt.key("url"), js::Value(rt.string(m_url)), js::attr::Default);
    return js::Value(meta);
}

bool EsModuleMain::bind_imports(js::RootedVector& args) {
    js::Runtime& rt = m_host.runtime();
    js::Value require = make_require(m_host);
    js::Root<js::Object> keep(rt.heap(), require.as_object());
    for (const js::ModuleDependency& d : m_module->imports) {
        js::RootedValue name(rt.heap(), js::Value(rt.string(d.specifier)));
        const js::Value require_args[] = {name.get()};
        js::Completion loaded = m_host.interpreter().call(require, js::Value(), require_args);
        js::Value module = loaded.is_throw() ? js::Value() : loaded.value();
        if (d.imported.empty() || d.imported == "default" || d.imported == "*") {
            if (d.binds) args.push_back(d.imported == "*" ? namespace_object(module) : module);
            continue;
        }
        const js::PropertyKey key = rt.key(d.imported);
        js::OwnProperty property;
        const bool exported = module.is_object() && module.as_object()->lookup_own(key, property) &&
                              (property.attributes & js::attr::Enumerable);
        if (exported) {
            if (d.binds) {
                js::Completion value = module.as_object()->get(rt, key);
                args.push_back(value.is_throw() ? js::Value() : value.value());
            }
            continue;
        }
        // Linking fails with a SyntaxError whose stack Node has decorated with the import
        // line and carets under the name (decorateErrorStack), printed as it stands.
        js::syntax::SourceFile source(m_url, m_source);
        const js::syntax::LineColumn at = source.line_column(d.name_start);
        const std::string message = "The requested module '" + d.specifier +
                                    "' does not provide an export named '" + d.imported + "'";
        std::string stack = m_url + ":" + std::to_string(at.line) + "\n" +
                            std::string(source.line_text(at.line)) + "\n" +
                            std::string(at.column - 1, ' ') +
                            std::string(std::max<uint32_t>(1, d.name_end - d.name_start), '^') +
                            "\nSyntaxError: " + message + "\n" + std::string(k_instantiate_frames);
        js::Object* error = rt.make_error(js::ErrorType::SyntaxError, message);
        js::Root<js::Object> keep_error(rt.heap(), error);
        error->put_direct(rt, rt.common_key(js::CommonAtom::Stack), js::Value(rt.string(stack)),
                          js::attr::Builtin);
        m_host.set_pending_rejection(js::Value(error));
        m_host.env().report_uncaught(ExceptionOrigin::UnhandledRejection);
        return false;
    }
    args.push_back(import_meta());
    return true;
}

void EsModuleMain::evaluate() {
    js::Runtime& rt = m_host.runtime();
    js::RootedVector args(rt.heap());
    if (!bind_imports(args)) return;
    // The loader's chain, attached before the body runs so that no step is ever a promise
    // rejected without a handler: evaluation -> ModuleJob.run -> ModuleLoader.import -> the
    // entry point, one job each.
    js::Object* evaluation = js::new_promise(rt);
    js::Root<js::Object> keep_evaluation(rt.heap(), evaluation);
    js::Object* run = js::new_promise(rt);
    js::Root<js::Object> keep_run(rt.heap(), run);
    js::Object* import = js::new_promise(rt);
    js::Root<js::Object> keep_import(rt.heap(), import);
    js::Value on_failure = native("(ES module loader failure)", 1, fail_step);
    js::Root<js::Object> keep_failure(rt.heap(), on_failure.as_object());
    {
        // Node's own promise plumbing: traces mark its jobs node_internal.
        js::Runtime::HostPromiseScope loader_jobs(rt);
        js::perform_promise_then(rt, *evaluation, js::Value(), js::Value(), run);
        js::perform_promise_then(rt, *run, js::Value(), js::Value(), import);
        js::perform_promise_then(rt, *import, js::Value(), on_failure, m_entry.get().as_object());
    }

    js::Completion completion = js::Value();
    {
        frames::Scope unwound(m_host.env().frame_hooks(), frames::k_unwound);
        frames::Scope scope(m_host.env().frame_hooks(), k_module_job_run);
        completion = m_host.interpreter().run_module(m_module->script, args.values());
    }
    js::Runtime::HostPromiseScope loader_jobs(rt);
    if (completion.is_throw()) {
        js::reject_promise(rt, *evaluation, completion.thrown_value());
    } else if (m_module->has_top_level_await && js::is_promise(completion.value())) {
        // The body's promise settles the evaluation promise one job later.
        js::perform_promise_then(rt, *completion.value().as_object(), js::Value(), js::Value(),
                                 evaluation);
    } else {
        js::resolve_promise(rt, *evaluation, js::Value());
    }
}

void EsModuleMain::fail(js::Value error) {
    js::Runtime& rt = m_host.runtime();
    explain_commonjs_global(rt, error);
    if (m_host.is_error_like(error)) {
        // Raised from a promise: Node's header is the first frame of the error's stack.
        m_host.set_pending_rejection(error);
    } else {
        // Anything else has no stack: Node's header is the entry point's own call.
        m_host.interpreter().vm().set_host_throw_site(
            error, js::VM::ThrowSite{"node:internal/modules/run_main", 123, 5,
                                     "    triggerUncaughtException("});
        m_host.set_pending_exception(error);
    }
    m_host.env().report_uncaught(ExceptionOrigin::UnhandledRejection);
}

} // namespace loopsim::node
