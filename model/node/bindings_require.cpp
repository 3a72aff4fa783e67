// require(): the Node modules loopsim models, by name (with or without the `node:` prefix).
// A module loopsim does not model yet is a clear error, not silent nonsense.
#include "model/js/function.h"
#include "model/js/runtime.h"
#include "model/js/string.h"
#include "model/node/bindings.h"
#include "model/node/script_host.h"

namespace loopsim::node {

namespace {

js::Completion make_process_module(ScriptHost& host) {
    return host.interpreter().get_global("process");
}

js::Completion make_timers_module(ScriptHost& host) {
    js::Runtime& rt = host.runtime();
    js::Interpreter& interpreter = host.interpreter();
    js::Object* timers = js::Object::create(rt, rt.object_prototype());
    for (const char* fn : {"setTimeout", "clearTimeout", "setInterval", "clearInterval",
                           "setImmediate", "clearImmediate"})
        timers->put_direct(rt, rt.key(fn), interpreter.get_global(fn), js::attr::Default);
    define_timers_promises_getter(host, *timers);
    return js::Value(timers);
}

struct ModuleEntry {
    std::string_view name;
    ModuleFactory make;
};

// Every module loopsim models, by the name require() takes (without `node:`).
constexpr ModuleEntry k_modules[] = {
    {"process", make_process_module},
    {"timers", make_timers_module},
    {"timers/promises", make_timers_promises_module},
    {"events", make_events_module},
    {"util", make_util_module},
    {"fs", make_fs_module},
    {"fs/promises", make_fs_promises_module},
    {"crypto", make_crypto_module},
    {"dns", make_dns_module},
    {"buffer", make_buffer_module},
    {"perf_hooks", make_perf_hooks_module},
};

std::string modelled_list() {
    std::string list;
    for (const ModuleEntry& entry : k_modules) {
        if (!list.empty()) list += ", ";
        list += entry.name;
    }
    return list;
}

js::Completion require(js::Runtime& rt, js::NativeFunction&, js::Value,
                       std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    if (args.empty() || !args[0].is_string())
        return invalid_arg_type(host, "id", "string", args.empty() ? js::Value() : args[0]);
    std::string name = args[0].as_string()->to_utf8();
    if (name.starts_with("node:")) name = name.substr(5);
    auto cached = host.bindings().modules.find(name);
    if (cached != host.bindings().modules.end()) return cached->second.get();
    for (const ModuleEntry& entry : k_modules) {
        if (entry.name != name) continue;
        js::Completion made = entry.make(host);
        if (made.is_throw()) return made;
        host.bindings().modules.emplace(name, js::RootedValue(rt.heap(), made.value()));
        return made;
    }
    return rt.throw_error(js::ErrorType::Error, "loopsim does not model the module '" + name +
                                                    "' yet (modelled: " + modelled_list() +
                                                    "); see docs/dialect.md");
}

} // namespace

bool is_modelled_module(std::string_view name) {
    if (name.starts_with("node:")) name.remove_prefix(5);
    for (const ModuleEntry& entry : k_modules)
        if (entry.name == name) return true;
    return false;
}

std::string modelled_modules() {
    return modelled_list();
}

js::Value make_require(ScriptHost& host) {
    return js::Value(make_function(host, "require", 1, require));
}

} // namespace loopsim::node
