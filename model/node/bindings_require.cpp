// require(): the Node modules loopsim models, by name (with or without the `node:` prefix).
// A module loopsim does not model yet is a clear error, not silent nonsense.
#include "model/js/function.h"
#include "model/js/runtime.h"
#include "model/js/string.h"
#include "model/node/bindings.h"
#include "model/node/script_host.h"

namespace loopsim::node {

namespace {

js::Completion require(js::Runtime& rt, js::NativeFunction&, js::Value, std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    if (args.empty() || !args[0].is_string()) return invalid_arg_type(host, "id", "string", args.empty() ? js::Value() : args[0]);
    std::string name = args[0].as_string()->to_utf8();
    if (name.starts_with("node:")) name = name.substr(5);
    js::Interpreter& interpreter = host.interpreter();
    if (name == "process") return interpreter.get_global("process");
    if (name == "timers") {
        js::Object* timers = js::Object::create(rt, rt.object_prototype());
        for (const char* fn : {"setTimeout", "clearTimeout", "setInterval", "clearInterval", "setImmediate",
                               "clearImmediate"})
            timers->put_direct(rt, rt.key(fn), interpreter.get_global(fn), js::attr::Default);
        return js::Value(timers);
    }
    return rt.throw_error(js::ErrorType::Error,
                          "loopsim does not model the module '" + name +
                              "' yet (modelled: timers, process); see docs/dialect.md");
}

} // namespace

js::Value make_require(ScriptHost& host) {
    return js::Value(make_function(host, "require", 1, require));
}

} // namespace loopsim::node
