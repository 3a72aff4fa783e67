#pragma once
// ToObject (ECMA-262 §7.1.18) and the wrapper objects of primitives: `new String('x')`,
// `Object(1)`, `Object(Symbol())`. A PrimitiveWrapper holds its primitive in
// [[StringData]] / [[NumberData]] / [[BooleanData]] / [[SymbolData]]; a String wrapper
// also shows the string's code units as read-only indexed properties and a non-writable
// "length" (the String exotic object, §10.4.3).
//
// For the VM: property access on a primitive (`'abc'.length`, `(1).toFixed(2)`) needs no
// wrapper. prototype_for_primitive() gives the prototype to look methods up on, and
// primitive_own_property() answers a string's own "length" and indices; only when a
// method's `this` must be an object (sloppy functions) is to_object() needed.
#include "model/js/completion.h"
#include "model/js/object.h"

#include <optional>

namespace loopsim::js {

class Runtime;

class PrimitiveWrapper final : public Object {
public:
    PrimitiveWrapper(Runtime& runtime, Object* prototype, Value primitive);

    // `prototype` null: the intrinsic prototype for the primitive's type.
    static PrimitiveWrapper* create(Runtime& runtime, Value primitive, Object* prototype = nullptr);
    Value primitive() const { return m_primitive; }

    bool lookup_own(PropertyKey key, OwnProperty& out) const override;
    ThrowCompletionOr<bool> define_own_property(Runtime& runtime, PropertyKey key,
                                                const PropertyDescriptor& descriptor) override;
    bool delete_property(Runtime& runtime, PropertyKey key) override;
    std::vector<PropertyKey> own_property_keys(Runtime& runtime) const override;

    void visit_edges(Visitor& visitor) override;

private:
    // The string-exotic own property for `key`, if the primitive is a string.
    bool string_own(PropertyKey key, OwnProperty& out) const;

    Value m_primitive;
    String* m_length_atom = nullptr; // "length", to answer lookups without a Runtime
};

// ToObject: throws "Cannot convert undefined or null to object" for nullish values.
ThrowCompletionOr<Object*> to_object(Runtime& runtime, Value value);
// The prototype a primitive's properties come from (String.prototype for a string, ...),
// or null for undefined/null/objects.
Object* prototype_for_primitive(Runtime& runtime, Value value);
// The own property of a string primitive ("length", a code unit index), if any.
std::optional<Value> primitive_own_property(Runtime& runtime, Value primitive, PropertyKey key);
// GetV(V, P): [[Get]] on a primitive's prototype with the primitive as receiver.
Completion get_v(Runtime& runtime, Value value, PropertyKey key);
// thisNumberValue and friends: the primitive of `value` when it is one or wraps one.
std::optional<Value> unwrap_primitive(Value value, bool (*is_kind)(Value));

} // namespace loopsim::js
