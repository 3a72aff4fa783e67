// String (ECMA-262 §22.1): the constructor, fromCharCode/fromCodePoint/raw, and
// String.prototype. Strings are sequences of UTF-16 code units; methods work on a
// std::u16string copy of the receiver. Case mapping covers ASCII and Latin-1 (docs/builtins.md),
// localeCompare is a simplified collation, normalize is the identity.
#include "model/js/builtins/builtin_support.h"
#include "model/js/builtins/install.h"
#include "model/js/builtins/iteration.h"
#include "model/js/builtins/number_parsing.h"
#include "model/js/builtins/string_collation.h"
#include "model/js/builtins/to_object.h"

#include <cmath>

namespace loopsim::js {

namespace {

using U16 = std::u16string;

ThrowCompletionOr<U16> this_string(Runtime& rt, Value self, const char* method) {
    if (self.is_nullish())
        return rt.throw_error(ErrorType::TypeError, std::string("String.prototype.") + method +
                                                        " called on null or undefined");
    if (self.is_string()) return self.as_string()->to_utf16();
    String* s = LOOPSIM_TRY(to_string(rt, self));
    return s->to_utf16();
}

ThrowCompletionOr<U16> arg_string(Runtime& rt, std::span<const Value> args, size_t i) {
    String* s = LOOPSIM_TRY(to_string(rt, arg(args, i)));
    return s->to_utf16();
}

Value make(Runtime& rt, std::u16string_view units) {
    return Value(String::from_utf16(rt.heap(), units));
}

ThrowCompletionOr<Value> make_checked(Runtime& rt, const U16& units) {
    if (units.size() > String::kMaxLength)
        return rt.throw_error(ErrorType::RangeError, "Invalid string length");
    return make(rt, units);
}

// --- constructor and statics ------------------------------------------------------------------

Completion string_call(Runtime& rt, NativeFunction&, Value, std::span<const Value> args) {
    if (args.empty()) return Value(rt.empty_string());
    if (args[0].is_symbol()) return Value(rt.string(args[0].as_symbol()->descriptive_string()));
    return Value(LOOPSIM_TRY(to_string(rt, args[0])));
}

Completion string_construct(Runtime& rt, NativeFunction&, std::span<const Value> args,
                            Object& new_target) {
    String* s = args.empty() ? rt.empty_string() : LOOPSIM_TRY(to_string(rt, args[0]));
    RootedValue rooted(rt.heap(), Value(s));
    Object* proto = LOOPSIM_TRY(
        rt.prototype_from_constructor(new_target, rt.intrinsic(Intrinsic::StringPrototype)));
    s->flatten(rt.heap());
    return Value(PrimitiveWrapper::create(rt, Value(s), proto));
}

Completion string_from_char_code(Runtime& rt, NativeFunction&, Value, std::span<const Value> args) {
    U16 units;
    for (Value v : args) {
        double n = LOOPSIM_TRY(to_number(rt, v));
        units.push_back(static_cast<char16_t>(to_uint32(n) & 0xFFFF));
    }
    return make(rt, units);
}

void append_code_point(U16& out, uint32_t cp) {
    if (cp < 0x10000) {
        out.push_back(static_cast<char16_t>(cp));
    } else {
        cp -= 0x10000;
        out.push_back(static_cast<char16_t>(0xD800 + (cp >> 10)));
        out.push_back(static_cast<char16_t>(0xDC00 + (cp & 0x3FF)));
    }
}

Completion string_from_code_point(Runtime& rt, NativeFunction&, Value,
                                  std::span<const Value> args) {
    U16 units;
    for (Value v : args) {
        double n = LOOPSIM_TRY(to_number(rt, v));
        if (n != std::floor(n) || n < 0 || n > 0x10FFFF || std::isnan(n))
            return rt.throw_error(ErrorType::RangeError,
                                  "Invalid code point " + describe_value(rt, v));
        append_code_point(units, static_cast<uint32_t>(n));
    }
    return make(rt, units);
}

Completion string_raw(Runtime& rt, NativeFunction&, Value, std::span<const Value> args) {
    Object* cooked = LOOPSIM_TRY(to_object(rt, arg(args, 0)));
    Root<Object> rooted_cooked(rt.heap(), cooked);
    Value raw_value = LOOPSIM_TRY(get_named(rt, *cooked, "raw"));
    Object* raw = LOOPSIM_TRY(to_object(rt, raw_value));
    Root<Object> rooted_raw(rt.heap(), raw);
    double count = LOOPSIM_TRY(length_of_array_like(rt, *raw));
    U16 result;
    for (double i = 0; i < count; ++i) {
        Value segment = LOOPSIM_TRY(get_index(rt, *raw, i));
        result += LOOPSIM_TRY(to_string(rt, segment))->to_utf16();
        if (i + 1 < count && static_cast<size_t>(i) + 1 < args.size())
            result += LOOPSIM_TRY(to_string(rt, args[static_cast<size_t>(i) + 1]))->to_utf16();
    }
    return LOOPSIM_TRY(make_checked(rt, result));
}

// --- character access -------------------------------------------------------------------------

Completion string_at(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    U16 s = LOOPSIM_TRY(this_string(rt, self, "at"));
    double relative = LOOPSIM_TRY(to_integer_or_infinity(rt, arg(args, 0)));
    double k = relative >= 0 ? relative : s.size() + relative;
    if (k < 0 || k >= s.size()) return Value();
    return make(rt, U16(1, s[static_cast<size_t>(k)]));
}

Completion string_char_at(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    U16 s = LOOPSIM_TRY(this_string(rt, self, "charAt"));
    double k = LOOPSIM_TRY(to_integer_or_infinity(rt, arg(args, 0)));
    if (k < 0 || k >= s.size()) return Value(rt.empty_string());
    return make(rt, U16(1, s[static_cast<size_t>(k)]));
}

Completion string_char_code_at(Runtime& rt, NativeFunction&, Value self,
                               std::span<const Value> args) {
    U16 s = LOOPSIM_TRY(this_string(rt, self, "charCodeAt"));
    double k = LOOPSIM_TRY(to_integer_or_infinity(rt, arg(args, 0)));
    if (k < 0 || k >= s.size()) return Value(NAN);
    return Value(static_cast<int32_t>(s[static_cast<size_t>(k)]));
}

Completion string_code_point_at(Runtime& rt, NativeFunction&, Value self,
                                std::span<const Value> args) {
    U16 s = LOOPSIM_TRY(this_string(rt, self, "codePointAt"));
    double k = LOOPSIM_TRY(to_integer_or_infinity(rt, arg(args, 0)));
    if (k < 0 || k >= s.size()) return Value();
    size_t i = static_cast<size_t>(k);
    char16_t first = s[i];
    if (first >= 0xD800 && first <= 0xDBFF && i + 1 < s.size() && s[i + 1] >= 0xDC00 &&
        s[i + 1] <= 0xDFFF)
        return Value(
            static_cast<int32_t>(0x10000 + ((first - 0xD800) << 10) + (s[i + 1] - 0xDC00)));
    return Value(static_cast<int32_t>(first));
}

// --- searching --------------------------------------------------------------------------------

Completion string_index_of(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    U16 s = LOOPSIM_TRY(this_string(rt, self, "indexOf"));
    U16 search = LOOPSIM_TRY(arg_string(rt, args, 0));
    double pos = LOOPSIM_TRY(to_integer_or_infinity(rt, arg(args, 1)));
    size_t start = static_cast<size_t>(std::clamp(pos, 0.0, static_cast<double>(s.size())));
    size_t found = s.find(search, start);
    return found == U16::npos ? Value(-1) : Value::number(static_cast<double>(found));
}

Completion string_last_index_of(Runtime& rt, NativeFunction&, Value self,
                                std::span<const Value> args) {
    U16 s = LOOPSIM_TRY(this_string(rt, self, "lastIndexOf"));
    U16 search = LOOPSIM_TRY(arg_string(rt, args, 0));
    double n = LOOPSIM_TRY(to_number(rt, arg(args, 1)));
    double pos = std::isnan(n) ? INFINITY : to_integer_or_infinity(n);
    size_t start = static_cast<size_t>(std::clamp(pos, 0.0, static_cast<double>(s.size())));
    size_t found = s.rfind(search, start);
    return found == U16::npos ? Value(-1) : Value::number(static_cast<double>(found));
}

ThrowCompletionOr<U16> search_argument(Runtime& rt, std::span<const Value> args, const char* name) {
    // The dialect has no regular expressions, so any object is converted to a string.
    (void)name;
    return arg_string(rt, args, 0);
}

Completion string_includes(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    U16 s = LOOPSIM_TRY(this_string(rt, self, "includes"));
    U16 search = LOOPSIM_TRY(search_argument(rt, args, "includes"));
    double pos = LOOPSIM_TRY(to_integer_or_infinity(rt, arg(args, 1)));
    size_t start = static_cast<size_t>(std::clamp(pos, 0.0, static_cast<double>(s.size())));
    return Value(s.find(search, start) != U16::npos);
}

Completion string_starts_with(Runtime& rt, NativeFunction&, Value self,
                              std::span<const Value> args) {
    U16 s = LOOPSIM_TRY(this_string(rt, self, "startsWith"));
    U16 search = LOOPSIM_TRY(search_argument(rt, args, "startsWith"));
    double pos = LOOPSIM_TRY(to_integer_or_infinity(rt, arg(args, 1)));
    size_t start = static_cast<size_t>(std::clamp(pos, 0.0, static_cast<double>(s.size())));
    if (start + search.size() > s.size()) return Value(false);
    return Value(s.compare(start, search.size(), search) == 0);
}

Completion string_ends_with(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    U16 s = LOOPSIM_TRY(this_string(rt, self, "endsWith"));
    U16 search = LOOPSIM_TRY(search_argument(rt, args, "endsWith"));
    double end = static_cast<double>(s.size());
    if (!arg(args, 1).is_undefined()) end = LOOPSIM_TRY(to_integer_or_infinity(rt, args[1]));
    size_t stop = static_cast<size_t>(std::clamp(end, 0.0, static_cast<double>(s.size())));
    if (search.size() > stop) return Value(false);
    return Value(s.compare(stop - search.size(), search.size(), search) == 0);
}

// --- substrings -------------------------------------------------------------------------------

Completion string_slice(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    U16 s = LOOPSIM_TRY(this_string(rt, self, "slice"));
    double length = static_cast<double>(s.size());
    double from = LOOPSIM_TRY(relative_index(rt, arg(args, 0), length, 0));
    double to = LOOPSIM_TRY(relative_index(rt, arg(args, 1), length, length));
    if (from >= to) return Value(rt.empty_string());
    return make(rt, std::u16string_view(s).substr(static_cast<size_t>(from),
                                                  static_cast<size_t>(to - from)));
}

Completion string_substring(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    U16 s = LOOPSIM_TRY(this_string(rt, self, "substring"));
    double length = static_cast<double>(s.size());
    double start = LOOPSIM_TRY(to_integer_or_infinity(rt, arg(args, 0)));
    double end = length;
    if (!arg(args, 1).is_undefined()) end = LOOPSIM_TRY(to_integer_or_infinity(rt, args[1]));
    start = std::clamp(start, 0.0, length);
    end = std::clamp(end, 0.0, length);
    double from = std::min(start, end), to = std::max(start, end);
    return make(rt, std::u16string_view(s).substr(static_cast<size_t>(from),
                                                  static_cast<size_t>(to - from)));
}

Completion string_substr(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    U16 s = LOOPSIM_TRY(this_string(rt, self, "substr"));
    double size = static_cast<double>(s.size());
    double start = LOOPSIM_TRY(relative_index(rt, arg(args, 0), size, 0));
    double length = size;
    if (!arg(args, 1).is_undefined()) length = LOOPSIM_TRY(to_integer_or_infinity(rt, args[1]));
    double end = std::min(start + std::max(length, 0.0), size);
    if (start >= end) return Value(rt.empty_string());
    return make(rt, std::u16string_view(s).substr(static_cast<size_t>(start),
                                                  static_cast<size_t>(end - start)));
}

// --- case, trimming, padding ------------------------------------------------------------------

Completion string_to_upper_case(Runtime& rt, NativeFunction&, Value self, std::span<const Value>) {
    U16 s = LOOPSIM_TRY(this_string(rt, self, "toUpperCase"));
    return make(rt, to_upper_latin1(s));
}

Completion string_to_lower_case(Runtime& rt, NativeFunction&, Value self, std::span<const Value>) {
    U16 s = LOOPSIM_TRY(this_string(rt, self, "toLowerCase"));
    return make(rt, to_lower_latin1(s));
}

enum class TrimWhere {
    Both,
    Start,
    End
};

Completion trim_common(Runtime& rt, Value self, TrimWhere where, const char* name) {
    U16 s = LOOPSIM_TRY(this_string(rt, self, name));
    size_t begin = 0, end = s.size();
    if (where != TrimWhere::End)
        while (begin < end && is_js_whitespace(s[begin])) ++begin;
    if (where != TrimWhere::Start)
        while (end > begin && is_js_whitespace(s[end - 1])) --end;
    return make(rt, std::u16string_view(s).substr(begin, end - begin));
}

Completion string_trim(Runtime& rt, NativeFunction&, Value self, std::span<const Value>) {
    return trim_common(rt, self, TrimWhere::Both, "trim");
}
Completion string_trim_start(Runtime& rt, NativeFunction&, Value self, std::span<const Value>) {
    return trim_common(rt, self, TrimWhere::Start, "trimStart");
}
Completion string_trim_end(Runtime& rt, NativeFunction&, Value self, std::span<const Value>) {
    return trim_common(rt, self, TrimWhere::End, "trimEnd");
}

Completion pad_common(Runtime& rt, Value self, std::span<const Value> args, bool at_start) {
    U16 s = LOOPSIM_TRY(this_string(rt, self, at_start ? "padStart" : "padEnd"));
    double max_length = LOOPSIM_TRY(to_integer_or_infinity(rt, arg(args, 0)));
    if (max_length <= static_cast<double>(s.size())) return make(rt, s);
    U16 filler = u" ";
    if (!arg(args, 1).is_undefined()) filler = LOOPSIM_TRY(arg_string(rt, args, 1));
    if (filler.empty()) return make(rt, s);
    if (max_length > String::kMaxLength)
        return rt.throw_error(ErrorType::RangeError, "Invalid string length");
    size_t fill_length = static_cast<size_t>(max_length) - s.size();
    U16 fill;
    fill.reserve(fill_length);
    while (fill.size() < fill_length) fill += filler;
    fill.resize(fill_length);
    return make(rt, at_start ? fill + s : s + fill);
}

Completion string_pad_start(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    return pad_common(rt, self, args, true);
}
Completion string_pad_end(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    return pad_common(rt, self, args, false);
}

Completion string_repeat(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    U16 s = LOOPSIM_TRY(this_string(rt, self, "repeat"));
    double n = LOOPSIM_TRY(to_integer_or_infinity(rt, arg(args, 0)));
    if (n < 0 || n == INFINITY)
        return rt.throw_error(ErrorType::RangeError,
                              "Invalid count value: " +
                                  number_to_string(LOOPSIM_TRY(to_number(rt, arg(args, 0)))));
    if (s.empty() || n == 0) return Value(rt.empty_string());
    if (static_cast<double>(s.size()) * n > String::kMaxLength)
        return rt.throw_error(ErrorType::RangeError, "Invalid string length");
    U16 result;
    result.reserve(s.size() * static_cast<size_t>(n));
    for (double i = 0; i < n; ++i) result += s;
    return make(rt, result);
}

// --- split, replace, concat -------------------------------------------------------------------

Completion string_split(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    U16 s = LOOPSIM_TRY(this_string(rt, self, "split"));
    uint32_t limit = 0xFFFFFFFFu;
    Value separator_value = arg(args, 0);
    U16 separator;
    if (!separator_value.is_undefined()) separator = LOOPSIM_TRY(arg_string(rt, args, 0));
    if (!arg(args, 1).is_undefined()) limit = to_uint32(LOOPSIM_TRY(to_number(rt, args[1])));
    Root<Array> result(rt.heap(), Array::create(rt));
    if (limit == 0) return Value(result.get());
    if (separator_value.is_undefined()) {
        result->push(rt, make(rt, s));
        return Value(result.get());
    }
    if (s.empty()) {
        if (!separator.empty()) result->push(rt, make(rt, s));
        return Value(result.get());
    }
    if (separator.empty()) {
        for (size_t i = 0; i < s.size() && result->length() < limit; ++i)
            result->push(rt, make(rt, U16(1, s[i])));
        return Value(result.get());
    }
    size_t start = 0;
    while (true) {
        size_t found = s.find(separator, start);
        if (found == U16::npos) break;
        result->push(rt, make(rt, std::u16string_view(s).substr(start, found - start)));
        if (result->length() >= limit) return Value(result.get());
        start = found + separator.size();
    }
    result->push(rt, make(rt, std::u16string_view(s).substr(start)));
    return Value(result.get());
}

// GetSubstitution (§22.1.3.19.1) without captures: $$, $&, $`, $' are replaced; $n and $<
// stay literal, as they do for a string pattern.
U16 substitute(const U16& matched, const U16& s, size_t position, const U16& replacement) {
    U16 result;
    for (size_t i = 0; i < replacement.size(); ++i) {
        char16_t c = replacement[i];
        if (c != '$' || i + 1 >= replacement.size()) {
            result.push_back(c);
            continue;
        }
        char16_t next = replacement[i + 1];
        if (next == '$') {
            result.push_back('$');
            ++i;
        } else if (next == '&') {
            result += matched;
            ++i;
        } else if (next == '`') {
            result += s.substr(0, position);
            ++i;
        } else if (next == '\'') {
            size_t tail = std::min(position + matched.size(), s.size());
            result += s.substr(tail);
            ++i;
        } else {
            result.push_back(c);
        }
    }
    return result;
}

Completion replace_common(Runtime& rt, Value self, std::span<const Value> args, bool all) {
    U16 s = LOOPSIM_TRY(this_string(rt, self, all ? "replaceAll" : "replace"));
    RootedValue subject(rt.heap(), make(rt, s));
    U16 search = LOOPSIM_TRY(arg_string(rt, args, 0));
    Value replacer = arg(args, 1);
    bool functional = Runtime::is_callable(replacer);
    U16 replacement;
    if (!functional) replacement = LOOPSIM_TRY(arg_string(rt, args, 1));
    std::vector<size_t> positions;
    size_t advance = std::max<size_t>(1, search.size());
    for (size_t pos = s.find(search, 0); pos != U16::npos;
         pos = pos + advance <= s.size() ? s.find(search, pos + advance) : U16::npos) {
        positions.push_back(pos);
        if (!all) break;
    }
    if (positions.empty()) return subject.get();
    RootedValue matched(rt.heap(), make(rt, search));
    U16 result;
    size_t end_of_last = 0;
    for (size_t pos : positions) {
        result += s.substr(end_of_last, pos - end_of_last);
        if (functional) {
            Value call_args[3] = {matched.get(), Value::number(static_cast<double>(pos)),
                                  subject.get()};
            Value value = LOOPSIM_TRY(rt.call(replacer, Value(), call_args));
            result += LOOPSIM_TRY(to_string(rt, value))->to_utf16();
        } else {
            result += substitute(search, s, pos, replacement);
        }
        end_of_last = pos + search.size();
    }
    result += s.substr(std::min(end_of_last, s.size()));
    return LOOPSIM_TRY(make_checked(rt, result));
}

Completion string_replace(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    return replace_common(rt, self, args, false);
}
Completion string_replace_all(Runtime& rt, NativeFunction&, Value self,
                              std::span<const Value> args) {
    return replace_common(rt, self, args, true);
}

Completion string_concat(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    U16 s = LOOPSIM_TRY(this_string(rt, self, "concat"));
    for (Value v : args) s += LOOPSIM_TRY(to_string(rt, v))->to_utf16();
    return LOOPSIM_TRY(make_checked(rt, s));
}

Completion string_locale_compare(Runtime& rt, NativeFunction&, Value self,
                                 std::span<const Value> args) {
    U16 s = LOOPSIM_TRY(this_string(rt, self, "localeCompare"));
    U16 that = LOOPSIM_TRY(arg_string(rt, args, 0));
    return Value(collate(s, that));
}

Completion string_normalize(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    U16 s = LOOPSIM_TRY(this_string(rt, self, "normalize"));
    if (!arg(args, 0).is_undefined()) {
        U16 form = LOOPSIM_TRY(arg_string(rt, args, 0));
        if (form != u"NFC" && form != u"NFD" && form != u"NFKC" && form != u"NFKD")
            return rt.throw_error(ErrorType::RangeError,
                                  "The normalization form should be one of NFC, NFD, NFKC, NFKD.");
    }
    return make(rt, s);
}

Completion string_iterator(Runtime& rt, NativeFunction&, Value self, std::span<const Value>) {
    if (self.is_nullish())
        return rt.throw_error(ErrorType::TypeError,
                              "String.prototype[Symbol.iterator] called on null or undefined");
    String* s = LOOPSIM_TRY(to_string(rt, self));
    return Value(create_string_iterator(rt, s));
}

ThrowCompletionOr<Value> this_string_value(Runtime& rt, Value self, const char* method) {
    auto s = unwrap_primitive(self, [](Value v) { return v.is_string(); });
    if (!s)
        return rt.throw_error(ErrorType::TypeError,
                              std::string(method) + " requires that 'this' be a String");
    return *s;
}

Completion string_to_string(Runtime& rt, NativeFunction&, Value self, std::span<const Value>) {
    return LOOPSIM_TRY(this_string_value(rt, self, "String.prototype.toString"));
}
Completion string_value_of(Runtime& rt, NativeFunction&, Value self, std::span<const Value>) {
    return LOOPSIM_TRY(this_string_value(rt, self, "String.prototype.valueOf"));
}

} // namespace

void install_string(Runtime& rt, Object& global) {
    Object* proto = PrimitiveWrapper::create(rt, Value(rt.empty_string()), rt.object_prototype());
    rt.set_intrinsic(Intrinsic::StringPrototype, proto);
    NativeFunction* ctor =
        define_constructor(rt, "String", 1, string_call, string_construct, *proto);
    define_method(rt, *ctor, "fromCharCode", 1, string_from_char_code);
    define_method(rt, *ctor, "fromCodePoint", 1, string_from_code_point);
    define_method(rt, *ctor, "raw", 1, string_raw);

    define_method(rt, *proto, "at", 1, string_at);
    define_method(rt, *proto, "charAt", 1, string_char_at);
    define_method(rt, *proto, "charCodeAt", 1, string_char_code_at);
    define_method(rt, *proto, "codePointAt", 1, string_code_point_at);
    define_method(rt, *proto, "concat", 1, string_concat);
    define_method(rt, *proto, "endsWith", 1, string_ends_with);
    define_method(rt, *proto, "includes", 1, string_includes);
    define_method(rt, *proto, "indexOf", 1, string_index_of);
    define_method(rt, *proto, "lastIndexOf", 1, string_last_index_of);
    define_method(rt, *proto, "localeCompare", 1, string_locale_compare);
    define_method(rt, *proto, "normalize", 0, string_normalize);
    define_method(rt, *proto, "padEnd", 1, string_pad_end);
    define_method(rt, *proto, "padStart", 1, string_pad_start);
    define_method(rt, *proto, "repeat", 1, string_repeat);
    define_method(rt, *proto, "replace", 2, string_replace);
    define_method(rt, *proto, "replaceAll", 2, string_replace_all);
    define_method(rt, *proto, "slice", 2, string_slice);
    define_method(rt, *proto, "split", 2, string_split);
    define_method(rt, *proto, "substr", 2, string_substr);
    define_method(rt, *proto, "substring", 2, string_substring);
    define_method(rt, *proto, "startsWith", 1, string_starts_with);
    define_method(rt, *proto, "toString", 0, string_to_string);
    define_method(rt, *proto, "trim", 0, string_trim);
    NativeFunction* trim_start = define_method(rt, *proto, "trimStart", 0, string_trim_start);
    define_value(rt, *proto, "trimLeft", Value(trim_start));
    NativeFunction* trim_end = define_method(rt, *proto, "trimEnd", 0, string_trim_end);
    define_value(rt, *proto, "trimRight", Value(trim_end));
    define_method(rt, *proto, "toLocaleLowerCase", 0, string_to_lower_case);
    define_method(rt, *proto, "toLocaleUpperCase", 0, string_to_upper_case);
    define_method(rt, *proto, "toLowerCase", 0, string_to_lower_case);
    define_method(rt, *proto, "toUpperCase", 0, string_to_upper_case);
    define_method(rt, *proto, "valueOf", 0, string_value_of);
    define_symbol_method(rt, *proto, WellKnownSymbol::Iterator, 0, string_iterator);
    define_value(rt, global, "String", Value(ctor));
}

} // namespace loopsim::js
