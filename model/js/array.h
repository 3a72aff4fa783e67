#pragma once
// Array: the Array exotic object (ECMA-262 §10.4.2).
// `length` is an own data property that is never enumerable or configurable; it is held
// here (m_length, m_length_writable) rather than in the shape, and always comes first among
// the string keys. Defining an element at or past the length grows it; lowering the length
// deletes the elements at and above it, from the highest down, stopping at a
// non-configurable one (ArraySetLength). Elements are dense with holes until they have to
// be sparse (see Elements).
#include "model/js/object.h"

#include <span>

namespace loopsim::js {

class Array final : public Object {
public:
    static constexpr uint32_t kMaxLength = 0xFFFFFFFFu;

    Array(Runtime& runtime, Object* prototype);

    // A new array with the runtime's Array.prototype (null until built-ins install it).
    static Array* create(Runtime& runtime, uint32_t length = 0);
    static Array* create_from(Runtime& runtime, std::span<const Value> values);

    uint32_t length() const { return m_length; }
    bool is_length_writable() const { return m_length_writable; }
    // The fast path of `push` for a writable length: appends one element.
    void push(Runtime& runtime, Value value);

    bool lookup_own(PropertyKey key, OwnProperty& out) const override;
    ThrowCompletionOr<bool> define_own_property(Runtime& runtime, PropertyKey key,
                                                const PropertyDescriptor& descriptor) override;
    bool delete_property(Runtime& runtime, PropertyKey key) override;
    std::vector<PropertyKey> own_property_keys(Runtime& runtime) const override;

private:
    static bool is_length_key(PropertyKey key) {
        return key.is_string() && key.as_string()->common_atom() == CommonAtom::Length;
    }
    ThrowCompletionOr<bool> set_length(Runtime& runtime, const PropertyDescriptor& descriptor);
    // The checks ValidateAndApplyPropertyDescriptor makes against the length property
    // (non-configurable, non-enumerable data) for a descriptor whose value is new_length.
    bool length_change_allowed(const PropertyDescriptor& descriptor, uint32_t new_length) const;

    uint32_t m_length = 0;
    bool m_length_writable = true;
};

} // namespace loopsim::js
