// util.format (formatWithOptionsInternal), what console.log prints: the format specifiers
// of a first string argument (%s %d %i %f %j %o %O %c %%), then every remaining argument,
// space-separated, strings as they are and everything else through util.inspect.
#include "model/js/builtins/json.h"
#include "model/js/builtins/number_parsing.h"
#include "model/js/conversions.h"
#include "model/js/function.h"
#include "model/js/inspect_context.h"
#include "model/js/runtime.h"

namespace loopsim::js {

namespace {

using inspect_detail::format_number;
using inspect_detail::utf16_to_utf8;

// hasBuiltInToString: whether %s should inspect the object (its toString and
// Symbol.toPrimitive come from a built-in prototype) rather than call String() on it.
// Built-in constructors are the native functions.
ThrowCompletionOr<bool> has_builtin_to_string(Runtime& rt, Object& value) {
    PropertyKey to_string_key = rt.common_key(CommonAtom::ToString);
    PropertyKey to_primitive_key =
        PropertyKey::symbol(rt.well_known_symbol(WellKnownSymbol::ToPrimitive));
    bool look_for_to_string = true;
    bool look_for_to_primitive = true;
    Value to_string_fn = LOOPSIM_TRY(inspect_detail::get_property(rt, value, to_string_key));
    Value to_primitive_fn = LOOPSIM_TRY(inspect_detail::get_property(rt, value, to_primitive_key));
    if (!Runtime::is_callable(to_string_fn)) {
        if (!Runtime::is_callable(to_primitive_fn)) return true;
        if (value.has_own_property(to_primitive_key)) return false;
        look_for_to_string = false;
    } else if (value.has_own_property(to_string_key)) {
        return false;
    } else if (!Runtime::is_callable(to_primitive_fn)) {
        look_for_to_primitive = false;
    } else if (value.has_own_property(to_primitive_key)) {
        return false;
    }
    Object* pointer = &value;
    do {
        pointer = pointer->prototype();
        if (!pointer) return true;
    } while (!(look_for_to_string && pointer->has_own_property(to_string_key)) &&
             !(look_for_to_primitive && pointer->has_own_property(to_primitive_key)));
    OwnProperty constructor;
    if (!pointer->lookup_own(rt.common_key(CommonAtom::Constructor), constructor) ||
        (constructor.attributes & attr::Accessor) != 0 || !constructor.value.is_object())
        return false;
    return constructor.value.as_object()->kind() == CellKind::NativeFunction;
}

ThrowCompletionOr<std::u16string> string_of(Runtime& rt, Value value) {
    String* text = LOOPSIM_TRY(to_string(rt, value));
    return text->to_utf16();
}

bool is_circular_json_error(Runtime& rt, Value thrown) {
    if (!thrown.is_object()) return false;
    Completion message =
        inspect_detail::get_property(rt, *thrown.as_object(), rt.common_key(CommonAtom::Message));
    if (message.is_throw() || !message.value().is_string()) return false;
    std::string text = message.value().as_string()->to_utf8();
    return text.rfind("Converting circular structure to JSON", 0) == 0;
}

// The text one specifier stands for; `next` is its argument.
ThrowCompletionOr<std::string> format_specifier(Runtime& rt, char16_t specifier, Value next) {
    switch (specifier) {
    case 's': {
        if (next.is_number()) return format_number(next.as_number());
        if (!next.is_object()) {
            if (next.is_symbol()) return next.as_symbol()->descriptive_string();
            return utf16_to_utf8(LOOPSIM_TRY(string_of(rt, next)));
        }
        if (!LOOPSIM_TRY(has_builtin_to_string(rt, *next.as_object())))
            return utf16_to_utf8(LOOPSIM_TRY(string_of(rt, next)));
        InspectOptions options;
        options.depth = 0;
        return inspect_or_throw(rt, next, options);
    }
    case 'j': {
        Completion json = json_stringify(rt, next);
        if (json.is_throw()) {
            if (is_circular_json_error(rt, json.thrown_value())) return std::string("[Circular]");
            return json.release_error();
        }
        if (json.value().is_undefined()) return std::string("undefined");
        return json.value().as_string()->to_utf8();
    }
    case 'd': {
        if (next.is_symbol()) return std::string("NaN");
        return format_number(LOOPSIM_TRY(to_number(rt, next)));
    }
    case 'O':
        return inspect_or_throw(rt, next);
    case 'o': {
        InspectOptions options;
        options.show_hidden = true;
        options.depth = 4;
        return inspect_or_throw(rt, next, options);
    }
    case 'i': {
        if (next.is_symbol()) return std::string("NaN");
        return format_number(parse_int(LOOPSIM_TRY(string_of(rt, next)), 0));
    }
    case 'f': {
        if (next.is_symbol()) return std::string("NaN");
        return format_number(parse_float(LOOPSIM_TRY(string_of(rt, next))));
    }
    case 'c':
        return std::string();
    default:
        return std::string();
    }
}

bool is_specifier(char16_t c) {
    return c == 's' || c == 'j' || c == 'd' || c == 'O' || c == 'o' || c == 'i' || c == 'f' ||
           c == 'c';
}

} // namespace

ThrowCompletionOr<std::string> format_log_args_or_throw(Runtime& runtime,
                                                        std::span<const Value> args) {
    DeferGC defer(runtime.heap());
    std::string out;
    size_t a = 0;
    std::string separator;
    if (!args.empty() && args[0].is_string()) {
        if (args.size() == 1) return args[0].as_string()->to_utf8();
        std::u16string first = args[0].as_string()->to_utf16();
        size_t last = 0;
        auto slice = [&](size_t from, size_t to) {
            return utf16_to_utf8(std::u16string_view(first).substr(from, to - from));
        };
        for (size_t i = 0; i + 1 < first.size(); ++i) {
            if (first[i] != '%') continue;
            char16_t next = first[++i];
            if (a + 1 != args.size()) {
                if (next == '%') {
                    out += slice(last, i);
                    last = i + 1;
                    continue;
                }
                if (!is_specifier(next)) continue;
                std::string text = LOOPSIM_TRY(format_specifier(runtime, next, args[++a]));
                if (last != i - 1) out += slice(last, i - 1);
                out += text;
                last = i + 1;
            } else if (next == '%') {
                out += slice(last, i);
                last = i + 1;
            }
        }
        if (last != 0) {
            ++a;
            separator = " ";
            if (last < first.size()) out += slice(last, first.size());
        }
    }
    for (; a < args.size(); ++a) {
        out += separator;
        if (args[a].is_string())
            out += args[a].as_string()->to_utf8();
        else
            out += LOOPSIM_TRY(inspect_or_throw(runtime, args[a]));
        separator = " ";
    }
    return out;
}

std::string format_log_args(Runtime& runtime, std::span<const Value> args) {
    auto text = format_log_args_or_throw(runtime, args);
    return text.is_throw() ? std::string("[inspection threw]") : text.release_value();
}

} // namespace loopsim::js
