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

namespace loopsim::js {

class Host;
class Object;
class Runtime;

struct CompiledScript {
    std::shared_ptr<const syntax::SourceFile> source;
    std::unique_ptr<Root<CodeBlock>> code;
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
    Completion call(Value fn, Value this_value, std::span<const Value> args);

    Object& global() { return *m_global; }
    void define_global(std::string_view name, Value value);
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
