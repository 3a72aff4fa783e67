// Function names the compiler and DefineMethod give (SetFunctionName): static keys at compile
// time, computed and numeric keys at run time, "get "/"set " for accessors, and the name a
// stack frame shows. Expected values were printed by node 20.
#include "vm_test_support.h"

#include <doctest/doctest.h>

using namespace loopsim::js;
using namespace loopsim::js::testing;

TEST_SUITE("function names") {
    TEST_CASE("a computed key names its method, function, arrow or class at run time") {
        Machine m;
        CHECK(m.run("const n = 2; const o = { [`t_${n}`]() {}, ['f' + n]: function () {}, "
                    "['a' + n]: () => {}, ['c' + n]: class {}, async ['s' + n]() {} };"
                    "module.exports = [o.t_2.name, o.f2.name, o.a2.name, o.c2.name, o.s2.name]") ==
              "[t_2,f2,a2,c2,s2]");
        CHECK(m.run("const o = { 3: function () {}, [1.5]() {}, ['x']: function named() {} };"
                    "module.exports = [o[3].name, o['1.5'].name, o.x.name]") == "[3,1.5,named]");
        CHECK(m.run("const s = Symbol('desc'), e = Symbol(); const o = { [s]() {}, [e]() {} };"
                    "module.exports = [o[s].name, o[e].name]") == "[[desc],]");
        CHECK(m.run("const n = 2; class C { [`m${n}`]() {} static [`s${n}`]() {} }"
                    "module.exports = [C.prototype.m2.name, C.s2.name]") == "[m2,s2]");
        CHECK(m.run("const o = { ['k']: (0, function () {}) }; module.exports = o.k.name") == "");
    }

    TEST_CASE("the run-time name is the function's own non-writable, configurable name") {
        Machine m;
        CHECK(m.run("const o = { ['m' + 1]() {} }; const d = Object.getOwnPropertyDescriptor(o.m1, "
                    "'name'); module.exports = [d.value, d.writable, d.enumerable, d.configurable, "
                    "Object.getOwnPropertyNames(o.m1)]") == "[m1,false,false,true,[length,name]]");
    }

    TEST_CASE("getters and setters are named 'get x' and 'set x'") {
        Machine m;
        CHECK(m.run("const n = 2; const o = { get g() { return 1; }, set g(v) {}, "
                    "get [`c${n}`]() { return 1; }, set [`c${n}`](v) {} };"
                    "const d = Object.getOwnPropertyDescriptor(o, 'g'), c = "
                    "Object.getOwnPropertyDescriptor(o, 'c2');"
                    "module.exports = [d.get.name, d.set.name, c.get.name, c.set.name]") ==
              "[get g,set g,get c2,set c2]");
        CHECK(m.run("class K { get v() { return 1; } static set w(x) {} }"
                    "module.exports = [Object.getOwnPropertyDescriptor(K.prototype, 'v').get.name, "
                    "Object.getOwnPropertyDescriptor(K, 'w').set.name]") == "[get v,set w]");
    }

    TEST_CASE("stack frames print accessors and run-time names as V8 does") {
        Machine m;
        auto frame = [&](const std::string& setup, const std::string& call) {
            return m.run(setup + " try { " + call +
                         "; } catch (e) { module.exports = e.stack.split('\\n')[1].trim().split(' "
                         "(')[0]; }");
        };
        CHECK(frame("const o = { get g() { throw new Error('x'); } };", "o.g") ==
              "at get g [as g]");
        CHECK(frame("const o = { set s(v) { throw new Error('x'); } };", "o.s = 1") ==
              "at set s [as s]");
        CHECK(frame("class K { get v() { throw new Error('x'); } }", "new K().v") ==
              "at get v [as v]");
        CHECK(frame("const n = 2; const o = { get [`c${n}`]() { throw new Error('x'); } };",
                    "o.c2") == "at get c2 [as c2]");
        CHECK(frame("const o = { m() { throw new Error('x'); } }; Object.defineProperty(o.m, "
                    "'name', { value: 'other' });",
                    "o.m()") == "at Object.other [as m]");
        CHECK(frame("const o = { get g() { throw new Error('x'); } }; const g = "
                    "Object.getOwnPropertyDescriptor(o, 'g').get;",
                    "g()") == "at get g");
    }
}
