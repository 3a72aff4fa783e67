#pragma once
// Runtime: the state every operation on JS values needs, one per simulation (never global):
// the heap, the atom table, the well-known symbols, the root and dictionary shapes, the
// intrinsic prototypes built-ins install, and the callback interface into the VM.
//
// The VM is not a dependency of this layer. Operations that may run JS code (an accessor,
// a valueOf, a @@toPrimitive method) go through Runtime::call(): native functions are
// called directly; closures are handed to the CallHandler the VM installs. Without a
// handler, calling a closure throws a TypeError (tests use native functions only).
// Errors this layer throws are created by Runtime::make_error, which uses the error
// prototypes the built-ins installed (or plain objects before they are).
#include "model/js/atom_table.h"
#include "model/js/completion.h"
#include "model/js/heap.h"
#include "model/js/property_key.h"
#include "model/js/shape.h"
#include "model/js/string.h"
#include "model/js/symbol.h"
#include "sim/rng.h"

#include <array>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace loopsim::js {

class Object;
class Closure;
class Host;

enum class ErrorType : uint8_t {
#define LOOPSIM_ERROR_TYPE(name, text) name,
#include "model/js/error_types.def"
#undef LOOPSIM_ERROR_TYPE
    Count
};

const char* error_type_name(ErrorType type);

enum class Intrinsic : uint8_t {
#define LOOPSIM_INTRINSIC(name) name,
#include "model/js/builtins/intrinsics.def"
#undef LOOPSIM_INTRINSIC
    Count
};

class Runtime;
class SuspendedFrame;

// Implemented by the VM: calls a bytecode closure. Must return (never longjmp or throw a
// C++ exception); a JS throw comes back as a throw completion.
class CallHandler {
public:
    virtual Completion call_closure(Runtime& runtime, Closure& callee, Value this_value,
                                    std::span<const Value> args) = 0;
    // [[Construct]] of a closure (a class constructor or an ordinary function).
    virtual Completion construct_closure(Runtime& runtime, Closure& callee,
                                         std::span<const Value> args, Object& new_target) = 0;
    // True if the closure has a [[Construct]] (not an arrow, method or async function).
    virtual bool is_constructor(const Closure& callee) const = 0;
    // The JS call stack now, at most `max_frames` frames (Error.stackTraceLimit, 10 by
    // default), as a CapturedStack cell (stack_trace.h); frames above and including the
    // innermost call of `skip_until` are left out (V8: an error subclass's constructors, or
    // Error.captureStackTrace's second argument). Error constructors call it.
    virtual Cell* capture_stack(size_t max_frames, Object* skip_until) = 0;
    // The captured frames as V8 prints them under an error's first line: lines
    // "    at name (file:line:col)", innermost first, joined by '\n'.
    virtual std::string format_stack(Cell& captured) = 0;
    // The source text of a closure, for Function.prototype.toString and inspection.
    virtual std::string_view source_text(const Closure& callee) const = 0;
    // Resumes an async function suspended in `await` with `value` (thrown at the await
    // when `is_throw`): a promise reaction job whose handler is the suspended frame.
    virtual Completion resume(SuspendedFrame& suspended, Value value, bool is_throw) = 0;

protected:
    ~CallHandler() = default;
};

class Runtime final : public RootSource {
public:
    explicit Runtime(HeapOptions options = {});
    ~Runtime();
    Runtime(const Runtime&) = delete;
    Runtime& operator=(const Runtime&) = delete;

    Heap& heap() { return m_heap; }
    AtomTable& atoms() { return m_atoms; }

    // --- strings, keys, symbols -----------------------------------------------------------
    String* empty_string() const { return m_empty_string; }
    String* string(std::string_view utf8) { return String::from_utf8(m_heap, utf8); }
    PropertyKey key(std::string_view utf8) { return m_atoms.key(utf8); }
    PropertyKey common_key(CommonAtom which) const {
        return PropertyKey::atom(m_common_atoms[static_cast<size_t>(which)]);
    }
    Symbol* well_known_symbol(WellKnownSymbol which) const {
        return m_well_known[static_cast<size_t>(which)];
    }
    Symbol* make_symbol(String* description) { return m_heap.allocate<Symbol>(description); }

    // --- shapes ---------------------------------------------------------------------------
    Shape* root_shape() const { return m_root_shape; }
    Shape* dictionary_shape() const { return m_dictionary_shape; }

    // --- intrinsics, installed by the built-ins (null until then) -------------------------
    Object* object_prototype() const { return m_object_prototype; }
    Object* function_prototype() const { return m_function_prototype; }
    Object* array_prototype() const { return m_array_prototype; }
    // The other intrinsics the built-ins create (model/js/builtins/intrinsics.def).
    Object* intrinsic(Intrinsic which) const { return m_intrinsics[static_cast<size_t>(which)]; }
    void set_intrinsic(Intrinsic which, Object* o) { m_intrinsics[static_cast<size_t>(which)] = o; }
    Object* error_prototype(ErrorType type) const {
        return m_error_prototypes[static_cast<size_t>(type)];
    }
    void set_object_prototype(Object* o) { m_object_prototype = o; }
    void set_function_prototype(Object* o) { m_function_prototype = o; }
    void set_array_prototype(Object* o) { m_array_prototype = o; }
    void set_error_prototype(ErrorType type, Object* o) {
        m_error_prototypes[static_cast<size_t>(type)] = o;
    }
    // %Promise% and %Promise.prototype% (install_promise, model/js/promise.h).
    Object* promise_constructor() const { return m_promise_constructor; }
    Object* promise_prototype() const { return m_promise_prototype; }
    void set_promise_constructor(Object* o) { m_promise_constructor = o; }
    void set_promise_prototype(Object* o) { m_promise_prototype = o; }

    // --- calling into JS ------------------------------------------------------------------
    void set_call_handler(CallHandler* handler) { m_call_handler = handler; }
    CallHandler* call_handler() const { return m_call_handler; }
    // [[Call]]: throws a TypeError if `callee` is not callable.
    Completion call(Value callee, Value this_value, std::span<const Value> args);
    static bool is_callable(Value value);
    // [[Construct]]: throws a TypeError if `callee` is not a constructor. `new_target`
    // defaults to the callee itself.
    Completion construct(Value callee, std::span<const Value> args, Object* new_target = nullptr);
    bool is_constructor(Value value) const;
    // GetPrototypeFromConstructor: new_target.prototype if it is an object, else `fallback`.
    ThrowCompletionOr<Object*> prototype_from_constructor(Object& new_target, Object* fallback);

    // --- the embedder ----------------------------------------------------------------------
    // The host (model/node) that receives promise jobs, rejection events, costs and the
    // clock (host.h). Null in unit tests of this layer.
    void set_host(Host* host) { m_host = host; }
    Host* host() const { return m_host; }
    // The stream behind Math.random: seeded per runtime, never from the machine.
    sim::Rng& random() { return m_random; }
    void set_random_seed(uint64_t seed) { m_random = sim::Rng(seed); }
    // Promise work the host does for itself (Node's ES module loader, events.once): while a
    // HostPromiseScope is open, reactions registered and thenable jobs queued are the host's
    // own, and so are the jobs they lead to (Job::is_internal). Traces mark them so.
    bool in_host_promise_scope() const { return m_host_promise_depth > 0; }
    class HostPromiseScope {
    public:
        explicit HostPromiseScope(Runtime& runtime) : m_runtime(runtime) {
            ++m_runtime.m_host_promise_depth;
        }
        ~HostPromiseScope() { --m_runtime.m_host_promise_depth; }
        HostPromiseScope(const HostPromiseScope&) = delete;
        HostPromiseScope& operator=(const HostPromiseScope&) = delete;

    private:
        Runtime& m_runtime;
    };

    // --- errors ---------------------------------------------------------------------------
    // A new error object: prototype error_prototype(type) (or object_prototype), with an
    // own non-enumerable "message" (and "name" when no error prototype is installed).
    Object* make_error(ErrorType type, std::string_view message);
    ThrowCompletion throw_error(ErrorType type, std::string_view message);
    // The message of the ReferenceError for a name that resolves nowhere: "NAME is not
    // defined", and for a global that JavaScript or the host has and loopsim does not model
    // (Reflect, structuredClone, ...), a clause saying so and where the ones it has are
    // listed, so that a scenario using one does not read as a typo.
    std::string not_defined_message(std::string_view name) const;
    // The host's globals that loopsim does not model: `sorted_names` (in ascending order, with
    // static storage), each "not modelled yet" with `where_listed` (static too).
    void set_host_unmodelled_globals(std::span<const std::string_view> sorted_names,
                                     std::string_view where_listed) {
        m_host_unmodelled = sorted_names;
        m_host_unmodelled_where = where_listed;
    }
    // A function the host has under a dotted name ("fs.watch", as a call site spells it), and
    // the page that lists what loopsim has of that object.
    struct HostMember {
        std::string_view name;
        std::string_view where_listed;
    };
    // The message of the TypeError for a call of something that is not a function: "TEXT is
    // not a function", `callee` the call site's text. When the host's real counterpart has a
    // function of that name (`sorted_members`, set below, in ascending order of name), a
    // clause says loopsim does not model it yet, and where what it has is listed.
    std::string not_a_function_message(std::string_view callee) const;
    void set_host_members(std::span<const HostMember> sorted_members) {
        m_host_members = sorted_members;
    }

    // Prototypes whose instances stack traces name otherwise than by their constructor (V8
    // names an AbortSignal receiver "EventTarget"): receiver_type_name asks about the
    // receiver's own prototype first. The runtime keeps the prototypes alive.
    void set_receiver_type_name(Object& prototype, std::string name) {
        m_receiver_type_names.emplace_back(&prototype, std::move(name));
    }
    const std::string* receiver_type_name_of(const Object* prototype) const {
        for (const auto& [candidate, name] : m_receiver_type_names)
            if (candidate == prototype) return &name;
        return nullptr;
    }

    void visit_roots(Visitor& visitor) override;

private:
    Heap m_heap;
    std::vector<std::pair<Object*, std::string>> m_receiver_type_names;
    uint32_t m_host_promise_depth = 0;
    AtomTable m_atoms;
    String* m_empty_string = nullptr;
    std::array<String*, static_cast<size_t>(CommonAtom::Count)> m_common_atoms{};
    std::array<Symbol*, static_cast<size_t>(WellKnownSymbol::Count)> m_well_known{};
    Shape* m_root_shape = nullptr;
    Shape* m_dictionary_shape = nullptr;
    Object* m_object_prototype = nullptr;
    Object* m_function_prototype = nullptr;
    Object* m_array_prototype = nullptr;
    std::array<Object*, static_cast<size_t>(ErrorType::Count)> m_error_prototypes{};
    Object* m_promise_constructor = nullptr;
    Object* m_promise_prototype = nullptr;
    std::array<Object*, static_cast<size_t>(Intrinsic::Count)> m_intrinsics{};
    sim::Rng m_random{0};
    CallHandler* m_call_handler = nullptr;
    Host* m_host = nullptr;
    std::span<const std::string_view> m_host_unmodelled;
    std::string_view m_host_unmodelled_where;
    std::span<const HostMember> m_host_members;
};

} // namespace loopsim::js
