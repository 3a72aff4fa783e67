// Array.prototype methods that call back into JS: find/findIndex/findLast/findLastIndex,
// filter, map, forEach, some, every, reduce, reduceRight, and sort (a stable merge sort,
// as V8's TimSort is stable; undefined values last, holes removed to the end).
//
// GC: each method roots the object it walks, its result and its accumulator, since every
// callback may reach a safepoint.
#include "model/js/builtins/array_methods.h"
#include "model/js/builtins/builtin_support.h"

#include <cmath>

namespace loopsim::js {

namespace {

struct CallbackWalk {
    Object* object;
    double length;
};

ThrowCompletionOr<CallbackWalk> begin_walk(Runtime& rt, Value self, std::span<const Value> args,
                                           const char* name) {
    Object* object = LOOPSIM_TRY(this_array_like(rt, self, name));
    Root<Object> rooted(rt.heap(), object);
    double length = LOOPSIM_TRY(length_of_array_like(rt, *object));
    LOOPSIM_TRY(require_callable(rt, arg(args, 0)));
    return CallbackWalk{object, length};
}

Completion call_predicate(Runtime& rt, std::span<const Value> args, Value element, double index,
                          Object& object) {
    Value call_args[3] = {element, Value::number(index), Value(&object)};
    return rt.call(args[0], arg(args, 1), call_args);
}

enum class FindResult {
    Element,
    Index
};

Completion find_common(Runtime& rt, Value self, std::span<const Value> args, const char* name,
                       bool from_end, FindResult want) {
    CallbackWalk walk = LOOPSIM_TRY(begin_walk(rt, self, args, name));
    Root<Object> object(rt.heap(), walk.object);
    for (double i = 0; i < walk.length; ++i) {
        double k = from_end ? walk.length - 1 - i : i;
        Value element = LOOPSIM_TRY(get_index(rt, *object, k));
        RootedValue rooted(rt.heap(), element);
        Value result = LOOPSIM_TRY(call_predicate(rt, args, element, k, *object));
        if (to_boolean(result))
            return want == FindResult::Element ? rooted.get() : Value::number(k);
    }
    return want == FindResult::Element ? Value() : Value(-1);
}

// The iteration shared by forEach, map, filter, some and every: visits present elements
// only (holes are skipped), reading the length once.
template <typename OnResult>
ThrowCompletionOr<void> walk_present(Runtime& rt, Object& object, double length,
                                     std::span<const Value> args, OnResult&& on_result) {
    for (double k = 0; k < length; ++k) {
        PropertyKey key = index_key(rt, k);
        if (!object.has_property(key)) continue;
        Value element = LOOPSIM_TRY(object.get(rt, key));
        RootedValue rooted(rt.heap(), element);
        Value result = LOOPSIM_TRY(call_predicate(rt, args, element, k, object));
        bool stop = LOOPSIM_TRY(on_result(k, rooted.get(), result));
        if (stop) break;
    }
    return {};
}

} // namespace

Completion array_find(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    return find_common(rt, self, args, "find", false, FindResult::Element);
}
Completion array_find_index(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    return find_common(rt, self, args, "findIndex", false, FindResult::Index);
}
Completion array_find_last(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    return find_common(rt, self, args, "findLast", true, FindResult::Element);
}
Completion array_find_last_index(Runtime& rt, NativeFunction&, Value self,
                                 std::span<const Value> args) {
    return find_common(rt, self, args, "findLastIndex", true, FindResult::Index);
}

Completion array_for_each(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    CallbackWalk walk = LOOPSIM_TRY(begin_walk(rt, self, args, "forEach"));
    Root<Object> object(rt.heap(), walk.object);
    LOOPSIM_TRY(
        walk_present(rt, *object, walk.length, args,
                     [](double, Value, Value) -> ThrowCompletionOr<bool> { return false; }));
    return Value();
}

Completion array_map(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    CallbackWalk walk = LOOPSIM_TRY(begin_walk(rt, self, args, "map"));
    Root<Object> object(rt.heap(), walk.object);
    Root<Array> result(rt.heap(), LOOPSIM_TRY(array_create(rt, walk.length)));
    LOOPSIM_TRY(walk_present(rt, *object, walk.length, args,
                             [&](double k, Value, Value mapped) -> ThrowCompletionOr<bool> {
                                 (void)result->create_data_property(rt, index_key(rt, k), mapped);
                                 return false;
                             }));
    return Value(result.get());
}

Completion array_filter(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    CallbackWalk walk = LOOPSIM_TRY(begin_walk(rt, self, args, "filter"));
    Root<Object> object(rt.heap(), walk.object);
    Root<Array> result(rt.heap(), Array::create(rt));
    LOOPSIM_TRY(walk_present(rt, *object, walk.length, args,
                             [&](double, Value element, Value keep) -> ThrowCompletionOr<bool> {
                                 if (to_boolean(keep)) result->push(rt, element);
                                 return false;
                             }));
    return Value(result.get());
}

Completion array_some(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    CallbackWalk walk = LOOPSIM_TRY(begin_walk(rt, self, args, "some"));
    Root<Object> object(rt.heap(), walk.object);
    bool found = false;
    LOOPSIM_TRY(walk_present(rt, *object, walk.length, args,
                             [&](double, Value, Value result) -> ThrowCompletionOr<bool> {
                                 found = to_boolean(result);
                                 return found;
                             }));
    return Value(found);
}

Completion array_every(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    CallbackWalk walk = LOOPSIM_TRY(begin_walk(rt, self, args, "every"));
    Root<Object> object(rt.heap(), walk.object);
    bool all = true;
    LOOPSIM_TRY(walk_present(rt, *object, walk.length, args,
                             [&](double, Value, Value result) -> ThrowCompletionOr<bool> {
                                 all = to_boolean(result);
                                 return !all;
                             }));
    return Value(all);
}

namespace {

Completion reduce_common(Runtime& rt, Value self, std::span<const Value> args, const char* name,
                         bool from_end) {
    CallbackWalk walk = LOOPSIM_TRY(begin_walk(rt, self, args, name));
    Root<Object> object(rt.heap(), walk.object);
    double length = walk.length;
    double i = 0;
    auto index_at = [&](double step) { return from_end ? length - 1 - step : step; };
    RootedValue accumulator(rt.heap());
    if (args.size() >= 2) {
        accumulator.set(args[1]);
    } else {
        bool present = false;
        for (; i < length && !present; ++i) {
            PropertyKey key = index_key(rt, index_at(i));
            if (!object->has_property(key)) continue;
            present = true;
            accumulator.set(LOOPSIM_TRY(object->get(rt, key)));
        }
        if (!present)
            return rt.throw_error(ErrorType::TypeError,
                                  "Reduce of empty array with no initial value");
    }
    for (; i < length; ++i) {
        double k = index_at(i);
        PropertyKey key = index_key(rt, k);
        if (!object->has_property(key)) continue;
        Value element = LOOPSIM_TRY(object->get(rt, key));
        Value call_args[4] = {accumulator.get(), element, Value::number(k), Value(object.get())};
        accumulator.set(LOOPSIM_TRY(rt.call(args[0], Value(), call_args)));
    }
    return accumulator.get();
}

} // namespace

Completion array_reduce(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    return reduce_common(rt, self, args, "reduce", false);
}
Completion array_reduce_right(Runtime& rt, NativeFunction&, Value self,
                              std::span<const Value> args) {
    return reduce_common(rt, self, args, "reduceRight", true);
}

// --- sort -------------------------------------------------------------------------------------

namespace {

// SortCompare for two non-undefined values: a number < 0 when x sorts before y.
class SortComparator {
public:
    SortComparator(Runtime& rt, Value compare_fn) : m_rt(rt), m_compare_fn(compare_fn) {}

    // True when `right` must move before `left` (strictly less): keeps the sort stable.
    ThrowCompletionOr<bool> less(Value right, Value left) {
        if (m_compare_fn.is_undefined())
            return String::compare(right.as_string(), left.as_string()) < 0;
        Value call_args[2] = {right, left};
        Value result = LOOPSIM_TRY(m_rt.call(m_compare_fn, Value(), call_args));
        double v = LOOPSIM_TRY(to_number(m_rt, result));
        return v < 0;
    }

private:
    Runtime& m_rt;
    Value m_compare_fn;
};

// A bottom-up stable merge sort over `items` (rooted by the caller), with `keys` compared
// (the strings for the default order, else the items themselves).
ThrowCompletionOr<void> merge_sort(std::vector<Value>& items, std::vector<Value>& keys,
                                   SortComparator& comparator) {
    size_t n = items.size();
    std::vector<size_t> order(n), buffer(n);
    for (size_t i = 0; i < n; ++i) order[i] = i;
    for (size_t width = 1; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = std::min(lo + width, n), hi = std::min(lo + 2 * width, n);
            size_t a = lo, b = mid, out = lo;
            while (a < mid && b < hi) {
                bool take_right = LOOPSIM_TRY(comparator.less(keys[order[b]], keys[order[a]]));
                buffer[out++] = take_right ? order[b++] : order[a++];
            }
            while (a < mid) buffer[out++] = order[a++];
            while (b < hi) buffer[out++] = order[b++];
        }
        order.swap(buffer);
    }
    std::vector<Value> sorted(n);
    for (size_t i = 0; i < n; ++i) sorted[i] = items[order[i]];
    items.swap(sorted);
    return {};
}

} // namespace

Completion array_sort(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    Value compare_fn = arg(args, 0);
    if (!compare_fn.is_undefined() && !Runtime::is_callable(compare_fn))
        return rt.throw_error(ErrorType::TypeError,
                              "The comparison function must be either a function or undefined");
    Object* object = LOOPSIM_TRY(this_array_like(rt, self, "sort"));
    Root<Object> rooted(rt.heap(), object);
    double length = LOOPSIM_TRY(length_of_array_like(rt, *object));
    RootedVector items(rt.heap());
    double undefined_count = 0;
    for (double k = 0; k < length; ++k) {
        PropertyKey key = index_key(rt, k);
        if (!object->has_property(key)) continue;
        Value value = LOOPSIM_TRY(object->get(rt, key));
        if (value.is_undefined())
            ++undefined_count;
        else
            items.push_back(value);
    }
    RootedVector keys(rt.heap());
    if (compare_fn.is_undefined()) {
        for (Value v : items.values()) keys.push_back(Value(LOOPSIM_TRY(to_string(rt, v))));
    } else {
        keys.values() = items.values();
    }
    SortComparator comparator(rt, compare_fn);
    LOOPSIM_TRY(merge_sort(items.values(), keys.values(), comparator));
    double k = 0;
    for (Value v : items.values()) LOOPSIM_TRY(set_index(rt, *object, k++, v));
    for (double u = 0; u < undefined_count; ++u) LOOPSIM_TRY(set_index(rt, *object, k++, Value()));
    for (; k < length; ++k) LOOPSIM_TRY(delete_or_throw(rt, *object, index_key(rt, k)));
    return Value(object);
}

} // namespace loopsim::js
