#pragma once
// Function objects: NativeFunction (a C++ built-in) and Closure (a bytecode function, whose
// code and environment the VM defines). Both are Objects, so they carry properties
// ("length", "name", "prototype") like any other.
//
// Native built-ins are written against one stable signature, NativeFn: they receive the
// runtime, the function object being called (for its data), `this` and the arguments, and
// return a Completion: a Value, or a thrown JS value. A native that calls back into JS
// (Runtime::call) must root any value it still needs afterwards (heap.h).
#include "model/js/completion.h"
#include "model/js/object.h"

#include <span>
#include <string_view>

namespace loopsim::js {

class NativeFunction;

using NativeFn = Completion (*)(Runtime& runtime, NativeFunction& callee, Value this_value,
                                std::span<const Value> args);
// [[Construct]] of a native constructor: `new_target` is the constructor `new` was applied to
// (a subclass when reached through super(...)); the new object's prototype comes from
// Runtime::prototype_from_constructor(new_target, default), as OrdinaryCreateFromConstructor.
using NativeConstructFn = Completion (*)(Runtime& runtime, NativeFunction& callee,
                                         std::span<const Value> args, Object& new_target);

class NativeFunction final : public Object {
public:
    NativeFunction(Runtime& runtime, Object* prototype, NativeFn function, Value data);

    // A native function with the runtime's Function.prototype, and own "length" and "name"
    // properties (non-writable, non-enumerable, configurable), created in that order as V8
    // does.
    static NativeFunction* create(Runtime& runtime, std::string_view name, uint32_t length,
                                  NativeFn function, Value data = Value());

    // Makes this function a constructor: `new F(...)` and `super(...)` call `construct`.
    void set_construct(NativeConstructFn construct) { m_construct = construct; }
    NativeConstructFn construct_function() const { return m_construct; }
    bool is_constructor() const { return m_construct != nullptr; }

    NativeFn function() const { return m_function; }
    // A value the built-in keeps with itself (e.g. the promise a resolve function settles).
    Value data() const { return m_data; }
    void set_data(Value data) { m_data = data; }
    // Built-ins that call back into JavaScript appear in stack traces ("Array.forEach
    // (<anonymous>)"); the host's functions do not (it pushes its own frame lines instead).
    bool is_hidden_in_stack() const { return m_hidden_in_stack; }
    void set_hidden_in_stack() { m_hidden_in_stack = true; }

    void visit_edges(Visitor& visitor) override;

private:
    NativeFn m_function;
    NativeConstructFn m_construct = nullptr;
    Value m_data;
    bool m_hidden_in_stack = false;
};

// A function compiled from scenario source. This layer only stores the VM's two cells;
// the VM gives them meaning and calls closures through Runtime's CallHandler.
class Closure final : public Object {
public:
    Closure(Runtime& runtime, Object* prototype, Cell* code, Cell* environment);

    Cell* code() const { return m_code; }
    Cell* environment() const { return m_environment; }

    void visit_edges(Visitor& visitor) override;

private:
    Cell* m_code;
    Cell* m_environment;
};

} // namespace loopsim::js
