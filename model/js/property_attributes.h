#pragma once
// Property attributes, as bits: [[Writable]], [[Enumerable]], [[Configurable]], and whether
// the property is an accessor (its stored value is then an Accessor cell holding the
// getter/setter pair; [[Writable]] is meaningless and kept 0).
#include <cstdint>

namespace loopsim::js {

using PropertyAttributes = uint8_t;

namespace attr {
constexpr PropertyAttributes None = 0;
constexpr PropertyAttributes Writable = 1;
constexpr PropertyAttributes Enumerable = 2;
constexpr PropertyAttributes Configurable = 4;
constexpr PropertyAttributes Accessor = 8;
// What assignment and object literals create: writable, enumerable, configurable.
constexpr PropertyAttributes Default = Writable | Enumerable | Configurable;
// What built-in methods get: writable, configurable, not enumerable.
constexpr PropertyAttributes Builtin = Writable | Configurable;
} // namespace attr

} // namespace loopsim::js
