#pragma once
// Helpers shared by the tests/js suites: readable renderings of keys and values.
#include "model/js/conversions.h"
#include "model/js/object.h"
#include "model/js/runtime.h"

#include <string>
#include <vector>

namespace loopsim::js::testing {

inline std::string key_name(PropertyKey key) {
    if (key.is_index()) return std::to_string(key.as_index());
    if (key.is_symbol()) return key.as_symbol()->descriptive_string();
    return key.as_string()->to_utf8();
}

inline std::vector<std::string> key_names(const std::vector<PropertyKey>& keys) {
    std::vector<std::string> names;
    for (PropertyKey k : keys) names.push_back(key_name(k));
    return names;
}

inline std::string utf8(Value v) {
    return v.as_string()->to_utf8();
}

} // namespace loopsim::js::testing
