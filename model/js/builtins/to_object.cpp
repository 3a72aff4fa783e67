// ToObject and the primitive wrapper objects (String exotic objects included).
#include "model/js/builtins/to_object.h"

#include "model/js/builtins/builtin_support.h"

namespace loopsim::js {

namespace {

Object* wrapper_prototype(Runtime& runtime, Value primitive) {
    if (primitive.is_string()) return runtime.intrinsic(Intrinsic::StringPrototype);
    if (primitive.is_number()) return runtime.intrinsic(Intrinsic::NumberPrototype);
    if (primitive.is_boolean()) return runtime.intrinsic(Intrinsic::BooleanPrototype);
    if (primitive.is_symbol()) return runtime.intrinsic(Intrinsic::SymbolPrototype);
    return nullptr;
}

} // namespace

PrimitiveWrapper::PrimitiveWrapper(Runtime& runtime, Object* prototype, Value primitive)
    : Object(runtime, prototype, CellKind::PrimitiveWrapper), m_primitive(primitive) {
    if (primitive.is_string()) {
        primitive.as_string()->flatten(runtime.heap());
        m_length_atom = runtime.common_key(CommonAtom::Length).as_string();
    }
}

PrimitiveWrapper* PrimitiveWrapper::create(Runtime& runtime, Value primitive, Object* prototype) {
    auto* wrapper = runtime.heap().allocate<PrimitiveWrapper>(
        runtime, prototype ? prototype : wrapper_prototype(runtime, primitive), primitive);
    if (primitive.is_string()) {
        // The string's code units are read-only, enumerable, non-configurable elements,
        // as the String exotic object's [[GetOwnProperty]] reports them.
        String* string = primitive.as_string();
        for (uint32_t i = 0; i < string->length(); ++i)
            wrapper->writable_elements().put(
                i, Value(String::from_code_unit(runtime.heap(), string->code_unit_at(i))),
                attr::Enumerable);
    }
    return wrapper;
}

bool PrimitiveWrapper::string_own(PropertyKey key, OwnProperty& out) const {
    if (!m_primitive.is_string()) return false;
    String* string = m_primitive.as_string();
    if (key.is_string() && key.as_string() == m_length_atom) {
        out = OwnProperty{Value::number(string->length()), attr::None};
        return true;
    }
    return false;
}

bool PrimitiveWrapper::lookup_own(PropertyKey key, OwnProperty& out) const {
    if (string_own(key, out)) return true;
    return Object::lookup_own(key, out);
}

ThrowCompletionOr<bool> PrimitiveWrapper::define_own_property(
    Runtime& runtime, PropertyKey key, const PropertyDescriptor& descriptor) {
    OwnProperty current;
    if (string_own(key, current)) {
        if (descriptor.configurable.value_or(false)) return false;
        if (descriptor.enumerable.has_value() && *descriptor.enumerable) return false;
        if (descriptor.is_accessor_descriptor()) return false;
        if (descriptor.writable.value_or(false)) return false;
        if (descriptor.value && !same_value(*descriptor.value, current.value)) return false;
        return true;
    }
    return ordinary_define_own_property(runtime, key, descriptor);
}

bool PrimitiveWrapper::delete_property(Runtime& runtime, PropertyKey key) {
    OwnProperty current;
    if (string_own(key, current)) return false;
    return ordinary_delete(runtime, key);
}

std::vector<PropertyKey> PrimitiveWrapper::own_property_keys(Runtime& runtime) const {
    std::vector<PropertyKey> keys = Object::own_property_keys(runtime);
    if (!m_primitive.is_string()) return keys;
    // Indices first (the string's units are already elements), then "length" before the
    // other string keys.
    auto first_string = keys.begin();
    while (first_string != keys.end() && first_string->is_index()) ++first_string;
    keys.insert(first_string, PropertyKey::atom(m_length_atom));
    return keys;
}

void PrimitiveWrapper::visit_edges(Visitor& visitor) {
    Object::visit_edges(visitor);
    visitor.visit(m_primitive);
    visitor.visit(m_length_atom);
}

ThrowCompletionOr<Object*> to_object(Runtime& runtime, Value value) {
    if (value.is_object()) return value.as_object();
    if (value.is_nullish())
        return runtime.throw_error(ErrorType::TypeError,
                                   "Cannot convert undefined or null to object");
    return static_cast<Object*>(PrimitiveWrapper::create(runtime, value));
}

Object* prototype_for_primitive(Runtime& runtime, Value value) {
    return wrapper_prototype(runtime, value);
}

std::optional<Value> primitive_own_property(Runtime& runtime, Value primitive, PropertyKey key) {
    if (!primitive.is_string()) return std::nullopt;
    String* string = primitive.as_string();
    if (key.is_index()) {
        if (key.as_index() >= string->length()) return std::nullopt;
        string->flatten(runtime.heap());
        return Value(String::from_code_unit(runtime.heap(), string->code_unit_at(key.as_index())));
    }
    if (key == runtime.common_key(CommonAtom::Length)) return Value::number(string->length());
    return std::nullopt;
}

Completion get_v(Runtime& runtime, Value value, PropertyKey key) {
    if (value.is_object()) return value.as_object()->get(runtime, key, value);
    if (auto own = primitive_own_property(runtime, value, key)) return *own;
    Object* prototype = prototype_for_primitive(runtime, value);
    if (prototype == nullptr) {
        std::string name = key.is_index()    ? std::to_string(key.as_index())
                           : key.is_symbol() ? key.as_symbol()->descriptive_string()
                                             : key.as_string()->to_utf8();
        return runtime.throw_error(ErrorType::TypeError, "Cannot read properties of " +
                                                             describe_value(runtime, value) +
                                                             " (reading '" + name + "')");
    }
    return prototype->get(runtime, key, value);
}

std::optional<Value> unwrap_primitive(Value value, bool (*is_kind)(Value)) {
    if (is_kind(value)) return value;
    if (value.is_cell() && value.as_cell()->kind() == CellKind::PrimitiveWrapper) {
        Value primitive = static_cast<PrimitiveWrapper*>(value.as_cell())->primitive();
        if (is_kind(primitive)) return primitive;
    }
    return std::nullopt;
}

} // namespace loopsim::js
