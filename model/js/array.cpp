// Array: length semantics over Elements (ECMA-262 §10.4.2).
#include "model/js/array.h"

#include "model/js/conversions.h"
#include "model/js/runtime.h"

namespace loopsim::js {

Array::Array(Runtime& runtime, Object* prototype) : Object(runtime, prototype, CellKind::Array) {}

Array* Array::create(Runtime& runtime, uint32_t length) {
    auto* array = runtime.heap().allocate<Array>(runtime, runtime.array_prototype());
    array->m_length = length;
    return array;
}

Array* Array::create_from(Runtime& runtime, std::span<const Value> values) {
    Array* array = create(runtime);
    array->writable_elements().dense().assign(values.begin(), values.end());
    for (Value v : values) LOOPSIM_ASSERT(!v.is_empty(), "create_from with a hole");
    array->m_length = static_cast<uint32_t>(values.size());
    array->sync_accounting(runtime);
    return array;
}

void Array::push(Runtime& runtime, Value value) {
    LOOPSIM_ASSERT(m_length_writable && m_length < kMaxLength, "push on a fixed-length array");
    writable_elements().put(m_length, value, attr::Default);
    m_length += 1;
    sync_accounting(runtime);
}

bool Array::lookup_own(PropertyKey key, OwnProperty& out) const {
    if (is_length_key(key)) {
        out = OwnProperty{Value::number(m_length), m_length_writable ? attr::Writable : attr::None};
        return true;
    }
    return Object::lookup_own(key, out);
}

ThrowCompletionOr<bool> Array::define_own_property(Runtime& runtime, PropertyKey key,
                                                   const PropertyDescriptor& descriptor) {
    // [[DefineOwnProperty]] of Array exotic objects (§10.4.2.1)
    if (is_length_key(key)) return set_length(runtime, descriptor);
    if (key.is_index()) {
        uint32_t index = key.as_index();
        if (index >= m_length && !m_length_writable) return false;
        bool succeeded = LOOPSIM_TRY(ordinary_define_own_property(runtime, key, descriptor));
        if (!succeeded) return false;
        if (index >= m_length) m_length = index + 1;
        return true;
    }
    return ordinary_define_own_property(runtime, key, descriptor);
}

bool Array::length_change_allowed(const PropertyDescriptor& d, uint32_t new_length) const {
    if (d.configurable.value_or(false)) return false;
    if (d.enumerable.value_or(false)) return false;
    if (d.is_accessor_descriptor()) return false;
    if (!m_length_writable) {
        if (d.writable.value_or(false)) return false;
        if (d.value && new_length != m_length) return false;
    }
    return true;
}

ThrowCompletionOr<bool> Array::set_length(Runtime& runtime, const PropertyDescriptor& descriptor) {
    // ArraySetLength (§10.4.2.4)
    if (!descriptor.value) {
        if (!length_change_allowed(descriptor, m_length)) return false;
        if (descriptor.writable == false) m_length_writable = false;
        return true;
    }
    // Steps 3-5: both conversions run (a valueOf may be called twice, as in V8).
    double as_uint32 = to_uint32(LOOPSIM_TRY(to_number(runtime, *descriptor.value)));
    double as_number = LOOPSIM_TRY(to_number(runtime, *descriptor.value));
    if (as_uint32 != as_number)
        return runtime.throw_error(ErrorType::RangeError, "Invalid array length");
    auto new_length = static_cast<uint32_t>(as_uint32);
    if (!length_change_allowed(descriptor, new_length)) return false;
    bool new_writable = descriptor.writable.value_or(true);
    if (new_length >= m_length) {
        m_length = new_length;
        if (!new_writable) m_length_writable = false;
        return true;
    }
    if (!m_length_writable) return false;
    uint32_t reached = writable_elements().truncate(new_length);
    m_length = reached;
    if (!new_writable) m_length_writable = false;
    sync_accounting(runtime);
    return reached == new_length;
}

bool Array::delete_property(Runtime& runtime, PropertyKey key) {
    if (is_length_key(key)) return false; // non-configurable
    return ordinary_delete(runtime, key);
}

std::vector<PropertyKey> Array::own_property_keys(Runtime& runtime) const {
    std::vector<PropertyKey> keys;
    std::vector<uint32_t> indices;
    elements().collect_indices(indices);
    keys.reserve(indices.size() + 1);
    for (uint32_t i : indices) keys.push_back(PropertyKey::index(i));
    // "length" is the array's first string key: it was created with the array.
    keys.push_back(runtime.common_key(CommonAtom::Length));
    append_named_keys(keys);
    return keys;
}

} // namespace loopsim::js
