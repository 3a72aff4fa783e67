#pragma once
// Object: an ordinary JS object, and the base of every exotic one (Array, functions).
//
// Storage:
//   - named properties (strings and symbols): either *fast* - the Shape maps key -> slot
//     and attributes, values live in its slots - or *dictionary* - the object owns a
//     PropertyDictionary and its shape is the runtime's dictionary sentinel. An object
//     moves to dictionary mode for good when it passes Shape::kMaxFastProperties named
//     properties, when a property that is not the last added is deleted, or when a
//     property's attributes change.
//   - integer-indexed properties: Elements (dense vector or sparse map).
//   - the prototype ([[Prototype]]) and [[Extensible]] live in the object, not the shape.
// Memory: an Object is 64 bytes. The dictionary and the elements, which most objects never
// have, live in one separate record made on first use (ObjectExtras). Slot values live in a
// buffer of their own, or inline after the cell when the object was made with room for
// them (create_with_slots, object literals): then an object of up to that many properties
// is one allocation.
//
// Internal methods follow ECMA-262 §10.1 (ordinary objects) step by step and take the
// Runtime, through which accessors are called (Runtime::call). Exotic objects override the
// virtual ones: lookup_own (the raw form of [[GetOwnProperty]]), define_own_property,
// delete_property and own_property_keys. [[Get]] and [[Set]] are ordinary everywhere in
// loopsim (there is no Proxy), so they are not virtual.
// Own key order is OrdinaryOwnPropertyKeys: indices ascending, then strings in creation
// order, then symbols in creation order.
#include "model/js/cell.h"
#include "model/js/completion.h"
#include "model/js/elements.h"
#include "model/js/property_attributes.h"
#include "model/js/property_key.h"
#include "model/js/shape.h"

#include <memory>
#include <optional>
#include <vector>

namespace loopsim::js {

class Runtime;
class PropertyDictionary;

// What only some objects need: the dictionary of a dictionary-mode object, and elements.
struct ObjectExtras {
    ObjectExtras();
    ~ObjectExtras();
    std::unique_ptr<PropertyDictionary> dictionary;
    Elements elements;
};

// A Property Descriptor (§6.2.6): every field optional.
struct PropertyDescriptor {
    std::optional<Value> value;
    std::optional<Value> get; // undefined or a callable
    std::optional<Value> set;
    std::optional<bool> writable;
    std::optional<bool> enumerable;
    std::optional<bool> configurable;

    bool is_accessor_descriptor() const { return get.has_value() || set.has_value(); }
    bool is_data_descriptor() const { return value.has_value() || writable.has_value(); }
    bool is_generic_descriptor() const {
        return !is_accessor_descriptor() && !is_data_descriptor();
    }

    // A complete data descriptor with the given attributes.
    static PropertyDescriptor data(Value value, PropertyAttributes attributes = attr::Default) {
        return PropertyDescriptor{value,
                                  std::nullopt,
                                  std::nullopt,
                                  (attributes & attr::Writable) != 0,
                                  (attributes & attr::Enumerable) != 0,
                                  (attributes & attr::Configurable) != 0};
    }
};

// The getter/setter pair of an accessor property. Each is undefined or a callable.
class Accessor final : public Cell {
public:
    Accessor(Value getter, Value setter)
        : Cell(CellKind::Accessor), m_getter(getter), m_setter(setter) {}

    Value getter() const { return m_getter; }
    Value setter() const { return m_setter; }

    void visit_edges(Visitor& visitor) override {
        visitor.visit(m_getter);
        visitor.visit(m_setter);
    }

private:
    Value m_getter;
    Value m_setter;
};

class Object : public Cell {
public:
    // An ordinary object with no own properties.
    Object(Runtime& runtime, Object* prototype);
    ~Object() override;

    static Object* create(Runtime& runtime, Object* prototype);
    // An ordinary object with room for `inline_slots` property values inside its own
    // allocation (more still fit; they move to a buffer of their own).
    static Object* create_with_slots(Runtime& runtime, Object* prototype, uint32_t inline_slots);

    // --- [[GetPrototypeOf]], [[SetPrototypeOf]], [[IsExtensible]], [[PreventExtensions]] --
    Object* prototype() const { return m_prototype; }
    // OrdinarySetPrototypeOf: false if not extensible or if it would make a cycle.
    bool set_prototype(Object* prototype);
    bool is_extensible() const { return (m_cell_flags & kNotExtensible) == 0; }
    bool prevent_extensions() {
        m_cell_flags |= kNotExtensible;
        return true;
    }

    // --- own property access --------------------------------------------------------------
    // The raw own property (no descriptor built): the fast path of [[GetOwnProperty]].
    virtual bool lookup_own(PropertyKey key, OwnProperty& out) const;
    std::optional<PropertyDescriptor> get_own_property(PropertyKey key) const;
    virtual ThrowCompletionOr<bool> define_own_property(Runtime& runtime, PropertyKey key,
                                                        const PropertyDescriptor& descriptor);
    bool has_property(PropertyKey key) const;
    bool has_own_property(PropertyKey key) const {
        OwnProperty unused;
        return lookup_own(key, unused);
    }
    Completion get(Runtime& runtime, PropertyKey key, Value receiver) const;
    Completion get(Runtime& runtime, PropertyKey key) const;
    ThrowCompletionOr<bool> set(Runtime& runtime, PropertyKey key, Value value, Value receiver);
    // Set(O, P, V, true): a failed assignment throws a TypeError (strict-mode code).
    ThrowCompletionOr<void> set_or_throw(Runtime& runtime, PropertyKey key, Value value);
    virtual bool delete_property(Runtime& runtime, PropertyKey key);
    virtual std::vector<PropertyKey> own_property_keys(Runtime& runtime) const;

    // CreateDataProperty: define a writable, enumerable, configurable data property.
    ThrowCompletionOr<bool> create_data_property(Runtime& runtime, PropertyKey key, Value value);
    // Adds or overwrites a property without any check: object literals and built-in set-up.
    void put_direct(Runtime& runtime, PropertyKey key, Value value,
                    PropertyAttributes attributes = attr::Default);
    void put_accessor(Runtime& runtime, PropertyKey key, Value getter, Value setter,
                      PropertyAttributes attributes = attr::Configurable);

    // --- fast paths for the VM's inline caches --------------------------------------------
    Shape* shape() const { return m_shape; }
    bool is_dictionary() const { return m_extras && m_extras->dictionary; }
    Value slot(uint32_t index) const { return m_slot_data[index]; }
    void set_slot(uint32_t index, Value value) { m_slot_data[index] = value; }
    // The elements, read-only (a shared empty set when the object has none).
    const Elements& elements() const { return m_extras ? m_extras->elements : s_no_elements; }
    // The elements, to change them (makes the object's extras record on first use).
    Elements& writable_elements() { return extras().elements; }
    // The VM's object literals: gives a fresh object with no properties the precomputed
    // `shape` (root shape + default-attribute keys) and its slot values at once.
    void initialize_literal(Runtime& runtime, Shape* shape, const Value* values, uint32_t count);
    // Points the slots at `count` values of room just past this cell's `cell_size` bytes
    // (the cell was allocated with Heap::allocate_sized for them). Only on a fresh object.
    void use_inline_slots(size_t cell_size, uint32_t count);

    void visit_edges(Visitor& visitor) override;

protected:
    Object(Runtime& runtime, Object* prototype, CellKind kind);

    ThrowCompletionOr<bool> ordinary_define_own_property(Runtime& runtime, PropertyKey key,
                                                         const PropertyDescriptor& descriptor);
    // ValidateAndApplyPropertyDescriptor (§10.1.6.3) with O = this.
    bool validate_and_apply(Runtime& runtime, PropertyKey key, const PropertyDescriptor& descriptor,
                            const OwnProperty* current);
    bool ordinary_delete(Runtime& runtime, PropertyKey key);
    // Adds or replaces the raw own property (value is the Accessor cell for an accessor).
    void store_own(Runtime& runtime, PropertyKey key, Value value, PropertyAttributes attributes);
    void remove_own(Runtime& runtime, PropertyKey key);
    void append_named_keys(std::vector<PropertyKey>& out) const;
    // Reports growth of the C++ buffers this object owns to the heap.
    void sync_accounting(Runtime& runtime);

private:
    static constexpr uint8_t kNotExtensible = 1;
    static constexpr uint8_t kInlineSlots = 2; // m_slot_data points into this allocation
    static const Elements s_no_elements;

    ObjectExtras& extras();
    PropertyDictionary* dictionary() const {
        return m_extras ? m_extras->dictionary.get() : nullptr;
    }
    void push_slot(Value value);
    void grow_slots(uint32_t needed);
    void release_slots();
    void convert_to_dictionary(Runtime& runtime);
    size_t owned_bytes() const;

    Shape* m_shape;
    Object* m_prototype;
    Value* m_slot_data = nullptr; // fast mode: values by slot
    uint16_t m_slot_count = 0;
    uint16_t m_slot_capacity = 0;
    uint32_t m_accounted_bytes = 0;
    std::unique_ptr<ObjectExtras> m_extras;
};
static_assert(Shape::kMaxFastProperties <= UINT16_MAX, "slot counts are 16 bits");

} // namespace loopsim::js
