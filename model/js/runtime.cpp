// Runtime: set-up of the per-runtime singletons, calls, and error objects.
#include "model/js/runtime.h"

#include "model/js/builtins/error_builtins.h"
#include "model/js/function.h"
#include "model/js/object.h"

#include <algorithm>
#include <iterator>

namespace loopsim::js {

const char* error_type_name(ErrorType type) {
    switch (type) {
#define LOOPSIM_ERROR_TYPE(name, text)                                                             \
    case ErrorType::name:                                                                          \
        return text;
#include "model/js/error_types.def"
#undef LOOPSIM_ERROR_TYPE
    case ErrorType::Count:
        break;
    }
    return "Error";
}

Runtime::Runtime(HeapOptions options) : m_heap(options), m_atoms(m_heap) {
    m_heap.add_root_source(this);
    m_empty_string = m_atoms.intern(std::string_view());
    static constexpr const char* common_texts[] = {
        "",
#define LOOPSIM_COMMON_ATOM(name, text) text,
#include "model/js/common_atoms.def"
#undef LOOPSIM_COMMON_ATOM
    };
    for (size_t i = 1; i < m_common_atoms.size(); ++i) {
        m_common_atoms[i] = m_atoms.intern(std::string_view(common_texts[i]));
        m_common_atoms[i]->set_common_atom(static_cast<CommonAtom>(i));
    }
    static constexpr const char* symbol_texts[] = {
#define LOOPSIM_WELL_KNOWN_SYMBOL(name, text) text,
#include "model/js/well_known_symbols.def"
#undef LOOPSIM_WELL_KNOWN_SYMBOL
    };
    for (size_t i = 0; i < m_well_known.size(); ++i)
        m_well_known[i] = make_symbol(string(symbol_texts[i]));
    m_root_shape = m_heap.allocate<Shape>(Shape::Kind::Root);
    m_dictionary_shape = m_heap.allocate<Shape>(Shape::Kind::Dictionary);
}

Runtime::~Runtime() {
    m_heap.remove_root_source(this);
}

bool Runtime::is_callable(Value value) {
    if (!value.is_cell()) return false;
    CellKind kind = value.as_cell()->kind();
    return kind == CellKind::NativeFunction || kind == CellKind::Closure;
}

Completion Runtime::call(Value callee, Value this_value, std::span<const Value> args) {
    if (callee.is_cell()) {
        Cell* cell = callee.as_cell();
        if (cell->kind() == CellKind::NativeFunction) {
            auto* native = static_cast<NativeFunction*>(cell);
            return native->function()(*this, *native, this_value, args);
        }
        if (cell->kind() == CellKind::Closure) {
            if (m_call_handler == nullptr)
                return throw_error(ErrorType::TypeError,
                                   "closures cannot be called before the VM is attached");
            return m_call_handler->call_closure(*this, *static_cast<Closure*>(cell), this_value,
                                                args);
        }
    }
    return throw_error(ErrorType::TypeError, "value is not a function");
}

Completion Runtime::construct(Value callee, std::span<const Value> args, Object* new_target) {
    if (callee.is_cell()) {
        Cell* cell = callee.as_cell();
        if (cell->kind() == CellKind::NativeFunction) {
            auto* native = static_cast<NativeFunction*>(cell);
            if (native->is_constructor())
                return native->construct_function()(*this, *native, args,
                                                    new_target ? *new_target : *native);
        } else if (cell->kind() == CellKind::Closure && m_call_handler) {
            auto* closure = static_cast<Closure*>(cell);
            if (m_call_handler->is_constructor(*closure))
                return m_call_handler->construct_closure(*this, *closure, args,
                                                         new_target ? *new_target : *closure);
        }
    }
    return throw_error(ErrorType::TypeError, "value is not a constructor");
}

bool Runtime::is_constructor(Value value) const {
    if (!value.is_cell()) return false;
    Cell* cell = value.as_cell();
    if (cell->kind() == CellKind::NativeFunction)
        return static_cast<NativeFunction*>(cell)->is_constructor();
    if (cell->kind() == CellKind::Closure)
        return m_call_handler && m_call_handler->is_constructor(*static_cast<Closure*>(cell));
    return false;
}

ThrowCompletionOr<Object*> Runtime::prototype_from_constructor(Object& new_target,
                                                               Object* fallback) {
    Value proto = LOOPSIM_TRY(new_target.get(*this, common_key(CommonAtom::Prototype)));
    if (proto.is_object()) return static_cast<Object*>(proto.as_cell());
    return fallback;
}

Object* Runtime::make_error(ErrorType type, std::string_view message) {
    Object* prototype = error_prototype(type);
    Object* error = Object::create(*this, prototype ? prototype : m_object_prototype);
    Root<Object> rooted(m_heap, error);
    // V8 captures the stack when a built-in makes an error, as when a script does: own
    // `stack` first, then `message`. An error a built-in rejects a promise with is never
    // thrown through the VM, so this is the only place it gets one.
    const bool with_stack = m_call_handler != nullptr;
    if (with_stack) error->put_direct(*this, common_key(CommonAtom::Stack), Value(), attr::Builtin);
    if (prototype == nullptr)
        error->put_direct(*this, common_key(CommonAtom::Name), Value(string(error_type_name(type))),
                          attr::Builtin);
    error->put_direct(*this, common_key(CommonAtom::Message), Value(string(message)),
                      attr::Builtin);
    if (with_stack) (void)install_error_stack(*this, *error);
    return error;
}

ThrowCompletion Runtime::throw_error(ErrorType type, std::string_view message) {
    return ThrowCompletion{Value(make_error(type, message))};
}

namespace {

// The standard built-ins (and engine globals) Node 20's global object has and loopsim does
// not model, in ascending order (docs/builtins.md lists the ones it has).
constexpr std::string_view k_unmodelled_builtins[] = {
    "ArrayBuffer",
    "Atomics",
    "BigInt",
    "BigInt64Array",
    "BigUint64Array",
    "DataView",
    "FinalizationRegistry",
    "Float32Array",
    "Float64Array",
    "Int16Array",
    "Int32Array",
    "Int8Array",
    "Intl",
    "Proxy",
    "Reflect",
    "RegExp",
    "SharedArrayBuffer",
    "Uint16Array",
    "Uint32Array",
    "Uint8Array",
    "Uint8ClampedArray",
    "WeakMap",
    "WeakRef",
    "WeakSet",
    "WebAssembly",
    "decodeURI",
    "decodeURIComponent",
    "encodeURI",
    "encodeURIComponent",
    "escape",
    "eval",
    "unescape",
};

static_assert(std::is_sorted(std::begin(k_unmodelled_builtins), std::end(k_unmodelled_builtins)),
              "binary search needs the names in order");

bool sorted_contains(std::span<const std::string_view> names, std::string_view name) {
    return std::binary_search(names.begin(), names.end(), name);
}

} // namespace

std::string Runtime::not_defined_message(std::string_view name) const {
    std::string message = std::string(name) + " is not defined";
    if (sorted_contains(k_unmodelled_builtins, name)) {
        message += ": loopsim does not model this JavaScript built-in yet (docs/builtins.md "
                   "lists the ones it has)";
    } else if (sorted_contains(m_host_unmodelled, name)) {
        message += ": loopsim does not model this global yet (";
        message += m_host_unmodelled_where;
        message += " lists the ones it has)";
    }
    return message;
}

std::string Runtime::not_a_function_message(std::string_view callee) const {
    std::string message = std::string(callee) + " is not a function";
    auto it = std::lower_bound(
        m_host_members.begin(), m_host_members.end(), callee,
        [](const HostMember& member, std::string_view name) { return member.name < name; });
    if (it != m_host_members.end() && it->name == callee) {
        message += ": loopsim does not model ";
        message += callee;
        message += "() yet (";
        message += it->where_listed;
        message += " lists what it has)";
    }
    return message;
}

void Runtime::visit_roots(Visitor& visitor) {
    visitor.visit(m_empty_string);
    for (String* s : m_common_atoms) visitor.visit(s);
    for (Symbol* s : m_well_known) visitor.visit(s);
    visitor.visit(m_root_shape);
    visitor.visit(m_dictionary_shape);
    visitor.visit(m_object_prototype);
    visitor.visit(m_function_prototype);
    visitor.visit(m_array_prototype);
    for (Object* o : m_error_prototypes) visitor.visit(o);
    visitor.visit(m_promise_constructor);
    visitor.visit(m_promise_prototype);
    for (Object* o : m_intrinsics) visitor.visit(o);
    for (auto& entry : m_receiver_type_names) visitor.visit(entry.first);
}

} // namespace loopsim::js
