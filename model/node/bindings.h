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

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace loopsim::node {

class ScriptHost;

// What the bindings keep between calls, owned by the ScriptHost.
struct BindingState {
    explicit BindingState(js::Heap& heap)
        : internal_id_symbol(heap), timeout_prototype(heap), immediate_prototype(heap) {}
    js::Root<js::Symbol> internal_id_symbol; // hidden key: a Timeout's or Immediate's id
    js::Root<js::Object> timeout_prototype;
    js::Root<js::Object> immediate_prototype;
    std::map<uint64_t, std::shared_ptr<Timeout>> timeouts;     // by async id
    std::map<uint64_t, std::shared_ptr<Immediate>> immediates; // by async id
    struct Listener {
        js::RootedValue fn;
        bool once;
    };
    std::map<std::string, std::vector<Listener>> process_listeners; // in registration order
    // require()'s cache: one object per module name, made on first require (as Node's
    // require('events') === require('events')).
    std::map<std::string, js::RootedValue> modules;
};

void install_console(ScriptHost& host);
void install_timers(ScriptHost& host);
void install_process(ScriptHost& host);
// `require` for the module being run; `module_object` is its `module`.
js::Value make_require(ScriptHost& host);

// The modules require() knows. Each make_*_module lives in bindings_<name>.cpp and is
// listed in bindings_require.cpp's table; require() calls it once and caches the result.
using ModuleFactory = js::Completion (*)(ScriptHost& host);

// A plain function object for a binding.
js::Object* make_function(ScriptHost& host, std::string_view name, uint32_t length,
                          js::NativeFn fn);
// Defines `name` on `target` as a non-enumerable method (what Node's prototypes look like).
void define_method(ScriptHost& host, js::Object& target, std::string_view name, uint32_t length,
                   js::NativeFn fn);
// Node's TypeError for a bad argument type: `The "name" argument must be of type function.
// Received ...`, with code ERR_INVALID_ARG_TYPE.
js::ThrowCompletion invalid_arg_type(ScriptHost& host, std::string_view name,
                                     std::string_view expected, js::Value received);

} // namespace loopsim::node
