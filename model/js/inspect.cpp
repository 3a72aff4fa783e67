// util.inspect for objects: formatValue (circular references), formatRaw (the kind of
// object, its constructor name and tag, braces and entries), getConstructorName, getKeys,
// formatProperty, and the entry formatters of arrays (holes, "... more items"), Map, Set
// and Promise; the bases of functions, classes and boxed primitives.
#include "model/js/inspect.h"

#include "model/js/array.h"
#include "model/js/builtins/map_set.h"
#include "model/js/builtins/to_object.h"
#include "model/js/bytecode.h"
#include "model/js/conversions.h"
#include "model/js/function.h"
#include "model/js/inspect_context.h"
#include "model/js/promise.h"
#include "model/js/runtime.h"

#include <algorithm>

namespace loopsim::js {

namespace inspect_detail {

Completion get_property(Runtime& runtime, Object& object, PropertyKey key) {
    return object.get(runtime, key, Value(&object));
}

bool has_own_string_property(Runtime&, Object& object, PropertyKey key) {
    return object.has_own_property(key);
}

bool is_error(Runtime& runtime, Object& object) {
    Object* error_prototype = runtime.error_prototype(ErrorType::Error);
    if (!error_prototype) return false;
    for (Object* p = object.prototype(); p; p = p->prototype())
        if (p == error_prototype) return true;
    return false;
}

std::string get_prefix(const ConstructorName& constructor, const std::string& tag,
                       const std::string& fallback, const std::string& size) {
    if (!constructor) {
        if (!tag.empty() && fallback != tag)
            return "[" + fallback + size + ": null prototype] [" + tag + "] ";
        return "[" + fallback + size + ": null prototype] ";
    }
    if (!tag.empty() && *constructor != tag) return *constructor + size + " [" + tag + "] ";
    return *constructor + size + " ";
}

namespace {

using EntryList = std::vector<std::string>;

bool is_enumerable_own(Object& object, PropertyKey key) {
    OwnProperty property;
    return object.lookup_own(key, property) && (property.attributes & attr::Enumerable) != 0;
}

// OrdinaryHasInstance(constructor, object).
ThrowCompletionOr<bool> is_instance_of(Runtime& runtime, Object& object, Object& constructor) {
    Value prototype =
        LOOPSIM_TRY(get_property(runtime, constructor, runtime.common_key(CommonAtom::Prototype)));
    if (!prototype.is_object()) return false;
    for (Object* p = object.prototype(); p; p = p->prototype())
        if (p == prototype.as_object()) return true;
    return false;
}

// A string the way a template literal shows a name (`${name}`), for names that are not
// strings (rare: static name() members).
ThrowCompletionOr<std::string> name_text(Runtime& runtime, Value name) {
    if (name.is_string()) return name.as_string()->to_utf8();
    if (name.is_symbol()) return name.as_symbol()->descriptive_string();
    String* text = LOOPSIM_TRY(to_string(runtime, name));
    return text->to_utf8();
}

bool is_truthy_name(Value name) {
    return to_boolean(name);
}

// V8's GetConstructorName for the objects loopsim has: the internal class of the object.
std::string internal_constructor_name(Object& object) {
    switch (object.kind()) {
    case CellKind::Array:
        return "Array";
    case CellKind::NativeFunction:
    case CellKind::Closure:
        return "Function";
    case CellKind::MapObject:
        return "Map";
    case CellKind::SetObject:
        return "Set";
    case CellKind::Promise:
        return "Promise";
    default:
        return "Object";
    }
}

ThrowCompletionOr<ConstructorName> get_constructor_name(Context& ctx, Object& object,
                                                        int recurse_times) {
    Runtime& rt = ctx.runtime;
    Object* current = &object;
    Object* first_proto = nullptr;
    bool have_first = false;
    while (current) {
        OwnProperty property;
        if (current->lookup_own(rt.common_key(CommonAtom::Constructor), property) &&
            (property.attributes & attr::Accessor) == 0 && Runtime::is_callable(property.value)) {
            Object& constructor = *property.value.as_object();
            Value name =
                LOOPSIM_TRY(get_property(rt, constructor, rt.common_key(CommonAtom::Name)));
            if (!(name.is_string() && name.as_string()->is_empty()) &&
                LOOPSIM_TRY(is_instance_of(rt, object, constructor)))
                return ConstructorName(LOOPSIM_TRY(name_text(rt, name)));
        }
        current = current->prototype();
        if (!have_first) {
            first_proto = current;
            have_first = true;
        }
    }
    if (!first_proto) return ConstructorName();
    std::string internal = internal_constructor_name(object);
    if (recurse_times > ctx.options.depth)
        return ConstructorName(internal + " <Complex prototype>");
    ConstructorName proto_name =
        LOOPSIM_TRY(get_constructor_name(ctx, *first_proto, recurse_times + 1));
    if (!proto_name) {
        Context inner{rt, ctx.options};
        inner.options.depth = -1;
        std::string shown = LOOPSIM_TRY(format_value(inner, Value(first_proto), 0));
        return ConstructorName(internal + " <" + shown + ">");
    }
    return ConstructorName(internal + " <" + *proto_name + ">");
}

// The Symbol.toStringTag shown next to the constructor: only a non-empty string that is not
// an own enumerable property (own at all, with showHidden), which would print anyway.
ThrowCompletionOr<std::string> get_tag(Context& ctx, Object& object) {
    PropertyKey key =
        PropertyKey::symbol(ctx.runtime.well_known_symbol(WellKnownSymbol::ToStringTag));
    Value tag = LOOPSIM_TRY(get_property(ctx.runtime, object, key));
    if (!tag.is_string() || tag.as_string()->is_empty()) return std::string();
    bool shown_as_key =
        ctx.options.show_hidden ? object.has_own_property(key) : is_enumerable_own(object, key);
    if (shown_as_key) return std::string();
    return tag.as_string()->to_utf8();
}

// getKeys / getOwnNonIndexProperties: own keys in property order (indices, strings,
// symbols), enumerable ones only unless showHidden.
std::vector<PropertyKey> get_keys(Context& ctx, Object& object, bool non_index_only) {
    std::vector<PropertyKey> keys;
    for (PropertyKey key : object.own_property_keys(ctx.runtime)) {
        if (non_index_only && key.is_index()) continue;
        if (!ctx.options.show_hidden && !is_enumerable_own(object, key)) continue;
        keys.push_back(key);
    }
    return keys;
}

std::string get_ctx_style(Object& object, const ConstructorName& constructor,
                          const std::string& tag) {
    std::string fallback;
    if (!constructor) {
        fallback = internal_constructor_name(object);
        if (fallback == tag) fallback = "Object";
    }
    return get_prefix(constructor, tag, fallback);
}

// formatProperty. `type` ArrayEntry gives the bare value.
Text format_property(Context& ctx, Object& object, int recurse_times, PropertyKey key,
                     Extras type) {
    Runtime& rt = ctx.runtime;
    OwnProperty property;
    bool enumerable = true;
    std::string text;
    if (object.lookup_own(key, property)) {
        enumerable = (property.attributes & attr::Enumerable) != 0;
    } else { // an inherited property (`cause` on a prototype): shown by its value
        property.value = LOOPSIM_TRY(get_property(rt, object, key));
        property.attributes = attr::Enumerable;
    }
    if ((property.attributes & attr::Accessor) != 0) {
        auto* accessor = static_cast<Accessor*>(property.value.as_cell());
        bool has_getter = !accessor->getter().is_undefined();
        bool has_setter = !accessor->setter().is_undefined();
        text = has_getter ? (has_setter ? "[Getter/Setter]" : "[Getter]")
                          : (has_setter ? "[Setter]" : "undefined");
    } else if (!property.value.is_undefined()) {
        ctx.indentation += 2;
        Text value = format_value(ctx, property.value, recurse_times);
        ctx.indentation -= 2;
        text = LOOPSIM_TRY(std::move(value));
    } else {
        text = "undefined";
    }
    if (type == Extras::ArrayEntry) return text;
    return format_key_name(ctx, key, enumerable) + ": " + text;
}

// formatSpecialArray: an array with holes, from the first hole at `index` on.
Text format_special_array(Context& ctx, Array& array, int recurse_times, size_t max_length,
                          EntryList& output, uint32_t index) {
    std::vector<PropertyKey> keys;
    for (PropertyKey key : array.own_property_keys(ctx.runtime))
        if (!key.is_symbol() && is_enumerable_own(array, key)) keys.push_back(key);
    // Every index below `index` is present, so keys[index] is the first one after the hole.
    uint64_t next = index;
    for (size_t i = index; i < keys.size() && output.size() < max_length; ++i) {
        if (!keys[i].is_index()) break; // not an array index: the named keys start here
        uint64_t at = keys[i].as_index();
        if (at != next) {
            uint64_t empty = at - next;
            output.push_back("<" + std::to_string(empty) + " empty item" + (empty > 1 ? "s" : "") +
                             ">");
            next = at;
            if (output.size() == max_length) break;
        }
        output.push_back(
            LOOPSIM_TRY(format_property(ctx, array, recurse_times, keys[i], Extras::ArrayEntry)));
        ++next;
    }
    uint64_t remaining = array.length() - next;
    if (output.size() != max_length) {
        if (remaining > 0)
            output.push_back("<" + std::to_string(remaining) + " empty item" +
                             (remaining > 1 ? "s" : "") + ">");
    } else if (remaining > 0) {
        output.push_back(remaining_text(remaining));
    }
    return std::string();
}

ThrowCompletionOr<EntryList> format_array(Context& ctx, Array& array, int recurse_times) {
    EntryList output;
    uint32_t length = array.length();
    size_t shown = std::min<size_t>(ctx.options.max_array_length, length);
    for (uint32_t i = 0; i < shown; ++i) {
        if (!array.has_own_property(PropertyKey::index(i))) {
            LOOPSIM_TRY(format_special_array(ctx, array, recurse_times, shown, output, i));
            return output;
        }
        output.push_back(LOOPSIM_TRY(
            format_property(ctx, array, recurse_times, PropertyKey::index(i), Extras::ArrayEntry)));
    }
    if (length > shown) output.push_back(remaining_text(length - shown));
    return output;
}

// formatSet and formatMap: entries in insertion order, indented one level more.
ThrowCompletionOr<EntryList> format_collection(Context& ctx, CollectionObject& collection,
                                               int recurse_times) {
    bool is_map = collection.kind() == CellKind::MapObject;
    const OrderedTable& table = collection.table();
    size_t shown = std::min<size_t>(ctx.options.max_array_length, table.size());
    EntryList output;
    ctx.indentation += 2;
    for (const OrderedTable::Entry& entry : table.entries()) {
        if (entry.key.is_empty()) continue;
        if (output.size() >= shown) break;
        Text key = format_value(ctx, entry.key, recurse_times);
        if (key.is_throw()) {
            ctx.indentation -= 2;
            return key.release_error();
        }
        if (!is_map) {
            output.push_back(key.release_value());
            continue;
        }
        Text value = format_value(ctx, entry.value, recurse_times);
        if (value.is_throw()) {
            ctx.indentation -= 2;
            return value.release_error();
        }
        output.push_back(key.release_value() + " => " + value.release_value());
    }
    if (table.size() > shown) output.push_back(remaining_text(table.size() - shown));
    ctx.indentation -= 2;
    return output;
}

ThrowCompletionOr<EntryList> format_promise(Context& ctx, Object& promise, int recurse_times) {
    PromiseState state = promise_state(promise);
    if (state == PromiseState::Pending) return EntryList{"<pending>"};
    ctx.indentation += 2;
    Text result = format_value(ctx, promise_result(promise), recurse_times);
    ctx.indentation -= 2;
    std::string text = LOOPSIM_TRY(std::move(result));
    return EntryList{state == PromiseState::Rejected ? "<rejected> " + text : text};
}

// getClassBase: [class A], [class B extends A], [class (anonymous)].
Text get_class_base(Context& ctx, Object& function, const ConstructorName& constructor,
                    const std::string& tag) {
    Runtime& rt = ctx.runtime;
    std::string name = "(anonymous)";
    if (function.has_own_property(rt.common_key(CommonAtom::Name))) {
        Value value = LOOPSIM_TRY(get_property(rt, function, rt.common_key(CommonAtom::Name)));
        if (is_truthy_name(value)) name = LOOPSIM_TRY(name_text(rt, value));
    }
    std::string base = "class " + name;
    if (constructor && *constructor != "Function") base += " [" + *constructor + "]";
    if (!tag.empty() && constructor != tag) base += " [" + tag + "]";
    if (constructor) {
        if (Object* parent = function.prototype()) {
            Value super_name =
                LOOPSIM_TRY(get_property(rt, *parent, rt.common_key(CommonAtom::Name)));
            if (is_truthy_name(super_name))
                base += " extends " + LOOPSIM_TRY(name_text(rt, super_name));
        }
    } else {
        base += " extends [null prototype]";
    }
    return "[" + base + "]";
}

// getFunctionBase: [Function: f], [Function (anonymous)], [AsyncFunction: g], classes.
Text get_function_base(Context& ctx, Object& function, const ConstructorName& constructor,
                       const std::string& tag, int recurse_times) {
    Runtime& rt = ctx.runtime;
    bool is_async = false;
    if (function.kind() == CellKind::Closure) {
        auto* code = static_cast<CodeBlock*>(static_cast<Closure&>(function).code());
        if (code->has(CodeFlagClassConstructor))
            return get_class_base(ctx, function, constructor, tag);
        is_async = code->has(CodeFlagAsync);
    }
    std::string type = is_async ? "AsyncFunction" : "Function";
    // loopsim's async functions inherit from Function.prototype directly (there is no
    // %AsyncFunction.prototype%); Node finds the AsyncFunction constructor there.
    ConstructorName shown_constructor = constructor;
    if (is_async && constructor == std::string("Function")) shown_constructor = type;
    std::string base = "[" + type;
    if (!constructor) base += " (null prototype)";
    Value name = LOOPSIM_TRY(get_property(rt, function, rt.common_key(CommonAtom::Name)));
    if (name.is_string() && name.as_string()->is_empty()) {
        base += " (anonymous)";
    } else if (name.is_string()) {
        base += ": " + name.as_string()->to_utf8();
    } else {
        base += ": " + LOOPSIM_TRY(format_value(ctx, name, recurse_times));
    }
    base += "]";
    if (shown_constructor && *shown_constructor != type) base += " " + *shown_constructor;
    if (!tag.empty() && shown_constructor != tag) base += " [" + tag + "]";
    return base;
}

// getBoxedBase: [String: 'x'], [Number: -0], [Boolean: true], [Symbol: Symbol(a)].
std::string get_boxed_base(Context& ctx, PrimitiveWrapper& wrapper,
                           const ConstructorName& constructor, const std::string& tag) {
    Value primitive = wrapper.primitive();
    std::string type = primitive.is_number()    ? "Number"
                       : primitive.is_string()  ? "String"
                       : primitive.is_boolean() ? "Boolean"
                                                : "Symbol";
    std::string base = "[" + type;
    if (constructor != type) base += constructor ? " (" + *constructor + ")" : " (null prototype)";
    base += ": " + format_primitive(ctx, primitive) + "]";
    if (!tag.empty() && constructor != tag) base += " [" + tag + "]";
    return base;
}

enum class Formatter : uint8_t {
    None,
    Array,
    Collection,
    Promise
};

Text format_raw(Context& ctx, Object& value, int recurse_times) {
    Runtime& rt = ctx.runtime;
    ConstructorName constructor = LOOPSIM_TRY(get_constructor_name(ctx, value, recurse_times));
    std::string tag = LOOPSIM_TRY(get_tag(ctx, value));
    std::string base;
    std::string open = "{";
    std::string close = "}";
    Formatter formatter = Formatter::None;
    Extras extras = Extras::Object;
    std::vector<PropertyKey> keys;
    bool no_iterator = true;

    PropertyKey iterator_key = PropertyKey::symbol(rt.well_known_symbol(WellKnownSymbol::Iterator));
    if (value.has_property(iterator_key) || !constructor) {
        no_iterator = false;
        if (value.kind() == CellKind::Array) {
            auto& array = static_cast<Array&>(value);
            std::string prefix;
            if (constructor != std::string("Array") || !tag.empty())
                prefix = get_prefix(constructor, tag, "Array",
                                    "(" + std::to_string(array.length()) + ")");
            keys = get_keys(ctx, value, true);
            open = prefix + "[";
            close = "]";
            if (array.length() == 0 && keys.empty()) return open + "]";
            extras = Extras::ArrayExtras;
            formatter = Formatter::Array;
        } else if (value.kind() == CellKind::MapObject || value.kind() == CellKind::SetObject) {
            auto& collection = static_cast<CollectionObject&>(value);
            bool is_map = value.kind() == CellKind::MapObject;
            std::string prefix = get_prefix(constructor, tag, is_map ? "Map" : "Set",
                                            "(" + std::to_string(collection.table().size()) + ")");
            keys = get_keys(ctx, value, false);
            formatter = Formatter::Collection;
            if (collection.table().size() == 0 && keys.empty()) return prefix + "{}";
            open = prefix + "{";
        } else {
            no_iterator = true;
        }
    }
    if (no_iterator) {
        keys = get_keys(ctx, value, false);
        if (Runtime::is_callable(Value(&value))) {
            base = LOOPSIM_TRY(get_function_base(ctx, value, constructor, tag, recurse_times));
            if (keys.empty()) return base;
        } else if (constructor == std::string("Object")) {
            if (!tag.empty()) open = get_prefix(constructor, tag, "Object") + "{";
            if (keys.empty()) return open + "}";
        } else if (is_error(rt, value)) {
            base = LOOPSIM_TRY(format_error(ctx, value, constructor, tag, keys, recurse_times));
            if (keys.empty()) return base;
        } else if (value.kind() == CellKind::Promise) {
            open = get_prefix(constructor, tag, "Promise") + "{";
            formatter = Formatter::Promise;
        } else if (value.kind() == CellKind::PrimitiveWrapper) {
            auto& wrapper = static_cast<PrimitiveWrapper&>(value);
            if (wrapper.primitive().is_string()) { // the code unit indices are not shown
                uint32_t length = wrapper.primitive().as_string()->length();
                std::erase_if(keys,
                              [&](PropertyKey k) { return k.is_index() && k.as_index() < length; });
            }
            base = get_boxed_base(ctx, wrapper, constructor, tag);
            if (keys.empty()) return base;
        } else {
            if (keys.empty()) return get_ctx_style(value, constructor, tag) + "{}";
            open = get_ctx_style(value, constructor, tag) + "{";
        }
    }

    if (recurse_times > ctx.options.depth) {
        std::string name = get_ctx_style(value, constructor, tag);
        name.pop_back();
        return constructor ? "[" + name + "]" : name;
    }
    ++recurse_times;
    ctx.seen.push_back(&value);
    ctx.current_depth = recurse_times;
    auto entries = [&]() -> ThrowCompletionOr<EntryList> {
        EntryList output;
        switch (formatter) {
        case Formatter::Array:
            output = LOOPSIM_TRY(format_array(ctx, static_cast<Array&>(value), recurse_times));
            break;
        case Formatter::Collection:
            output = LOOPSIM_TRY(
                format_collection(ctx, static_cast<CollectionObject&>(value), recurse_times));
            break;
        case Formatter::Promise:
            output = LOOPSIM_TRY(format_promise(ctx, value, recurse_times));
            break;
        case Formatter::None:
            break;
        }
        for (PropertyKey key : keys)
            output.push_back(LOOPSIM_TRY(format_property(ctx, value, recurse_times, key, extras)));
        return output;
    }();
    if (entries.is_throw()) {
        ctx.seen.pop_back();
        return entries.release_error();
    }
    for (const auto& [object, index] : ctx.circular) {
        if (object != &value) continue;
        std::string reference = "<ref *" + std::to_string(index) + ">";
        base = base.empty() ? reference : reference + " " + base;
        break;
    }
    ctx.seen.pop_back();
    return reduce_to_single_string(ctx, entries.release_value(), base, open, close, extras,
                                   recurse_times, &value);
}

} // namespace

namespace {

// getUserOptions(ctx): what a custom inspect method gets as its options, in Node's key order.
Object* user_options(Context& ctx) {
    Runtime& rt = ctx.runtime;
    Object* options = Object::create(rt, rt.object_prototype());
    const auto put = [&](std::string_view key, Value value) {
        options->put_direct(rt, rt.key(key), value, attr::Default);
    };
    // colors are off, so stylize is stylizeNoColor: the text as it is.
    put("stylize",
        Value(NativeFunction::create(
            rt, "stylizeNoColor", 1,
            [](Runtime& r, NativeFunction&, Value, std::span<const Value> args) -> Completion {
                return args.empty() ? Value(r.string("undefined")) : args[0];
            })));
    const bool unlimited = ctx.options.depth == InspectOptions::kUnlimitedDepth;
    put("showHidden", Value(ctx.options.show_hidden));
    put("depth", unlimited ? Value::null() : Value::number(ctx.options.depth));
    put("colors", Value(false));
    put("customInspect", Value(true));
    put("showProxy", Value(false));
    put("maxArrayLength", Value::number(ctx.options.max_array_length));
    put("maxStringLength", Value::number(ctx.options.max_string_length));
    put("breakLength", Value::number(ctx.options.break_length));
    put("compact", ctx.options.compact == 0 ? Value(false) : Value::number(ctx.options.compact));
    put("sorted", Value(false));
    put("getters", Value(false));
    put("numericSeparator", Value(false));
    return options;
}

// formatValue's customInspect step: `value[util.inspect.custom]` when it is a function (and
// `value` is not a prototype whose constructor leads back to it). Its result replaces the
// formatting of `value` unless it is `value` itself: a string as it is (indented like the
// surrounding entries), anything else formatted in its place. Nothing when there is no such
// method.
ThrowCompletionOr<std::optional<std::string>> custom_inspect(Context& ctx, Object& object,
                                                             int recurse_times) {
    Runtime& rt = ctx.runtime;
    Object* registry = rt.intrinsic(Intrinsic::SymbolRegistry);
    OwnProperty symbol;
    // The symbol lives in the registry once anything asked for it (Symbol.for or
    // util.inspect.custom): until then no object can have the method.
    if (registry == nullptr || !registry->lookup_own(rt.key("nodejs.util.inspect.custom"), symbol))
        return std::optional<std::string>();
    const PropertyKey key = PropertyKey::symbol(symbol.value.as_symbol());
    if (!object.has_property(key)) return std::optional<std::string>();
    Value method = LOOPSIM_TRY(object.get(rt, key));
    if (!Runtime::is_callable(method)) return std::optional<std::string>();
    Value constructor = LOOPSIM_TRY(object.get(rt, rt.key("constructor")));
    if (constructor.is_object()) {
        Value prototype =
            LOOPSIM_TRY(constructor.as_object()->get(rt, rt.common_key(CommonAtom::Prototype)));
        if (prototype.is_object() && prototype.as_object() == &object)
            return std::optional<std::string>();
    }
    RootedValue rooted_method(rt.heap(), method);
    const bool unlimited = ctx.options.depth == InspectOptions::kUnlimitedDepth;
    RootedValue options(rt.heap(), Value(user_options(ctx)));
    Object* inspect_function = rt.intrinsic(Intrinsic::InspectFunction);
    const Value args[] = {unlimited ? Value::null()
                                    : Value::number(ctx.options.depth - recurse_times),
                          options.get(), inspect_function ? Value(inspect_function) : Value()};
    Value result = LOOPSIM_TRY(rt.call(rooted_method.get(), Value(&object), args));
    if (result.is_object() && result.as_object() == &object) return std::optional<std::string>();
    if (!result.is_string())
        return std::optional<std::string>(LOOPSIM_TRY(format_value(ctx, result, recurse_times)));
    std::string text = result.as_string()->to_utf8();
    std::string indented;
    for (char c : text) {
        indented += c;
        if (c == '\n') indented += spaces(ctx.indentation);
    }
    return std::optional<std::string>(std::move(indented));
}

} // namespace

Text format_value(Context& ctx, Value value, int recurse_times) {
    if (!value.is_object()) return format_primitive(ctx, value);
    Object* object = value.as_object();
    std::optional<std::string> custom = LOOPSIM_TRY(custom_inspect(ctx, *object, recurse_times));
    if (custom) return std::move(*custom);
    if (std::find(ctx.seen.begin(), ctx.seen.end(), object) != ctx.seen.end()) {
        int index = 0;
        for (const auto& [seen, number] : ctx.circular)
            if (seen == object) index = number;
        if (index == 0) {
            index = static_cast<int>(ctx.circular.size()) + 1;
            ctx.circular.emplace_back(object, index);
        }
        return "[Circular *" + std::to_string(index) + "]";
    }
    return format_raw(ctx, *object, recurse_times);
}

} // namespace inspect_detail

ThrowCompletionOr<std::string> inspect_or_throw(Runtime& runtime, Value value,
                                                const InspectOptions& options) {
    DeferGC defer(runtime.heap());
    inspect_detail::Context ctx{runtime, options};
    return inspect_detail::format_value(ctx, value, 0);
}

std::string inspect(Runtime& runtime, Value value, const InspectOptions& options) {
    auto text = inspect_or_throw(runtime, value, options);
    return text.is_throw() ? std::string("[inspection threw]") : text.release_value();
}

} // namespace loopsim::js
