// NativeFunction and Closure.
#include "model/js/function.h"

#include "model/js/runtime.h"

namespace loopsim::js {

NativeFunction::NativeFunction(Runtime& runtime, Object* prototype, NativeFn function, Value data)
    : Object(runtime, prototype, CellKind::NativeFunction), m_function(function), m_data(data) {}

NativeFunction* NativeFunction::create(Runtime& runtime, std::string_view name, uint32_t length,
                                       NativeFn function, Value data) {
    auto* native = runtime.heap().allocate<NativeFunction>(runtime, runtime.function_prototype(),
                                                           function, data);
    native->put_direct(runtime, runtime.common_key(CommonAtom::Length), Value::number(length),
                       attr::Configurable);
    // Most internal functions are anonymous: they share the one empty string.
    String* name_string =
        name.empty() && runtime.empty_string() ? runtime.empty_string() : runtime.string(name);
    native->put_direct(runtime, runtime.common_key(CommonAtom::Name), Value(name_string),
                       attr::Configurable);
    return native;
}

void NativeFunction::visit_edges(Visitor& visitor) {
    Object::visit_edges(visitor);
    visitor.visit(m_data);
}

Closure::Closure(Runtime& runtime, Object* prototype, Cell* code, Cell* environment)
    : Object(runtime, prototype, CellKind::Closure), m_code(code), m_environment(environment) {}

void Closure::visit_edges(Visitor& visitor) {
    Object::visit_edges(visitor);
    visitor.visit(m_code);
    visitor.visit(m_environment);
}

} // namespace loopsim::js
