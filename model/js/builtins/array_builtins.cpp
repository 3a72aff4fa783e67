// The Array constructor and the Array.prototype methods that do not take a callback
// (ECMA-262 §23.1). Every method is generic (works on array-likes) and goes through
// [[Get]]/[[Set]]/[[HasProperty]]/[[Delete]], so holes, getters and inherited elements
// behave as in V8. The callback methods and sort are in array_callback_builtins.cpp.
#include "model/js/builtins/array_methods.h"
#include "model/js/builtins/builtin_support.h"
#include "model/js/builtins/install.h"
#include "model/js/builtins/iteration.h"
#include "model/js/builtins/to_object.h"

#include <cmath>

namespace loopsim::js {

ThrowCompletionOr<Object*> this_array_like(Runtime& rt, Value self, const char* method) {
    if (self.is_nullish())
        return rt.throw_error(ErrorType::TypeError, std::string("Array.prototype.") + method +
                                                        " called on null or undefined");
    return to_object(rt, self);
}

ThrowCompletionOr<void> set_length(Runtime& rt, Object& object, double length) {
    return object.set_or_throw(rt, rt.common_key(CommonAtom::Length), Value::number(length));
}

ThrowCompletionOr<Array*> array_create(Runtime& rt, double length) {
    if (length > Array::kMaxLength)
        return rt.throw_error(ErrorType::RangeError, "Invalid array length");
    return Array::create(rt, static_cast<uint32_t>(length));
}

namespace {

// --- constructor and statics ------------------------------------------------------------------

Completion array_construct(Runtime& rt, NativeFunction&, std::span<const Value> args,
                           Object& new_target) {
    Object* proto = LOOPSIM_TRY(rt.prototype_from_constructor(new_target, rt.array_prototype()));
    Array* array;
    if (args.size() == 1 && args[0].is_number()) {
        double length = args[0].as_number();
        if (length < 0 || length > Array::kMaxLength || length != std::floor(length))
            return rt.throw_error(ErrorType::RangeError, "Invalid array length");
        array = Array::create(rt, static_cast<uint32_t>(length));
    } else {
        array = create_array(rt, args);
    }
    array->set_prototype(proto);
    return Value(array);
}

Completion array_call(Runtime& rt, NativeFunction& callee, Value, std::span<const Value> args) {
    return array_construct(rt, callee, args, callee);
}

Completion array_is_array(Runtime&, NativeFunction&, Value, std::span<const Value> args) {
    return Value(is_array(arg(args, 0)));
}

Completion array_of(Runtime& rt, NativeFunction&, Value, std::span<const Value> args) {
    return Value(create_array(rt, args));
}

Completion array_from(Runtime& rt, NativeFunction&, Value, std::span<const Value> args) {
    Value items = arg(args, 0);
    Value map_fn = arg(args, 1);
    Value this_arg = arg(args, 2);
    if (!map_fn.is_undefined()) LOOPSIM_TRY(require_callable(rt, map_fn));
    Root<Array> result(rt.heap(), Array::create(rt));
    auto map_value = [&](Value value, double k) -> Completion {
        if (map_fn.is_undefined()) return value;
        Value call_args[2] = {value, Value::number(k)};
        return rt.call(map_fn, this_arg, call_args);
    };
    if (items.is_nullish()) return get_iterator(rt, items).release_error();
    PropertyKey iterator_key = PropertyKey::symbol(rt.well_known_symbol(WellKnownSymbol::Iterator));
    Value using_iterator = LOOPSIM_TRY(get_v(rt, items, iterator_key));
    if (!using_iterator.is_nullish()) {
        if (!Runtime::is_callable(using_iterator))
            return rt.throw_error(ErrorType::TypeError,
                                  "%Array%.from requires that the property of the first "
                                  "argument, items[Symbol.iterator], when exists, be a function");
        RootedIteratorRecord iterator(rt.heap());
        iterator.record = LOOPSIM_TRY(get_iterator(rt, items));
        double k = 0;
        while (true) {
            auto next = LOOPSIM_TRY(iterator_step(rt, iterator.record));
            if (!next) break;
            auto mapped = map_value(*next, k);
            if (mapped.is_throw())
                return iterator_close_with_throw(rt, iterator.record, mapped.release_error());
            result->push(rt, mapped.value());
            ++k;
        }
        return Value(result.get());
    }
    Object* array_like = LOOPSIM_TRY(to_object(rt, items));
    Root<Object> rooted(rt.heap(), array_like);
    double length = LOOPSIM_TRY(length_of_array_like(rt, *array_like));
    if (length > Array::kMaxLength)
        return rt.throw_error(ErrorType::RangeError, "Invalid array length");
    for (double k = 0; k < length; ++k) {
        Value value = LOOPSIM_TRY(get_index(rt, *array_like, k));
        Value mapped = LOOPSIM_TRY(map_value(value, k));
        result->push(rt, mapped);
    }
    return Value(result.get());
}

// --- mutators ---------------------------------------------------------------------------------

Completion array_push(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    if (is_array(self) && static_cast<Array*>(self.as_cell())->is_length_writable() &&
        self.as_object()->is_extensible()) {
        auto* array = static_cast<Array*>(self.as_cell());
        if (static_cast<double>(array->length()) + args.size() <= Array::kMaxLength) {
            for (Value v : args) array->push(rt, v);
            return Value::number(array->length());
        }
    }
    Object* object = LOOPSIM_TRY(this_array_like(rt, self, "push"));
    Root<Object> rooted(rt.heap(), object);
    double length = LOOPSIM_TRY(length_of_array_like(rt, *object));
    if (length + args.size() > 9007199254740991.0)
        return rt.throw_error(ErrorType::TypeError, "Pushing " + std::to_string(args.size()) +
                                                        " elements on an array-like of length " +
                                                        number_to_string(length) +
                                                        " is disallowed, as the total surpasses "
                                                        "2**53-1");
    for (Value v : args) LOOPSIM_TRY(set_index(rt, *object, length++, v));
    LOOPSIM_TRY(set_length(rt, *object, length));
    return Value::number(length);
}

Completion array_pop(Runtime& rt, NativeFunction&, Value self, std::span<const Value>) {
    Object* object = LOOPSIM_TRY(this_array_like(rt, self, "pop"));
    Root<Object> rooted(rt.heap(), object);
    double length = LOOPSIM_TRY(length_of_array_like(rt, *object));
    if (length == 0) {
        LOOPSIM_TRY(set_length(rt, *object, 0));
        return Value();
    }
    Value element = LOOPSIM_TRY(get_index(rt, *object, length - 1));
    RootedValue rooted_element(rt.heap(), element);
    LOOPSIM_TRY(delete_or_throw(rt, *object, index_key(rt, length - 1)));
    LOOPSIM_TRY(set_length(rt, *object, length - 1));
    return rooted_element.get();
}

// Moves elements [from, from+count) to [to, to+count), in the direction that is safe for
// overlap, deleting targets whose source is a hole.
ThrowCompletionOr<void> move_elements(Runtime& rt, Object& object, double from, double to,
                                      double count) {
    bool forward = to < from;
    for (double i = 0; i < count; ++i) {
        double offset = forward ? i : count - 1 - i;
        PropertyKey from_key = index_key(rt, from + offset);
        PropertyKey to_key = index_key(rt, to + offset);
        if (object.has_property(from_key)) {
            Value value = LOOPSIM_TRY(object.get(rt, from_key));
            LOOPSIM_TRY(object.set_or_throw(rt, to_key, value));
        } else {
            LOOPSIM_TRY(delete_or_throw(rt, object, to_key));
        }
    }
    return {};
}

Completion array_shift(Runtime& rt, NativeFunction&, Value self, std::span<const Value>) {
    Object* object = LOOPSIM_TRY(this_array_like(rt, self, "shift"));
    Root<Object> rooted(rt.heap(), object);
    double length = LOOPSIM_TRY(length_of_array_like(rt, *object));
    if (length == 0) {
        LOOPSIM_TRY(set_length(rt, *object, 0));
        return Value();
    }
    Value first = LOOPSIM_TRY(get_index(rt, *object, 0));
    RootedValue rooted_first(rt.heap(), first);
    LOOPSIM_TRY(move_elements(rt, *object, 1, 0, length - 1));
    LOOPSIM_TRY(delete_or_throw(rt, *object, index_key(rt, length - 1)));
    LOOPSIM_TRY(set_length(rt, *object, length - 1));
    return rooted_first.get();
}

Completion array_unshift(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    Object* object = LOOPSIM_TRY(this_array_like(rt, self, "unshift"));
    Root<Object> rooted(rt.heap(), object);
    double length = LOOPSIM_TRY(length_of_array_like(rt, *object));
    double count = static_cast<double>(args.size());
    if (count > 0) {
        LOOPSIM_TRY(move_elements(rt, *object, 0, count, length));
        for (size_t j = 0; j < args.size(); ++j)
            LOOPSIM_TRY(set_index(rt, *object, static_cast<double>(j), args[j]));
    }
    LOOPSIM_TRY(set_length(rt, *object, length + count));
    return Value::number(length + count);
}

Completion array_slice(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    Object* object = LOOPSIM_TRY(this_array_like(rt, self, "slice"));
    Root<Object> rooted(rt.heap(), object);
    double length = LOOPSIM_TRY(length_of_array_like(rt, *object));
    double k = LOOPSIM_TRY(relative_index(rt, arg(args, 0), length, 0));
    double final = LOOPSIM_TRY(relative_index(rt, arg(args, 1), length, length));
    double count = std::max(final - k, 0.0);
    Root<Array> result(rt.heap(), LOOPSIM_TRY(array_create(rt, count)));
    for (double n = 0; k < final; ++k, ++n) {
        PropertyKey key = index_key(rt, k);
        if (!object->has_property(key)) continue;
        Value value = LOOPSIM_TRY(object->get(rt, key));
        (void)result->create_data_property(rt, index_key(rt, n), value);
    }
    LOOPSIM_TRY(set_length(rt, *result, count));
    return Value(result.get());
}

Completion array_splice(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    Object* object = LOOPSIM_TRY(this_array_like(rt, self, "splice"));
    Root<Object> rooted(rt.heap(), object);
    double length = LOOPSIM_TRY(length_of_array_like(rt, *object));
    double start = LOOPSIM_TRY(relative_index(rt, arg(args, 0), length, 0));
    double delete_count = 0;
    if (args.size() == 1) {
        delete_count = length - start;
    } else if (args.size() > 1) {
        double dc = LOOPSIM_TRY(to_integer_or_infinity(rt, args[1]));
        delete_count = std::min(std::max(dc, 0.0), length - start);
    }
    std::span<const Value> items = args.size() > 2 ? args.subspan(2) : args.subspan(0, 0);
    double item_count = static_cast<double>(items.size());
    Root<Array> removed(rt.heap(), LOOPSIM_TRY(array_create(rt, delete_count)));
    for (double k = 0; k < delete_count; ++k) {
        PropertyKey key = index_key(rt, start + k);
        if (!object->has_property(key)) continue;
        Value value = LOOPSIM_TRY(object->get(rt, key));
        (void)removed->create_data_property(rt, index_key(rt, k), value);
    }
    LOOPSIM_TRY(set_length(rt, *removed, delete_count));
    if (item_count < delete_count) {
        LOOPSIM_TRY(move_elements(rt, *object, start + delete_count, start + item_count,
                                  length - start - delete_count));
        for (double k = length; k > length - delete_count + item_count; --k)
            LOOPSIM_TRY(delete_or_throw(rt, *object, index_key(rt, k - 1)));
    } else if (item_count > delete_count) {
        LOOPSIM_TRY(move_elements(rt, *object, start + delete_count, start + item_count,
                                  length - start - delete_count));
    }
    for (size_t j = 0; j < items.size(); ++j)
        LOOPSIM_TRY(set_index(rt, *object, start + static_cast<double>(j), items[j]));
    LOOPSIM_TRY(set_length(rt, *object, length - delete_count + item_count));
    return Value(removed.get());
}

Completion array_reverse(Runtime& rt, NativeFunction&, Value self, std::span<const Value>) {
    Object* object = LOOPSIM_TRY(this_array_like(rt, self, "reverse"));
    Root<Object> rooted(rt.heap(), object);
    double length = LOOPSIM_TRY(length_of_array_like(rt, *object));
    double middle = std::floor(length / 2);
    for (double lower = 0; lower < middle; ++lower) {
        double upper = length - lower - 1;
        PropertyKey lower_key = index_key(rt, lower);
        PropertyKey upper_key = index_key(rt, upper);
        bool lower_exists = object->has_property(lower_key);
        RootedValue lower_value(rt.heap());
        if (lower_exists) lower_value.set(LOOPSIM_TRY(object->get(rt, lower_key)));
        bool upper_exists = object->has_property(upper_key);
        Value upper_value;
        if (upper_exists) upper_value = LOOPSIM_TRY(object->get(rt, upper_key));
        if (upper_exists)
            LOOPSIM_TRY(object->set_or_throw(rt, lower_key, upper_value));
        else if (lower_exists)
            LOOPSIM_TRY(delete_or_throw(rt, *object, lower_key));
        if (lower_exists)
            LOOPSIM_TRY(object->set_or_throw(rt, upper_key, lower_value.get()));
        else if (upper_exists)
            LOOPSIM_TRY(delete_or_throw(rt, *object, upper_key));
    }
    return Value(object);
}

Completion array_fill(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    Object* object = LOOPSIM_TRY(this_array_like(rt, self, "fill"));
    Root<Object> rooted(rt.heap(), object);
    double length = LOOPSIM_TRY(length_of_array_like(rt, *object));
    double k = LOOPSIM_TRY(relative_index(rt, arg(args, 1), length, 0));
    double final = LOOPSIM_TRY(relative_index(rt, arg(args, 2), length, length));
    for (; k < final; ++k) LOOPSIM_TRY(set_index(rt, *object, k, arg(args, 0)));
    return Value(object);
}

// --- accessors --------------------------------------------------------------------------------

Completion array_concat(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    Object* object = LOOPSIM_TRY(this_array_like(rt, self, "concat"));
    Root<Object> rooted(rt.heap(), object);
    Root<Array> result(rt.heap(), Array::create(rt));
    double n = 0;
    auto append = [&](Value item) -> ThrowCompletionOr<void> {
        if (is_array(item)) {
            Object& source = *item.as_object();
            double length = LOOPSIM_TRY(length_of_array_like(rt, source));
            if (n + length > 9007199254740991.0)
                return rt.throw_error(ErrorType::TypeError, "Invalid array length");
            for (double k = 0; k < length; ++k, ++n) {
                PropertyKey key = index_key(rt, k);
                if (!source.has_property(key)) continue;
                Value value = LOOPSIM_TRY(source.get(rt, key));
                (void)result->create_data_property(rt, index_key(rt, n), value);
            }
        } else {
            (void)result->create_data_property(rt, index_key(rt, n), item);
            ++n;
        }
        return {};
    };
    LOOPSIM_TRY(append(Value(object)));
    for (Value item : args) LOOPSIM_TRY(append(item));
    LOOPSIM_TRY(set_length(rt, *result, n));
    return Value(result.get());
}

Completion array_join(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    Object* object = LOOPSIM_TRY(this_array_like(rt, self, "join"));
    Root<Object> rooted(rt.heap(), object);
    double length = LOOPSIM_TRY(length_of_array_like(rt, *object));
    RootedValue separator(rt.heap(), Value(rt.string(",")));
    if (!arg(args, 0).is_undefined()) separator.set(Value(LOOPSIM_TRY(to_string(rt, args[0]))));
    // A cycle (an array that contains itself) joins as the empty string, as in V8.
    Array* join_stack = static_cast<Array*>(rt.intrinsic(Intrinsic::JoinStack));
    for (uint32_t i = 0; i < join_stack->length(); ++i) {
        OwnProperty entry;
        if (join_stack->lookup_own(PropertyKey::index(i), entry) &&
            entry.value.is_same_bits(Value(object)))
            return Value(rt.empty_string());
    }
    join_stack->push(rt, Value(object));
    RootedValue result(rt.heap(), Value(rt.empty_string()));
    auto pop = [&] {
        (void)join_stack->set_or_throw(rt, rt.common_key(CommonAtom::Length),
                                       Value::number(join_stack->length() - 1));
    };
    for (double k = 0; k < length; ++k) {
        if (k > 0)
            result.set(Value(
                String::concat(rt.heap(), result.get().as_string(), separator.get().as_string())));
        auto element = get_index(rt, *object, k);
        if (element.is_throw()) {
            pop();
            return element.release_error();
        }
        if (element.value().is_nullish()) continue;
        auto text = to_string(rt, element.value());
        if (text.is_throw()) {
            pop();
            return text.release_error();
        }
        if (static_cast<uint64_t>(result.get().as_string()->length()) + text.value()->length() >
            String::kMaxLength) {
            pop();
            return rt.throw_error(ErrorType::RangeError, "Invalid string length");
        }
        result.set(Value(String::concat(rt.heap(), result.get().as_string(), text.value())));
    }
    pop();
    return result.get();
}

Completion array_to_string(Runtime& rt, NativeFunction&, Value self, std::span<const Value>) {
    Object* object = LOOPSIM_TRY(this_array_like(rt, self, "toString"));
    Root<Object> rooted(rt.heap(), object);
    Value join = LOOPSIM_TRY(object->get(rt, rt.key("join")));
    if (Runtime::is_callable(join)) return rt.call(join, Value(object), {});
    // Not callable: %Object.prototype.toString%.
    Value fallback =
        LOOPSIM_TRY(rt.object_prototype()->get(rt, rt.common_key(CommonAtom::ToString)));
    return rt.call(fallback, Value(object), {});
}

enum class SearchKind {
    IndexOf,
    LastIndexOf,
    Includes
};

Completion array_search(Runtime& rt, Value self, std::span<const Value> args, SearchKind kind,
                        const char* name) {
    Object* object = LOOPSIM_TRY(this_array_like(rt, self, name));
    Root<Object> rooted(rt.heap(), object);
    double length = LOOPSIM_TRY(length_of_array_like(rt, *object));
    Value target = arg(args, 0);
    if (length == 0) return kind == SearchKind::Includes ? Value(false) : Value(-1);
    if (kind == SearchKind::LastIndexOf) {
        double n = args.size() > 1 ? LOOPSIM_TRY(to_integer_or_infinity(rt, args[1])) : length - 1;
        if (n == -INFINITY) return Value(-1);
        double k = n >= 0 ? std::min(n, length - 1) : length + n;
        for (; k >= 0; --k) {
            PropertyKey key = index_key(rt, k);
            if (!object->has_property(key)) continue;
            Value element = LOOPSIM_TRY(object->get(rt, key));
            if (is_strictly_equal(element, target)) return Value::number(k);
        }
        return Value(-1);
    }
    double n = LOOPSIM_TRY(to_integer_or_infinity(rt, arg(args, 1)));
    if (n == INFINITY) return kind == SearchKind::Includes ? Value(false) : Value(-1);
    if (n == -INFINITY) n = 0;
    double k = n >= 0 ? n : std::max(length + n, 0.0);
    for (; k < length; ++k) {
        PropertyKey key = index_key(rt, k);
        if (kind == SearchKind::IndexOf) {
            if (!object->has_property(key)) continue;
            Value element = LOOPSIM_TRY(object->get(rt, key));
            if (is_strictly_equal(element, target)) return Value::number(k);
        } else {
            Value element = LOOPSIM_TRY(object->get(rt, key));
            if (same_value_zero(element, target)) return Value(true);
        }
    }
    return kind == SearchKind::Includes ? Value(false) : Value(-1);
}

Completion array_index_of(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    return array_search(rt, self, args, SearchKind::IndexOf, "indexOf");
}
Completion array_last_index_of(Runtime& rt, NativeFunction&, Value self,
                               std::span<const Value> args) {
    return array_search(rt, self, args, SearchKind::LastIndexOf, "lastIndexOf");
}
Completion array_includes(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    return array_search(rt, self, args, SearchKind::Includes, "includes");
}

Completion array_at(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    Object* object = LOOPSIM_TRY(this_array_like(rt, self, "at"));
    Root<Object> rooted(rt.heap(), object);
    double length = LOOPSIM_TRY(length_of_array_like(rt, *object));
    double relative = LOOPSIM_TRY(to_integer_or_infinity(rt, arg(args, 0)));
    double k = relative >= 0 ? relative : length + relative;
    if (k < 0 || k >= length) return Value();
    return get_index(rt, *object, k);
}

Completion array_iterator_method(Runtime& rt, Value self, IterationKind kind, const char* name) {
    Object* object = LOOPSIM_TRY(this_array_like(rt, self, name));
    return Value(create_array_iterator(rt, Value(object), kind));
}
Completion array_keys(Runtime& rt, NativeFunction&, Value self, std::span<const Value>) {
    return array_iterator_method(rt, self, IterationKind::Keys, "keys");
}
Completion array_values(Runtime& rt, NativeFunction&, Value self, std::span<const Value>) {
    return array_iterator_method(rt, self, IterationKind::Values, "values");
}
Completion array_entries(Runtime& rt, NativeFunction&, Value self, std::span<const Value>) {
    return array_iterator_method(rt, self, IterationKind::Entries, "entries");
}

Completion species_getter(Runtime&, NativeFunction&, Value self, std::span<const Value>) {
    return self;
}

} // namespace

ThrowCompletionOr<double> flatten_into_array(Runtime& rt, Array& target, Object& source,
                                             double source_length, double start, double depth,
                                             Value mapper, Value this_arg) {
    double target_index = start;
    for (double k = 0; k < source_length; ++k) {
        PropertyKey key = index_key(rt, k);
        if (!source.has_property(key)) continue;
        Value element = LOOPSIM_TRY(source.get(rt, key));
        if (!mapper.is_undefined()) {
            Value call_args[3] = {element, Value::number(k), Value(&source)};
            element = LOOPSIM_TRY(rt.call(mapper, this_arg, call_args));
        }
        if (depth > 0 && is_array(element)) {
            RootedValue rooted(rt.heap(), element);
            Object& inner = *element.as_object();
            double inner_length = LOOPSIM_TRY(length_of_array_like(rt, inner));
            target_index = LOOPSIM_TRY(flatten_into_array(
                rt, target, inner, inner_length, target_index, depth - 1, Value(), Value()));
        } else {
            (void)target.create_data_property(rt, index_key(rt, target_index), element);
            ++target_index;
        }
    }
    return target_index;
}

namespace {

Completion array_flat(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    Object* object = LOOPSIM_TRY(this_array_like(rt, self, "flat"));
    Root<Object> rooted(rt.heap(), object);
    double length = LOOPSIM_TRY(length_of_array_like(rt, *object));
    double depth = 1;
    if (!arg(args, 0).is_undefined()) {
        depth = LOOPSIM_TRY(to_integer_or_infinity(rt, args[0]));
        if (depth < 0) depth = 0;
    }
    Root<Array> result(rt.heap(), Array::create(rt));
    LOOPSIM_TRY(flatten_into_array(rt, *result, *object, length, 0, depth, Value(), Value()));
    return Value(result.get());
}

Completion array_flat_map(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    Object* object = LOOPSIM_TRY(this_array_like(rt, self, "flatMap"));
    Root<Object> rooted(rt.heap(), object);
    double length = LOOPSIM_TRY(length_of_array_like(rt, *object));
    LOOPSIM_TRY(require_callable(rt, arg(args, 0)));
    Root<Array> result(rt.heap(), Array::create(rt));
    LOOPSIM_TRY(flatten_into_array(rt, *result, *object, length, 0, 1, arg(args, 0), arg(args, 1)));
    return Value(result.get());
}

} // namespace

void install_array(Runtime& rt, Object& global) {
    auto* proto = rt.heap().allocate<Array>(rt, rt.object_prototype());
    rt.set_array_prototype(proto);
    rt.set_intrinsic(Intrinsic::JoinStack, Array::create(rt));
    NativeFunction* ctor = define_constructor(rt, "Array", 1, array_call, array_construct, *proto);
    rt.set_intrinsic(Intrinsic::ArrayConstructor, ctor);
    define_method(rt, *ctor, "isArray", 1, array_is_array);
    define_method(rt, *ctor, "from", 1, array_from);
    define_method(rt, *ctor, "of", 0, array_of);
    define_getter(rt, *ctor, PropertyKey::symbol(rt.well_known_symbol(WellKnownSymbol::Species)),
                  "[Symbol.species]", species_getter);

    define_method(rt, *proto, "at", 1, array_at);
    define_method(rt, *proto, "concat", 1, array_concat);
    define_method(rt, *proto, "fill", 1, array_fill);
    define_method(rt, *proto, "find", 1, array_find);
    define_method(rt, *proto, "findIndex", 1, array_find_index);
    define_method(rt, *proto, "findLast", 1, array_find_last);
    define_method(rt, *proto, "findLastIndex", 1, array_find_last_index);
    define_method(rt, *proto, "lastIndexOf", 1, array_last_index_of);
    define_method(rt, *proto, "pop", 0, array_pop);
    define_method(rt, *proto, "push", 1, array_push);
    define_method(rt, *proto, "reverse", 0, array_reverse);
    define_method(rt, *proto, "shift", 0, array_shift);
    define_method(rt, *proto, "unshift", 1, array_unshift);
    define_method(rt, *proto, "slice", 2, array_slice);
    define_method(rt, *proto, "sort", 1, array_sort);
    define_method(rt, *proto, "splice", 2, array_splice);
    define_method(rt, *proto, "includes", 1, array_includes);
    define_method(rt, *proto, "indexOf", 1, array_index_of);
    define_method(rt, *proto, "join", 1, array_join);
    define_method(rt, *proto, "keys", 0, array_keys);
    define_method(rt, *proto, "entries", 0, array_entries);
    NativeFunction* values = define_method(rt, *proto, "values", 0, array_values);
    rt.set_intrinsic(Intrinsic::ArrayPrototypeValues, values);
    define_method(rt, *proto, "forEach", 1, array_for_each);
    define_method(rt, *proto, "filter", 1, array_filter);
    define_method(rt, *proto, "flat", 0, array_flat);
    define_method(rt, *proto, "flatMap", 1, array_flat_map);
    define_method(rt, *proto, "map", 1, array_map);
    define_method(rt, *proto, "every", 1, array_every);
    define_method(rt, *proto, "some", 1, array_some);
    define_method(rt, *proto, "reduce", 1, array_reduce);
    define_method(rt, *proto, "reduceRight", 1, array_reduce_right);
    define_method(rt, *proto, "toString", 0, array_to_string);
    proto->put_direct(rt, PropertyKey::symbol(rt.well_known_symbol(WellKnownSymbol::Iterator)),
                      Value(values), attr::Builtin);
    define_value(rt, global, "Array", Value(ctor));
}

} // namespace loopsim::js
