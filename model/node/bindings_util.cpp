// require('util'): promisify, inspect, format, inherits and types.isPromise (lib/util.js,
// lib/internal/util.js).
//
// promisify is Node's generic one: the callback goes last and is called (err, value); a
// truthy err rejects, otherwise the promise resolves with the first value (or, when the
// original carries the custom-promisify-args symbol, with an object naming every value). A
// function with a [util.promisify.custom] property promisifies to that property: the global
// setTimeout and setImmediate carry the timers/promises functions there.
// inspect wraps js::inspect; an option loopsim does not model is a clear error, not
// silently different output.
#include "model/js/builtins/builtin_support.h"
#include "model/js/conversions.h"
#include "model/js/function.h"
#include "model/js/inspect.h"
#include "model/js/promise.h"
#include "model/js/runtime.h"
#include "model/js/string.h"
#include "model/node/bindings.h"
#include "model/node/script_host.h"

#include <climits>
#include <cmath>

namespace loopsim::node {

namespace {

using js::arg;

// A native function that keeps `data` (its state), hidden from stack traces like every
// function of the bindings.
js::NativeFunction* function_with_data(js::Runtime& rt, std::string_view name, uint32_t length,
                                       js::NativeFn fn, js::Value data) {
    auto* function =
        static_cast<js::NativeFunction*>(make_function(ScriptHost::from(rt), name, length, fn));
    function->set_data(data);
    return function;
}

js::PropertyKey custom_key(js::Runtime& rt) {
    return js::PropertyKey::symbol(registered_symbol(rt, "nodejs.util.promisify.custom"));
}

// The callback a promisified function appends: (err, ...values). Its data is the state
// {resolve, reject, argumentNames}.
js::Completion promisify_callback(js::Runtime& rt, js::NativeFunction& callee, js::Value,
                                  std::span<const js::Value> args) {
    js::Root<js::Object> state(rt.heap(), callee.data().as_object());
    js::RootedVector values(rt.heap());
    for (size_t i = 1; i < args.size(); ++i) values.push_back(args[i]);
    if (js::to_boolean(arg(args, 0))) {
        js::Value reject = LOOPSIM_TRY(state->get(rt, rt.key("reject")));
        js::Value reason[] = {arg(args, 0)};
        return rt.call(reject, js::Value(), reason);
    }
    js::RootedValue names(rt.heap(), LOOPSIM_TRY(state->get(rt, rt.key("argumentNames"))));
    js::RootedValue result(rt.heap(), values.size() > 0 ? values[0] : js::Value());
    if (!names.get().is_undefined() && values.size() > 1) {
        js::Root<js::Object> object(rt.heap(), js::create_plain_object(rt));
        if (names.get().is_object()) {
            const double count =
                LOOPSIM_TRY(js::length_of_array_like(rt, *names.get().as_object()));
            for (double i = 0; i < count; ++i) {
                js::Value name = LOOPSIM_TRY(js::get_index(rt, *names.get().as_object(), i));
                js::PropertyKey key = LOOPSIM_TRY(js::to_property_key(rt, name));
                const auto at = static_cast<size_t>(i);
                LOOPSIM_TRY(
                    object->set_or_throw(rt, key, at < values.size() ? values[at] : js::Value()));
            }
        }
        result.set(js::Value(object.get()));
    }
    js::Value resolve = LOOPSIM_TRY(state->get(rt, rt.key("resolve")));
    js::Value value[] = {result.get()};
    return rt.call(resolve, js::Value(), value);
}

// `fn(...args)` of a promisified function; its data is {original, argumentNames}.
js::Completion promisified_call(js::Runtime& rt, js::NativeFunction& callee, js::Value self,
                                std::span<const js::Value> args) {
    js::RootedValue rooted_self(rt.heap(), self);
    js::Root<js::Object> data(rt.heap(), callee.data().as_object());
    js::RootedVector call_args(rt.heap());
    for (js::Value v : args) call_args.push_back(v);
    js::Root<js::Object> promise(rt.heap(), js::new_promise(rt));
    js::ResolvingFunctions resolving = js::create_resolving_functions(rt, *promise);
    js::Root<js::Object> state(rt.heap(), js::Object::create(rt, nullptr));
    state->put_direct(rt, rt.key("resolve"), js::Value(resolving.resolve));
    state->put_direct(rt, rt.key("reject"), js::Value(resolving.reject));
    js::OwnProperty names;
    data->lookup_own(rt.key("argumentNames"), names);
    state->put_direct(rt, rt.key("argumentNames"), names.value);
    call_args.push_back(
        js::Value(function_with_data(rt, "", 2, promisify_callback, js::Value(state.get()))));
    js::OwnProperty original;
    data->lookup_own(rt.key("original"), original);
    // The Promise executor: a synchronous throw of the original rejects the promise.
    js::Completion called = rt.call(original.value, rooted_self.get(), call_args.values());
    if (called.is_throw()) {
        js::Value reason[] = {called.thrown_value()};
        js::OwnProperty reject;
        state->lookup_own(rt.key("reject"), reject);
        LOOPSIM_TRY(rt.call(reject.value, js::Value(), reason));
    }
    return js::Value(promise.get());
}

js::Completion util_promisify(js::Runtime& rt, js::NativeFunction&, js::Value,
                              std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    js::Value original = arg(args, 0);
    if (!js::Runtime::is_callable(original))
        return invalid_arg_type(host, "original", "function", original);
    js::Root<js::Object> source(rt.heap(), original.as_object());
    js::Value custom = LOOPSIM_TRY(source->get(rt, custom_key(rt)));
    if (js::to_boolean(custom)) {
        if (!js::Runtime::is_callable(custom))
            return arg_type_error(host, "util.promisify.custom", {"function"}, custom);
        js::RootedValue rooted_custom(rt.heap(), custom);
        LOOPSIM_TRY(custom.as_object()->define_own_property(
            rt, custom_key(rt), js::PropertyDescriptor::data(custom, js::attr::Configurable)));
        return rooted_custom.get();
    }
    js::Value names =
        LOOPSIM_TRY(source->get(rt, js::PropertyKey::symbol(custom_promisify_args_symbol(host))));
    js::RootedValue rooted_names(rt.heap(), names);

    js::Root<js::Object> data(rt.heap(), js::Object::create(rt, nullptr));
    data->put_direct(rt, rt.key("original"), js::Value(source.get()));
    data->put_direct(rt, rt.key("argumentNames"), rooted_names.get());
    js::Root<js::Object> fn(
        rt.heap(), function_with_data(rt, "fn", 0, promisified_call, js::Value(data.get())));
    fn->set_prototype(source->prototype());
    LOOPSIM_TRY(fn->define_own_property(
        rt, custom_key(rt),
        js::PropertyDescriptor::data(js::Value(fn.get()), js::attr::Configurable)));
    // Every own property of the original, descriptors as they are (name, length, ...).
    for (js::PropertyKey key : source->own_property_keys(rt)) {
        std::optional<js::PropertyDescriptor> descriptor = source->get_own_property(key);
        if (!descriptor) continue;
        LOOPSIM_TRY(fn->define_own_property(rt, key, *descriptor));
    }
    return js::Value(fn.get());
}

// util.inspect's options, as far as js::InspectOptions models them.
js::ThrowCompletionOr<js::InspectOptions> inspect_options(js::Runtime& rt,
                                                          std::span<const js::Value> args) {
    js::InspectOptions options;
    const auto unsupported = [&](std::string_view name) {
        return rt.throw_error(
            js::ErrorType::Error,
            "loopsim's util.inspect does not model the option '" + std::string(name) +
                "' yet (modelled: depth, showHidden, maxArrayLength, maxStringLength, "
                "breakLength, compact as a number or false; see docs/modules.md)");
    };
    const auto count = [](js::Value v, int fallback) {
        if (v.is_null()) return INT_MAX;
        if (!v.is_number()) return fallback;
        const double n = v.as_number();
        if (std::isnan(n)) return fallback;
        if (n >= INT_MAX) return INT_MAX;
        if (n <= INT_MIN) return INT_MIN;
        return static_cast<int>(n);
    };
    js::Value second = arg(args, 1);
    if (second.is_boolean()) {
        // The legacy form inspect(value, showHidden, depth, colors).
        options.show_hidden = second.as_bool();
        if (args.size() > 2 && !args[2].is_undefined())
            options.depth = count(args[2], options.depth);
        if (js::to_boolean(arg(args, 3))) return unsupported("colors");
        return options;
    }
    if (!second.is_object()) return options;
    js::Root<js::Object> object(rt.heap(), second.as_object());
    const auto read = [&](std::string_view name) { return object->get(rt, rt.key(name)); };
    js::Value depth = LOOPSIM_TRY(read("depth"));
    if (depth.is_null() ||
        (depth.is_number() && std::isinf(depth.as_number()) && depth.as_number() > 0))
        options.depth = js::InspectOptions::kUnlimitedDepth;
    else if (depth.is_number())
        options.depth = count(depth, options.depth);
    js::Value show_hidden = LOOPSIM_TRY(read("showHidden"));
    if (!show_hidden.is_undefined()) options.show_hidden = js::to_boolean(show_hidden);
    js::Value max_array = LOOPSIM_TRY(read("maxArrayLength"));
    if (!max_array.is_undefined())
        options.max_array_length = static_cast<uint32_t>(std::max(0, count(max_array, 100)));
    js::Value max_string = LOOPSIM_TRY(read("maxStringLength"));
    if (!max_string.is_undefined())
        options.max_string_length = static_cast<uint32_t>(std::max(0, count(max_string, 10000)));
    js::Value break_length = LOOPSIM_TRY(read("breakLength"));
    if (break_length.is_number()) options.break_length = count(break_length, 80);
    js::Value compact = LOOPSIM_TRY(read("compact"));
    if (compact.is_boolean()) {
        if (compact.as_bool()) return unsupported("compact: true");
        options.compact = 0;
    } else if (compact.is_number()) {
        options.compact = count(compact, 3);
    }
    for (const char* name : {"colors", "sorted", "getters", "showProxy", "numericSeparator"})
        if (js::to_boolean(LOOPSIM_TRY(read(name)))) return unsupported(name);
    return options;
}

js::Completion util_inspect(js::Runtime& rt, js::NativeFunction&, js::Value,
                            std::span<const js::Value> args) {
    js::InspectOptions options = LOOPSIM_TRY(inspect_options(rt, args));
    std::string text = LOOPSIM_TRY(js::inspect_or_throw(rt, arg(args, 0), options));
    return js::Value(rt.string(text));
}

js::Completion util_format(js::Runtime& rt, js::NativeFunction&, js::Value,
                           std::span<const js::Value> args) {
    std::string text = LOOPSIM_TRY(js::format_log_args_or_throw(rt, args));
    return js::Value(rt.string(text));
}

// inherits(ctor, superCtor): ctor.super_ = superCtor; ctor.prototype's prototype becomes
// superCtor.prototype.
js::Completion util_inherits(js::Runtime& rt, js::NativeFunction&, js::Value,
                             std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    js::Value ctor = arg(args, 0);
    js::Value super_ctor = arg(args, 1);
    if (ctor.is_nullish()) return arg_type_error(host, "ctor", {"function"}, ctor);
    if (super_ctor.is_nullish()) return arg_type_error(host, "superCtor", {"function"}, super_ctor);
    if (!ctor.is_object() || !super_ctor.is_object())
        return rt.throw_error(js::ErrorType::TypeError,
                              "util.inherits takes two constructor functions");
    js::RootedValue rooted_ctor(rt.heap(), ctor);
    js::RootedValue rooted_super(rt.heap(), super_ctor);
    js::Value super_prototype =
        LOOPSIM_TRY(super_ctor.as_object()->get(rt, rt.common_key(js::CommonAtom::Prototype)));
    if (super_prototype.is_undefined()) {
        js::ThrowCompletion error =
            arg_type_error(host, "superCtor.prototype", {"object"}, super_prototype);
        return error;
    }
    js::RootedValue rooted_super_prototype(rt.heap(), super_prototype);
    LOOPSIM_TRY(rooted_ctor.get().as_object()->define_own_property(
        rt, rt.key("super_"),
        js::PropertyDescriptor::data(rooted_super.get(),
                                     js::attr::Writable | js::attr::Configurable)));
    js::Value prototype = LOOPSIM_TRY(
        rooted_ctor.get().as_object()->get(rt, rt.common_key(js::CommonAtom::Prototype)));
    if (!prototype.is_object())
        return rt.throw_error(js::ErrorType::TypeError,
                              "util.inherits: ctor.prototype is not an object");
    js::Object* parent = rooted_super_prototype.get().is_object()
                             ? rooted_super_prototype.get().as_object()
                             : nullptr;
    if (!rooted_super_prototype.get().is_object() && !rooted_super_prototype.get().is_null())
        return rt.throw_error(js::ErrorType::TypeError,
                              "Object prototype may only be an Object or null: " +
                                  js::inspect(rt, rooted_super_prototype.get()));
    if (!prototype.as_object()->set_prototype(parent))
        return rt.throw_error(js::ErrorType::TypeError, "Cyclic __proto__ value");
    return js::Value();
}

js::Completion util_is_promise(js::Runtime&, js::NativeFunction&, js::Value,
                               std::span<const js::Value> args) {
    return js::Value(js::is_promise(arg(args, 0)));
}

} // namespace

js::ThrowCompletion arg_type_error(ScriptHost& host, std::string_view name,
                                   std::initializer_list<std::string_view> expected,
                                   js::Value received) {
    std::vector<std::string_view> types;
    std::vector<std::string_view> classes;
    for (std::string_view e : expected)
        (!e.empty() && e[0] >= 'A' && e[0] <= 'Z' ? classes : types).push_back(e);
    // "A", "A or B", "A, B, or C" (Node's errors.js lists three or more with a serial comma).
    const auto join = [](const std::vector<std::string_view>& items) {
        std::string text;
        for (size_t i = 0; i < items.size(); ++i) {
            if (i > 0) text += i + 1 < items.size() ? ", " : items.size() > 2 ? ", or " : " or ";
            text += items[i];
        }
        return text;
    };
    std::string phrase;
    if (!types.empty()) phrase = (types.size() > 1 ? "one of type " : "of type ") + join(types);
    if (!classes.empty())
        phrase += (phrase.empty() ? "" : " or ") + std::string("an instance of ") + join(classes);
    // invalid_arg_type words the "Received ..." part; the phrase before it is replaced.
    const std::string marker = "\x01";
    js::ThrowCompletion error = invalid_arg_type(host, name, marker, received);
    js::Runtime& rt = host.runtime();
    js::Object& object = *error.value.as_object();
    js::OwnProperty message;
    if (!object.lookup_own(rt.common_key(js::CommonAtom::Message), message) ||
        !message.value.is_string())
        return error;
    std::string text = message.value.as_string()->to_utf8();
    const std::string from = "\" argument must be of type " + marker;
    const bool is_property = name.find('.') != std::string_view::npos;
    if (size_t at = text.find(from); at != std::string::npos)
        text.replace(at, from.size(),
                     std::string("\" ") + (is_property ? "property" : "argument") + " must be " +
                         phrase);
    object.put_direct(rt, rt.common_key(js::CommonAtom::Message), js::Value(rt.string(text)),
                      js::attr::Builtin);
    return error;
}

js::Symbol* custom_promisify_args_symbol(ScriptHost& host) {
    js::Runtime& rt = host.runtime();
    auto& internals = host.bindings().internals;
    auto it = internals.find("util.kCustomPromisifyArgs");
    if (it != internals.end()) return it->second.get().as_symbol();
    js::Symbol* symbol = rt.make_symbol(rt.string("customPromisifyArgs"));
    internals.emplace("util.kCustomPromisifyArgs", js::RootedValue(rt.heap(), js::Value(symbol)));
    return symbol;
}

js::Object& inspect_function(ScriptHost& host) {
    js::Runtime& rt = host.runtime();
    if (js::Object* made = rt.intrinsic(js::Intrinsic::InspectFunction)) return *made;
    js::Object* inspect = make_function(host, "inspect", 2, util_inspect);
    rt.set_intrinsic(js::Intrinsic::InspectFunction, inspect);
    inspect->put_direct(rt, rt.key("custom"),
                        js::Value(registered_symbol(rt, "nodejs.util.inspect.custom")),
                        js::attr::Default);
    return *inspect;
}

js::Completion make_util_module(ScriptHost& host) {
    js::Runtime& rt = host.runtime();
    js::Root<js::Object> util(rt.heap(), js::Object::create(rt, rt.object_prototype()));
    const auto add = [&](js::Object& target, std::string_view name, uint32_t length,
                         js::NativeFn fn) {
        js::Object* function = make_function(host, name, length, fn);
        target.put_direct(rt, rt.key(name), js::Value(function), js::attr::Default);
        return function;
    };
    // In Node's order of Object.keys(util).
    add(*util, "format", 0, util_format);
    add(*util, "inherits", 2, util_inherits);
    util->put_direct(rt, rt.key("inspect"), js::Value(&inspect_function(host)), js::attr::Default);
    js::Object* promisify = add(*util, "promisify", 1, util_promisify);
    promisify->put_direct(rt, rt.key("custom"),
                          js::Value(registered_symbol(rt, "nodejs.util.promisify.custom")),
                          js::attr::Default);
    js::Object* types = js::Object::create(rt, rt.object_prototype());
    util->put_direct(rt, rt.key("types"), js::Value(types), js::attr::Default);
    add(*types, "isPromise", 1, util_is_promise);
    return js::Value(util.get());
}

} // namespace loopsim::node
