#pragma once
// EsModuleMain: an ES module as the program's main module (a `.mjs` scenario), run the way
// Node 20's ES module loader runs it (lib/internal/modules/run_main.js, esm/module_job.js,
// esm/load.js). docs/node-model.md, "An ES module main", tells the same story with examples.
//
// 1. Start-up. The main script only starts the loader, which reads the module's source with
//    fs.promises.readFile: open, fstat, read and close each go through the thread pool. So
//    the loop is running, and the pool started, before any of the module's code runs.
// 2. Link and evaluate. When the read resolves (a promise job in the poll phase) the imports
//    are bound to the modelled built-in modules and the body runs, inside that job: promise
//    jobs the body queues run before its nextTicks, and the check phase of the same
//    iteration comes before the next timers phase.
// 3. Completion. The body's outcome travels to the entry point through the loader's promise
//    chain, one job per await: with top-level await, the body's own promise settles the
//    evaluation promise one job later; then ModuleJob.run, ModuleLoader.import and
//    asyncRunEntryPointWithESMLoader take one job each. A failure that reaches the end is
//    an uncaught exception from a promise (origin 'unhandledRejection'), raised at once:
//    no tick runs first. A ReferenceError for require, module, exports, __filename or
//    __dirname gets Node's "in ES module scope" hint on the way.
// 4. Exit. At a natural exit with the entry point still pending (a top-level await that
//    never settles), process.exitCode becomes 13 unless it was set: is_pending() tells the
//    'exit' hook.
//
// Load-time errors (before anything runs): a syntax error or a form outside the dialect,
// and an import of a module loopsim does not model, come back from load() as a diagnostic.
// A named import that a modelled module does not export is Node's own SyntaxError, printed
// as Node prints it when linking fails (exit code 1).
#include "model/js/heap.h"
#include "model/js/interpreter.h"
#include "model/js/vm.h"
#include "model/node/task.h"
#include "sim/result.h"

#include <memory>
#include <optional>
#include <string>

namespace loopsim::node {

class ScriptHost;

// The exit code of a process whose main module's top-level await never settled
// (kUnsettledTopLevelAwait).
constexpr int k_unsettled_top_level_await_exit_code = 13;

class EsModuleMain {
public:
    // `path`: absolute, as node resolves the main module; `source`: the file's text.
    EsModuleMain(ScriptHost& host, std::string path, std::string source);
    EsModuleMain(const EsModuleMain&) = delete;
    EsModuleMain& operator=(const EsModuleMain&) = delete;
    ~EsModuleMain();

    // Parses and compiles the module and checks that it imports only modelled modules. The
    // error is the diagnostic to print; then nothing runs (exit code 1).
    sim::Result<void> load();
    // The main script's task: starts the loader's read of the source.
    Task main_task();
    // True until the entry point's promise settles: Node's unsettled top-level await.
    bool is_pending() const;
    // The module's URL (file:///...), as node names it in stack traces and error headers.
    const std::string& url() const { return m_url; }
    const std::string& path() const { return m_path; }

    // The steps the loader's promise jobs run (called through native functions).
    void evaluate();
    void fail(js::Value error);

private:
    js::Value namespace_object(js::Value module);
    js::Value import_meta();
    // Links the imports; false after reporting a missing export (the process has ended).
    bool bind_imports(js::RootedVector& args);
    js::Value native(std::string_view name, uint32_t length, js::NativeFn fn);

    ScriptHost& m_host;
    std::string m_path;
    std::string m_source;
    std::string m_url;
    std::optional<js::CompiledModule> m_module;
    js::RootedValue m_entry; // the entry point's promise: pending until the chain ends
    js::RootedValue m_state; // the cell the native steps find this object through
};

// pathToFileURL(path).href: "file://" and the path, percent-encoded as Node encodes it.
std::string file_url(const std::string& path);

} // namespace loopsim::node
