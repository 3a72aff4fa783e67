// Formatting captured stacks as V8 does (messages.cc, call-site-info.cc). See stack_trace.h.
#include "model/js/stack_trace.h"

#include "model/js/function.h"
#include "model/js/object.h"
#include "model/js/runtime.h"
#include "model/js/string.h"

#include <cctype>

namespace loopsim::js {

namespace {

const CodeBlock* code_of(Value function) {
    if (!function.is_cell() || function.as_cell()->kind() != CellKind::Closure) return nullptr;
    return static_cast<const CodeBlock*>(static_cast<Closure*>(function.as_cell())->code());
}

// An own data property's value, or an accessor's getter or setter, equal to `fn`.
bool holds(const Object& object, PropertyKey key, Value fn) {
    OwnProperty property;
    if (!object.lookup_own(key, property)) return false;
    if ((property.attributes & attr::Accessor) != 0) {
        auto* accessor = static_cast<Accessor*>(property.value.as_cell());
        return accessor->getter().bits() == fn.bits() || accessor->setter().bits() == fn.bits();
    }
    return property.value.bits() == fn.bits();
}

// CallSiteInfo::GetMethodName: the property of the receiver (or its prototypes) holding the
// function: its own name if that property holds it, else the one property that does.
std::string method_name(Runtime& rt, Value receiver, Value fn, const std::string& function_name) {
    if (!receiver.is_object()) return {};
    if (!function_name.empty()) {
        PropertyKey key = rt.key(function_name);
        for (const Object* o = receiver.as_object(); o != nullptr; o = o->prototype())
            if (holds(*o, key, fn)) return function_name;
    }
    std::string found;
    for (Object* o = receiver.as_object(); o != nullptr; o = o->prototype()) {
        for (PropertyKey key : o->own_property_keys(rt)) {
            if (!key.is_string() || !holds(*o, key, fn)) continue;
            std::string name = key.as_string()->to_utf8();
            if (!found.empty() && found != name) return {}; // ambiguous: V8 gives up
            found = name;
        }
    }
    return found;
}

// V8's StringEndsWithMethodName: `name` is `method`, or ends with "." + method.
bool ends_with_method(const std::string& name, const std::string& method) {
    if (name == method) return true;
    return name.size() > method.size() && name.ends_with(method) &&
           name[name.size() - method.size() - 1] == '.';
}

// JSFunction::GetDebugName: the function's own "name" when it is a data property holding a
// string (a computed key names a method at run time; scenarios may redefine it), else the
// name the compiler gave the code.
std::string function_display_name(Runtime& rt, const CodeBlock& code, Value function) {
    OwnProperty name;
    if (function.is_object() &&
        function.as_object()->lookup_own(rt.common_key(CommonAtom::Name), name) &&
        (name.attributes & attr::Accessor) == 0 && name.value.is_string()) {
        std::string text = name.value.as_string()->to_utf8();
        if (!text.empty() || code.inferred_name.empty()) return text;
        return code.inferred_name;
    }
    return code.name.empty() ? code.inferred_name : code.name;
}

// String::IsIdentifier, as AppendMethodCall asks it of a function's name: only such a name
// gets the receiver's type in front ("a.b.f", "get x" and "a.with space" do not).
bool is_identifier(const std::string& text) {
    if (text.empty()) return false;
    for (size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        const bool start = std::isalpha(c) != 0 || c == '_' || c == '$' || c >= 0x80;
        if (!start && (i == 0 || std::isdigit(c) == 0)) return false;
    }
    return true;
}

std::string format_script_entry(Runtime& rt, const CapturedStack::Entry& e, const Object* global) {
    const CodeBlock& code = *e.code;
    std::string location = code_location(code, e.pc);
    std::string line = "    at ";
    if (e.is_async) line += "async ";
    if (code.has(CodeFlagScript)) return line + "Object.<anonymous> (" + location + ")";
    std::string name = function_display_name(rt, code, e.function);
    if (e.is_construct)
        return line + "new " + (name.empty() ? "<anonymous>" : name) + " (" + location + ")";
    const bool top_level = e.receiver.is_undefined() || e.receiver.is_null() ||
                           (e.receiver.is_object() && e.receiver.as_object() == global);
    if (top_level) {
        if (name.empty()) return line + location;
        return line + name + " (" + location + ")";
    }
    // A method call (AppendMethodCall).
    std::string type = receiver_type_name(rt, e.receiver);
    std::string method = method_name(rt, e.receiver, e.function, name);
    if (!name.empty()) {
        if (!type.empty() && is_identifier(name) && name != type) line += type + ".";
        line += name;
        if (!method.empty() && !ends_with_method(name, method)) line += " [as " + method + "]";
    } else {
        if (!type.empty()) line += type + ".";
        line += method.empty() ? "<anonymous>" : method;
    }
    return line + " (" + location + ")";
}

} // namespace

std::string code_location(const CodeBlock& code, uint32_t pc) {
    if (!code.source) return "<unknown>";
    syntax::LineColumn lc = code.source->line_column(code.offset_at(pc));
    return code.source->path() + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.column);
}

std::string receiver_type_name(Runtime& rt, Value receiver) {
    if (receiver.is_string()) return "String";
    if (receiver.is_number()) return "Number";
    if (receiver.is_boolean()) return "Boolean";
    if (receiver.is_symbol()) return "Symbol";
    if (!receiver.is_object()) return {};
    Object* object = receiver.as_object();
    // A class called as a receiver (a static method) is named by the class itself.
    if (const CodeBlock* code = code_of(receiver); code && code->has(CodeFlagClassConstructor))
        return code->name;
    if (Runtime::is_callable(receiver)) return "Function";
    if (const std::string* name = rt.receiver_type_name_of(object->prototype())) return *name;
    PropertyKey constructor_key = rt.key("constructor");
    PropertyKey name_key = rt.common_key(CommonAtom::Name);
    for (const Object* o = object; o != nullptr; o = o->prototype()) {
        OwnProperty property;
        if (!o->lookup_own(constructor_key, property)) continue;
        if ((property.attributes & attr::Accessor) != 0 || !property.value.is_object()) break;
        OwnProperty name;
        if (property.value.as_object()->lookup_own(name_key, name) &&
            (name.attributes & attr::Accessor) == 0 && name.value.is_string() &&
            !name.value.as_string()->is_empty())
            return name.value.as_string()->to_utf8();
        break;
    }
    return "Object";
}

std::string format_captured_stack(Runtime& runtime, const CapturedStack& stack,
                                  const Object* global) {
    std::string out;
    for (const CapturedStack::Entry& e : stack.entries) {
        if (!out.empty()) out += '\n';
        if (e.is_script)
            out += format_script_entry(runtime, e, global);
        else
            out += "    at " + e.text;
    }
    return out;
}

} // namespace loopsim::js
