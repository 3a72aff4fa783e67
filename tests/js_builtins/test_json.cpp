// JSON.stringify and JSON.parse against cases recorded from node (data/json_cases.js),
// and V8's message for circular structures.
#include "builtins_test_support.h"
#include "model/js/builtins/json.h"

using namespace loopsim::js;
using namespace loopsim::js::testing;

TEST_SUITE("json builtins") {
    TEST_CASE("every recorded JSON case gives node's result or error") {
        BuiltinsFixture f;
        CHECK(check_recorded_cases(f, "json_cases") > 60);
    }

    TEST_CASE("a circular structure names the path that closes the circle") {
        BuiltinsFixture f;
        // const a = {}; a.x = [{}]; a.x[0].y = a;  (message recorded from node 20)
        Object* a = create_plain_object(f.rt);
        Object* inner = create_plain_object(f.rt);
        Value items[1] = {Value(inner)};
        a->put_direct(f.rt, f.rt.key("x"), Value(create_array(f.rt, items)));
        inner->put_direct(f.rt, f.rt.key("y"), Value(a));
        Completion result = json_stringify(f.rt, Value(a));
        REQUIRE(result.is_throw());
        CHECK(f.describe_thrown(result.thrown_value()) ==
              "TypeError: Converting circular structure to JSON\n"
              "    --> starting at object with constructor 'Object'\n"
              "    |     property 'x' -> object with constructor 'Array'\n"
              "    |     index 0 -> object with constructor 'Object'\n"
              "    --- property 'y' closes the circle");
    }

    TEST_CASE("a long circular path is elided after two steps, keeping the last") {
        BuiltinsFixture f;
        Object* root = create_plain_object(f.rt);
        Object* current = root;
        for (int i = 0; i < 6; ++i) {
            Object* next = create_plain_object(f.rt);
            current->put_direct(f.rt, f.rt.key("n"), Value(next));
            current = next;
        }
        current->put_direct(f.rt, f.rt.key("back"), Value(root));
        Completion result = json_stringify(f.rt, Value(root));
        REQUIRE(result.is_throw());
        CHECK(f.describe_thrown(result.thrown_value()) ==
              "TypeError: Converting circular structure to JSON\n"
              "    --> starting at object with constructor 'Object'\n"
              "    |     property 'n' -> object with constructor 'Object'\n"
              "    |     property 'n' -> object with constructor 'Object'\n"
              "    |     ...\n"
              "    |     property 'n' -> object with constructor 'Object'\n"
              "    --- property 'back' closes the circle");
    }
}
