// Microbenchmarks of the JS value and heap layer: allocation with collection, property
// access on shared shapes, value boxing, string building.
#include "model/js/array.h"
#include "model/js/conversions.h"
#include "model/js/object.h"
#include "model/js/runtime.h"

#include <benchmark/benchmark.h>

using namespace loopsim::js;

namespace {

// Allocates small objects with only the last 100 rooted, hitting a safepoint per object:
// the steady state of a scenario that creates a short-lived object per callback.
void BM_AllocateObjectsWithGC(benchmark::State& state) {
    Runtime rt;
    RootedVector recent(rt.heap());
    recent.values().resize(100);
    size_t i = 0;
    for (auto _ : state) {
        Object* o = Object::create(rt, nullptr);
        recent.values()[i++ % 100] = Value(o);
        rt.heap().safepoint();
    }
    state.counters["collections"] = static_cast<double>(rt.heap().stats().collections);
    state.counters["peak_MB"] = static_cast<double>(rt.heap().stats().peak_heap_bytes) / 1e6;
}
BENCHMARK(BM_AllocateObjectsWithGC);

// An object literal {x, y, z}: allocation plus three shape transitions (all cached).
void BM_BuildThreePropertyObject(benchmark::State& state) {
    Runtime rt;
    PropertyKey x = rt.key("x"), y = rt.key("y"), z = rt.key("z");
    RootedVector keep(rt.heap());
    keep.push_back(Value(x.as_string()));
    keep.push_back(Value(y.as_string()));
    keep.push_back(Value(z.as_string()));
    for (auto _ : state) {
        Object* o = Object::create(rt, nullptr);
        o->put_direct(rt, x, Value(1));
        o->put_direct(rt, y, Value(2));
        o->put_direct(rt, z, Value(3));
        benchmark::DoNotOptimize(o);
        rt.heap().safepoint();
    }
}
BENCHMARK(BM_BuildThreePropertyObject);

Object* make_point(Runtime& rt, int props) {
    Object* o = Object::create(rt, nullptr);
    for (int i = 0; i < props; ++i) o->put_direct(rt, rt.key("p" + std::to_string(i)), Value(i));
    return o;
}

// Object::get (the full [[Get]]: own lookup through the shape, no inline cache).
void BM_PropertyGetGeneric(benchmark::State& state) {
    Runtime rt;
    int props = static_cast<int>(state.range(0));
    Root<Object> o(rt.heap(), make_point(rt, props));
    PropertyKey key = rt.key("p" + std::to_string(props - 1));
    for (auto _ : state) {
        Completion c = o->get(rt, key);
        benchmark::DoNotOptimize(c);
    }
}
BENCHMARK(BM_PropertyGetGeneric)->Arg(4)->Arg(16);

// What a monomorphic inline cache does: compare the shape, load the cached slot.
void BM_PropertyGetInlineCache(benchmark::State& state) {
    Runtime rt;
    Root<Object> a(rt.heap(), make_point(rt, 4));
    Root<Object> b(rt.heap(), make_point(rt, 4));
    PropertyKey key = rt.key("p3");
    Shape* cached_shape = a->shape();
    uint32_t cached_slot = a->shape()->lookup(key)->slot;
    Object* objects[2] = {a.get(), b.get()};
    size_t i = 0;
    for (auto _ : state) {
        Object* o = objects[i++ & 1];
        Value v = o->shape() == cached_shape ? o->slot(cached_slot) : o->get(rt, key).value();
        benchmark::DoNotOptimize(v);
    }
}
BENCHMARK(BM_PropertyGetInlineCache);

// Boxing and unboxing numbers: an int32 add loop and a double add loop through Values.
void BM_ValueInt32Arithmetic(benchmark::State& state) {
    Value acc(0);
    for (auto _ : state) {
        Value one(1);
        if (acc.is_int32() && one.is_int32()) {
            int64_t sum = int64_t{acc.as_int32()} + one.as_int32();
            acc = sum == static_cast<int32_t>(sum) ? Value(static_cast<int32_t>(sum))
                                                   : Value(static_cast<double>(sum));
        } else {
            acc = Value(acc.as_number() + one.as_number());
        }
        benchmark::DoNotOptimize(acc);
    }
}
BENCHMARK(BM_ValueInt32Arithmetic);

void BM_ValueDoubleArithmetic(benchmark::State& state) {
    Value acc(0.5);
    for (auto _ : state) {
        Value one(1.0);
        acc = Value(acc.as_number() + one.as_number());
        benchmark::DoNotOptimize(acc);
    }
}
BENCHMARK(BM_ValueDoubleArithmetic);

void BM_ValueNumberNormalise(benchmark::State& state) {
    double d = 0;
    for (auto _ : state) {
        Value v = Value::number(d);
        d += 1;
        benchmark::DoNotOptimize(v);
    }
}
BENCHMARK(BM_ValueNumberNormalise);

// s += "ab" in a loop, n times, then one read of the last code unit: linear thanks to ropes.
void BM_StringAppendLoop(benchmark::State& state) {
    Runtime rt;
    auto n = static_cast<int>(state.range(0));
    String* piece = rt.string("ab");
    RootedValue keep_piece(rt.heap(), Value(piece));
    for (auto _ : state) {
        Root<String> s(rt.heap(), rt.empty_string());
        for (int i = 0; i < n; ++i) s.set(String::concat(rt.heap(), s.get(), piece));
        s->flatten(rt.heap());
        benchmark::DoNotOptimize(s->code_unit_at(s->length() - 1));
        rt.heap().collect();
    }
    state.SetItemsProcessed(state.iterations() * n);
}
BENCHMARK(BM_StringAppendLoop)->Arg(10'000)->Arg(100'000)->Arg(1'000'000);

void BM_NumberToString(benchmark::State& state) {
    double x = 0.1;
    for (auto _ : state) {
        std::string s = number_to_string(x);
        benchmark::DoNotOptimize(s);
        x += 1.37;
    }
}
BENCHMARK(BM_NumberToString);

void BM_ArrayPushAndRead(benchmark::State& state) {
    Runtime rt;
    for (auto _ : state) {
        Root<Array> a(rt.heap(), Array::create(rt));
        for (int i = 0; i < 1000; ++i) a->push(rt, Value(i));
        int64_t sum = 0;
        for (Value v : a->elements().dense()) sum += v.as_int32();
        benchmark::DoNotOptimize(sum);
        rt.heap().safepoint();
    }
    state.SetItemsProcessed(state.iterations() * 1000);
}
BENCHMARK(BM_ArrayPushAndRead);

} // namespace

BENCHMARK_MAIN();
