// Object: the ordinary internal methods (ECMA-262 §10.1) over shapes, dictionaries and
// elements.
#include "model/js/object.h"

#include "model/js/builtins/builtin_support.h"
#include "model/js/conversions.h"
#include "model/js/property_dictionary.h"
#include "model/js/runtime.h"

#include <algorithm>
#include <cstddef>

namespace loopsim::js {

Object::Object(Runtime& runtime, Object* prototype)
    : Object(runtime, prototype, CellKind::Object) {}

Object::Object(Runtime& runtime, Object* prototype, CellKind kind)
    : Cell(kind), m_shape(runtime.root_shape()), m_prototype(prototype) {}

ObjectExtras::ObjectExtras() = default;
ObjectExtras::~ObjectExtras() = default;

const Elements Object::s_no_elements;

Object::~Object() {
    release_slots();
}

Object* Object::create(Runtime& runtime, Object* prototype) {
    return runtime.heap().allocate<Object>(runtime, prototype);
}

Object* Object::create_with_slots(Runtime& runtime, Object* prototype, uint32_t inline_slots) {
    if (inline_slots == 0) return create(runtime, prototype);
    inline_slots = std::min(inline_slots, Shape::kMaxFastProperties);
    Object* o = runtime.heap().allocate_sized<Object>(sizeof(Object) + inline_slots * sizeof(Value),
                                                      runtime, prototype);
    o->use_inline_slots(sizeof(Object), inline_slots);
    return o;
}

void Object::use_inline_slots(size_t cell_size, uint32_t count) {
    LOOPSIM_ASSERT(m_slot_data == nullptr, "inline slots for an object that has slots");
    m_slot_data = reinterpret_cast<Value*>(reinterpret_cast<std::byte*>(this) + cell_size);
    m_slot_capacity = static_cast<uint16_t>(count);
    m_cell_flags |= kInlineSlots;
}

void Object::initialize_literal(Runtime& runtime, Shape* shape, const Value* values,
                                uint32_t count) {
    LOOPSIM_ASSERT(m_slot_count == 0, "a literal's object starts with no properties");
    m_shape = shape;
    if (count > m_slot_capacity) grow_slots(count); // one allocation, not one per value
    std::copy_n(values, count, m_slot_data);
    m_slot_count = static_cast<uint16_t>(count);
    sync_accounting(runtime);
}

ObjectExtras& Object::extras() {
    if (!m_extras) m_extras = std::make_unique<ObjectExtras>();
    return *m_extras;
}

void Object::push_slot(Value value) {
    if (m_slot_count == m_slot_capacity) grow_slots(m_slot_count + 1u);
    m_slot_data[m_slot_count++] = value;
}

// Room for at least `needed` slots: one allocation for small objects, then doubling up to the
// fast-mode limit (a fast object never has more slots: literals have at most 32 keys, and the
// 129th property moves an object to dictionary mode). A literal's values reach the capacity
// that pushing them one at a time would.
void Object::grow_slots(uint32_t needed) {
    LOOPSIM_ASSERT(needed <= Shape::kMaxFastProperties, "a fast object's slots overflow");
    uint32_t capacity = m_slot_capacity;
    while (capacity < needed)
        capacity = std::min<uint32_t>(capacity == 0 ? 4 : capacity * 2u, Shape::kMaxFastProperties);
    auto* data = static_cast<Value*>(::operator new(capacity * sizeof(Value)));
    std::copy_n(m_slot_data, m_slot_count, data);
    release_slots();
    m_slot_data = data;
    m_slot_capacity = static_cast<uint16_t>(capacity);
}

void Object::release_slots() {
    if (!(m_cell_flags & kInlineSlots)) ::operator delete(m_slot_data);
    m_cell_flags &= static_cast<uint8_t>(~kInlineSlots);
    m_slot_data = nullptr;
    m_slot_capacity = 0;
}

bool Object::set_prototype(Object* prototype) {
    // OrdinarySetPrototypeOf (§10.1.2.1)
    if (prototype == m_prototype) return true;
    if (!is_extensible()) return false;
    for (Object* p = prototype; p != nullptr; p = p->m_prototype)
        if (p == this) return false;
    m_prototype = prototype;
    return true;
}

bool Object::lookup_own(PropertyKey key, OwnProperty& out) const {
    if (key.is_index()) return m_extras && m_extras->elements.lookup(key.as_index(), out);
    if (PropertyDictionary* d = dictionary()) return d->lookup(key, out);
    auto location = m_shape->lookup(key);
    if (!location) return false;
    out = OwnProperty{m_slot_data[location->slot], location->attributes};
    return true;
}

std::optional<PropertyDescriptor> Object::get_own_property(PropertyKey key) const {
    // OrdinaryGetOwnProperty (§10.1.5.1)
    OwnProperty property;
    if (!lookup_own(key, property)) return std::nullopt;
    PropertyDescriptor d;
    if (property.attributes & attr::Accessor) {
        auto* accessor = static_cast<Accessor*>(property.value.as_cell());
        d.get = accessor->getter();
        d.set = accessor->setter();
    } else {
        d.value = property.value;
        d.writable = (property.attributes & attr::Writable) != 0;
    }
    d.enumerable = (property.attributes & attr::Enumerable) != 0;
    d.configurable = (property.attributes & attr::Configurable) != 0;
    return d;
}

ThrowCompletionOr<bool> Object::define_own_property(Runtime& runtime, PropertyKey key,
                                                    const PropertyDescriptor& descriptor) {
    return ordinary_define_own_property(runtime, key, descriptor);
}

ThrowCompletionOr<bool> Object::ordinary_define_own_property(Runtime& runtime, PropertyKey key,
                                                             const PropertyDescriptor& descriptor) {
    OwnProperty current;
    bool exists = Object::lookup_own(key, current);
    return validate_and_apply(runtime, key, descriptor, exists ? &current : nullptr);
}

bool Object::validate_and_apply(Runtime& runtime, PropertyKey key, const PropertyDescriptor& desc,
                                const OwnProperty* current) {
    // ValidateAndApplyPropertyDescriptor (§10.1.6.3), O = this, extensible = [[Extensible]].
    auto bit = [](std::optional<bool> field, PropertyAttributes flag) {
        return field.value_or(false) ? flag : attr::None;
    };
    if (current == nullptr) {
        // Step 2: a new property; absent fields take their default (false / undefined).
        if (!is_extensible()) return false;
        PropertyAttributes a =
            bit(desc.enumerable, attr::Enumerable) | bit(desc.configurable, attr::Configurable);
        if (desc.is_accessor_descriptor()) {
            auto* accessor = runtime.heap().allocate<Accessor>(desc.get.value_or(Value()),
                                                               desc.set.value_or(Value()));
            store_own(runtime, key, Value(accessor), a | attr::Accessor);
        } else {
            store_own(runtime, key, desc.value.value_or(Value()),
                      a | bit(desc.writable, attr::Writable));
        }
        return true;
    }
    const PropertyAttributes ca = current->attributes;
    const bool current_is_accessor = (ca & attr::Accessor) != 0;
    const auto* current_accessor =
        current_is_accessor ? static_cast<Accessor*>(current->value.as_cell()) : nullptr;
    // Step 3: every field absent.
    if (desc.is_generic_descriptor() && !desc.enumerable && !desc.configurable) return true;
    // Step 4: a non-configurable property accepts only changes that change nothing.
    if (!(ca & attr::Configurable)) {
        if (desc.configurable.value_or(false)) return false;
        if (desc.enumerable && *desc.enumerable != ((ca & attr::Enumerable) != 0)) return false;
        if (!desc.is_generic_descriptor() && desc.is_accessor_descriptor() != current_is_accessor)
            return false;
        if (current_is_accessor) {
            if (desc.get && !same_value(*desc.get, current_accessor->getter())) return false;
            if (desc.set && !same_value(*desc.set, current_accessor->setter())) return false;
        } else if (!(ca & attr::Writable)) {
            if (desc.writable.value_or(false)) return false;
            if (desc.value && !same_value(*desc.value, current->value)) return false;
        }
    }
    // Step 5: apply. Enumerable and configurable keep their current value unless given.
    PropertyAttributes a = ca & (attr::Enumerable | attr::Configurable);
    if (desc.enumerable) a = (a & ~attr::Enumerable) | bit(desc.enumerable, attr::Enumerable);
    if (desc.configurable)
        a = (a & ~attr::Configurable) | bit(desc.configurable, attr::Configurable);
    if (desc.is_accessor_descriptor()) {
        Value getter =
            desc.get ? *desc.get : (current_accessor ? current_accessor->getter() : Value());
        Value setter =
            desc.set ? *desc.set : (current_accessor ? current_accessor->setter() : Value());
        auto* accessor = runtime.heap().allocate<Accessor>(getter, setter);
        store_own(runtime, key, Value(accessor), a | attr::Accessor);
    } else if (desc.is_data_descriptor() || !current_is_accessor) {
        // Data stays data (or accessor becomes data: value undefined, writable false).
        bool writable =
            desc.writable ? *desc.writable : (!current_is_accessor && (ca & attr::Writable));
        Value value = desc.value ? *desc.value : (current_is_accessor ? Value() : current->value);
        store_own(runtime, key, value, a | (writable ? attr::Writable : attr::None));
    } else {
        // A generic descriptor on an accessor: only enumerable/configurable change.
        store_own(runtime, key, current->value, a | attr::Accessor);
    }
    return true;
}

bool Object::has_property(PropertyKey key) const {
    // OrdinaryHasProperty (§10.1.7.1), iteratively up the chain.
    OwnProperty unused;
    for (const Object* o = this; o != nullptr; o = o->m_prototype)
        if (o->lookup_own(key, unused)) return true;
    return false;
}

Completion Object::get(Runtime& runtime, PropertyKey key) const {
    return get(runtime, key, Value(const_cast<Object*>(this)));
}

Completion Object::get(Runtime& runtime, PropertyKey key, Value receiver) const {
    // OrdinaryGet (§10.1.8.1), the recursion on the parent unrolled into a loop.
    OwnProperty property;
    for (const Object* o = this; o != nullptr; o = o->m_prototype) {
        if (!o->lookup_own(key, property)) continue;
        if (!(property.attributes & attr::Accessor)) return property.value;
        Value getter = static_cast<Accessor*>(property.value.as_cell())->getter();
        if (getter.is_undefined()) return Value();
        return runtime.call(getter, receiver, {});
    }
    return Value();
}

ThrowCompletionOr<bool> Object::set(Runtime& runtime, PropertyKey key, Value value,
                                    Value receiver) {
    // OrdinarySet / OrdinarySetWithOwnDescriptor (§10.1.9): find the property on the chain.
    OwnProperty own{Value(), attr::Default}; // step 2.c: absent -> a writable data property
    for (Object* o = this; o != nullptr; o = o->m_prototype)
        if (o->lookup_own(key, own)) break;
    if (own.attributes & attr::Accessor) {
        Value setter = static_cast<Accessor*>(own.value.as_cell())->setter();
        if (setter.is_undefined()) return false;
        Value args[] = {value};
        LOOPSIM_TRY(runtime.call(setter, receiver, args));
        return true;
    }
    if (!(own.attributes & attr::Writable)) return false;
    if (!receiver.is_object()) return false;
    Object* target = receiver.as_object();
    OwnProperty existing;
    if (target->lookup_own(key, existing)) {
        if (existing.attributes & attr::Accessor) return false;
        if (!(existing.attributes & attr::Writable)) return false;
        PropertyDescriptor only_value;
        only_value.value = value;
        return target->define_own_property(runtime, key, only_value);
    }
    return target->create_data_property(runtime, key, value);
}

ThrowCompletionOr<void> Object::set_or_throw(Runtime& runtime, PropertyKey key, Value value) {
    bool ok = LOOPSIM_TRY(set(runtime, key, value, Value(this)));
    if (!ok) return throw_set_failure(runtime, *this, key, Value(this));
    return {};
}

ThrowCompletionOr<bool> Object::create_data_property(Runtime& runtime, PropertyKey key,
                                                     Value value) {
    return define_own_property(runtime, key, PropertyDescriptor::data(value, attr::Default));
}

bool Object::delete_property(Runtime& runtime, PropertyKey key) {
    return ordinary_delete(runtime, key);
}

bool Object::ordinary_delete(Runtime& runtime, PropertyKey key) {
    // OrdinaryDelete (§10.1.10.1)
    OwnProperty property;
    if (!Object::lookup_own(key, property)) return true;
    if (!(property.attributes & attr::Configurable)) return false;
    remove_own(runtime, key);
    return true;
}

std::vector<PropertyKey> Object::own_property_keys(Runtime&) const {
    // OrdinaryOwnPropertyKeys (§10.1.11.1)
    std::vector<PropertyKey> keys;
    std::vector<uint32_t> indices;
    elements().collect_indices(indices);
    keys.reserve(indices.size());
    for (uint32_t i : indices) keys.push_back(PropertyKey::index(i));
    append_named_keys(keys);
    return keys;
}

void Object::append_named_keys(std::vector<PropertyKey>& out) const {
    std::vector<PropertyKey> named;
    if (PropertyDictionary* d = dictionary()) {
        for (const auto& entry : d->entries())
            if (entry.key.is_valid()) named.push_back(entry.key);
    } else {
        named = m_shape->keys_in_order();
    }
    for (PropertyKey k : named)
        if (k.is_string()) out.push_back(k);
    for (PropertyKey k : named)
        if (k.is_symbol()) out.push_back(k);
}

void Object::put_direct(Runtime& runtime, PropertyKey key, Value value,
                        PropertyAttributes attributes) {
    store_own(runtime, key, value, attributes);
}

void Object::put_accessor(Runtime& runtime, PropertyKey key, Value getter, Value setter,
                          PropertyAttributes attributes) {
    auto* accessor = runtime.heap().allocate<Accessor>(getter, setter);
    store_own(runtime, key, Value(accessor), (attributes & ~attr::Writable) | attr::Accessor);
}

void Object::store_own(Runtime& runtime, PropertyKey key, Value value,
                       PropertyAttributes attributes) {
    if (key.is_index()) {
        writable_elements().put(key.as_index(), value, attributes);
        sync_accounting(runtime);
        return;
    }
    if (!is_dictionary()) {
        if (auto location = m_shape->lookup(key)) {
            if (location->attributes == attributes) {
                m_slot_data[location->slot] = value;
                return;
            }
            convert_to_dictionary(runtime); // an attribute change
        } else if (m_shape->property_count() < Shape::kMaxFastProperties) {
            m_shape = m_shape->add_property(runtime.heap(), key, attributes);
            push_slot(value);
            sync_accounting(runtime);
            return;
        } else {
            convert_to_dictionary(runtime);
        }
    }
    m_extras->dictionary->put(key, OwnProperty{value, attributes});
    sync_accounting(runtime);
}

void Object::remove_own(Runtime& runtime, PropertyKey key) {
    if (key.is_index()) {
        if (m_extras) m_extras->elements.remove(key.as_index());
        return;
    }
    if (!is_dictionary()) {
        auto location = m_shape->lookup(key);
        if (!location) return;
        if (location->slot + 1 == m_shape->property_count()) {
            // The last property added: step back to the parent shape, which stays shared.
            m_shape = m_shape->parent();
            --m_slot_count;
            return;
        }
        convert_to_dictionary(runtime);
    }
    m_extras->dictionary->remove(key);
}

void Object::convert_to_dictionary(Runtime& runtime) {
    LOOPSIM_ASSERT(!is_dictionary(), "already in dictionary mode");
    auto dictionary = std::make_unique<PropertyDictionary>();
    std::vector<PropertyKey> keys = m_shape->keys_in_order();
    Shape* shape = m_shape;
    std::vector<PropertyAttributes> attributes(keys.size());
    for (Shape* s = shape; s->property_count() > 0; s = s->parent())
        attributes[s->property_count() - 1] = s->attributes();
    for (size_t i = 0; i < keys.size(); ++i)
        dictionary->put(keys[i], OwnProperty{m_slot_data[i], attributes[i]});
    extras().dictionary = std::move(dictionary);
    release_slots();
    m_slot_count = 0;
    m_shape = runtime.dictionary_shape();
}

size_t Object::owned_bytes() const {
    size_t bytes = (m_cell_flags & kInlineSlots) ? 0 : m_slot_capacity * sizeof(Value);
    if (m_extras) {
        bytes += sizeof(ObjectExtras) + m_extras->elements.owned_bytes();
        if (m_extras->dictionary)
            bytes += sizeof(PropertyDictionary) + m_extras->dictionary->owned_bytes();
    }
    return bytes;
}

void Object::sync_accounting(Runtime& runtime) {
    size_t now = owned_bytes();
    if (now == m_accounted_bytes) return;
    runtime.heap().account_external(this, static_cast<int64_t>(now) -
                                              static_cast<int64_t>(m_accounted_bytes));
    m_accounted_bytes = static_cast<uint32_t>(now);
}

void Object::visit_edges(Visitor& visitor) {
    visitor.visit(m_shape);
    visitor.visit(m_prototype);
    for (uint32_t i = 0; i < m_slot_count; ++i) visitor.visit(m_slot_data[i]);
    if (!m_extras) return;
    if (PropertyDictionary* d = m_extras->dictionary.get()) {
        for (const auto& entry : d->entries()) {
            if (!entry.key.is_valid()) continue;
            visitor.visit(entry.key.cell_or_null());
            visitor.visit(entry.property.value);
        }
    }
    m_extras->elements.visit(visitor);
}

} // namespace loopsim::js
