// Tests for require('events'), util.promisify and timers/promises, run end to end through
// run_scenario. Each expected output is what real node 20 printed for the same program.
#include "model/node/scenario_runner.h"

#include <doctest/doctest.h>
#include <string>

using namespace loopsim;

namespace {

node::ScenarioResult run_js(const std::string& source,
                            std::map<std::string, std::string> env = {}) {
    node::ScenarioOptions options;
    options.path = "/scenarios/probe.js";
    options.source = source;
    options.env = std::move(env);
    return node::run_scenario(options);
}

std::string out(const std::string& source) {
    node::ScenarioResult result = run_js(source);
    CHECK(result.stderr_text == "");
    CHECK(result.exit_code == 0);
    return result.stdout_text;
}

} // namespace

TEST_SUITE("node.events") {
    TEST_CASE("emit calls the listeners in registration order with the emitter as this") {
        CHECK(out(R"(
const EE = require('events');
const e = new EE();
e.on('x', function (a, b) { console.log('1', this === e, a, b); });
e.on('x', (a) => console.log('2', a));
console.log(e.emit('x', 'A', 'B'), e.emit('y'));
)") == "1 true A B\n2 A\ntrue false\n");
    }

    TEST_CASE("a once listener is removed before it runs; emit works on a copy of the list") {
        // The once listener re-emits: it no longer sees itself, and the outer emit still calls
        // 'on2' from its copy.
        CHECK(out(R"(
const EE = require('events');
const out = [];
const e = new EE();
e.once('a', () => { out.push('once1'); e.emit('a'); });
e.on('a', () => out.push('on2'));
e.emit('a');
console.log(out.join(','));
)") == "once1,on2,on2\n");
    }

    TEST_CASE("a listener added during emit waits; one removed during emit still runs") {
        CHECK(out(R"(
const EE = require('events');
const e = new EE();
function second() { console.log('second'); }
e.on('x', () => { console.log('first'); e.on('x', () => console.log('late')); e.off('x', second); });
e.on('x', second);
e.emit('x');
console.log('--');
e.emit('x');
)") == "first\nsecond\n--\nfirst\nlate\n");
    }

    TEST_CASE("removeListener removes the last matching entry; listenerCount counts wrappers") {
        CHECK(out(R"(
const EE = require('events');
const e = new EE();
const f = () => {}; const g = () => {};
e.on('b', f); e.on('b', g); e.on('b', f);
e.removeListener('b', f);
console.log(e.listeners('b').map(x => x.name).join(','));
console.log(e.listenerCount('b'), e.listenerCount('b', f), e.listenerCount('nope'));
e.once('c', f);
console.log(e.listenerCount('c', f), e.rawListeners('c')[0] !== f, e.listeners('c')[0] === f);
e.off('c', f);
console.log(e.listenerCount('c'), e.eventNames());
console.log(e.emit('c'), Array.isArray(e._events.b), e._eventsCount);
e.off('b', g);
console.log(typeof e._events.b);
)") == "f,g\n2 1 0\n1 true true\n0 [ 'b' ]\nfalse true 1\nfunction\n");
    }

    TEST_CASE("prependListener and prependOnceListener go first") {
        CHECK(out(R"(
const EE = require('events');
const e = new EE();
e.on('go', () => console.log('on'));
e.prependListener('go', () => console.log('prepended'));
e.prependOnceListener('go', () => console.log('prepended once'));
e.emit('go'); console.log('--'); e.emit('go');
)") == "prepended once\nprepended\non\n--\nprepended\non\n");
    }

    TEST_CASE("'newListener' comes before the add, 'removeListener' after the removal") {
        CHECK(out(R"(
const EE = require('events');
const e = new EE();
e.on('newListener', (type, fn) => console.log('newListener', String(type), fn.name, e.listenerCount(type)));
e.on('removeListener', (type, fn) => console.log('removeListener', String(type), fn.name, e.listenerCount(type)));
function a() {} function b() {}
e.on('t', a); e.once('t', b); e.prependListener('t', b);
console.log(e.listeners('t').map((f) => f.name).join(','));
e.removeListener('t', b);
console.log(e.listeners('t').map((f) => f.name).join(','));
e.emit('t');
e.removeAllListeners();
console.log(e.eventNames().length, e.listenerCount('newListener'));
)") == "newListener removeListener  0\nnewListener t a 0\nnewListener t b 1\nnewListener t b "
       "2\nb,a,b\n"
       "removeListener t b 2\nb,a\nremoveListener newListener  0\nremoveListener t a 1\n"
       "removeListener t b 0\n0 0\n");
    }

    TEST_CASE("'error' without a listener throws the Error itself, or ERR_UNHANDLED_ERROR") {
        CHECK(out(R"(
const EE = require('events');
const e = new EE();
const boom = new Error('boom');
try { e.emit('error', boom); } catch (err) { console.log(err === boom); }
for (const v of ['text', 42, undefined, { a: 1 }]) {
  try { e.emit('error', v); } catch (err) { console.log(err.name, err.code, err.message, err.context === v, String(err)); }
}
)") == "true\n"
       "Error ERR_UNHANDLED_ERROR Unhandled error. ('text') true Error [ERR_UNHANDLED_ERROR]: "
       "Unhandled error. ('text')\n"
       "Error ERR_UNHANDLED_ERROR Unhandled error. (42) true Error [ERR_UNHANDLED_ERROR]: "
       "Unhandled error. (42)\n"
       "Error ERR_UNHANDLED_ERROR Unhandled error. (undefined) true Error [ERR_UNHANDLED_ERROR]: "
       "Unhandled "
       "error. (undefined)\n"
       "Error ERR_UNHANDLED_ERROR Unhandled error. ({ a: 1 }) true Error [ERR_UNHANDLED_ERROR]: "
       "Unhandled "
       "error. ({ a: 1 })\n");
    }

    TEST_CASE("a throwing listener ends emit; the listeners after it do not run") {
        CHECK(out(R"(
const EE = require('events');
const e = new EE();
e.on('s', () => console.log('one'));
e.on('s', () => { throw new Error('two failed'); });
e.on('s', () => console.log('three'));
try { e.emit('s'); } catch (err) { console.log('caught', err.message); }
)") == "one\ncaught two failed\n");
    }

    TEST_CASE("class extends EventEmitter, and the old EventEmitter.call + util.inherits form") {
        CHECK(out(R"(
const EE = require('events');
const util = require('util');
class Sub extends EE { constructor() { super(); this.tag = 'sub'; } }
const s = new Sub();
s.on('x', function () { console.log('sub got x', this.tag); });
s.emit('x');
console.log(s instanceof EE, s instanceof Sub, Object.keys(s).join(','));
function Old() { EE.call(this); this.old = true; }
util.inherits(Old, EE);
const o = new Old();
o.on('y', () => console.log('old got y'));
o.emit('y');
console.log(o instanceof EE, Old.super_ === EE, Object.keys(o).join(','));
console.log(require('events') === EE, EE.EventEmitter === EE, EE.defaultMaxListeners, new EE().getMaxListeners());
)") == "sub got x sub\ntrue true _events,_eventsCount,_maxListeners,tag\nold got y\n"
       "true true _events,_eventsCount,_maxListeners,old\ntrue true 10 10\n");
    }

    TEST_CASE("an emitter prints as Node prints it") {
        CHECK(out(R"(
const EE = require('events');
const e = new EE();
e.on('a', function f() {}); e.once('a', () => {}); e.on('b', () => {});
console.log(e);
console.log(e.rawListeners('a'));
)") == "EventEmitter {\n  _events: [Object: null prototype] {\n    a: [ [Function: f], [Function] "
       "],\n"
       "    b: [Function (anonymous)]\n  },\n  _eventsCount: 2,\n  _maxListeners: undefined,\n"
       "  [Symbol(shapeMode)]: false,\n  [Symbol(kCapture)]: false\n}\n"
       "[\n  [Function: f],\n  [Function: bound onceWrapper] { listener: [Function (anonymous)] "
       "}\n]\n");
    }

    TEST_CASE("more listeners than getMaxListeners() warns once, on the next tick") {
        node::ScenarioResult result = run_js(R"(
const EE = require('events');
const e = new EE();
e.setMaxListeners(2);
for (let i = 0; i < 4; i++) e.on('leak', () => {});
console.log('added');
process.nextTick(() => console.log('tick'));
)");
        CHECK(result.stdout_text == "added\ntick\n");
        CHECK(result.stderr_text ==
              "(node:PID) MaxListenersExceededWarning: Possible EventEmitter memory leak detected. "
              "3 leak listeners "
              "added to [EventEmitter]. MaxListeners is 2. Use emitter.setMaxListeners() to "
              "increase limit\n"
              "(Use `node --trace-warnings ...` to show where the warning was created)\n");
    }

    TEST_CASE(
        "events.once resolves with the arguments, rejects on 'error', and takes Node's ticks") {
        CHECK(out(R"(
const { once, EventEmitter } = require('events');
const e = new EventEmitter();
(async () => { const v = await once(e, 'go'); console.log('once resolved', v); })();
(async () => { try { await once(e, 'fail'); } catch (err) { console.log('once rejected', err.message, e.listenerCount('fail'), e.listenerCount('error')); } })();
console.log('listening', e.listenerCount('go'), e.listenerCount('error'));
setTimeout(() => {
  e.emit('go', 1, 2);
  console.log('after emit', e.listenerCount('go'), e.listenerCount('error'));
  Promise.resolve().then(() => console.log('p1')).then(() => console.log('p2')).then(() => console.log('p3')).then(() => console.log('p4'));
  e.emit('error', new Error('bad'));
}, 1);
)") == "listening 1 2\nafter emit 0 1\np1\nonce resolved [ 1, 2 ]\np2\nonce rejected bad 0 "
       "0\np3\np4\n");
    }

    TEST_CASE(
        "listeners, once-wrappers and events.once survive collections in the middle of emit") {
        // Each listener allocates enough to make the heap collect while emit holds its copy.
        CHECK(out(R"(
const EE = require('events');
const { once } = EE;
const util = require('util');
let total = 0;
const e = new EE();
e.setMaxListeners(0);
const churn = () => { const junk = []; for (let j = 0; j < 3000; j++) junk.push({ j, s: 'x' + j }); return junk.length; };
for (let i = 0; i < 10; i++) e.on('x', (n) => { churn(); total += n; });
for (let i = 0; i < 10; i++) e.once('y', (n) => { churn(); total += n; });
for (let k = 0; k < 30; k++) e.emit('x', 1);
e.emit('y', 100);
e.removeAllListeners('x');
const waits = [];
for (let k = 0; k < 20; k++) waits.push(once(e, 'z').then(([v]) => { churn(); return v; }));
const p = util.promisify((a, cb) => setImmediate(() => { churn(); cb(null, a * 2); }));
Promise.all([Promise.all(waits), p(21)]).then(([vs, d]) => console.log(total, vs.length, vs[0], d, e.eventNames()));
setTimeout(() => { churn(); e.emit('z', 7); }, 5);
)") == "1300 20 7 42 []\n");
    }

    TEST_CASE("bad arguments throw or reject with Node's ERR_INVALID_ARG_TYPE wording") {
        CHECK(out(R"(
const u=require('util'); const E=require('events');
try{u.inherits(null, function(){})}catch(e){console.log(e.message)}
try{u.inherits(function(){}, Object.create(null))}catch(e){console.log(e.message)}
E.once(5, 'x').catch(e=>console.log(e.message));
E.once({}, 'x').catch(e=>console.log(e.message));
try{E.getEventListeners(5)}catch(e){console.log(e.message)}
const tp=require('timers/promises');
tp.setTimeout(1, 1, 5).catch(e=>console.log(1, e.message, e.code));
tp.setTimeout(1, 1, {ref: 5}).catch(e=>console.log(2, e.message, e.code));
tp.setImmediate(1, null).catch(e=>console.log(3, e.message, e.code));
tp.setTimeout(Symbol()).catch(e=>console.log(4, e.message, e.code));
try { process.emitWarning(5) } catch (e) { console.log(e.message) }
)") == "The \"ctor\" argument must be of type function. Received null\n"
       "The \"superCtor.prototype\" property must be of type object. Received undefined\n"
       "The \"emitter\" argument must be an instance of EventEmitter or EventTarget. Received type "
       "number (5)\n"
       "The \"warning\" argument must be of type string or an instance of Error. Received type "
       "number (5)\n"
       "1 The \"options\" argument must be of type object. Received type number (5) "
       "ERR_INVALID_ARG_TYPE\n"
       "2 The \"options.ref\" property must be of type boolean. Received type number (5) "
       "ERR_INVALID_ARG_TYPE\n"
       "3 The \"options\" argument must be of type object. Received null ERR_INVALID_ARG_TYPE\n"
       "4 The \"delay\" argument must be of type number. Received type symbol (Symbol()) "
       "ERR_INVALID_ARG_TYPE\n"
       "The \"emitter\" argument must be an instance of EventEmitter. Received type number (5)\n"
       "The \"emitter\" argument must be an instance of EventEmitter. Received an instance of "
       "Object\n"
       "");
    }
}

TEST_SUITE("node.util_and_timers_promises") {
    TEST_CASE(
        "util.promisify: (err, value) callbacks, and setTimeout/setImmediate's custom forms") {
        CHECK(out(R"(
const util = require('util');
const tp = require('timers/promises');
function add(a, b, cb) { setImmediate(() => cb(null, a + b)); }
function fail(cb) { process.nextTick(() => cb(new Error('nope'))); }
const addAsync = util.promisify(add);
console.log(addAsync.name, addAsync.length, util.promisify(setTimeout) === tp.setTimeout);
addAsync(1, 2).then((v) => console.log('sum', v));
util.promisify(fail)().catch((e) => console.log('rejected', e.message));
util.promisify(setTimeout)(5, 'slept').then((v) => console.log(v));
util.promisify(setImmediate)('imm').then((v) => console.log(v));
setTimeout(() => console.log('timeout cb'), 5);
setImmediate(() => console.log('immediate cb'));
console.log(util.format('%s=%d %j', 'n', 42, { a: 1 }), util.inspect({ a: { b: { c: {} } } }, { depth: 0 }));
)") == "add 3 true\nn=42 {\"a\":1} { a: [Object] }\nrejected nope\nsum 3\nimm\nimmediate "
       "cb\nslept\ntimeout cb\n");
    }

    TEST_CASE("timers/promises resolve in the timers and check phases, in creation order") {
        CHECK(out(R"(
const tp = require('timers/promises');
setTimeout(() => console.log('cb 10'), 10);
tp.setTimeout(10, 'p 10').then(console.log);
setTimeout(() => console.log('cb 10 b'), 10);
setImmediate(() => console.log('imm cb'));
tp.setImmediate('p imm').then(console.log);
setImmediate(() => console.log('imm cb b'));
console.log(require('timers').promises === tp);
)") == "true\nimm cb\np imm\nimm cb b\ncb 10\np 10\ncb 10 b\n");
    }

    TEST_CASE("a delay above 2^31-1 warns (once the hint) and becomes 1 ms") {
        node::ScenarioResult result = run_js(R"(
const tp = require('timers/promises');
setTimeout(() => console.log('10 ms'), 10);
tp.setTimeout(2 ** 31, 'overflow').then(console.log);
setTimeout(() => console.log('huge'), 2 ** 32);
console.log('scheduled');
)");
        CHECK(result.stdout_text == "scheduled\noverflow\nhuge\n10 ms\n");
        CHECK(result.stderr_text ==
              "(node:PID) TimeoutOverflowWarning: 2147483648 does not fit into a 32-bit "
              "signed integer.\nTimeout duration was set to 1.\n(Use `node --trace-warnings "
              "...` to show where the warning was created)\n(node:PID) TimeoutOverflowWarning: "
              "4294967296 does not fit into a 32-bit signed integer.\nTimeout duration was set "
              "to 1.\n");
    }

    TEST_CASE(
        "NODE_NO_WARNINGS=1 removes the default 'warning' listener; emitWarning still emits") {
        const char* source = R"(
console.log(process.listenerCount('warning'));
process.on('warning', (w) => console.log('got', w.name, w.code, w.message));
process.emitWarning('custom', 'MyWarning', 'CODE1');
console.log('sync');
)";
        node::ScenarioResult quiet = run_js(source, {{"NODE_NO_WARNINGS", "1"}});
        CHECK(quiet.stdout_text == "0\nsync\ngot MyWarning CODE1 custom\n");
        CHECK(quiet.stderr_text == "");
        node::ScenarioResult loud = run_js(source);
        CHECK(loud.stdout_text == "1\nsync\ngot MyWarning CODE1 custom\n");
        CHECK(loud.stderr_text ==
              "(node:PID) [CODE1] MyWarning: custom\n(Use `node --trace-warnings ...` to show "
              "where the warning was created)\n");
    }
}
