#pragma once
// Property descriptors as JS objects (ECMA-262 §6.2.6.4-5: FromPropertyDescriptor,
// ToPropertyDescriptor) and the define operations Object.defineProperty/defineProperties
// and Object.create share, with V8's error messages.
#include "model/js/completion.h"
#include "model/js/object.h"

namespace loopsim::js {

class Runtime;

ThrowCompletionOr<PropertyDescriptor> to_property_descriptor(Runtime& runtime, Value value);
Object* from_property_descriptor(Runtime& runtime, const PropertyDescriptor& descriptor);
// DefinePropertyOrThrow: "Cannot redefine property: x" or "Cannot define property x, object
// is not extensible".
ThrowCompletionOr<void> define_property_or_throw(Runtime& runtime, Object& object, PropertyKey key,
                                                 const PropertyDescriptor& descriptor);
// ObjectDefineProperties(O, Properties).
ThrowCompletionOr<void> define_properties(Runtime& runtime, Object& object, Value properties);

} // namespace loopsim::js
