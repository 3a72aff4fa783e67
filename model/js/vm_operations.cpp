// VM slow paths: property access on any value, the operators' full semantics, iteration and
// the object helpers literals and patterns need. Messages are V8's (checked with node 20).
#include "model/js/array.h"
#include "model/js/builtins/builtin_support.h"
#include "model/js/conversions.h"
#include "model/js/function.h"
#include "model/js/promise.h"
#include "model/js/vm.h"

#include <cmath>

namespace loopsim::js::vm_ops {

namespace {

std::string key_text(PropertyKey key) {
    if (key.is_index()) return std::to_string(key.as_index());
    if (key.is_symbol()) return key.as_symbol()->descriptive_string();
    return key.as_string()->to_utf8();
}

double js_mod(double a, double b) {
    // Integers below 2^53 in magnitude, the usual `i % n`: the int64 remainder is exact and,
    // as in JavaScript, takes the dividend's sign (a zero keeps it: -6 % 3 is -0).
    constexpr double k_exact = 9007199254740992.0; // 2^53
    if (std::fabs(a) < k_exact && std::fabs(b) < k_exact) {
        const auto ia = static_cast<int64_t>(a);
        const auto ib = static_cast<int64_t>(b);
        if (static_cast<double>(ia) == a && static_cast<double>(ib) == b && ib != 0) {
            const int64_t r = ia % ib;
            if (r == 0) return std::signbit(a) ? -0.0 : 0.0;
            return static_cast<double>(r);
        }
    }
    return std::fmod(a, b);
}

} // namespace

std::string describe(VM& vm, Value value) {
    if (value.is_undefined()) return "undefined";
    if (value.is_null()) return "null";
    if (value.is_boolean()) return value.as_bool() ? "true" : "false";
    if (value.is_number()) return number_to_string(value.as_number());
    if (value.is_string()) return "\"" + value.as_string()->to_utf8() + "\"";
    if (value.is_symbol()) return value.as_symbol()->descriptive_string();
    if (Runtime::is_callable(value)) return "function";
    return "object";
}

ThrowCompletionOr<void> set_function_name(VM& vm, Object& function, PropertyKey key,
                                          std::string_view prefix) {
    Runtime& rt = vm.runtime();
    String* name = rt.empty_string();
    if (key.is_index()) {
        name = number_to_js_string(rt, key.as_index());
    } else if (key.is_string()) {
        name = key.as_string();
    } else if (String* description = key.as_symbol()->description()) {
        name = String::concat(rt.heap(), rt.string("["), description);
        name = String::concat(rt.heap(), name, rt.string("]"));
    }
    if (!prefix.empty()) name = String::concat(rt.heap(), rt.string(prefix), name);
    PropertyDescriptor d = PropertyDescriptor::data(Value(name), attr::Configurable);
    LOOPSIM_TRY(function.define_own_property(rt, rt.common_key(CommonAtom::Name), d));
    return {};
}

Completion get_property(VM& vm, Value base, PropertyKey key) {
    Runtime& rt = vm.runtime();
    if (base.is_object()) return base.as_object()->get(rt, key, base);
    if (base.is_nullish()) {
        return vm.throw_error(ErrorType::TypeError, std::string("Cannot read properties of ") +
                                                        (base.is_null() ? "null" : "undefined") +
                                                        " (reading '" + key_text(key) + "')");
    }
    if (base.is_string()) {
        String* s = base.as_string();
        if (key.is_string() && key.as_string()->common_atom() == CommonAtom::Length)
            return Value(static_cast<int32_t>(s->length()));
        if (key.is_index()) {
            if (key.as_index() < s->length()) {
                s->flatten(rt.heap());
                return Value(String::from_code_unit(rt.heap(), s->code_unit_at(key.as_index())));
            }
        }
    }
    Object* proto = nullptr;
    if (base.is_string())
        proto = rt.intrinsic(Intrinsic::StringPrototype);
    else if (base.is_number())
        proto = rt.intrinsic(Intrinsic::NumberPrototype);
    else if (base.is_boolean())
        proto = rt.intrinsic(Intrinsic::BooleanPrototype);
    else if (base.is_symbol())
        proto = rt.intrinsic(Intrinsic::SymbolPrototype);
    if (!proto) return Value();
    return proto->get(rt, key, base);
}

ThrowCompletionOr<void> set_property(VM& vm, Value base, PropertyKey key, Value value,
                                     bool strict) {
    Runtime& rt = vm.runtime();
    if (base.is_nullish()) {
        return vm.throw_error(ErrorType::TypeError, std::string("Cannot set properties of ") +
                                                        (base.is_null() ? "null" : "undefined") +
                                                        " (setting '" + key_text(key) + "')");
    }
    if (!base.is_object()) {
        if (!strict) return {};
        // A string's indices and length are its own read-only properties.
        bool own =
            base.is_string() && ((key.is_index() && key.as_index() < base.as_string()->length()) ||
                                 key == rt.common_key(CommonAtom::Length));
        std::string what = std::string(typeof_string(base)) + " '" + describe_value(rt, base) + "'";
        if (own)
            return vm.throw_error(ErrorType::TypeError, "Cannot assign to read only property '" +
                                                            key_text(key) + "' of " + what);
        return vm.throw_error(ErrorType::TypeError,
                              "Cannot create property '" + key_text(key) + "' on " + what);
    }
    bool ok = LOOPSIM_TRY(base.as_object()->set(rt, key, value, base));
    if (!ok && strict)
        return vm.throw_error(ErrorType::TypeError,
                              set_failure_message(rt, *base.as_object(), key, base));
    return {};
}

Completion get_keyed(VM& vm, Value base, Value key) {
    if (base.is_nullish()) {
        String* text = LOOPSIM_TRY(to_string(
            vm.runtime(), key.is_symbol()
                              ? Value(vm.runtime().string(key.as_symbol()->descriptive_string()))
                              : key));
        return vm.throw_error(ErrorType::TypeError, std::string("Cannot read properties of ") +
                                                        (base.is_null() ? "null" : "undefined") +
                                                        " (reading '" + text->to_utf8() + "')");
    }
    PropertyKey k = LOOPSIM_TRY(to_property_key(vm.runtime(), key));
    return get_property(vm, base, k);
}

ThrowCompletionOr<void> set_keyed(VM& vm, Value base, Value key, Value value, bool strict) {
    if (base.is_nullish()) {
        String* text = LOOPSIM_TRY(to_string(
            vm.runtime(), key.is_symbol()
                              ? Value(vm.runtime().string(key.as_symbol()->descriptive_string()))
                              : key));
        return vm.throw_error(ErrorType::TypeError, std::string("Cannot set properties of ") +
                                                        (base.is_null() ? "null" : "undefined") +
                                                        " (setting '" + text->to_utf8() + "')");
    }
    PropertyKey k = LOOPSIM_TRY(to_property_key(vm.runtime(), key));
    return set_property(vm, base, k, value, strict);
}

Completion add(VM& vm, Value left, Value right) {
    Runtime& rt = vm.runtime();
    if (left.is_number() && right.is_number())
        return Value::number(left.as_number() + right.as_number());
    Value lp = LOOPSIM_TRY(to_primitive(rt, left));
    Value rp = LOOPSIM_TRY(to_primitive(rt, right));
    if (lp.is_string() || rp.is_string()) {
        String* ls = LOOPSIM_TRY(to_string(rt, lp));
        String* rs = LOOPSIM_TRY(to_string(rt, rp));
        if (uint64_t{ls->length()} + rs->length() > String::kMaxLength)
            return vm.throw_error(ErrorType::RangeError, "Invalid string length");
        return Value(String::concat(rt.heap(), ls, rs));
    }
    double a = LOOPSIM_TRY(to_number(rt, lp));
    double b = LOOPSIM_TRY(to_number(rt, rp));
    return Value::number(a + b);
}

namespace {

// IsLessThan (§7.2.13): true, false, or undefined (NaN involved) as an empty Value.
ThrowCompletionOr<int> less_than(VM& vm, Value x, Value y, bool left_first) {
    Runtime& rt = vm.runtime();
    Value px, py;
    if (left_first) {
        px = LOOPSIM_TRY(to_primitive(rt, x, PreferredType::Number));
        py = LOOPSIM_TRY(to_primitive(rt, y, PreferredType::Number));
    } else {
        py = LOOPSIM_TRY(to_primitive(rt, y, PreferredType::Number));
        px = LOOPSIM_TRY(to_primitive(rt, x, PreferredType::Number));
    }
    if (px.is_string() && py.is_string())
        return String::compare(px.as_string(), py.as_string()) < 0 ? 1 : 0;
    double a = LOOPSIM_TRY(to_number(rt, px));
    double b = LOOPSIM_TRY(to_number(rt, py));
    if (std::isnan(a) || std::isnan(b)) return -1;
    return a < b ? 1 : 0;
}

} // namespace

Completion binary(VM& vm, Opcode op, Value left, Value right) {
    Runtime& rt = vm.runtime();
    switch (op) {
    case Opcode::Add:
        return add(vm, left, right);
    case Opcode::Lt: {
        int r = LOOPSIM_TRY(less_than(vm, left, right, true));
        return Value(r == 1);
    }
    case Opcode::Gt: {
        int r = LOOPSIM_TRY(less_than(vm, right, left, false));
        return Value(r == 1);
    }
    case Opcode::Le: {
        int r = LOOPSIM_TRY(less_than(vm, right, left, false));
        return Value(r == 0);
    }
    case Opcode::Ge: {
        int r = LOOPSIM_TRY(less_than(vm, left, right, true));
        return Value(r == 0);
    }
    case Opcode::Eq:
        return Value(LOOPSIM_TRY(is_loosely_equal(rt, left, right)));
    case Opcode::Ne:
        return Value(!LOOPSIM_TRY(is_loosely_equal(rt, left, right)));
    case Opcode::StrictEq:
        return Value(is_strictly_equal(left, right));
    case Opcode::StrictNe:
        return Value(!is_strictly_equal(left, right));
    case Opcode::In:
        return has_property(vm, left, right);
    case Opcode::Instanceof:
        return instance_of(vm, left, right);
    default:
        break;
    }
    double a = LOOPSIM_TRY(to_number(rt, left));
    double b = LOOPSIM_TRY(to_number(rt, right));
    switch (op) {
    case Opcode::Sub:
        return Value::number(a - b);
    case Opcode::Mul:
        return Value::number(a * b);
    case Opcode::Div:
        return Value::number(a / b);
    case Opcode::Mod:
        return Value::number(js_mod(a, b));
    case Opcode::Exp:
        if (std::isnan(b) || ((a == 1 || a == -1) && std::isinf(b))) return Value(std::nan(""));
        return Value::number(std::pow(a, b));
    case Opcode::Shl:
        return Value(
            static_cast<int32_t>(static_cast<uint32_t>(to_int32(a)) << (to_uint32(b) & 31)));
    case Opcode::Sar:
        return Value(to_int32(a) >> (to_uint32(b) & 31));
    case Opcode::Shr:
        return Value::number(static_cast<double>(to_uint32(a) >> (to_uint32(b) & 31)));
    case Opcode::BitAnd:
        return Value(to_int32(a) & to_int32(b));
    case Opcode::BitOr:
        return Value(to_int32(a) | to_int32(b));
    case Opcode::BitXor:
        return Value(to_int32(a) ^ to_int32(b));
    default:
        break;
    }
    LOOPSIM_ASSERT(false, "binary: not a binary opcode");
    return Value();
}

Completion negate(VM& vm, Value value) {
    double d = LOOPSIM_TRY(to_number(vm.runtime(), value));
    return Value::number(-d);
}

Completion bit_not(VM& vm, Value value) {
    double d = LOOPSIM_TRY(to_number(vm.runtime(), value));
    return Value(~to_int32(d));
}

// InstanceofOperator (§13.10.2) and OrdinaryHasInstance (§7.3.21).
Completion instance_of(VM& vm, Value value, Value target) {
    Runtime& rt = vm.runtime();
    if (!target.is_object())
        return vm.throw_error(ErrorType::TypeError,
                              "Right-hand side of 'instanceof' is not an object");
    Value method = LOOPSIM_TRY(target.as_object()->get(
        rt, PropertyKey::symbol(rt.well_known_symbol(WellKnownSymbol::HasInstance)), target));
    if (!method.is_nullish()) {
        if (!Runtime::is_callable(method))
            return vm.throw_error(ErrorType::TypeError, "Symbol.hasInstance is not a function");
        Value result = LOOPSIM_TRY(rt.call(method, target, std::span<const Value>(&value, 1)));
        return Value(to_boolean(result));
    }
    if (!Runtime::is_callable(target))
        return vm.throw_error(ErrorType::TypeError,
                              "Right-hand side of 'instanceof' is not callable");
    if (!value.is_object()) return Value(false);
    Value proto =
        LOOPSIM_TRY(target.as_object()->get(rt, rt.common_key(CommonAtom::Prototype), target));
    if (!proto.is_object())
        return vm.throw_error(ErrorType::TypeError, "Function has non-object prototype '" +
                                                        describe(vm, proto) +
                                                        "' in instanceof check");
    for (Object* o = value.as_object()->prototype(); o; o = o->prototype()) {
        if (o == proto.as_object()) return Value(true);
    }
    return Value(false);
}

Completion has_property(VM& vm, Value key, Value target) {
    if (!target.is_object()) {
        String* text = LOOPSIM_TRY(to_string(
            vm.runtime(), key.is_symbol()
                              ? Value(vm.runtime().string(key.as_symbol()->descriptive_string()))
                              : key));
        return vm.throw_error(
            ErrorType::TypeError,
            "Cannot use 'in' operator to search for '" + text->to_utf8() + "' in " +
                (target.is_string() ? target.as_string()->to_utf8() : describe(vm, target)));
    }
    PropertyKey k = LOOPSIM_TRY(to_property_key(vm.runtime(), key));
    return Value(target.as_object()->has_property(k));
}

// --- iteration ------------------------------------------------------------------------------

namespace {
constexpr int32_t kGeneric = 0, kArray = 1, kString = 2, kDone = 3;

bool is_pristine_array(Runtime& rt, Value v) {
    if (!v.is_object() || v.as_cell()->kind() != CellKind::Array) return false;
    Object* values = rt.intrinsic(Intrinsic::ArrayPrototypeValues);
    PropertyKey it = PropertyKey::symbol(rt.well_known_symbol(WellKnownSymbol::Iterator));
    Object* o = v.as_object();
    if (o->has_own_property(it)) return false;
    Object* proto = o->prototype();
    if (!proto) return true;
    if (!values) return !proto->has_property(it);
    OwnProperty own;
    return proto == rt.array_prototype() && proto->lookup_own(it, own) &&
           own.value.is_same_bits(Value(values));
}
} // namespace

ThrowCompletionOr<void> get_iterator(VM& vm, Value iterable, Value* record, std::string_view text) {
    Runtime& rt = vm.runtime();
    if (is_pristine_array(rt, iterable)) {
        record[0] = iterable;
        record[1] = Value(0);
        record[2] = Value(kArray);
        return {};
    }
    if (iterable.is_string()) {
        iterable.as_string()->flatten(rt.heap());
        record[0] = iterable;
        record[1] = Value(0);
        record[2] = Value(kString);
        return {};
    }
    Value method;
    if (!iterable.is_nullish()) {
        method = LOOPSIM_TRY(get_property(
            vm, iterable, PropertyKey::symbol(rt.well_known_symbol(WellKnownSymbol::Iterator))));
    }
    if (!Runtime::is_callable(method)) {
        if (!text.empty())
            return vm.throw_error(ErrorType::TypeError, std::string(text) + " is not iterable");
        const std::string described = iterable.is_object()   ? std::string("object")
                                      : iterable.is_string() ? iterable.as_string()->to_utf8()
                                                             : describe(vm, iterable);
        return vm.throw_error(ErrorType::TypeError, described + " is not iterable");
    }
    Value iterator = LOOPSIM_TRY(rt.call(method, iterable, {}));
    if (!iterator.is_object())
        return vm.throw_error(ErrorType::TypeError,
                              "Result of the Symbol.iterator method is not an object");
    Value next =
        LOOPSIM_TRY(iterator.as_object()->get(rt, rt.common_key(CommonAtom::Next), iterator));
    record[0] = iterator;
    record[1] = next;
    record[2] = Value(kGeneric);
    return {};
}

Completion iterator_next(VM& vm, Value* record) {
    Runtime& rt = vm.runtime();
    int32_t mode = record[2].as_int32();
    if (mode == kDone) return Value::empty();
    if (mode == kArray) {
        auto* array = static_cast<Array*>(record[0].as_object());
        int32_t i = record[1].as_int32();
        if (static_cast<uint32_t>(i) >= array->length()) {
            record[2] = Value(kDone);
            return Value::empty();
        }
        record[1] = Value(i + 1);
        const Elements& e = array->elements();
        if (e.is_dense() && static_cast<size_t>(i) < e.dense().size() && !e.dense()[i].is_empty())
            return e.dense()[i];
        return array->get(rt, PropertyKey::index(static_cast<uint32_t>(i)), record[0]);
    }
    if (mode == kString) {
        String* s = record[0].as_string();
        int32_t i = record[1].as_int32();
        if (static_cast<uint32_t>(i) >= s->length()) {
            record[2] = Value(kDone);
            return Value::empty();
        }
        uint32_t end = static_cast<uint32_t>(i) + 1;
        char16_t c = s->code_unit_at(i);
        if (c >= 0xD800 && c <= 0xDBFF && end < s->length()) {
            char16_t d = s->code_unit_at(end);
            if (d >= 0xDC00 && d <= 0xDFFF) ++end;
        }
        record[1] = Value(static_cast<int32_t>(end));
        return Value(s->substring(rt.heap(), static_cast<uint32_t>(i), end));
    }
    Value result = LOOPSIM_TRY(rt.call(record[1], record[0], {}));
    if (!result.is_object())
        return vm.throw_error(ErrorType::TypeError,
                              "Iterator result " + describe(vm, result) + " is not an object");
    Value done = LOOPSIM_TRY(result.as_object()->get(rt, rt.common_key(CommonAtom::Done), result));
    if (to_boolean(done)) {
        record[2] = Value(kDone);
        return Value::empty();
    }
    return result.as_object()->get(rt, rt.common_key(CommonAtom::Value), result);
}

// --- for await: CreateAsyncFromSyncIterator (ECMA-262 §27.1.6) ----------------------------
namespace {

// The sync iterator an async-from-sync iterator wraps: [iterator, next method].
struct SyncRecord {
    Value iterator;
    Value next;
};

SyncRecord sync_record_of(NativeFunction& callee) {
    auto* state = static_cast<Array*>(callee.data().as_object());
    return {state->elements().dense()[0], state->elements().dense()[1]};
}

// The closure AsyncFromSyncIteratorContinuation makes: value -> { value, done }.
Completion unwrap_fulfilled(Runtime& rt, NativeFunction& callee, Value,
                            std::span<const Value> args) {
    return Value(create_iter_result(rt, args.empty() ? Value() : args[0], callee.data().as_bool()));
}

// AsyncFromSyncIteratorContinuation(result, promiseCapability): the sync result's value,
// awaited through PromiseResolve, becomes { value, done } of the returned promise (one job
// for a value that is not a pending promise). An abrupt step rejects the promise.
Completion continuation(Runtime& rt, Value result, Object& capability) {
    Root<Object> promise(rt.heap(), &capability);
    RootedValue rooted_result(rt.heap(), result);
    const auto reject = [&](Value reason) {
        reject_promise(rt, *promise, reason);
        return Value(promise.get());
    };
    Completion done = result.as_object()->get(rt, rt.common_key(CommonAtom::Done), result);
    if (done.is_throw()) return reject(done.thrown_value());
    const bool is_done = to_boolean(done.value());
    Completion value = rooted_result.get().as_object()->get(rt, rt.common_key(CommonAtom::Value),
                                                            rooted_result.get());
    if (value.is_throw()) return reject(value.thrown_value());
    Completion wrapper = promise_resolve(rt, value.value());
    if (wrapper.is_throw()) return reject(wrapper.thrown_value());
    Root<Object> value_wrapper(rt.heap(), wrapper.value().as_object());
    Value on_fulfilled(NativeFunction::create(rt, "", 1, unwrap_fulfilled, Value(is_done)));
    perform_promise_then(rt, *value_wrapper, on_fulfilled, Value(), promise.get());
    return Value(promise.get());
}

// What the sync iterator's next() or return() gave, as the async step's promise: a throw or
// a result that is not an object rejects it; a result goes on through the continuation.
Completion settle_step(Runtime& rt, const Completion& result, Object& capability) {
    if (result.is_throw()) {
        reject_promise(rt, capability, result.thrown_value());
        return Value(&capability);
    }
    if (!result.value().is_object()) {
        reject_promise(rt, capability, Value(iterator_result_error(rt, result.value())));
        return Value(&capability);
    }
    return continuation(rt, result.value(), capability);
}

Completion async_from_sync_next(Runtime& rt, NativeFunction& callee, Value,
                                std::span<const Value> args) {
    SyncRecord sync = sync_record_of(callee);
    Root<Object> promise(rt.heap(), new_promise(rt));
    Completion result = args.empty() ? rt.call(sync.next, sync.iterator, {})
                                     : rt.call(sync.next, sync.iterator, args.first(1));
    return settle_step(rt, result, *promise);
}

Completion async_from_sync_return(Runtime& rt, NativeFunction& callee, Value,
                                  std::span<const Value> args) {
    SyncRecord sync = sync_record_of(callee);
    Root<Object> promise(rt.heap(), new_promise(rt));
    RootedValue iterator(rt.heap(), sync.iterator);
    Completion method = sync.iterator.as_object()->get(rt, rt.key("return"), sync.iterator);
    if (method.is_throw()) {
        reject_promise(rt, *promise, method.thrown_value());
        return Value(promise.get());
    }
    if (method.value().is_nullish()) {
        resolve_promise(rt, *promise,
                        Value(create_iter_result(rt, args.empty() ? Value() : args[0], true)));
        return Value(promise.get());
    }
    Completion result = args.empty() ? rt.call(method.value(), iterator.get(), {})
                                     : rt.call(method.value(), iterator.get(), args.first(1));
    return settle_step(rt, result, *promise);
}

} // namespace

Object* iterator_result_error(Runtime& runtime, Value result) {
    return runtime.make_error(ErrorType::TypeError, "Iterator result " +
                                                        describe_value(runtime, result) +
                                                        " is not an object");
}

ThrowCompletionOr<void> check_iterator_result(VM& vm, Value result) {
    if (result.is_object()) return {};
    return ThrowCompletion{Value(iterator_result_error(vm.runtime(), result))};
}

ThrowCompletionOr<void> get_async_iterator(VM& vm, Value iterable, Value* record,
                                           std::string_view text) {
    Runtime& rt = vm.runtime();
    const PropertyKey async_key =
        PropertyKey::symbol(rt.well_known_symbol(WellKnownSymbol::AsyncIterator));
    if (iterable.is_nullish())
        return vm.throw_error(ErrorType::TypeError,
                              std::string("Cannot read properties of ") +
                                  (iterable.is_null() ? "null" : "undefined") +
                                  " (reading 'Symbol(Symbol.asyncIterator)')");
    Value method = LOOPSIM_TRY(get_property(vm, iterable, async_key));
    if (method.is_nullish()) {
        // CreateAsyncFromSyncIterator(GetIterator(obj, sync)).
        Value sync_method = LOOPSIM_TRY(get_property(
            vm, iterable, PropertyKey::symbol(rt.well_known_symbol(WellKnownSymbol::Iterator))));
        if (!Runtime::is_callable(sync_method))
            return vm.throw_error(ErrorType::TypeError,
                                  std::string(text) + " is not async iterable");
        Value iterator = LOOPSIM_TRY(rt.call(sync_method, iterable, {}));
        if (!iterator.is_object())
            return vm.throw_error(ErrorType::TypeError,
                                  "Result of the Symbol.iterator method is not an object");
        RootedValue rooted_iterator(rt.heap(), iterator);
        Value next =
            LOOPSIM_TRY(iterator.as_object()->get(rt, rt.common_key(CommonAtom::Next), iterator));
        const Value state_values[] = {rooted_iterator.get(), next};
        Root<Array> state(rt.heap(), Array::create_from(rt, state_values));
        // Never reachable from the script: only the loop holds it, so its methods may be own.
        Root<Object> wrapper(rt.heap(), Object::create(rt, rt.object_prototype()));
        Value next_fn(
            NativeFunction::create(rt, "next", 1, async_from_sync_next, Value(state.get())));
        wrapper->put_direct(rt, rt.common_key(CommonAtom::Next), next_fn, attr::Builtin);
        wrapper->put_direct(rt, rt.key("return"),
                            Value(NativeFunction::create(rt, "return", 1, async_from_sync_return,
                                                         Value(state.get()))),
                            attr::Builtin);
        record[0] = Value(wrapper.get());
        record[1] = next_fn;
        record[2] = Value();
        return {};
    }
    if (!Runtime::is_callable(method))
        return vm.throw_error(ErrorType::TypeError, std::string(text) + " is not async iterable");
    Value iterator = LOOPSIM_TRY(rt.call(method, iterable, {}));
    if (!iterator.is_object())
        return vm.throw_error(ErrorType::TypeError,
                              "Result of the Symbol.asyncIterator method is not an object");
    RootedValue rooted_iterator(rt.heap(), iterator);
    Value next =
        LOOPSIM_TRY(iterator.as_object()->get(rt, rt.common_key(CommonAtom::Next), iterator));
    // The loop's first step would call it at once: V8 names the value it found.
    if (!Runtime::is_callable(next))
        return vm.throw_error(ErrorType::TypeError,
                              describe_value(rt, next) + " is not a function");
    record[0] = rooted_iterator.get();
    record[1] = next;
    record[2] = Value();
    return {};
}

ThrowCompletionOr<void> iterator_close(VM& vm, Value* record) {
    Runtime& rt = vm.runtime();
    if (record[2].as_int32() != kGeneric) return {};
    record[2] = Value(kDone);
    Value iterator = record[0];
    Value method = LOOPSIM_TRY(get_property(vm, iterator, rt.key("return")));
    if (method.is_nullish()) return {};
    Value result = LOOPSIM_TRY(rt.call(method, iterator, {}));
    if (!result.is_object())
        return vm.throw_error(ErrorType::TypeError,
                              "Iterator result " + describe(vm, result) + " is not an object");
    return {};
}

Completion iterator_rest(VM& vm, Value* record) {
    Runtime& rt = vm.runtime();
    Array* array = Array::create(rt);
    RootedValue keep(rt.heap(), Value(array));
    for (;;) {
        Value v = LOOPSIM_TRY(iterator_next(vm, record));
        if (v.is_empty()) break;
        array->push(rt, v);
    }
    return Value(array);
}

ThrowCompletionOr<void> append_spread(VM& vm, Object& array, Value iterable) {
    Runtime& rt = vm.runtime();
    RootedVector record(rt.heap());
    record.values().resize(3);
    LOOPSIM_TRY(get_iterator(vm, iterable, record.values().data()));
    auto& a = static_cast<Array&>(array);
    for (;;) {
        Value v = LOOPSIM_TRY(iterator_next(vm, record.values().data()));
        if (v.is_empty()) break;
        a.push(rt, v);
    }
    return {};
}

// The keys for-in visits: enumerable string keys of the object and its prototypes, each
// once, in OrdinaryOwnPropertyKeys order per object.
Completion for_in_keys(VM& vm, Value object) {
    Runtime& rt = vm.runtime();
    Array* keys = Array::create(rt);
    if (object.is_nullish()) return Value(keys);
    if (object.is_string()) {
        for (uint32_t i = 0; i < object.as_string()->length(); ++i)
            keys->push(rt, Value(number_to_js_string(rt, i)));
        return Value(keys);
    }
    if (!object.is_object()) return Value(keys);
    std::vector<PropertyKey> seen;
    for (Object* o = object.as_object(); o; o = o->prototype()) {
        for (PropertyKey k : o->own_property_keys(rt)) {
            if (k.is_symbol()) continue;
            if (std::find(seen.begin(), seen.end(), k) != seen.end()) continue;
            seen.push_back(k);
            OwnProperty p;
            if (!o->lookup_own(k, p) || !(p.attributes & attr::Enumerable)) continue;
            if (k.is_index())
                keys->push(rt, Value(number_to_js_string(rt, k.as_index())));
            else
                keys->push(rt, Value(k.as_string()));
        }
    }
    return Value(keys);
}

ThrowCompletionOr<void> copy_data_properties(VM& vm, Object& target, Value source,
                                             std::span<const Value> excluded) {
    Runtime& rt = vm.runtime();
    if (source.is_nullish()) return {};
    if (source.is_string()) {
        String* s = source.as_string();
        s->flatten(rt.heap());
        for (uint32_t i = 0; i < s->length(); ++i)
            LOOPSIM_TRY(target.create_data_property(
                rt, PropertyKey::index(i),
                Value(String::from_code_unit(rt.heap(), s->code_unit_at(i)))));
        return {};
    }
    if (!source.is_object()) return {};
    Object* from = source.as_object();
    std::vector<PropertyKey> ex;
    for (Value e : excluded) ex.push_back(LOOPSIM_TRY(to_property_key(rt, e)));
    for (PropertyKey k : from->own_property_keys(rt)) {
        if (std::find(ex.begin(), ex.end(), k) != ex.end()) continue;
        OwnProperty p;
        if (!from->lookup_own(k, p) || !(p.attributes & attr::Enumerable)) continue;
        Value v = LOOPSIM_TRY(from->get(rt, k, source));
        LOOPSIM_TRY(target.create_data_property(rt, k, v));
    }
    return {};
}

Value create_arguments(VM& vm, std::span<const Value> args) {
    Runtime& rt = vm.runtime();
    Object* o = Object::create(rt, rt.object_prototype());
    for (uint32_t i = 0; i < args.size(); ++i) o->put_direct(rt, PropertyKey::index(i), args[i]);
    o->put_direct(rt, rt.common_key(CommonAtom::Length), Value(static_cast<int32_t>(args.size())),
                  attr::Builtin);
    if (Object* values = rt.intrinsic(Intrinsic::ArrayPrototypeValues))
        o->put_direct(rt, PropertyKey::symbol(rt.well_known_symbol(WellKnownSymbol::Iterator)),
                      Value(values), attr::Builtin);
    return Value(o);
}

} // namespace loopsim::js::vm_ops
