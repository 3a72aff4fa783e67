// Tests for model/js/heap.h: roots, tracing, sweeping, triggers, weak tables.
#include "js_test_support.h"
#include "model/js/heap.h"
#include "model/js/runtime.h"

#include <doctest/doctest.h>

using namespace loopsim::js;

namespace {

// A cell with two edges, to build chains, cycles and trees.
struct Node final : Cell {
    explicit Node(int id = 0) : Cell(CellKind::Internal), id(id) {}
    void visit_edges(Visitor& visitor) override {
        visitor.visit(left);
        visitor.visit(right);
    }
    int id;
    Value left;
    Value right;
};

// A root source like the VM's stack: a fixed array of slots.
struct FakeStack final : RootSource {
    Value slots[4];
    void visit_roots(Visitor& visitor) override {
        for (Value v : slots) visitor.visit(v);
    }
};

} // namespace

TEST_SUITE("heap") {

    TEST_CASE("an unrooted cycle is reclaimed and a rooted one is kept") {
        Heap heap;
        Node* a = heap.allocate<Node>(1);
        Node* b = heap.allocate<Node>(2);
        a->left = Value(b);
        b->left = Value(a);
        Root<Node> keep(heap, heap.allocate<Node>(3));
        Node* c = heap.allocate<Node>(4);
        keep->left = Value(c);
        c->left = Value(keep.get());
        CHECK(heap.stats().heap_cells == 4);
        heap.collect();
        CHECK(heap.stats().heap_cells == 2);
        CHECK(heap.stats().freed_cells == 2);
        CHECK(keep->left.as_cell() == c);
        CHECK(static_cast<Node*>(keep->left.as_cell())->id == 4);
    }

    TEST_CASE("allocation never collects; only a safepoint past the trigger does") {
        HeapOptions options;
        options.min_trigger_bytes = 1024;
        Heap heap(options);
        for (int i = 0; i < 100; ++i) heap.allocate<Node>(i);
        CHECK(heap.stats().collections == 0);
        CHECK(heap.stats().heap_cells == 100);
        CHECK(heap.is_collection_due());
        CHECK(heap.safepoint());
        CHECK(heap.stats().collections == 1);
        CHECK(heap.stats().heap_cells == 0);
        CHECK_FALSE(heap.safepoint());
    }

    TEST_CASE("a DeferGC scope turns safepoints into no-ops") {
        HeapOptions options;
        options.min_trigger_bytes = 64;
        Heap heap(options);
        for (int i = 0; i < 10; ++i) heap.allocate<Node>();
        {
            DeferGC defer(heap);
            CHECK_FALSE(heap.safepoint());
        }
        CHECK(heap.safepoint());
    }

    TEST_CASE("every kind of root keeps its cell alive: handles, vectors and root sources") {
        Heap heap;
        RootedValue handle(heap, Value(heap.allocate<Node>(1)));
        RootedVector vector(heap);
        vector.push_back(Value(heap.allocate<Node>(2)));
        FakeStack stack;
        heap.add_root_source(&stack);
        stack.slots[2] = Value(heap.allocate<Node>(3));
        heap.allocate<Node>(4); // garbage
        heap.collect();
        CHECK(heap.stats().heap_cells == 3);
        heap.remove_root_source(&stack);
        heap.collect();
        CHECK(heap.stats().heap_cells == 2);
        {
            RootedValue copy = handle;
            handle.set(Value());
            heap.collect();
            CHECK(heap.stats().heap_cells == 2); // the copy is a root of its own
        }
        heap.collect();
        CHECK(heap.stats().heap_cells == 1);
    }

    TEST_CASE("a chain of a million cells is marked without deep recursion") {
        Heap heap;
        Root<Node> head(heap, heap.allocate<Node>(0));
        Node* tail = head.get();
        for (int i = 1; i < 1'000'000; ++i) {
            Node* next = heap.allocate<Node>(i);
            tail->left = Value(next);
            tail = next;
        }
        heap.collect();
        CHECK(heap.stats().heap_cells == 1'000'000);
        int count = 0;
        for (Node* n = head.get(); n != nullptr;
             n = n->left.is_cell() ? static_cast<Node*>(n->left.as_cell()) : nullptr)
            ++count;
        CHECK(count == 1'000'000);
        head.set(nullptr);
        heap.collect();
        CHECK(heap.stats().heap_cells == 0);
    }

    TEST_CASE("ten million allocations with the last hundred rooted stay in bounded memory") {
        HeapOptions options;
        options.min_trigger_bytes = size_t{1} << 20;
        Heap heap(options);
        RootedVector recent(heap);
        recent.values().resize(100);
        for (int i = 0; i < 10'000'000; ++i) {
            Node* node = heap.allocate<Node>(i);
            recent.values()[static_cast<size_t>(i % 100)] = Value(node);
            heap.safepoint();
        }
        const HeapStats& stats = heap.stats();
        CHECK(stats.allocated_cells == 10'000'000);
        CHECK(stats.collections > 100);
        // Never more than the trigger plus one allocation above it.
        CHECK(stats.peak_heap_bytes <= options.min_trigger_bytes + sizeof(Node));
        heap.collect();
        CHECK(heap.stats().heap_cells == 100);
        for (int k = 0; k < 100; ++k) {
            auto* node = static_cast<Node*>(recent[static_cast<size_t>(k)].as_cell());
            CHECK(node->id % 100 == k);
            CHECK(node->id >= 10'000'000 - 100);
        }
    }

    TEST_CASE("the trigger grows with the live heap so collections stay proportional") {
        HeapOptions options;
        options.min_trigger_bytes = 4096;
        options.growth_percent = 200;
        Heap heap(options);
        RootedVector keep(heap);
        // Two cells in three are garbage: the next trigger is twice what survived.
        for (int i = 0; i < 30'000; ++i) {
            Node* node = heap.allocate<Node>(i);
            if (i % 3 == 0) keep.push_back(Value(node));
        }
        heap.collect();
        CHECK(heap.stats().live_bytes == 10'000 * sizeof(Node));
        CHECK(heap.stats().trigger_bytes == 2 * 10'000 * sizeof(Node));
        CHECK_FALSE(heap.is_collection_due());
    }

    TEST_CASE("a collection that finds most of the heap alive lets the heap grow faster") {
        HeapOptions options;
        options.min_trigger_bytes = 4096;
        Heap heap(options);
        RootedVector keep(heap);
        // Four cells in five survive (80 %, above the default 75 %): the trigger is four
        // times the survivors, so a program building up data is not marked again at every
        // doubling.
        for (int i = 0; i < 10'000; ++i) {
            Node* node = heap.allocate<Node>(i);
            if (i % 5 != 0) keep.push_back(Value(node));
        }
        heap.collect();
        CHECK(heap.stats().live_bytes == 8'000 * sizeof(Node));
        CHECK(heap.stats().trigger_bytes == 4 * 8'000 * sizeof(Node));

        // Then the program turns to garbage: 7 of every 8 cells die, and growth is back to
        // 200 %.
        keep.values().resize(1'000);
        heap.collect();
        CHECK(heap.stats().live_bytes == 1'000 * sizeof(Node));
        CHECK(heap.stats().trigger_bytes == std::max<size_t>(4096, 2 * 1'000 * sizeof(Node)));
    }

    TEST_CASE("stress mode collects at every safepoint") {
        HeapOptions options;
        options.collect_at_every_safepoint = true;
        Heap heap(options);
        heap.allocate<Node>();
        CHECK(heap.safepoint());
        CHECK(heap.safepoint());
        CHECK(heap.stats().collections == 2);
    }

    TEST_CASE("two runs of the same allocation sequence collect at the same points") {
        auto run = [] {
            HeapOptions options;
            options.min_trigger_bytes = 10'000;
            Heap heap(options);
            RootedVector keep(heap);
            std::vector<uint64_t> collected_at;
            for (int i = 0; i < 50'000; ++i) {
                Node* n = heap.allocate<Node>(i);
                if (i % 3 == 0) keep.push_back(Value(n));
                if (heap.safepoint()) collected_at.push_back(static_cast<uint64_t>(i));
            }
            return collected_at;
        };
        auto first = run();
        CHECK(first.size() > 5);
        CHECK(first == run());
    }

    TEST_CASE("the atom table forgets atoms nothing references") {
        Runtime runtime;
        size_t baseline = runtime.atoms().size();
        RootedValue kept(runtime.heap(), Value(runtime.atoms().intern(std::string_view("kept"))));
        for (int i = 0; i < 1000; ++i) runtime.atoms().intern("temp" + std::to_string(i));
        CHECK(runtime.atoms().size() == baseline + 1001);
        runtime.heap().collect();
        CHECK(runtime.atoms().size() == baseline + 1);
        CHECK(runtime.atoms().intern(std::string_view("kept")) == kept.get().as_string());
    }

    TEST_CASE("shape transitions do not keep dead shapes alive") {
        Runtime runtime;
        size_t before = runtime.root_shape()->transition_count();
        Root<Object> survivor(runtime.heap(), Object::create(runtime, nullptr));
        survivor->put_direct(runtime, runtime.key("kept"), Value(1));
        for (int i = 0; i < 500; ++i) {
            Object* o = Object::create(runtime, nullptr);
            o->put_direct(runtime, runtime.key("k" + std::to_string(i)), Value(i));
        }
        CHECK(runtime.root_shape()->transition_count() == before + 501);
        runtime.heap().collect();
        CHECK(runtime.root_shape()->transition_count() == before + 1);
        Object* again = Object::create(runtime, nullptr);
        again->put_direct(runtime, runtime.key("kept"), Value(2));
        CHECK(again->shape() == survivor->shape());
    }

} // TEST_SUITE
