#pragma once
// Interpreter: the facade the host (model/node) uses to run scenario code.
//
// Contract.
// - One Interpreter per Runtime. The constructor creates the global object, installs the
//   built-in library into it (install_builtins), attaches the Host to the Runtime and
//   creates the VM, which becomes the Runtime's CallHandler.
// - compile_module() parses and compiles one file. Errors (syntax, unsupported features,
//   early errors) come back as the formatted diagnostic: "file:line:col: error: ...", the
//   source line and a caret.
// - run_commonjs() runs a compiled file as node runs a CommonJS module: the body is a
//   function (exports, require, module, __filename, __dirname) called with `this` =
//   exports. A throw comes back as a throw completion (the host prints it).
// - compile_es_module() does the same for an ES module main (parse_module): the body is a
//   function of hidden parameters, one per imported binding in CompiledModule::imports order,
//   then import.meta; run_module() calls it with `this` undefined. It returns the body's
//   completion: with top-level await, a promise (the body is an async function).
// - A CompiledScript keeps its code rooted for as long as it lives; it must not outlive
//   the Interpreter.
#include "model/js/completion.h"
#include "model/js/heap.h"
#include "model/js/syntax/source.h"
#include "model/js/vm.h"
#include "sim/result.h"

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace loopsim::js {

class Host;
class Object;
class Runtime;

struct CompiledScript {
    std::shared_ptr<const syntax::SourceFile> source;
    std::unique_ptr<Root<CodeBlock>> code;
};

// What an ES module needs from its host before it runs: one entry per import, in source
// order (ModuleImport in syntax/ast.h, with the strings copied).
struct ModuleDependency {
    std::string specifier;        // 'fs', 'node:events'
    std::string imported;         // "default", "*", a named export, or "" (existence only)
    bool binds = false;           // true: the body reads it as its next hidden parameter
    uint32_t specifier_start = 0; // byte offsets in the source, for messages
    uint32_t name_start = 0;
    uint32_t name_end = 0;
};

struct CompiledModule {
    CompiledScript script;
    std::vector<ModuleDependency> imports;
    bool has_top_level_await = false;
};

class Interpreter {
public:
    Interpreter(Runtime& runtime, Host& host);
    ~Interpreter();
    Interpreter(const Interpreter&) = delete;
    Interpreter& operator=(const Interpreter&) = delete;

    sim::Result<CompiledScript> compile_module(const syntax::SourceFile& source);
    Completion run_commonjs(CompiledScript& script, Object& exports, Value require_fn,
                            Object& module, std::string_view filename, std::string_view dirname);
    // `source` names the file in diagnostics; `code_name` names it in stack traces (node
    // shows a module by its URL, file:///...).
    sim::Result<CompiledModule> compile_es_module(const syntax::SourceFile& source,
                                                  std::string code_name);
    // `args`: the bound imports' values, then import.meta.
    Completion run_module(CompiledScript& script, std::span<const Value> args);
    Completion call(Value fn, Value this_value, std::span<const Value> args);

    Object& global() { return *m_global; }
    // A property of the global object: by default not enumerable, as the standard built-ins
    // are (Node's timer functions are enumerable: attr::Default).
    void define_global(std::string_view name, Value value,
                       PropertyAttributes attributes = attr::Builtin);
    Value get_global(std::string_view name);

    VM& vm() { return *m_vm; }
    Runtime& runtime() { return m_runtime; }
    // --dump-bytecode: the script's code and every nested function, as text.
    std::string dump_bytecode(const CompiledScript& script) const;

private:
    Runtime& m_runtime;
    Host& m_host;
    Object* m_global;
    std::unique_ptr<Root<Object>> m_global_root;
    std::unique_ptr<VM> m_vm;
};

} // namespace loopsim::js
