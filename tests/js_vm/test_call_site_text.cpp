// call_site_text and its users: the expression text in "x is not a function" and in the
// TypeError for destructuring null or undefined. Expected messages were printed by node 20.
#include "vm_test_support.h"

#include <doctest/doctest.h>

using namespace loopsim::js;
using namespace loopsim::js::testing;

namespace {

// The message of the error `body` throws (run inside a function, so `return` works).
std::string message_of(Machine& m, const std::string& body) {
    return m.run("const obj = {n: 5, s: 'x', a: null}; const N = null, U = undefined; "
                 "let a = 1, b = 2, i = 0; try { (() => { " +
                 body +
                 " })(); module.exports = 'no error'; } catch (e) { module.exports = "
                 "e.message; }");
}

} // namespace

TEST_SUITE("call_site_text") {
    TEST_CASE("a callee that is a literal reads as V8 renders it") {
        Machine m;
        CHECK(message_of(m, "'text'.toUpper()") == "\"text\".toUpper is not a function");
        CHECK(message_of(m, "`tpl`.foo()") == "\"tpl\".foo is not a function");
        CHECK(message_of(m, "(5).foo()") == "5.foo is not a function");
        CHECK(message_of(m, "(0x10).foo()") == "16.foo is not a function");
        CHECK(message_of(m, "true.foo()") == "true.foo is not a function");
        CHECK(message_of(m, "null()") == "null is not a function");
        CHECK(message_of(m, "'str'()") == "\"str\" is not a function");
        CHECK(message_of(m, "`x${a}y${obj.s}`.foo()") == "aobj.s.foo is not a function");
    }

    TEST_CASE("number literals are folded as V8's parser folds them") {
        Machine m;
        CHECK(message_of(m, "(-5).foo()") == "-5.foo is not a function");
        CHECK(message_of(m, "(~5).foo()") == "-6.foo is not a function");
        CHECK(message_of(m, "(2 * 3 + 1).foo()") == "7.foo is not a function");
        CHECK(message_of(m, "(7 % 3).foo()") == "1.foo is not a function");
        CHECK(message_of(m, "(-1 >>> 0).foo()") == "4294967295.foo is not a function");
        CHECK(message_of(m, "(!0).foo()") == "true.foo is not a function");
        CHECK(message_of(m, "(1 + 2 + a)()") == "(3 + a) is not a function");
        CHECK(message_of(m, "(-'5').foo()") == "(-\"5\").foo is not a function");
        CHECK(message_of(m, "('a' + 'b').foo()") == "(\"a\" + \"b\").foo is not a function");
    }

    TEST_CASE("operators keep their parentheses, one list per left-leaning chain") {
        Machine m;
        CHECK(message_of(m, "(a || b)()") == "(a || b) is not a function");
        CHECK(message_of(m, "(a + b + i)()") == "(a + b + i) is not a function");
        CHECK(message_of(m, "(a + (b + i))()") == "(a + (b + i)) is not a function");
        CHECK(message_of(m, "(a + b - i)()") == "((a + b) - i) is not a function");
        CHECK(message_of(m, "(a < b < i)()") == "((a < b) < i) is not a function");
        CHECK(message_of(m, "(a, b, i)()") == "(a , b , i) is not a function");
        CHECK(message_of(m, "(typeof a)()") == "(typeof a) is not a function");
        CHECK(message_of(m, "(i++)()") == "(i++) is not a function");
        CHECK(message_of(m, "(a ? a : b)()") ==
              "(intermediate value)(intermediate value)(intermediate value) is not a function");
        CHECK(message_of(m, "(a = 2)()") == "a is not a function");
    }

    TEST_CASE("members, calls, literals and new expressions") {
        Machine m;
        CHECK(message_of(m, "this.x()") == "this.x is not a function");
        CHECK(message_of(m, "obj['n']()") == "obj.n is not a function");
        CHECK(message_of(m, "obj['a b']()") == "obj.a b is not a function");
        CHECK(message_of(m, "obj[0]()") == "obj[0] is not a function");
        CHECK(message_of(m, "obj[i + 1]()") == "obj[(i + 1)] is not a function");
        CHECK(message_of(m, "obj?.n()") == "obj?.n is not a function");
        CHECK(message_of(m, "obj.s.toUpperCase().foo()") ==
              "obj.s.toUpperCase(...).foo is not a function");
        CHECK(message_of(m, "new Object().y()") == "(intermediate value).y is not a function");
        CHECK(message_of(m, "[a, , ...[1]].foo()") ==
              "[a,(intermediate value),(...[1])].foo is not a function");
        CHECK(message_of(m, "({ a: 1, b }).foo()") ==
              "{(intermediate value)(intermediate value)}.foo is not a function");
        CHECK(message_of(m, "(() => 1).foo()") == "(intermediate value).foo is not a function");
        CHECK(message_of(m, "new (a + b)()") == "(a + b) is not a constructor");
    }

    TEST_CASE("destructuring null names the value's source when the pattern is assigned") {
        Machine m;
        CHECK(message_of(m, "const { x } = N;") ==
              "Cannot destructure property 'x' of 'N' as it is null.");
        CHECK(message_of(m, "const { x } = U;") ==
              "Cannot destructure property 'x' of 'U' as it is undefined.");
        CHECK(message_of(m, "const { x } = obj.a;") ==
              "Cannot destructure property 'x' of 'obj.a' as it is null.");
        CHECK(message_of(m, "let x; ({ x } = N);") ==
              "Cannot destructure property 'x' of 'N' as it is null.");
        CHECK(message_of(m, "const { 0: x } = N;") ==
              "Cannot destructure property '0' of 'N' as it is null.");
        CHECK(message_of(m, "const {} = N;") == "Cannot destructure 'N' as it is null.");
        CHECK(message_of(m, "const { ...r } = N;") == "Cannot destructure 'N' as it is null.");
        CHECK(message_of(m, "const k = 'z'; const { [k]: x } = N;") ==
              "Cannot destructure 'N' as it is null.");
        CHECK(message_of(m, "for (const { x } of [N]) {}") ==
              "Cannot destructure property 'x' of '.for' as it is null.");
        CHECK(message_of(m, "try { throw U; } catch ({ x }) {}") ==
              "Cannot destructure property 'x' of '.catch' as it is undefined.");
    }

    TEST_CASE("a default or a member target on the first property makes it a plain read") {
        Machine m;
        CHECK(message_of(m, "const { x = 1 } = N;") ==
              "Cannot read properties of null (reading 'x')");
        CHECK(message_of(m, "const o = {}; ({ x: o.y } = N);") ==
              "Cannot read properties of null (reading 'x')");
        CHECK(message_of(m, "const { x, y = 1 } = N;") ==
              "Cannot destructure property 'x' of 'N' as it is null.");
    }

    TEST_CASE("parameters describe the value itself, or a conditional with a default") {
        Machine m;
        CHECK(message_of(m, "(function ({ x }) {})(N);") ==
              "Cannot destructure property 'x' of 'object null' as it is null.");
        CHECK(message_of(m, "(function ({ x }) {})();") ==
              "Cannot destructure property 'x' of 'undefined' as it is undefined.");
        CHECK(message_of(m, "(({ x } = {}) => {})(N);") ==
              "Cannot destructure property 'x' of "
              "'(intermediate value)(intermediate value)(intermediate value)' as it is null.");
        CHECK(message_of(m, "(function ({ size = 'm' } = {}) {})(N);") ==
              "Cannot read properties of null (reading 'size')");
        CHECK(message_of(m, "(function ({}) {})(N);") ==
              "Cannot destructure 'object null' as it is null.");
    }

    TEST_CASE("nested patterns read, except directly under an assigned pattern's property") {
        Machine m;
        CHECK(message_of(m, "const { a: { x } } = obj;") ==
              "Cannot read properties of null (reading 'x')");
        CHECK(message_of(m, "const { a: { x } = {} } = obj;") ==
              "Cannot destructure property 'x' of '{}' as it is null.");
        CHECK(message_of(m, "const { a: {} } = { a: null };") ==
              "Cannot destructure property 'a' of '{(intermediate value)}' as it is null.");
        CHECK(message_of(m, "const { a: { ...r } } = { a: null };") ==
              "Cannot read properties of null");
        CHECK(message_of(m, "const [{ x }] = [N];") ==
              "Cannot read properties of null (reading 'x')");
    }
}
