// Object.prototype and the Object constructor (ECMA-262 §20.1), plus the bootstrap of
// Object.prototype and Function.prototype.
#include "model/js/builtins/builtin_support.h"
#include "model/js/builtins/install.h"
#include "model/js/builtins/iteration.h"
#include "model/js/builtins/property_descriptor_ops.h"
#include "model/js/builtins/to_object.h"

namespace loopsim::js {

namespace {

Completion function_prototype_call(Runtime&, NativeFunction&, Value, std::span<const Value>) {
    return Value();
}

// --- Object.prototype -------------------------------------------------------------------------

Completion object_has_own_property(Runtime& rt, NativeFunction&, Value self,
                                   std::span<const Value> args) {
    PropertyKey key = LOOPSIM_TRY(to_property_key(rt, arg(args, 0)));
    Object* object = LOOPSIM_TRY(to_object(rt, self));
    return Value(object->has_own_property(key));
}

Completion object_is_prototype_of(Runtime& rt, NativeFunction&, Value self,
                                  std::span<const Value> args) {
    Value v = arg(args, 0);
    if (!v.is_object()) return Value(false);
    Object* object = LOOPSIM_TRY(to_object(rt, self));
    for (Object* p = v.as_object()->prototype(); p != nullptr; p = p->prototype())
        if (p == object) return Value(true);
    return Value(false);
}

Completion object_property_is_enumerable(Runtime& rt, NativeFunction&, Value self,
                                         std::span<const Value> args) {
    PropertyKey key = LOOPSIM_TRY(to_property_key(rt, arg(args, 0)));
    Object* object = LOOPSIM_TRY(to_object(rt, self));
    OwnProperty property;
    if (!object->lookup_own(key, property)) return Value(false);
    return Value((property.attributes & attr::Enumerable) != 0);
}

Completion object_to_string(Runtime& rt, NativeFunction&, Value self, std::span<const Value>) {
    if (self.is_undefined()) return Value(rt.string("[object Undefined]"));
    if (self.is_null()) return Value(rt.string("[object Null]"));
    Object* object = LOOPSIM_TRY(to_object(rt, self));
    Root<Object> rooted(rt.heap(), object);
    std::string builtin_tag = "Object";
    if (object->kind() == CellKind::Array)
        builtin_tag = "Array";
    else if (Runtime::is_callable(Value(object)))
        builtin_tag = "Function";
    else if (object->kind() == CellKind::PrimitiveWrapper) {
        Value primitive = static_cast<PrimitiveWrapper*>(object)->primitive();
        if (primitive.is_string()) builtin_tag = "String";
        if (primitive.is_number()) builtin_tag = "Number";
        if (primitive.is_boolean()) builtin_tag = "Boolean";
    } else {
        Object* error_prototype = rt.error_prototype(ErrorType::Error);
        for (Object* p = object->prototype(); p != nullptr && error_prototype; p = p->prototype())
            if (p == error_prototype) builtin_tag = "Error";
    }
    Value tag = LOOPSIM_TRY(
        object->get(rt, PropertyKey::symbol(rt.well_known_symbol(WellKnownSymbol::ToStringTag))));
    if (tag.is_string()) builtin_tag = tag.as_string()->to_utf8();
    return Value(rt.string("[object " + builtin_tag + "]"));
}

Completion object_to_locale_string(Runtime& rt, NativeFunction&, Value self,
                                   std::span<const Value>) {
    return invoke(rt, self, rt.common_key(CommonAtom::ToString), {});
}

Completion object_value_of(Runtime& rt, NativeFunction&, Value self, std::span<const Value>) {
    return Value(LOOPSIM_TRY(to_object(rt, self)));
}

Completion object_proto_getter(Runtime& rt, NativeFunction&, Value self, std::span<const Value>) {
    Object* object = LOOPSIM_TRY(to_object(rt, self));
    return object->prototype() ? Value(object->prototype()) : Value::null();
}

Completion object_proto_setter(Runtime& rt, NativeFunction&, Value self,
                               std::span<const Value> args) {
    if (self.is_nullish())
        return rt.throw_error(ErrorType::TypeError,
                              "Object.prototype.__proto__ called on null or undefined");
    Value proto = arg(args, 0);
    if (!(proto.is_object() || proto.is_null()) || !self.is_object()) return Value();
    if (!self.as_object()->set_prototype(proto.is_null() ? nullptr : proto.as_object()))
        return rt.throw_error(ErrorType::TypeError, "Cyclic __proto__ value");
    return Value();
}

// --- the Object constructor -------------------------------------------------------------------

Completion object_call(Runtime& rt, NativeFunction&, Value, std::span<const Value> args) {
    Value value = arg(args, 0);
    if (value.is_nullish()) return Value(create_plain_object(rt));
    return Value(LOOPSIM_TRY(to_object(rt, value)));
}

Completion object_construct(Runtime& rt, NativeFunction& callee, std::span<const Value> args,
                            Object& new_target) {
    if (&new_target != &callee) {
        Object* proto =
            LOOPSIM_TRY(rt.prototype_from_constructor(new_target, rt.object_prototype()));
        return Value(Object::create(rt, proto));
    }
    return object_call(rt, callee, Value(), args);
}

enum class KeysKind {
    Keys,
    Values,
    Entries
};

Completion enumerable_own(Runtime& rt, Value target, KeysKind kind) {
    Object* object = LOOPSIM_TRY(to_object(rt, target));
    Root<Object> rooted(rt.heap(), object);
    std::vector<PropertyKey> keys = object->own_property_keys(rt);
    RootedVector result(rt.heap());
    for (PropertyKey key : keys) {
        if (key.is_symbol()) continue;
        OwnProperty property;
        if (!object->lookup_own(key, property) || (property.attributes & attr::Enumerable) == 0)
            continue;
        Value key_value = key_to_value(rt, key);
        if (kind == KeysKind::Keys) {
            result.push_back(key_value);
            continue;
        }
        RootedValue rooted_key(rt.heap(), key_value);
        Value value = LOOPSIM_TRY(object->get(rt, key));
        if (kind == KeysKind::Values) {
            result.push_back(value);
        } else {
            Value pair[2] = {rooted_key.get(), value};
            result.push_back(Value(create_array(rt, pair)));
        }
    }
    return Value(create_array(rt, result.values()));
}

Completion object_keys(Runtime& rt, NativeFunction&, Value, std::span<const Value> args) {
    return enumerable_own(rt, arg(args, 0), KeysKind::Keys);
}
Completion object_values(Runtime& rt, NativeFunction&, Value, std::span<const Value> args) {
    return enumerable_own(rt, arg(args, 0), KeysKind::Values);
}
Completion object_entries(Runtime& rt, NativeFunction&, Value, std::span<const Value> args) {
    return enumerable_own(rt, arg(args, 0), KeysKind::Entries);
}

Completion object_assign(Runtime& rt, NativeFunction&, Value, std::span<const Value> args) {
    Object* to = LOOPSIM_TRY(to_object(rt, arg(args, 0)));
    Root<Object> rooted_to(rt.heap(), to);
    for (size_t i = 1; i < args.size(); ++i) {
        if (args[i].is_nullish()) continue;
        Object* from = LOOPSIM_TRY(to_object(rt, args[i]));
        Root<Object> rooted_from(rt.heap(), from);
        for (PropertyKey key : from->own_property_keys(rt)) {
            OwnProperty property;
            if (!from->lookup_own(key, property) || (property.attributes & attr::Enumerable) == 0)
                continue;
            Value value = LOOPSIM_TRY(from->get(rt, key));
            LOOPSIM_TRY(to->set_or_throw(rt, key, value));
        }
    }
    return Value(to);
}

enum class IntegrityLevel {
    Sealed,
    Frozen
};

ThrowCompletionOr<void> set_integrity_level(Runtime& rt, Object& object, IntegrityLevel level) {
    object.prevent_extensions();
    for (PropertyKey key : object.own_property_keys(rt)) {
        PropertyDescriptor descriptor;
        descriptor.configurable = false;
        if (level == IntegrityLevel::Frozen) {
            OwnProperty property;
            if (object.lookup_own(key, property) && (property.attributes & attr::Accessor) == 0)
                descriptor.writable = false;
        }
        bool ok = LOOPSIM_TRY(object.define_own_property(rt, key, descriptor));
        if (!ok)
            return rt.throw_error(ErrorType::TypeError,
                                  "Cannot redefine property: " + key_display(key));
    }
    return {};
}

bool test_integrity_level(Runtime& rt, Object& object, IntegrityLevel level) {
    if (object.is_extensible()) return false;
    for (PropertyKey key : object.own_property_keys(rt)) {
        OwnProperty property;
        if (!object.lookup_own(key, property)) continue;
        if ((property.attributes & attr::Configurable) != 0) return false;
        if (level == IntegrityLevel::Frozen && (property.attributes & attr::Accessor) == 0 &&
            (property.attributes & attr::Writable) != 0)
            return false;
    }
    return true;
}

Completion object_freeze(Runtime& rt, NativeFunction&, Value, std::span<const Value> args) {
    Value o = arg(args, 0);
    if (!o.is_object()) return o;
    LOOPSIM_TRY(set_integrity_level(rt, *o.as_object(), IntegrityLevel::Frozen));
    return o;
}
Completion object_seal(Runtime& rt, NativeFunction&, Value, std::span<const Value> args) {
    Value o = arg(args, 0);
    if (!o.is_object()) return o;
    LOOPSIM_TRY(set_integrity_level(rt, *o.as_object(), IntegrityLevel::Sealed));
    return o;
}
Completion object_is_frozen(Runtime& rt, NativeFunction&, Value, std::span<const Value> args) {
    Value o = arg(args, 0);
    if (!o.is_object()) return Value(true);
    return Value(test_integrity_level(rt, *o.as_object(), IntegrityLevel::Frozen));
}
Completion object_is_sealed(Runtime& rt, NativeFunction&, Value, std::span<const Value> args) {
    Value o = arg(args, 0);
    if (!o.is_object()) return Value(true);
    return Value(test_integrity_level(rt, *o.as_object(), IntegrityLevel::Sealed));
}
Completion object_prevent_extensions(Runtime&, NativeFunction&, Value,
                                     std::span<const Value> args) {
    Value o = arg(args, 0);
    if (o.is_object()) o.as_object()->prevent_extensions();
    return o;
}
Completion object_is_extensible(Runtime&, NativeFunction&, Value, std::span<const Value> args) {
    Value o = arg(args, 0);
    return Value(o.is_object() && o.as_object()->is_extensible());
}

ThrowCompletion throw_bad_prototype(Runtime& rt, Value proto) {
    return rt.throw_error(ErrorType::TypeError, "Object prototype may only be an Object or null: " +
                                                    describe_value(rt, proto));
}

Completion object_create(Runtime& rt, NativeFunction&, Value, std::span<const Value> args) {
    Value proto = arg(args, 0);
    if (!proto.is_object() && !proto.is_null()) return throw_bad_prototype(rt, proto);
    Object* object = Object::create(rt, proto.is_null() ? nullptr : proto.as_object());
    if (!arg(args, 1).is_undefined()) LOOPSIM_TRY(define_properties(rt, *object, arg(args, 1)));
    return Value(object);
}

Completion object_get_prototype_of(Runtime& rt, NativeFunction&, Value,
                                   std::span<const Value> args) {
    Object* object = LOOPSIM_TRY(to_object(rt, arg(args, 0)));
    return object->prototype() ? Value(object->prototype()) : Value::null();
}

Completion object_set_prototype_of(Runtime& rt, NativeFunction&, Value,
                                   std::span<const Value> args) {
    Value o = arg(args, 0);
    Value proto = arg(args, 1);
    if (o.is_nullish())
        return rt.throw_error(ErrorType::TypeError,
                              "Object.setPrototypeOf called on null or undefined");
    if (!proto.is_object() && !proto.is_null()) return throw_bad_prototype(rt, proto);
    if (!o.is_object()) return o;
    Object* object = o.as_object();
    Object* new_proto = proto.is_null() ? nullptr : proto.as_object();
    if (object->set_prototype(new_proto)) return o;
    if (!object->is_extensible())
        return rt.throw_error(ErrorType::TypeError, describe_value(rt, o) + " is not extensible");
    return rt.throw_error(ErrorType::TypeError, "Cyclic __proto__ value");
}

Completion object_define_property(Runtime& rt, NativeFunction&, Value,
                                  std::span<const Value> args) {
    Value o = arg(args, 0);
    if (!o.is_object())
        return rt.throw_error(ErrorType::TypeError, "Object.defineProperty called on non-object");
    RootedValue rooted(rt.heap(), o);
    PropertyKey key = LOOPSIM_TRY(to_property_key(rt, arg(args, 1)));
    PropertyDescriptor descriptor = LOOPSIM_TRY(to_property_descriptor(rt, arg(args, 2)));
    LOOPSIM_TRY(define_property_or_throw(rt, *o.as_object(), key, descriptor));
    return o;
}

Completion object_define_properties(Runtime& rt, NativeFunction&, Value,
                                    std::span<const Value> args) {
    Value o = arg(args, 0);
    if (!o.is_object())
        return rt.throw_error(ErrorType::TypeError, "Object.defineProperties called on non-object");
    LOOPSIM_TRY(define_properties(rt, *o.as_object(), arg(args, 1)));
    return o;
}

Completion own_keys_of_type(Runtime& rt, Value target, bool symbols) {
    Object* object = LOOPSIM_TRY(to_object(rt, target));
    RootedVector result(rt.heap());
    for (PropertyKey key : object->own_property_keys(rt))
        if (key.is_symbol() == symbols) result.push_back(key_to_value(rt, key));
    return Value(create_array(rt, result.values()));
}

Completion object_get_own_property_names(Runtime& rt, NativeFunction&, Value,
                                         std::span<const Value> args) {
    return own_keys_of_type(rt, arg(args, 0), false);
}
Completion object_get_own_property_symbols(Runtime& rt, NativeFunction&, Value,
                                           std::span<const Value> args) {
    return own_keys_of_type(rt, arg(args, 0), true);
}

Completion object_get_own_property_descriptor(Runtime& rt, NativeFunction&, Value,
                                              std::span<const Value> args) {
    Object* object = LOOPSIM_TRY(to_object(rt, arg(args, 0)));
    Root<Object> rooted(rt.heap(), object);
    PropertyKey key = LOOPSIM_TRY(to_property_key(rt, arg(args, 1)));
    auto descriptor = object->get_own_property(key);
    if (!descriptor) return Value();
    return Value(from_property_descriptor(rt, *descriptor));
}

Completion object_get_own_property_descriptors(Runtime& rt, NativeFunction&, Value,
                                               std::span<const Value> args) {
    Object* object = LOOPSIM_TRY(to_object(rt, arg(args, 0)));
    Object* result = create_plain_object(rt);
    for (PropertyKey key : object->own_property_keys(rt)) {
        auto descriptor = object->get_own_property(key);
        if (!descriptor) continue;
        result->put_direct(rt, key, Value(from_property_descriptor(rt, *descriptor)));
    }
    return Value(result);
}

Completion object_has_own(Runtime& rt, NativeFunction&, Value, std::span<const Value> args) {
    Object* object = LOOPSIM_TRY(to_object(rt, arg(args, 0)));
    Root<Object> rooted(rt.heap(), object);
    PropertyKey key = LOOPSIM_TRY(to_property_key(rt, arg(args, 1)));
    return Value(object->has_own_property(key));
}

Completion object_is(Runtime&, NativeFunction&, Value, std::span<const Value> args) {
    return Value(same_value(arg(args, 0), arg(args, 1)));
}

Completion object_from_entries(Runtime& rt, NativeFunction&, Value, std::span<const Value> args) {
    Value iterable = arg(args, 0);
    if (iterable.is_nullish())
        return rt.throw_error(ErrorType::TypeError,
                              describe_value(rt, iterable) + " is not iterable");
    Root<Object> result(rt.heap(), create_plain_object(rt));
    RootedIteratorRecord iterator(rt.heap());
    iterator.record = LOOPSIM_TRY(get_iterator(rt, iterable));
    while (true) {
        auto next = LOOPSIM_TRY(iterator_step(rt, iterator.record));
        if (!next) break;
        Value entry = *next;
        if (!entry.is_object()) {
            ThrowCompletion thrown =
                rt.throw_error(ErrorType::TypeError, "Iterator value " + describe_value(rt, entry) +
                                                         " is not an entry object");
            return iterator_close_with_throw(rt, iterator.record, thrown);
        }
        RootedValue rooted_entry(rt.heap(), entry);
        auto key = entry.as_object()->get(rt, PropertyKey::index(0));
        if (key.is_throw())
            return iterator_close_with_throw(rt, iterator.record, key.release_error());
        RootedValue rooted_key(rt.heap(), key.value());
        auto value = entry.as_object()->get(rt, PropertyKey::index(1));
        if (value.is_throw())
            return iterator_close_with_throw(rt, iterator.record, value.release_error());
        RootedValue rooted_value(rt.heap(), value.value());
        auto property_key = to_property_key(rt, rooted_key.get());
        if (property_key.is_throw())
            return iterator_close_with_throw(rt, iterator.record, property_key.release_error());
        (void)result->create_data_property(rt, property_key.value(), rooted_value.get());
    }
    return Value(result.get());
}

} // namespace

void install_fundamental_objects(Runtime& rt) {
    Object* object_prototype = Object::create(rt, nullptr);
    rt.set_object_prototype(object_prototype);
    auto* function_prototype =
        rt.heap().allocate<NativeFunction>(rt, object_prototype, function_prototype_call, Value());
    function_prototype->put_direct(rt, rt.common_key(CommonAtom::Length), Value(0),
                                   attr::Configurable);
    function_prototype->put_direct(rt, rt.common_key(CommonAtom::Name), Value(rt.empty_string()),
                                   attr::Configurable);
    rt.set_function_prototype(function_prototype);
}

void install_object_constructor(Runtime& rt, Object& global) {
    Object& proto = *rt.object_prototype();
    NativeFunction* ctor =
        define_constructor(rt, "Object", 1, object_call, object_construct, proto);
    rt.set_intrinsic(Intrinsic::ObjectConstructor, ctor);
    define_method(rt, *ctor, "assign", 2, object_assign);
    define_method(rt, *ctor, "getOwnPropertyDescriptor", 2, object_get_own_property_descriptor);
    define_method(rt, *ctor, "getOwnPropertyDescriptors", 1, object_get_own_property_descriptors);
    define_method(rt, *ctor, "getOwnPropertyNames", 1, object_get_own_property_names);
    define_method(rt, *ctor, "getOwnPropertySymbols", 1, object_get_own_property_symbols);
    define_method(rt, *ctor, "hasOwn", 2, object_has_own);
    define_method(rt, *ctor, "is", 2, object_is);
    define_method(rt, *ctor, "preventExtensions", 1, object_prevent_extensions);
    define_method(rt, *ctor, "seal", 1, object_seal);
    define_method(rt, *ctor, "create", 2, object_create);
    define_method(rt, *ctor, "defineProperties", 2, object_define_properties);
    define_method(rt, *ctor, "defineProperty", 3, object_define_property);
    define_method(rt, *ctor, "freeze", 1, object_freeze);
    define_method(rt, *ctor, "getPrototypeOf", 1, object_get_prototype_of);
    define_method(rt, *ctor, "setPrototypeOf", 2, object_set_prototype_of);
    define_method(rt, *ctor, "isExtensible", 1, object_is_extensible);
    define_method(rt, *ctor, "isFrozen", 1, object_is_frozen);
    define_method(rt, *ctor, "isSealed", 1, object_is_sealed);
    define_method(rt, *ctor, "keys", 1, object_keys);
    define_method(rt, *ctor, "entries", 1, object_entries);
    define_method(rt, *ctor, "fromEntries", 1, object_from_entries);
    define_method(rt, *ctor, "values", 1, object_values);

    define_method(rt, proto, "hasOwnProperty", 1, object_has_own_property);
    define_method(rt, proto, "isPrototypeOf", 1, object_is_prototype_of);
    define_method(rt, proto, "propertyIsEnumerable", 1, object_property_is_enumerable);
    define_method(rt, proto, "toString", 0, object_to_string);
    define_method(rt, proto, "valueOf", 0, object_value_of);
    NativeFunction* getter = NativeFunction::create(rt, "get __proto__", 0, object_proto_getter);
    NativeFunction* setter = NativeFunction::create(rt, "set __proto__", 1, object_proto_setter);
    proto.put_accessor(rt, rt.key("__proto__"), Value(getter), Value(setter), attr::Configurable);
    define_method(rt, proto, "toLocaleString", 0, object_to_locale_string);
    define_value(rt, global, "Object", Value(ctor));
}

} // namespace loopsim::js
