// Map and Set against cases recorded from node (data/map_set_cases.js), and iteration
// while the collection changes.
#include "builtins_test_support.h"
#include "model/js/builtins/iteration.h"

using namespace loopsim::js;
using namespace loopsim::js::testing;

namespace {

std::vector<int> drain(BuiltinsFixture& f, IteratorRecord& record) {
    std::vector<int> out;
    while (auto v = iterator_step(f.rt, record).value())
        out.push_back(static_cast<int>(v->as_number()));
    return out;
}

} // namespace

TEST_SUITE("map and set builtins") {
    TEST_CASE("every recorded Map and Set case gives node's result or error") {
        BuiltinsFixture f;
        CHECK(check_recorded_cases(f, "map_set_cases") > 20);
    }

    TEST_CASE("a set iterator sees entries added during iteration and skips deleted ones") {
        BuiltinsFixture f;
        Value set = f.rt.construct(f.resolve("Set"), {}).value();
        Value add = f.resolve("Set.prototype.add"), remove = f.resolve("Set.prototype.delete");
        for (int i = 0; i < 3; ++i) {
            Value v(i);
            (void)f.rt.call(add, set, {&v, 1});
        }
        auto record = get_iterator(f.rt, set).value();
        CHECK(iterator_step(f.rt, record).value()->as_number() == 0);
        Value one(1), ten(10);
        (void)f.rt.call(remove, set, {&one, 1});
        (void)f.rt.call(add, set, {&ten, 1});
        CHECK(drain(f, record) == std::vector<int>{2, 10});
    }

    TEST_CASE("an iterator survives the compaction that many deletions trigger") {
        BuiltinsFixture f;
        Value set = f.rt.construct(f.resolve("Set"), {}).value();
        Value add = f.resolve("Set.prototype.add"), remove = f.resolve("Set.prototype.delete");
        for (int i = 0; i < 300; ++i) {
            Value v(i);
            (void)f.rt.call(add, set, {&v, 1});
        }
        auto record = get_iterator(f.rt, set).value();
        for (int i = 0; i < 150; ++i) CHECK(iterator_step(f.rt, record).value()->as_number() == i);
        // Delete everything below 290 except 200: far more tombstones than live entries.
        for (int i = 0; i < 290; ++i) {
            if (i == 200) continue;
            Value v(i);
            (void)f.rt.call(remove, set, {&v, 1});
        }
        std::vector<int> expected{200};
        for (int i = 290; i < 300; ++i) expected.push_back(i);
        CHECK(drain(f, record) == expected);
    }

    TEST_CASE("clear during iteration ends it unless entries are added afterwards") {
        BuiltinsFixture f;
        Value map = f.rt.construct(f.resolve("Map"), {}).value();
        Value set = f.resolve("Map.prototype.set"), clear = f.resolve("Map.prototype.clear");
        Value kv[2] = {Value(1), Value(1)};
        (void)f.rt.call(set, map, kv);
        Value keys = f.rt.call(f.resolve("Map.prototype.keys"), map, {}).value();
        (void)f.rt.call(clear, map, {});
        Value kv2[2] = {Value(5), Value(5)};
        (void)f.rt.call(set, map, kv2);
        auto record = get_iterator(f.rt, keys).value();
        CHECK(drain(f, record) == std::vector<int>{5});
    }
}
