// The JSON object: parse, stringify and @@toStringTag.
#include "model/js/builtins/builtin_support.h"
#include "model/js/builtins/install.h"
#include "model/js/builtins/json.h"

namespace loopsim::js {

namespace {

Completion json_parse_native(Runtime& rt, NativeFunction&, Value, std::span<const Value> args) {
    return json_parse(rt, arg(args, 0), arg(args, 1));
}

Completion json_stringify_native(Runtime& rt, NativeFunction&, Value, std::span<const Value> args) {
    return json_stringify(rt, arg(args, 0), arg(args, 1), arg(args, 2));
}

} // namespace

void install_json(Runtime& rt, Object& global) {
    Object* json = create_plain_object(rt);
    define_method(rt, *json, "parse", 2, json_parse_native);
    define_method(rt, *json, "stringify", 3, json_stringify_native);
    json->put_direct(rt, PropertyKey::symbol(rt.well_known_symbol(WellKnownSymbol::ToStringTag)),
                     Value(rt.string("JSON")), attr::Configurable);
    define_value(rt, global, "JSON", Value(json));
}

} // namespace loopsim::js
