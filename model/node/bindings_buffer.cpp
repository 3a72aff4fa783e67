// The Buffer global: a byte array as far as scenarios use it. See buffer.h.
#include "model/js/array.h"
#include "model/js/conversions.h"
#include "model/js/function.h"
#include "model/js/inspect.h"
#include "model/js/runtime.h"
#include "model/js/string.h"
#include "model/node/bindings.h"
#include "model/node/buffer.h"
#include "model/node/script_host.h"

#include <algorithm>
#include <cmath>

namespace loopsim::node {

namespace {

constexpr std::string_view k_prototype_key = "Buffer.prototype";
constexpr uint32_t k_max_length = 0x7FFFFFFF; // buffer.constants.MAX_LENGTH on 64-bit Node 20
constexpr std::string_view k_hex = "0123456789abcdef";
constexpr std::string_view k_base64 =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string to_lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string hex_encode(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() * 2);
    for (unsigned char b : bytes) {
        out.push_back(k_hex[b >> 4]);
        out.push_back(k_hex[b & 15]);
    }
    return out;
}

std::string base64_encode(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const uint32_t v =
            (uint8_t(bytes[i]) << 16) | (uint8_t(bytes[i + 1]) << 8) | uint8_t(bytes[i + 2]);
        for (int s = 18; s >= 0; s -= 6) out.push_back(k_base64[(v >> s) & 63]);
    }
    if (i + 1 == bytes.size()) {
        const uint32_t v = uint8_t(bytes[i]) << 16;
        out.push_back(k_base64[(v >> 18) & 63]);
        out.push_back(k_base64[(v >> 12) & 63]);
        out += "==";
    } else if (i + 2 == bytes.size()) {
        const uint32_t v = (uint8_t(bytes[i]) << 16) | (uint8_t(bytes[i + 1]) << 8);
        out.push_back(k_base64[(v >> 18) & 63]);
        out.push_back(k_base64[(v >> 12) & 63]);
        out.push_back(k_base64[(v >> 6) & 63]);
        out.push_back('=');
    }
    return out;
}

int hex_digit(char16_t c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Node's hex decoder stops at the first pair that is not two hex digits.
std::string hex_decode(std::u16string_view text) {
    std::string out;
    for (size_t i = 0; i + 1 < text.size(); i += 2) {
        const int hi = hex_digit(text[i]), lo = hex_digit(text[i + 1]);
        if (hi < 0 || lo < 0) break;
        out.push_back(static_cast<char>(hi * 16 + lo));
    }
    return out;
}

// Node's base64 decoder: skips characters outside the alphabet (both the standard and the
// URL-safe one), stops at '='.
std::string base64_decode(std::u16string_view text) {
    std::string out;
    uint32_t acc = 0;
    int bits = 0;
    for (char16_t c : text) {
        int v = -1;
        if (c >= 'A' && c <= 'Z')
            v = c - 'A';
        else if (c >= 'a' && c <= 'z')
            v = c - 'a' + 26;
        else if (c >= '0' && c <= '9')
            v = c - '0' + 52;
        else if (c == '+' || c == '-')
            v = 62;
        else if (c == '/' || c == '_')
            v = 63;
        else if (c == '=')
            break;
        if (v < 0) continue;
        acc = (acc << 6) | static_cast<uint32_t>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<char>((acc >> bits) & 0xFF));
        }
    }
    return out;
}

js::Completion this_buffer_bytes(ScriptHost& host, js::Value self, std::string& out) {
    if (!is_buffer(host, self))
        return host.runtime().throw_error(js::ErrorType::TypeError, "argument must be a buffer");
    out = buffer_bytes(*self.as_object());
    return js::Value();
}

// start/end arguments as Buffer.prototype.toString and slice clamp them.
std::pair<size_t, size_t> clamp_range(js::Runtime& rt, std::span<const js::Value> args,
                                      size_t first, size_t length, bool negative_from_end) {
    auto get = [&](size_t i, double fallback) {
        if (i >= args.size() || args[i].is_undefined()) return fallback;
        double d = args[i].is_number() ? args[i].as_number() : 0;
        if (std::isnan(d)) d = 0;
        return std::trunc(d);
    };
    double start = get(first, 0), end = get(first + 1, static_cast<double>(length));
    const double len = static_cast<double>(length);
    if (negative_from_end) {
        if (start < 0) start = std::max(0.0, len + start);
        if (end < 0) end = std::max(0.0, len + end);
    }
    start = std::clamp(start, 0.0, len);
    end = std::clamp(end, 0.0, len);
    if (end < start) end = start;
    return {static_cast<size_t>(start), static_cast<size_t>(end)};
}

js::Completion buffer_length(js::Runtime& rt, js::NativeFunction&, js::Value self,
                             std::span<const js::Value>) {
    if (!self.is_object()) return js::Value();
    return js::Value::number(static_cast<double>(self.as_object()->elements().end_index()));
}

js::Completion buffer_to_string(js::Runtime& rt, js::NativeFunction&, js::Value self,
                                std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    std::string bytes;
    LOOPSIM_TRY(this_buffer_bytes(host, self, bytes));
    Encoding enc = Encoding::Utf8;
    if (!args.empty() && !args[0].is_undefined()) {
        js::String* name = LOOPSIM_TRY(js::to_string(rt, args[0]));
        std::optional<Encoding> parsed = parse_encoding(name->to_utf8());
        if (!parsed) return unknown_encoding(host, args[0]);
        enc = *parsed;
    }
    auto [start, end] = clamp_range(rt, args, 1, bytes.size(), false);
    return decode_bytes(host, std::string_view(bytes).substr(start, end - start), enc);
}

js::Completion buffer_slice(js::Runtime& rt, js::NativeFunction&, js::Value self,
                            std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    std::string bytes;
    LOOPSIM_TRY(this_buffer_bytes(host, self, bytes));
    auto [start, end] = clamp_range(rt, args, 0, bytes.size(), true);
    return js::Value(make_buffer(host, std::string_view(bytes).substr(start, end - start)));
}

js::Completion buffer_equals(js::Runtime& rt, js::NativeFunction&, js::Value self,
                             std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    std::string a;
    LOOPSIM_TRY(this_buffer_bytes(host, self, a));
    js::Value other = args.empty() ? js::Value() : args[0];
    if (!is_buffer(host, other))
        return invalid_arg_type(host, "otherBuffer", "an instance of Buffer or Uint8Array", other);
    return js::Value(a == buffer_bytes(*other.as_object()));
}

js::Completion buffer_to_json(js::Runtime& rt, js::NativeFunction&, js::Value self,
                              std::span<const js::Value>) {
    ScriptHost& host = ScriptHost::from(rt);
    std::string bytes;
    LOOPSIM_TRY(this_buffer_bytes(host, self, bytes));
    js::Object* result = js::Object::create(rt, rt.object_prototype());
    result->put_direct(rt, rt.key("type"), js::Value(rt.string("Buffer")));
    std::vector<js::Value> values;
    values.reserve(bytes.size());
    for (unsigned char b : bytes) values.push_back(js::Value(static_cast<int32_t>(b)));
    result->put_direct(rt, rt.key("data"), js::Value(js::Array::create_from(rt, values)));
    return js::Value(result);
}

js::Completion buffer_from(js::Runtime& rt, js::NativeFunction&, js::Value,
                           std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    js::Value value = args.empty() ? js::Value() : args[0];
    if (value.is_string()) {
        Encoding enc = Encoding::Utf8;
        if (args.size() > 1 && !args[1].is_undefined()) {
            std::optional<Encoding> parsed;
            if (args[1].is_string()) parsed = parse_encoding(args[1].as_string()->to_utf8());
            if (!parsed) return unknown_encoding(host, args[1]);
            enc = *parsed;
        }
        return js::Value(make_buffer(host, encode_string(*value.as_string(), enc)));
    }
    if (is_buffer(host, value))
        return js::Value(make_buffer(host, buffer_bytes(*value.as_object())));
    if (value.is_object() && value.as_object()->kind() == js::CellKind::Array) {
        js::Object& array = *value.as_object();
        js::Value length_value = LOOPSIM_TRY(array.get(rt, rt.key("length")));
        const double length = length_value.is_number() ? length_value.as_number() : 0;
        std::string bytes;
        for (uint32_t i = 0; i < static_cast<uint32_t>(length); ++i) {
            js::Value v = LOOPSIM_TRY(array.get(rt, js::PropertyKey::index(i)));
            const double d = LOOPSIM_TRY(js::to_number(rt, v));
            bytes.push_back(static_cast<char>(js::to_uint32(d) & 0xFF));
        }
        return js::Value(make_buffer(host, bytes));
    }
    return invalid_arg_type(
        host, "first argument",
        "string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object", value);
}

js::ThrowCompletionOr<uint32_t> size_argument(ScriptHost& host, std::span<const js::Value> args) {
    js::Value size = args.empty() ? js::Value() : args[0];
    if (!size.is_number()) return invalid_arg_type(host, "size", "number", size);
    const double d = size.as_number();
    if (std::isnan(d) || d < 0 || d > k_max_length || d != std::trunc(d)) {
        js::Runtime& rt = host.runtime();
        std::string shown = js::number_to_string(d);
        js::Object* error =
            rt.make_error(js::ErrorType::RangeError,
                          "The value of \"size\" is out of range. It must be >= 0 && <= " +
                              std::to_string(k_max_length) + ". Received " + shown);
        error->put_direct(rt, rt.key("code"), js::Value(rt.string("ERR_OUT_OF_RANGE")));
        return js::ThrowCompletion{js::Value(error)};
    }
    return static_cast<uint32_t>(d);
}

js::Completion buffer_alloc(js::Runtime& rt, js::NativeFunction&, js::Value,
                            std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    const uint32_t size = LOOPSIM_TRY(size_argument(host, args));
    std::string bytes(size, '\0');
    if (args.size() > 1 && !args[1].is_undefined() && size > 0) {
        std::string pattern;
        if (args[1].is_number()) {
            pattern.push_back(static_cast<char>(js::to_uint32(args[1].as_number()) & 0xFF));
        } else if (args[1].is_string()) {
            pattern = encode_string(*args[1].as_string(), Encoding::Utf8);
        } else if (is_buffer(host, args[1])) {
            pattern = buffer_bytes(*args[1].as_object());
        }
        if (!pattern.empty())
            for (uint32_t i = 0; i < size; ++i) bytes[i] = pattern[i % pattern.size()];
    }
    return js::Value(make_buffer(host, bytes));
}

js::Completion buffer_is_buffer(js::Runtime& rt, js::NativeFunction&, js::Value,
                                std::span<const js::Value> args) {
    return js::Value(!args.empty() && is_buffer(ScriptHost::from(rt), args[0]));
}

js::Completion buffer_is_encoding(js::Runtime&, js::NativeFunction&, js::Value,
                                  std::span<const js::Value> args) {
    return js::Value(!args.empty() && args[0].is_string() &&
                     parse_encoding(args[0].as_string()->to_utf8()).has_value());
}

js::Completion buffer_byte_length(js::Runtime& rt, js::NativeFunction&, js::Value,
                                  std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    js::Value value = args.empty() ? js::Value() : args[0];
    if (is_buffer(host, value))
        return js::Value::number(static_cast<double>(value.as_object()->elements().end_index()));
    if (!value.is_string())
        return invalid_arg_type(host, "string", "string or an instance of Buffer or ArrayBuffer",
                                value);
    Encoding enc = Encoding::Utf8;
    if (args.size() > 1 && args[1].is_string())
        enc = parse_encoding(args[1].as_string()->to_utf8()).value_or(Encoding::Utf8);
    return js::Value::number(static_cast<double>(encode_string(*value.as_string(), enc).size()));
}

js::Completion buffer_concat(js::Runtime& rt, js::NativeFunction&, js::Value,
                             std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    js::Value list = args.empty() ? js::Value() : args[0];
    if (!list.is_object() || list.as_object()->kind() != js::CellKind::Array)
        return invalid_arg_type(host, "list", "an instance of Array", list);
    js::Value length_value = LOOPSIM_TRY(list.as_object()->get(rt, rt.key("length")));
    std::string bytes;
    for (uint32_t i = 0; i < static_cast<uint32_t>(length_value.as_number()); ++i) {
        js::Value item = LOOPSIM_TRY(list.as_object()->get(rt, js::PropertyKey::index(i)));
        if (!is_buffer(host, item))
            return invalid_arg_type(host, "list[" + std::to_string(i) + "]",
                                    "an instance of Buffer or Uint8Array", item);
        bytes += buffer_bytes(*item.as_object());
    }
    if (args.size() > 1 && args[1].is_number()) {
        const double total = std::max(0.0, std::trunc(args[1].as_number()));
        bytes.resize(static_cast<size_t>(std::min<double>(total, k_max_length)), '\0');
    }
    return js::Value(make_buffer(host, bytes));
}

js::Completion buffer_call(js::Runtime& rt, js::NativeFunction& callee, js::Value self,
                           std::span<const js::Value> args) {
    // Buffer(x) and new Buffer(x): the deprecated constructor, as Buffer.alloc / Buffer.from.
    if (!args.empty() && args[0].is_number()) return buffer_alloc(rt, callee, self, args.first(1));
    return buffer_from(rt, callee, self, args);
}

js::Completion buffer_construct(js::Runtime& rt, js::NativeFunction& callee,
                                std::span<const js::Value> args, js::Object&) {
    return buffer_call(rt, callee, js::Value(), args);
}

} // namespace

std::optional<Encoding> parse_encoding(std::string_view name) {
    const std::string n = to_lower_ascii(name);
    if (n == "utf8" || n == "utf-8") return Encoding::Utf8;
    if (n == "hex") return Encoding::Hex;
    if (n == "base64") return Encoding::Base64;
    if (n == "latin1" || n == "binary") return Encoding::Latin1;
    if (n == "ascii") return Encoding::Ascii;
    return std::nullopt;
}

js::ThrowCompletion unknown_encoding(ScriptHost& host, js::Value name) {
    js::Runtime& rt = host.runtime();
    std::string shown = name.is_string() ? name.as_string()->to_utf8() : js::inspect(rt, name);
    js::Object* error = rt.make_error(js::ErrorType::TypeError, "Unknown encoding: " + shown);
    error->put_direct(rt, rt.key("code"), js::Value(rt.string("ERR_UNKNOWN_ENCODING")));
    return js::ThrowCompletion{js::Value(error)};
}

js::Value decode_bytes(ScriptHost& host, std::string_view bytes, Encoding encoding) {
    js::Runtime& rt = host.runtime();
    switch (encoding) {
    case Encoding::Utf8:
        return js::Value(js::String::from_utf8(rt.heap(), bytes));
    case Encoding::Hex:
        return js::Value(rt.string(hex_encode(bytes)));
    case Encoding::Base64:
        return js::Value(rt.string(base64_encode(bytes)));
    case Encoding::Latin1:
        return js::Value(js::String::from_latin1(rt.heap(), bytes));
    case Encoding::Ascii: {
        std::string low(bytes);
        for (char& c : low) c = static_cast<char>(c & 0x7F);
        return js::Value(js::String::from_latin1(rt.heap(), low));
    }
    }
    return js::Value();
}

std::string encode_string(const js::String& text, Encoding encoding) {
    switch (encoding) {
    case Encoding::Utf8:
        return text.to_utf8();
    case Encoding::Hex:
        return hex_decode(text.to_utf16());
    case Encoding::Base64:
        return base64_decode(text.to_utf16());
    case Encoding::Latin1:
    case Encoding::Ascii: {
        std::u16string units = text.to_utf16();
        std::string out;
        out.reserve(units.size());
        for (char16_t u : units) out.push_back(static_cast<char>(u & 0xFF));
        return out;
    }
    }
    return {};
}

js::Object* buffer_prototype(ScriptHost& host) {
    install_buffer(host);
    return host.bindings().internals.at(std::string(k_prototype_key)).get().as_object();
}

js::Object* make_buffer(ScriptHost& host, std::string_view bytes) {
    js::Runtime& rt = host.runtime();
    js::Object* buffer = js::Object::create(rt, buffer_prototype(host));
    if (!bytes.empty()) {
        std::vector<js::Value>& dense = buffer->writable_elements().dense();
        dense.reserve(bytes.size());
        for (size_t i = 0; i + 1 < bytes.size(); ++i)
            dense.emplace_back(static_cast<int32_t>(uint8_t(bytes[i])));
        // The last one through put_direct, so the heap accounts for the element storage.
        buffer->put_direct(rt, js::PropertyKey::index(static_cast<uint32_t>(bytes.size() - 1)),
                           js::Value(static_cast<int32_t>(uint8_t(bytes.back()))));
    }
    return buffer;
}

bool is_buffer(ScriptHost& host, js::Value value) {
    if (!value.is_object()) return false;
    auto it = host.bindings().internals.find(std::string(k_prototype_key));
    if (it == host.bindings().internals.end()) return false;
    const js::Object* prototype = it->second.get().as_object();
    for (const js::Object* p = value.as_object()->prototype(); p; p = p->prototype())
        if (p == prototype) return true;
    return false;
}

std::string buffer_bytes(const js::Object& buffer) {
    std::string out;
    const js::Elements& elements = buffer.elements();
    const uint32_t n = elements.end_index();
    out.reserve(n);
    for (uint32_t i = 0; i < n; ++i) {
        js::OwnProperty p;
        uint32_t byte = 0;
        if (elements.lookup(i, p) && p.value.is_number())
            byte = js::to_uint32(p.value.as_number()) & 0xFF;
        out.push_back(static_cast<char>(byte));
    }
    return out;
}

void install_buffer(ScriptHost& host) {
    BindingState& state = host.bindings();
    if (state.internals.count(std::string(k_prototype_key))) return;
    js::Runtime& rt = host.runtime();
    js::Object* prototype = js::Object::create(rt, rt.object_prototype());
    state.internals.emplace(std::string(k_prototype_key),
                            js::RootedValue(rt.heap(), js::Value(prototype)));
    js::NativeFunction* buffer = js::NativeFunction::create(rt, "Buffer", 2, buffer_call);
    buffer->set_construct(buffer_construct);
    buffer->put_direct(rt, rt.common_key(js::CommonAtom::Prototype), js::Value(prototype),
                       js::attr::None);
    prototype->put_direct(rt, rt.key("constructor"), js::Value(buffer), js::attr::Builtin);
    prototype->put_accessor(rt, rt.key("length"),
                            js::Value(make_function(host, "get length", 0, buffer_length)),
                            js::Value(), js::attr::Configurable);
    define_method(host, *prototype, "toString", 0, buffer_to_string);
    define_method(host, *prototype, "slice", 2, buffer_slice);
    define_method(host, *prototype, "subarray", 2, buffer_slice);
    define_method(host, *prototype, "equals", 1, buffer_equals);
    define_method(host, *prototype, "toJSON", 0, buffer_to_json);
    define_method(host, *buffer, "from", 3, buffer_from);
    define_method(host, *buffer, "alloc", 3, buffer_alloc);
    define_method(host, *buffer, "allocUnsafe", 1, buffer_alloc);
    define_method(host, *buffer, "allocUnsafeSlow", 1, buffer_alloc);
    define_method(host, *buffer, "isBuffer", 1, buffer_is_buffer);
    define_method(host, *buffer, "isEncoding", 1, buffer_is_encoding);
    define_method(host, *buffer, "byteLength", 2, buffer_byte_length);
    define_method(host, *buffer, "concat", 2, buffer_concat);
    buffer->put_direct(rt, rt.key("poolSize"), js::Value(8192), js::attr::Default);
    host.interpreter().define_global("Buffer", js::Value(buffer));
}

} // namespace loopsim::node
