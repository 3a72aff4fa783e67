// console.log, info, debug (stdout) and warn, error (stderr): Node's formatWithOptions
// (model/js/inspect.h) plus a newline, written synchronously.
#include "model/js/conversions.h"
#include "model/js/function.h"
#include "model/js/inspect.h"
#include "model/js/runtime.h"
#include "model/node/bindings.h"
#include "model/node/script_host.h"

namespace loopsim::node {

namespace {

// The first line that formats something other than a string, and the first that inspects an
// object, make V8 compile Node's formatting code (util.inspect and its helpers).
void warm_up_formatting(Environment& env, std::span<const js::Value> args) {
    if (env.is_warm(Warmup::InspectObject)) return; // it pays FormatPrimitive too
    bool primitive = false;
    bool object = false;
    for (js::Value v : args) {
        if (v.is_string()) continue;
        if (v.is_cell() && !v.is_symbol())
            object = true;
        else
            primitive = true;
    }
    if (primitive || object) env.warm_up(Warmup::FormatPrimitive);
    if (object) env.warm_up(Warmup::InspectObject);
}

template <trace::Stream stream>
js::Completion console_write(js::Runtime& rt, js::NativeFunction&, js::Value,
                             std::span<const js::Value> args) {
    warm_up_formatting(ScriptHost::from(rt).env(), args);
    std::string text = LOOPSIM_TRY(js::format_log_args_or_throw(rt, args));
    text.push_back('\n');
    ScriptHost::from(rt).write(stream, text);
    return js::Value();
}

} // namespace

void install_console(ScriptHost& host) {
    js::Runtime& rt = host.runtime();
    js::Object* console = js::Object::create(rt, rt.object_prototype());
    // Node's console methods are own, enumerable properties of the console object.
    const auto add = [&](std::string_view name, js::NativeFn fn) {
        console->put_direct(rt, rt.key(name), js::Value(make_function(host, name, 0, fn)),
                            js::attr::Default);
    };
    add("log", console_write<trace::Stream::Stdout>);
    add("warn", console_write<trace::Stream::Stderr>);
    add("dir", console_write<trace::Stream::Stdout>);
    add("error", console_write<trace::Stream::Stderr>);
    add("info", console_write<trace::Stream::Stdout>);
    add("debug", console_write<trace::Stream::Stdout>);
    host.interpreter().define_global("console", js::Value(console));
}

js::Value binding_internal(ScriptHost& host, const std::string& name) {
    auto it = host.bindings().internals.find(name);
    return it == host.bindings().internals.end() ? js::Value() : it->second.get();
}

void set_binding_internal(ScriptHost& host, const std::string& name, js::Value value) {
    host.bindings().internals.insert_or_assign(name, js::RootedValue(host.runtime().heap(), value));
}

js::Object* make_function(ScriptHost& host, std::string_view name, uint32_t length,
                          js::NativeFn fn) {
    js::NativeFunction* function = js::NativeFunction::create(host.runtime(), name, length, fn);
    function->set_hidden_in_stack();
    return function;
}

js::Object* make_class(ScriptHost& host, std::string_view name, js::Object* parent_prototype) {
    js::Runtime& rt = host.runtime();
    js::Object* prototype =
        js::Object::create(rt, parent_prototype ? parent_prototype : rt.object_prototype());
    js::Object* constructor =
        make_function(host, name, 0,
                      [](js::Runtime& r, js::NativeFunction&, js::Value,
                         std::span<const js::Value>) -> js::Completion {
                          return r.throw_error(js::ErrorType::TypeError, "Illegal constructor");
                      });
    constructor->put_direct(rt, rt.common_key(js::CommonAtom::Prototype), js::Value(prototype),
                            js::attr::None);
    prototype->put_direct(rt, rt.key("constructor"), js::Value(constructor), js::attr::Builtin);
    return prototype;
}

void define_method(ScriptHost& host, js::Object& target, std::string_view name, uint32_t length,
                   js::NativeFn fn) {
    js::Runtime& rt = host.runtime();
    target.put_direct(rt, rt.key(name), js::Value(make_function(host, name, length, fn)),
                      js::attr::Builtin);
}

js::ThrowCompletion invalid_arg_type(ScriptHost& host, std::string_view name,
                                     std::string_view expected, js::Value received) {
    js::Runtime& rt = host.runtime();
    std::string what;
    if (received.is_undefined())
        what = "undefined";
    else if (received.is_null())
        what = "null";
    else if (received.is_object())
        what = "an instance of Object";
    else
        what = "type " + std::string(js::typeof_string(received)) + " (" +
               js::inspect(rt, received) + ")";
    std::string message = "The \"" + std::string(name) + "\" argument must be of type " +
                          std::string(expected) + ". Received " + what;
    js::Completion error =
        make_node_error(host, js::ErrorType::TypeError, "ERR_INVALID_ARG_TYPE", message);
    if (error.is_throw()) return error.release_error();
    return js::ThrowCompletion{error.value()};
}

js::Completion make_node_error(ScriptHost& host, js::ErrorType type, std::string_view code,
                               std::string_view message) {
    js::Runtime& rt = host.runtime();
    BindingState& state = host.bindings();
    if (!state.node_error_symbol.get())
        state.node_error_symbol.set(rt.make_symbol(rt.string("kIsNodeError")));
    auto found = state.node_error_prototypes.find(static_cast<int>(type));
    if (found == state.node_error_prototypes.end()) {
        // A prototype per error type whose toString() adds the code, as NodeError's does.
        js::Object* prototype = js::Object::create(rt, rt.error_prototype(type));
        define_method(host, *prototype, "toString", 0,
                      [](js::Runtime& r, js::NativeFunction&, js::Value self,
                         std::span<const js::Value>) -> js::Completion {
                          if (!self.is_object()) return js::Value(r.string("Error"));
                          auto header =
                              ScriptHost::from(r).error_stack_header(r, *self.as_object());
                          if (!header) return js::Value(LOOPSIM_TRY(js::to_string(r, self)));
                          return js::Value(r.string(*header));
                      });
        found =
            state.node_error_prototypes
                .emplace(static_cast<int>(type), js::RootedValue(rt.heap(), js::Value(prototype)))
                .first;
    }
    js::Value made =
        LOOPSIM_TRY(rt.construct(js::Value(rt.intrinsic(js::Intrinsic::ErrorConstructor)), {}));
    js::Root<js::Object> error(rt.heap(), made.as_object());
    error->set_prototype(found->second.get().as_object());
    error->put_direct(rt, rt.common_key(js::CommonAtom::Message), js::Value(rt.string(message)),
                      js::attr::Builtin);
    error->put_direct(rt, js::PropertyKey::symbol(state.node_error_symbol.get()), js::Value(true),
                      js::attr::Builtin);
    error->put_direct(rt, rt.key("code"), js::Value(rt.string(code)), js::attr::Default);
    return js::Value(error.get());
}

} // namespace loopsim::node
