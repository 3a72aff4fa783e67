#pragma once
// The JavaScript globals Node gives a CommonJS script, installed by ScriptHost:
// console, the timer functions, queueMicrotask, process and require. Each install_* lives
// in its own bindings_<area>.cpp. Errors thrown at the JavaScript level use Node's own
// messages and codes (ERR_INVALID_ARG_TYPE ...).
#include "model/js/completion.h"
#include "model/js/function.h"
#include "model/js/heap.h"
#include "model/js/object.h"
#include "model/node/immediates.h"
#include "model/node/timers.h"

#include <initializer_list>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace loopsim::node {

class ScriptHost;
class NodeIo;
struct TimerBindings;

// What the bindings keep between calls, owned by the ScriptHost.
struct BindingState {
    explicit BindingState(js::Heap& heap)
        : internal_id_symbol(heap), timeout_prototype(heap), immediate_prototype(heap),
          unhandled_rejection_prototype(heap), node_error_symbol(heap), performance(heap),
          assigned_performance(heap) {}
    js::Root<js::Symbol> internal_id_symbol; // hidden key: an Immediate's index
    js::Root<js::Object> timeout_prototype;
    js::Root<js::Object> immediate_prototype;
    js::Root<js::Object> unhandled_rejection_prototype;
    js::Root<js::Symbol> node_error_symbol;               // hidden key: an internal Node error
    std::map<int, js::RootedValue> node_error_prototypes; // by js::ErrorType
    std::shared_ptr<TimerBindings> timers; // Timeout and Immediate objects (bindings_timers.cpp)
    struct Listener {
        js::RootedValue fn;
        bool once;
    };
    std::map<std::string, std::vector<Listener>> process_listeners; // in registration order
    // require()'s cache: one object per module name, made on first require (as Node's
    // require('events') === require('events')).
    std::map<std::string, js::RootedValue> modules;
    // Values the modules keep for themselves (private symbols, prototypes), by name.
    std::map<std::string, js::RootedValue> internals;
    // The one `performance` object (the global's and require('perf_hooks')'s), and what was
    // assigned to globalThis.performance, if anything (its getter gives that from then on).
    js::Root<js::Object> performance;
    js::RootedValue assigned_performance;
    bool performance_assigned = false;
    bool warning_helper_shown = false; // the "(Use `node --trace-warnings ...`" line, once
    NodeIo* io = nullptr; // the file system and OS of the process (node_io.h), if attached
};

void install_console(ScriptHost& host);
void install_timers(ScriptHost& host);
void install_process(ScriptHost& host);
// process.argv: [process.execPath, the main script's absolute path], as `node FILE` has it.
void set_process_argv(ScriptHost& host, std::string_view main_path);
// process.mainModule: the CommonJS main module (Node's deprecated alias of require.main).
void set_process_main_module(ScriptHost& host, js::Object& module);
// process.execPath and argv[0]: where Debian's nodejs package installs node.
inline constexpr std::string_view k_exec_path = "/usr/bin/node";
// The global `performance` (bindings_perf_hooks.cpp), the object require('perf_hooks') has.
void install_performance(ScriptHost& host);
// `require` for the module being run; `module_object` is its `module`.
js::Value make_require(ScriptHost& host);
// Whether require() knows the module (with or without `node:`), and the list of those it
// knows, for messages.
bool is_modelled_module(std::string_view name);
std::string modelled_modules();

// The modules require() knows. Each make_*_module lives in bindings_<name>.cpp and is
// listed in bindings_require.cpp's table; require() calls it once and caches the result.
using ModuleFactory = js::Completion (*)(ScriptHost& host);

js::Completion make_events_module(ScriptHost& host);
js::Completion make_util_module(ScriptHost& host);
js::Completion make_timers_promises_module(ScriptHost& host);
js::Completion make_fs_module(ScriptHost& host);
js::Completion make_fs_promises_module(ScriptHost& host);
js::Completion make_crypto_module(ScriptHost& host);
js::Completion make_dns_module(ScriptHost& host);
js::Completion make_buffer_module(ScriptHost& host);
js::Completion make_perf_hooks_module(ScriptHost& host);

// process.emitWarning(warning, type, code) for the bindings: `warning` is a message string
// or an Error; it is emitted as 'warning' on the next tick (and printed by Node's default
// listener unless NODE_NO_WARNINGS=1).
js::ThrowCompletionOr<void> emit_warning(ScriptHost& host, js::Value warning, std::string_view type,
                                         std::string_view code = {});
// The Timeout constructor's TimeoutOverflowWarning for a delay above 2^31-1 ms.
js::ThrowCompletionOr<void> warn_timeout_overflow(ScriptHost& host, double after);
// Makes `timer_function[util.promisify.custom]` the getter Node defines on setTimeout and
// setImmediate: the function of the same name in timers/promises.
void define_custom_promisify(ScriptHost& host, js::Object& timer_function, std::string_view name);
// require('timers').promises: an enumerable getter for the timers/promises module.
void define_timers_promises_getter(ScriptHost& host, js::Object& timers);
// The private symbol under which a function lists the names of its callback's values, for
// util.promisify to resolve with an object (fs.read: ['bytesRead', 'buffer']).
js::Symbol* custom_promisify_args_symbol(ScriptHost& host);
// ERR_INVALID_ARG_TYPE worded as Node's validators word it: lower-case names are types
// ("of type string"), capitalised ones classes ("an instance of EventEmitter"), joined by
// "or"; a dotted name ("options.ref") is a "property" rather than an "argument".
js::ThrowCompletion arg_type_error(ScriptHost& host, std::string_view name,
                                   std::initializer_list<std::string_view> expected,
                                   js::Value received);
// The globals EventTarget, Event, AbortController, AbortSignal and DOMException
// (bindings_event_target.cpp, bindings_abort.cpp), and what the modules with a `signal`
// option use of them.
void install_abort(ScriptHost& host);
bool is_abort_signal(ScriptHost& host, js::Value value);
bool abort_signal_aborted(ScriptHost& host, js::Object& signal);
js::Value abort_signal_reason(ScriptHost& host, js::Object& signal);
// signal.addEventListener('abort', listener, { once, [kResistStopPropagation]: true }), as
// Node's modules add theirs; and its removal.
void add_abort_listener(ScriptHost& host, js::Object& signal, js::Value listener, bool once);
void remove_abort_listener(ScriptHost& host, js::Object& signal, js::Value listener);
// Node's AbortError ("The operation was aborted", code ABORT_ERR) with `cause`, its stack
// made under `site` (the Node frames that make it).
js::Value make_abort_error(ScriptHost& host, js::Value cause, const std::vector<std::string>& site);
// util.inspect, made once (the runtime's InspectFunction intrinsic, which custom inspect
// methods get as their third argument), with util.inspect.custom.
js::Object& inspect_function(ScriptHost& host);
// Symbol.for(key).
js::Symbol* registered_symbol(js::Runtime& runtime, std::string_view key);

// The values the modules keep for themselves (BindingState::internals), by name: undefined
// when not set.
js::Value binding_internal(ScriptHost& host, const std::string& name);
void set_binding_internal(ScriptHost& host, const std::string& name, js::Value value);
// A plain function object for a binding.
js::Object* make_function(ScriptHost& host, std::string_view name, uint32_t length,
                          js::NativeFn fn);
// A class Node does not let scripts construct (Timeout, Immediate, Stats, Dirent): a
// constructor named `name` that throws "Illegal constructor", and its prototype (returned),
// whose parent is `parent_prototype` (null: Object.prototype). Instances made from the
// prototype inspect as `Name { ... }`.
js::Object* make_class(ScriptHost& host, std::string_view name, js::Object* parent_prototype);
// Defines `name` on `target` as a non-enumerable method (what Node's prototypes look like).
void define_method(ScriptHost& host, js::Object& target, std::string_view name, uint32_t length,
                   js::NativeFn fn);
// Node's TypeError for a bad argument type: `The "name" argument must be of type function.
// Received ...`, with code ERR_INVALID_ARG_TYPE.
// Node's internal errors (lib/internal/errors.js NodeError): an instance of `type` with an
// own `code`, whose toString() and stack header read "TypeError [CODE]: message".
js::Completion make_node_error(ScriptHost& host, js::ErrorType type, std::string_view code,
                               std::string_view message);
js::ThrowCompletion invalid_arg_type(ScriptHost& host, std::string_view name,
                                     std::string_view expected, js::Value received);

} // namespace loopsim::node
