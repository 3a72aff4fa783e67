// FromPropertyDescriptor, ToPropertyDescriptor and the define helpers.
#include "model/js/builtins/property_descriptor_ops.h"

#include "model/js/builtins/builtin_support.h"
#include "model/js/builtins/to_object.h"

namespace loopsim::js {

ThrowCompletionOr<PropertyDescriptor> to_property_descriptor(Runtime& rt, Value value) {
    if (!value.is_object())
        return rt.throw_error(ErrorType::TypeError, "Property description must be an object: " +
                                                        describe_value(rt, value));
    Object& object = *value.as_object();
    RootedValue rooted(rt.heap(), value);
    PropertyDescriptor descriptor;
    auto read = [&](CommonAtom which) -> ThrowCompletionOr<std::optional<Value>> {
        PropertyKey key = rt.common_key(which);
        if (!object.has_property(key)) return std::optional<Value>();
        Value v = LOOPSIM_TRY(object.get(rt, key));
        return std::optional<Value>(v);
    };
    if (auto v = LOOPSIM_TRY(read(CommonAtom::Enumerable))) descriptor.enumerable = to_boolean(*v);
    if (auto v = LOOPSIM_TRY(read(CommonAtom::Configurable)))
        descriptor.configurable = to_boolean(*v);
    RootedValue data_value(rt.heap());
    if (auto v = LOOPSIM_TRY(read(CommonAtom::Value))) {
        data_value.set(*v);
        descriptor.value = *v;
    }
    if (auto v = LOOPSIM_TRY(read(CommonAtom::Writable))) descriptor.writable = to_boolean(*v);
    RootedValue getter(rt.heap());
    if (auto v = LOOPSIM_TRY(read(CommonAtom::Get))) {
        if (!v->is_undefined() && !Runtime::is_callable(*v))
            return rt.throw_error(ErrorType::TypeError,
                                  "Getter must be a function: " + describe_value(rt, *v));
        getter.set(*v);
        descriptor.get = *v;
    }
    if (auto v = LOOPSIM_TRY(read(CommonAtom::Set))) {
        if (!v->is_undefined() && !Runtime::is_callable(*v))
            return rt.throw_error(ErrorType::TypeError,
                                  "Setter must be a function: " + describe_value(rt, *v));
        descriptor.set = *v;
    }
    if (descriptor.is_accessor_descriptor() && descriptor.is_data_descriptor())
        return rt.throw_error(ErrorType::TypeError,
                              "Invalid property descriptor. Cannot both specify accessors and a "
                              "value or writable attribute, " +
                                  describe_value(rt, value));
    return descriptor;
}

Object* from_property_descriptor(Runtime& rt, const PropertyDescriptor& descriptor) {
    Object* object = create_plain_object(rt);
    if (descriptor.value)
        object->put_direct(rt, rt.common_key(CommonAtom::Value), *descriptor.value);
    if (descriptor.writable)
        object->put_direct(rt, rt.common_key(CommonAtom::Writable), Value(*descriptor.writable));
    if (descriptor.get) object->put_direct(rt, rt.common_key(CommonAtom::Get), *descriptor.get);
    if (descriptor.set) object->put_direct(rt, rt.common_key(CommonAtom::Set), *descriptor.set);
    if (descriptor.enumerable)
        object->put_direct(rt, rt.common_key(CommonAtom::Enumerable),
                           Value(*descriptor.enumerable));
    if (descriptor.configurable)
        object->put_direct(rt, rt.common_key(CommonAtom::Configurable),
                           Value(*descriptor.configurable));
    return object;
}

ThrowCompletionOr<void> define_property_or_throw(Runtime& rt, Object& object, PropertyKey key,
                                                 const PropertyDescriptor& descriptor) {
    bool existed = object.has_own_property(key);
    bool ok = LOOPSIM_TRY(object.define_own_property(rt, key, descriptor));
    if (ok) return {};
    if (existed || object.is_extensible())
        return rt.throw_error(ErrorType::TypeError,
                              "Cannot redefine property: " + key_display(key));
    return rt.throw_error(ErrorType::TypeError, "Cannot define property " + key_display(key) +
                                                    ", object is not extensible");
}

ThrowCompletionOr<void> define_properties(Runtime& rt, Object& object, Value properties) {
    Root<Object> target(rt.heap(), &object);
    Object* props = LOOPSIM_TRY(to_object(rt, properties));
    Root<Object> rooted_props(rt.heap(), props);
    std::vector<std::pair<PropertyKey, PropertyDescriptor>> descriptors;
    RootedVector keep(rt.heap());
    for (PropertyKey key : props->own_property_keys(rt)) {
        OwnProperty property;
        if (!props->lookup_own(key, property) || (property.attributes & attr::Enumerable) == 0)
            continue;
        Value descriptor_object = LOOPSIM_TRY(props->get(rt, key));
        keep.push_back(descriptor_object);
        PropertyDescriptor descriptor = LOOPSIM_TRY(to_property_descriptor(rt, descriptor_object));
        for (auto v : {descriptor.value, descriptor.get, descriptor.set})
            if (v) keep.push_back(*v);
        descriptors.emplace_back(key, descriptor);
    }
    for (auto& [key, descriptor] : descriptors)
        LOOPSIM_TRY(define_property_or_throw(rt, object, key, descriptor));
    return {};
}

} // namespace loopsim::js
