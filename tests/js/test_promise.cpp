// Tests for model/js/promise*.{h,cpp}: job order against orders recorded from real node
// (tests/js/data/promise_orders/*.js -> *.expect.json, via scripts/record-expected.mjs), the
// rejection tracker, the API the VM uses, and bounded memory over long chains.
//
// Each scenario is written twice: in JS (recorded from node) and here, with native functions
// as handlers that append to the host's log. A fake host queues jobs and runs them FIFO with
// a safepoint after each, like model/node's microtask drain; every scenario also runs with
// the collector at every safepoint, so a missing root shows up at once.
#include "js_test_support.h"
#include "model/js/array.h"
#include "model/js/conversions.h"
#include "model/js/function.h"
#include "model/js/host.h"
#include "model/js/promise.h"
#include "model/js/promise_jobs.h"
#include "model/js/runtime.h"

#include <deque>
#include <doctest/doctest.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

using namespace loopsim::js;

namespace {

// The host: a FIFO job queue, the rejection tracker's calls, and the scenario's log.
class FakeHost final : public Host, public RootSource {
public:
    explicit FakeHost(Runtime& runtime) : m_runtime(runtime) {
        runtime.heap().add_root_source(this);
        runtime.set_host(this);
    }
    ~FakeHost() {
        m_runtime.set_host(nullptr);
        m_runtime.heap().remove_root_source(this);
    }

    void enqueue_job(Job& job) override { queue.push_back(&job); }
    void promise_rejection_tracker(Object& promise, RejectionOperation operation) override {
        tracker.push_back({&promise, operation});
    }
    void charge(int64_t) override {}
    double now_ms() override { return 0; }
    double performance_now_ms() override { return 0; }

    // Runs jobs FIFO until the queue is empty; returns how many ran.
    size_t run_jobs() {
        size_t count = 0;
        while (!queue.empty()) {
            Root<Job> job(m_runtime.heap(), queue.front());
            queue.pop_front();
            Completion result = job->run(m_runtime);
            if (result.is_throw()) ++job_throws;
            ++count;
            m_runtime.heap().safepoint();
        }
        return count;
    }

    void visit_roots(Visitor& visitor) override {
        for (Job* job : queue) visitor.visit(job);
        for (auto& call : tracker) visitor.visit(call.promise);
        for (Value v : slots) visitor.visit(v);
    }

    struct TrackerCall {
        Object* promise;
        RejectionOperation operation;
    };
    std::deque<Job*> queue;
    std::vector<TrackerCall> tracker;
    std::vector<std::string> log;
    std::vector<Value> slots; // values scenarios keep (resolve functions, chain heads)
    size_t job_throws = 0;

private:
    Runtime& m_runtime;
};

FakeHost& host_of(Runtime& runtime) {
    return *static_cast<FakeHost*>(runtime.host());
}

// How the scenarios print a value: like JS string concatenation for what they use.
std::string show(Runtime& runtime, Value value) {
    if (value.is_object() && value.as_object()->kind() == CellKind::Array) {
        auto* array = static_cast<Array*>(value.as_object());
        std::string out;
        for (uint32_t i = 0; i < array->length(); ++i) {
            if (i > 0) out += ',';
            out += show(runtime, array->get(runtime, PropertyKey::index(i)).value());
        }
        return out;
    }
    if (value.is_object()) return "[object Object]";
    return to_string(runtime, value).value()->to_utf8();
}

Value arg0(std::span<const Value> args) {
    return args.empty() ? Value() : args[0];
}

Value get(Runtime& runtime, Value object, std::string_view name) {
    return object.as_object()->get(runtime, runtime.key(name)).value();
}

// --- native handlers ---------------------------------------------------------------------------
// Each logs through the host and then reaches a safepoint, as a JS function would.

// () => console.log(label)
Completion log_label(Runtime& runtime, NativeFunction& callee, Value, std::span<const Value>) {
    host_of(runtime).log.push_back(loopsim::js::testing::utf8(callee.data()));
    runtime.heap().safepoint();
    return Value();
}

// (v) => console.log(prefix + v)
Completion log_value(Runtime& runtime, NativeFunction& callee, Value, std::span<const Value> args) {
    host_of(runtime).log.push_back(loopsim::js::testing::utf8(callee.data()) +
                                   show(runtime, arg0(args)));
    runtime.heap().safepoint();
    return Value();
}

struct Env {
    explicit Env(bool stress) : runtime(options(stress)), host(runtime) {
        global = Object::create(runtime, nullptr);
        install_test_array_iterator();
        install_promise(runtime, *global);
        host.slots.push_back(Value(global));
    }
    static HeapOptions options(bool stress) {
        HeapOptions o;
        o.collect_at_every_safepoint = stress;
        return o;
    }

    Value promise_ctor() { return Value(runtime.promise_constructor()); }
    Value str(std::string_view s) { return Value(runtime.string(s)); }
    Value fn(NativeFn f, Value data = Value(), std::string_view name = "") {
        return Value(NativeFunction::create(runtime, name, 1, f, data));
    }
    Value logger(std::string_view label) { return fn(log_label, str(label)); }
    Value value_logger(std::string_view prefix) { return fn(log_value, str(prefix)); }

    Value call_method(Value receiver, std::string_view name, std::vector<Value> args) {
        Value method = receiver.as_object()->get(runtime, runtime.key(name)).value();
        Completion c = runtime.call(method, receiver, args);
        REQUIRE_FALSE(c.is_throw());
        return c.value();
    }
    Value then(Value p, Value on_fulfilled, Value on_rejected = Value()) {
        return call_method(p, "then", {on_fulfilled, on_rejected});
    }
    Value catch_(Value p, Value on_rejected) { return call_method(p, "catch", {on_rejected}); }
    Value resolved(Value v) { return call_method(promise_ctor(), "resolve", {v}); }
    Value rejected(Value v) { return call_method(promise_ctor(), "reject", {v}); }
    Value array(std::vector<Value> values) { return Value(Array::create_from(runtime, values)); }

    // `Promise.resolve().then(() => log('t1')).then(...)...`: the ticker of n steps.
    void ticker(int steps) {
        Value p = resolved(Value());
        for (int i = 1; i <= steps; ++i) p = then(p, logger("t" + std::to_string(i)));
    }

    // `let r; const p = new Promise((resolve, reject) => { r = resolve; })`: returns p and
    // keeps resolve in host.slots[slot_index].
    Value deferred(size_t& slot_index) {
        slot_index = host.slots.size();
        host.slots.push_back(Value());
        host.slots.push_back(Value());
        Value executor = fn(store_executor_args, Value(static_cast<int32_t>(slot_index)));
        Value args[] = {executor};
        Completion c = runtime.construct(promise_ctor(), args);
        REQUIRE_FALSE(c.is_throw());
        return c.value();
    }
    static Completion store_executor_args(Runtime& runtime, NativeFunction& callee, Value,
                                          std::span<const Value> args) {
        auto slot = static_cast<size_t>(callee.data().as_int32());
        host_of(runtime).slots[slot] = arg0(args);
        host_of(runtime).slots[slot + 1] = args.size() > 1 ? args[1] : Value();
        return Value();
    }
    void call(Value f, std::vector<Value> args) {
        Completion c = runtime.call(f, Value(), args);
        REQUIRE_FALSE(c.is_throw());
    }

    // A minimal Array.prototype[Symbol.iterator] so the combinators can iterate arrays
    // without the built-in library.
    void install_test_array_iterator() {
        Object* prototype = Object::create(runtime, nullptr);
        prototype->put_direct(
            runtime, PropertyKey::symbol(runtime.well_known_symbol(WellKnownSymbol::Iterator)),
            fn(array_iterator), attr::Builtin);
        runtime.set_array_prototype(prototype);
    }
    static Completion array_iterator(Runtime& runtime, NativeFunction&, Value this_value,
                                     std::span<const Value>) {
        Object* iterator = Object::create(runtime, nullptr);
        iterator->put_direct(runtime, runtime.key("array"), this_value);
        iterator->put_direct(runtime, runtime.key("index"), Value(0));
        iterator->put_direct(runtime, runtime.common_key(CommonAtom::Next),
                             Value(NativeFunction::create(runtime, "next", 0, iterator_next)));
        return Value(iterator);
    }
    static Completion iterator_next(Runtime& runtime, NativeFunction&, Value this_value,
                                    std::span<const Value>) {
        auto* array = static_cast<Array*>(get(runtime, this_value, "array").as_object());
        int32_t index = get(runtime, this_value, "index").as_int32();
        Object* result = Object::create(runtime, nullptr);
        bool done = static_cast<uint32_t>(index) >= array->length();
        result->put_direct(runtime, runtime.common_key(CommonAtom::Done), Value(done));
        if (!done) {
            result->put_direct(runtime, runtime.common_key(CommonAtom::Value),
                               array->get(runtime, PropertyKey::index(index)).value());
            this_value.as_object()->put_direct(runtime, runtime.key("index"), Value(index + 1));
        }
        return Value(result);
    }

    Runtime runtime;
    FakeHost host;
    Object* global = nullptr;
};

std::vector<std::string> recorded_lines(const std::string& name) {
    std::ifstream in(std::string(LOOPSIM_SOURCE_DIR) + "/tests/js/data/promise_orders/" + name +
                     ".expect.json");
    REQUIRE(in.good());
    nlohmann::json doc = nlohmann::json::parse(in);
    REQUIRE(doc["outcomes"].size() == 1);
    REQUIRE(doc["outcomes"][0]["exit_code"] == 0);
    std::istringstream stdout_text(doc["outcomes"][0]["stdout"].get<std::string>());
    std::vector<std::string> lines;
    for (std::string line; std::getline(stdout_text, line);) lines.push_back(line);
    return lines;
}

// Runs `scenario` normally and with collection at every safepoint; both logs must equal
// what node printed for tests/js/data/promise_orders/<name>.js.
template <typename F> void check_against_node(const std::string& name, F scenario) {
    std::vector<std::string> expected = recorded_lines(name);
    for (bool stress : {false, true}) {
        CAPTURE(stress);
        Env env(stress);
        scenario(env);
        env.host.run_jobs();
        CHECK(env.host.log == expected);
        CHECK(env.host.job_throws == 0);
    }
}

// --- handlers specific to some scenarios --------------------------------------------------------

// A thenable's then(onFulfilled): logs its label (if any), then calls onFulfilled with each
// value of the array in data.values.
Completion thenable_then(Runtime& runtime, NativeFunction& callee, Value,
                         std::span<const Value> args) {
    Value data = callee.data();
    Value label = get(runtime, data, "label");
    if (label.is_string()) host_of(runtime).log.push_back(loopsim::js::testing::utf8(label));
    auto* values = static_cast<Array*>(get(runtime, data, "values").as_object());
    RootedValue on_fulfilled(runtime.heap(), arg0(args));
    for (uint32_t i = 0; i < values->length(); ++i) {
        Value v[] = {values->get(runtime, PropertyKey::index(i)).value()};
        (void)runtime.call(on_fulfilled.get(), Value(), v);
    }
    return Value();
}

Value make_thenable(Env& env, Value label, std::vector<Value> values) {
    Object* data = Object::create(env.runtime, nullptr);
    data->put_direct(env.runtime, env.runtime.key("label"), label);
    data->put_direct(env.runtime, env.runtime.key("values"), env.array(values));
    Object* thenable = Object::create(env.runtime, nullptr);
    thenable->put_direct(env.runtime, env.runtime.key("then"), env.fn(thenable_then, Value(data)));
    return Value(thenable);
}

// (results) => console.log(results.map(r => r.status + ':' + (value or reason)).join(' '))
Completion log_settled(Runtime& runtime, NativeFunction&, Value, std::span<const Value> args) {
    auto* results = static_cast<Array*>(arg0(args).as_object());
    std::string line;
    for (uint32_t i = 0; i < results->length(); ++i) {
        Value r = results->get(runtime, PropertyKey::index(i)).value();
        std::string status = loopsim::js::testing::utf8(get(runtime, r, "status"));
        if (i > 0) line += ' ';
        line += status + ':' +
                show(runtime, get(runtime, r, status == "fulfilled" ? "value" : "reason"));
    }
    host_of(runtime).log.push_back(line);
    return Value();
}

// (e) => console.log(prefix + e.name + ':' + e.message + ':' + e.errors), or with
// data.length: prefix + e.name + ':' + e.errors.length
Completion log_error(Runtime& runtime, NativeFunction& callee, Value, std::span<const Value> args) {
    Value e = arg0(args);
    std::string mode = loopsim::js::testing::utf8(callee.data());
    std::string name = show(runtime, get(runtime, e, "name"));
    std::string line;
    if (mode == "name-message")
        line = name + ':' + show(runtime, get(runtime, e, "message"));
    else if (mode == "aggregate")
        line = name + ':' + show(runtime, get(runtime, e, "message")) + ':' +
               show(runtime, get(runtime, e, "errors"));
    else
        line = "empty:" + name + ':' +
               std::to_string(static_cast<Array*>(get(runtime, e, "errors").as_object())->length());
    host_of(runtime).log.push_back(line);
    return Value();
}

Completion throw_data(Runtime&, NativeFunction& callee, Value, std::span<const Value>) {
    return ThrowCompletion{callee.data()};
}

Completion return_data(Runtime& runtime, NativeFunction& callee, Value, std::span<const Value>) {
    Value data = callee.data();
    host_of(runtime).log.push_back(loopsim::js::testing::utf8(get(runtime, data, "label")));
    return get(runtime, data, "result");
}

// (resolve) => { console.log('executor'); resolve('ok'); throw 'late'; }
Completion resolve_then_throw(Runtime& runtime, NativeFunction&, Value,
                              std::span<const Value> args) {
    host_of(runtime).log.push_back("executor");
    Value ok[] = {Value(runtime.string("ok"))};
    (void)runtime.call(arg0(args), Value(), ok);
    return ThrowCompletion{Value(runtime.string("late"))};
}

// class MyPromise extends Promise { constructor(ex) { console.log('construct'); super(ex); } }
Completion my_promise_call(Runtime& runtime, NativeFunction&, Value, std::span<const Value>) {
    return runtime.throw_error(ErrorType::TypeError,
                               "Class constructor cannot be invoked without 'new'");
}
Completion my_promise_construct(Runtime& runtime, NativeFunction&, std::span<const Value> args,
                                Object& new_target) {
    host_of(runtime).log.push_back("construct");
    return runtime.construct(Value(runtime.promise_constructor()), args, &new_target);
}

bool instance_of(Value object, Value constructor, Runtime& runtime) {
    Value prototype = get(runtime, constructor, "prototype");
    for (Object* o = object.as_object()->prototype(); o != nullptr; o = o->prototype())
        if (Value(o).is_same_bits(prototype)) return true;
    return false;
}

// The chain extender of the long-chain tests: counts, and while below the target, appends
// one more `then(extend)` to the chain's head (host.slots[1]).
struct ChainState {
    uint64_t runs = 0;
    uint64_t target = 0;
};
ChainState g_chain;

Completion extend_chain(Runtime& runtime, NativeFunction& callee, Value, std::span<const Value>) {
    FakeHost& host = host_of(runtime);
    if (++g_chain.runs < g_chain.target) {
        Value head = host.slots[1];
        Value then = head.as_object()->get(runtime, runtime.common_key(CommonAtom::Then)).value();
        Value args[] = {Value(&callee)};
        host.slots[1] = runtime.call(then, head, args).value();
    }
    return Value();
}

Completion count_call(Runtime&, NativeFunction&, Value, std::span<const Value>) {
    ++g_chain.runs;
    return Value();
}

// Resets the process's peak RSS to its current RSS (Linux: "5" to /proc/self/clear_refs), so
// a test measures its own peak, not that of the suites that ran before it.
bool reset_peak_rss() {
    std::ofstream clear("/proc/self/clear_refs");
    clear << "5";
    clear.flush();
    return clear.good();
}

size_t peak_rss_kib() {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmHWM:", 0) == 0) return std::stoul(line.substr(6));
    return 0;
}

} // namespace

TEST_SUITE("promise") {

    TEST_CASE("two then-chains interleave one reaction per job, as in node") {
        check_against_node("two_chains", [](Env& env) {
            Value p1 = env.resolved(Value());
            Value p2 = env.resolved(Value());
            env.then(env.then(env.then(p1, env.logger("a1")), env.logger("a2")), env.logger("a3"));
            env.then(env.then(env.then(p2, env.logger("b1")), env.logger("b2")), env.logger("b3"));
            env.host.log.push_back("sync");
        });
    }

    TEST_CASE("resolving with a native promise takes two extra jobs, as in node") {
        check_against_node("resolve_with_promise", [](Env& env) {
            Value inner = env.resolved(env.str("x"));
            size_t slot;
            Value outer = env.deferred(slot);
            env.call(env.host.slots[slot], {inner});
            env.then(outer, env.value_logger("outer:"));
            env.ticker(4);
        });
    }

    TEST_CASE("a handler returning a promise delays the derived promise, as in node") {
        check_against_node("return_promise_from_then", [](Env& env) {
            Object* data = Object::create(env.runtime, nullptr);
            data->put_direct(env.runtime, env.runtime.key("label"), env.str("r0"));
            data->put_direct(env.runtime, env.runtime.key("result"), env.resolved(env.str("r")));
            Value first = env.then(env.resolved(Value()), env.fn(return_data, Value(data)));
            env.then(first, env.value_logger("got:"));
            env.ticker(5);
        });
    }

    TEST_CASE("Promise.resolve returns a native promise itself and calls a thenable in a job") {
        check_against_node("resolve_identity_and_thenable", [](Env& env) {
            Value p = env.resolved(Value(1));
            env.host.log.push_back(std::string("same:") +
                                   (env.resolved(p).is_same_bits(p) ? "true" : "false"));
            Value thenable = make_thenable(env, env.str("then called"), {env.str("t")});
            env.then(env.resolved(thenable), env.value_logger("thenable:"));
            env.ticker(3);
        });
    }

    TEST_CASE("finally passes values and reasons through and takes extra jobs, as in node") {
        check_against_node("finally", [](Env& env) {
            Value f1 = env.call_method(env.resolved(env.str("v")), "finally", {env.logger("fin")});
            env.then(f1, env.value_logger("after:"));
            Value f2 = env.call_method(env.rejected(env.str("e")), "finally", {env.logger("fin2")});
            env.catch_(f2, env.value_logger("caught:"));
            env.ticker(5);
        });
    }

    TEST_CASE("Promise.all keeps input order, counts each element once, and rejects first") {
        check_against_node("all", [](Env& env) {
            size_t slot;
            Value a = env.deferred(slot);
            Value b = env.resolved(env.str("b"));
            Value twice = make_thenable(env, Value(), {env.str("x"), env.str("y")});
            Value all = env.call_method(env.promise_ctor(), "all",
                                        {env.array({a, b, env.str("c"), twice})});
            env.then(all, env.value_logger("all:"));
            // The ticker, with resolveA('a') in t2.
            Value p = env.then(env.resolved(Value()), env.logger("t1"));
            Object* t2 = Object::create(env.runtime, nullptr);
            p = env.then(p,
                         env.fn(
                             [](Runtime& runtime, NativeFunction&, Value, std::span<const Value>) {
                                 FakeHost& host = host_of(runtime);
                                 host.log.push_back("t2");
                                 Value a[] = {Value(runtime.string("a"))};
                                 (void)runtime.call(host.slots[host.slots.size() - 2], Value(), a);
                                 return Completion(Value());
                             },
                             Value(t2)));
            REQUIRE(slot == env.host.slots.size() - 2);
            p = env.then(p, env.logger("t3"));
            env.then(p, env.logger("t4"));
            Value empty = env.call_method(env.promise_ctor(), "all", {env.array({})});
            env.then(empty, env.value_logger("empty:"));
            Value failing = env.call_method(env.promise_ctor(), "all",
                                            {env.array({env.rejected(env.str("no")), a})});
            env.catch_(failing, env.value_logger("all-rejected:"));
        });
    }

    TEST_CASE("Promise.race settles with the first reaction job to run, as in node") {
        check_against_node("race", [](Env& env) {
            size_t slot;
            Value a = env.deferred(slot);
            Value race =
                env.call_method(env.promise_ctor(), "race",
                                {env.array({a, env.resolved(env.str("b")), env.str("c")})});
            env.then(race, env.value_logger("race:"));
            Value race2 = env.call_method(env.promise_ctor(), "race",
                                          {env.array({env.rejected(env.str("r1")), env.str("c")})});
            env.catch_(race2, env.value_logger("race-rejected:"));
            env.call(env.host.slots[slot], {env.str("a")});
            env.ticker(3);
        });
    }

    TEST_CASE("Promise.allSettled reports every outcome in input order, as in node") {
        check_against_node("all_settled", [](Env& env) {
            Value input =
                env.array({env.resolved(Value(1)), env.rejected(env.str("no")), Value(3)});
            Value settled = env.call_method(env.promise_ctor(), "allSettled", {input});
            env.then(settled, env.fn(log_settled));
            env.ticker(3);
        });
    }

    TEST_CASE("Promise.any fulfills with the first value or rejects with an AggregateError") {
        check_against_node("any", [](Env& env) {
            Value all_rejected = env.call_method(
                env.promise_ctor(), "any",
                {env.array({env.rejected(env.str("a")), env.rejected(env.str("b"))})});
            env.catch_(all_rejected, env.fn(log_error, env.str("aggregate")));
            Value one_ok = env.call_method(
                env.promise_ctor(), "any",
                {env.array({env.rejected(env.str("a")), env.resolved(env.str("ok"))})});
            env.then(one_ok, env.value_logger("any:"));
            Value empty = env.call_method(env.promise_ctor(), "any", {env.array({})});
            env.catch_(empty, env.fn(log_error, env.str("length")));
            env.ticker(3);
        });
    }

    TEST_CASE(
        "the executor runs synchronously, its throw rejects, self-resolution is a TypeError") {
        check_against_node("executor", [](Env& env) {
            Value thrower[] = {env.fn(throw_data, env.str("boom"))};
            Value p1 = env.runtime.construct(env.promise_ctor(), thrower).value();
            env.catch_(p1, env.value_logger("caught:"));
            Value late[] = {env.fn(resolve_then_throw)};
            Value p2 = env.runtime.construct(env.promise_ctor(), late).value();
            env.then(p2, env.value_logger("kept:"));
            env.host.log.push_back("sync");
            size_t slot;
            Value self = env.deferred(slot);
            env.call(env.host.slots[slot], {self});
            env.catch_(self, env.fn(log_error, env.str("name-message")));
        });
    }

    TEST_CASE("a subclass constructor runs for resolve and for each then, as in node") {
        check_against_node("subclass", [](Env& env) {
            Runtime& rt = env.runtime;
            // class MyPromise extends Promise: MyPromise.__proto__ is Promise and
            // MyPromise.prototype.__proto__ is Promise.prototype.
            NativeFunction* my = NativeFunction::create(rt, "MyPromise", 1, my_promise_call);
            my->set_construct(my_promise_construct);
            my->set_prototype(rt.promise_constructor());
            Object* prototype = Object::create(rt, rt.promise_prototype());
            prototype->put_direct(rt, rt.common_key(CommonAtom::Constructor), Value(my),
                                  attr::Builtin);
            my->put_direct(rt, rt.common_key(CommonAtom::Prototype), Value(prototype), attr::None);
            Value my_promise(my);
            env.host.slots.push_back(my_promise);

            Value m = env.call_method(my_promise, "resolve", {Value(1)});
            env.host.log.push_back(std::string("instance:") +
                                   (instance_of(m, my_promise, rt) ? "true" : "false"));
            Value d = env.then(m, env.value_logger("value:"));
            env.host.log.push_back(std::string("derived:") +
                                   (instance_of(d, my_promise, rt) ? "true" : "false"));
            bool same_my = env.call_method(my_promise, "resolve", {m}).is_same_bits(m);
            bool same_plain = env.resolved(m).is_same_bits(m);
            env.host.log.push_back(std::string("same:") + (same_my ? "true" : "false") + "," +
                                   (same_plain ? "true" : "false"));
        });
    }

    TEST_CASE("a missing handler passes values and reasons on, one job per link, as in node") {
        check_against_node("passthrough", [](Env& env) {
            Value r = env.then(env.rejected(env.str("e")), env.logger("never"));
            r = env.then(r, env.logger("never2"));
            env.catch_(r, env.value_logger("caught:"));
            Value v = env.catch_(env.resolved(env.str("v")), env.logger("never3"));
            env.then(v, env.value_logger("passed:"));
            env.ticker(3);
        });
    }

    TEST_CASE("jobs carry their kind and the function they will call") {
        Env env(false);
        Value inner = env.resolved(Value(1));
        size_t slot;
        env.deferred(slot);
        env.call(env.host.slots[slot], {inner});
        REQUIRE(env.host.queue.size() == 1);
        CHECK(env.host.queue[0]->kind_name() == "PromiseResolveThenableJob");
        Value then = get(env.runtime, Value(env.runtime.promise_prototype()), "then");
        CHECK(env.host.queue[0]->callee().is_same_bits(then));
        Value handler = env.logger("h");
        env.then(inner, handler);
        REQUIRE(env.host.queue.size() == 2);
        CHECK(env.host.queue[1]->kind_name() == "PromiseReactionJob");
        CHECK(env.host.queue[1]->callee().is_same_bits(handler));
        env.then(inner, Value());
        CHECK(env.host.queue[2]->callee().is_undefined());
    }

    TEST_CASE("the rejection tracker hears Reject for an unhandled rejection and Handle later") {
        Env env(false);
        Value p = env.rejected(env.str("e"));
        REQUIRE(env.host.tracker.size() == 1);
        CHECK(env.host.tracker[0].promise == p.as_object());
        CHECK(env.host.tracker[0].operation == RejectionOperation::Reject);
        env.host.run_jobs();
        CHECK(env.host.tracker.size() == 1);
        env.catch_(p, env.logger("late"));
        REQUIRE(env.host.tracker.size() == 2);
        CHECK(env.host.tracker[1].promise == p.as_object());
        CHECK(env.host.tracker[1].operation == RejectionOperation::Handle);
        // A second handler on the now-handled promise is not reported again.
        env.catch_(p, env.logger("later"));
        CHECK(env.host.tracker.size() == 2);
        env.host.run_jobs();
        CHECK(env.host.log == std::vector<std::string>{"late", "later"});
    }

    TEST_CASE("a promise with a handler before it rejects is never reported") {
        Env env(false);
        size_t slot;
        Value p = env.deferred(slot);
        Value derived = env.catch_(p, env.logger("handled"));
        env.call(env.host.slots[slot + 1], {env.str("e")});
        env.host.run_jobs();
        CHECK(env.host.tracker.empty());
        CHECK(promise_state(*derived.as_object()) == PromiseState::Fulfilled);
        CHECK(env.host.log == std::vector<std::string>{"handled"});
    }

    TEST_CASE("a rejection passed down a chain is reported on the last link only once handled") {
        Env env(false);
        Value p0 = env.rejected(env.str("e"));
        Value p1 = env.then(p0, env.logger("never"));
        RootedValue keep(env.runtime.heap(), p1);
        env.host.run_jobs();
        REQUIRE(env.host.tracker.size() == 3);
        CHECK(env.host.tracker[0].promise == p0.as_object());
        CHECK(env.host.tracker[0].operation == RejectionOperation::Reject);
        CHECK(env.host.tracker[1].promise == p0.as_object());
        CHECK(env.host.tracker[1].operation == RejectionOperation::Handle);
        CHECK(env.host.tracker[2].promise == p1.as_object());
        CHECK(env.host.tracker[2].operation == RejectionOperation::Reject);
        CHECK_FALSE(promise_is_handled(*p1.as_object()));
        CHECK(promise_is_handled(*p0.as_object()));
    }

    TEST_CASE("the await API resolves, rejects and reacts without a derived capability") {
        Env env(false);
        Runtime& rt = env.runtime;
        Root<Object> p(rt.heap(), new_promise(rt));
        CHECK(is_promise(Value(p.get())));
        CHECK_FALSE(is_promise(Value(Object::create(rt, nullptr))));
        CHECK(promise_state(*p) == PromiseState::Pending);
        perform_promise_then(rt, *p, env.value_logger("ok:"), env.value_logger("err:"), nullptr);
        CHECK(promise_is_handled(*p));
        resolve_promise(rt, *p, Value(7));
        CHECK(promise_state(*p) == PromiseState::Fulfilled);
        CHECK(promise_result(*p).as_int32() == 7);
        CHECK(env.host.run_jobs() == 1);

        Root<Object> q(rt.heap(), new_promise(rt));
        reject_promise(rt, *q, env.str("bad"));
        CHECK(promise_state(*q) == PromiseState::Rejected);
        REQUIRE(env.host.tracker.size() == 1);
        CHECK(env.host.tracker[0].operation == RejectionOperation::Reject);
        Root<Object> derived(rt.heap(), new_promise(rt));
        perform_promise_then(rt, *q, Value(),
                             env.fn(return_data,
                                    [&] {
                                        Object* data = Object::create(rt, nullptr);
                                        data->put_direct(rt, rt.key("label"), env.str("recover"));
                                        data->put_direct(rt, rt.key("result"), Value(42));
                                        return Value(data);
                                    }()),
                             derived.get());
        CHECK(env.host.tracker.size() == 2);
        CHECK(env.host.run_jobs() == 1);
        CHECK(promise_state(*derived) == PromiseState::Fulfilled);
        CHECK(promise_result(*derived).as_int32() == 42);
        CHECK(env.host.log == std::vector<std::string>{"ok:7", "recover"});
    }

    TEST_CASE("promise_resolve returns a native promise itself and wraps anything else") {
        Env env(false);
        Runtime& rt = env.runtime;
        Root<Object> p(rt.heap(), new_promise(rt));
        CHECK(promise_resolve(rt, Value(p.get())).value().is_same_bits(Value(p.get())));
        Value wrapped = promise_resolve(rt, Value(5)).value();
        REQUIRE(is_promise(wrapped));
        CHECK(promise_state(*wrapped.as_object()) == PromiseState::Fulfilled);
        CHECK(promise_result(*wrapped.as_object()).as_int32() == 5);
        // A promise whose "constructor" is not %Promise% is wrapped, and the wrapper follows
        // it through a PromiseResolveThenableJob.
        p->put_direct(rt, rt.common_key(CommonAtom::Constructor), Value(1));
        Value other = promise_resolve(rt, Value(p.get())).value();
        CHECK_FALSE(other.is_same_bits(Value(p.get())));
        REQUIRE(env.host.queue.size() == 1);
        CHECK(env.host.queue[0]->kind_name() == "PromiseResolveThenableJob");
    }

    TEST_CASE("resolving with a thenable whose then getter throws rejects with that error") {
        Env env(false);
        Runtime& rt = env.runtime;
        Object* thenable = Object::create(rt, nullptr);
        thenable->put_accessor(rt, rt.key("then"), env.fn(throw_data, env.str("getter")), Value());
        Root<Object> p(rt.heap(), new_promise(rt));
        resolve_promise(rt, *p, Value(thenable));
        CHECK(promise_state(*p) == PromiseState::Rejected);
        CHECK(loopsim::js::testing::utf8(promise_result(*p)) == "getter");
        CHECK(env.host.queue.empty());
    }

    TEST_CASE("misuse throws TypeErrors with V8's messages") {
        Env env(false);
        Runtime& rt = env.runtime;
        auto message = [&](Completion c) {
            REQUIRE(c.is_throw());
            return show(rt, get(rt, c.thrown_value(), "message"));
        };
        CHECK(message(rt.call(env.promise_ctor(), Value(), {})) ==
              "Promise constructor cannot be invoked without 'new'");
        Value one[] = {Value(1)};
        CHECK(message(rt.construct(env.promise_ctor(), one)) ==
              "Promise resolver 1 is not a function");
        Value then = get(rt, Value(rt.promise_prototype()), "then");
        CHECK(message(rt.call(then, Value(1), {})) ==
              "Method Promise.prototype.then called on incompatible receiver 1");
        Value resolve = get(rt, env.promise_ctor(), "resolve");
        CHECK(message(rt.call(resolve, Value(1), one)) == "PromiseResolve called on non-object");
        Value all = get(rt, env.promise_ctor(), "all");
        CHECK(message(rt.call(all, Value(1), one)) == "Promise.all called on non-object");
        // A non-iterable argument rejects the result instead of throwing.
        Value rejected = rt.call(all, env.promise_ctor(), one).value();
        CHECK(promise_state(*rejected.as_object()) == PromiseState::Rejected);
        CHECK(show(rt, get(rt, promise_result(*rejected.as_object()), "message")) ==
              "number 1 is not iterable (cannot read property Symbol(Symbol.iterator))");
    }

    TEST_CASE("Promise and its prototype have V8's properties in V8's order") {
        Env env(false);
        Runtime& rt = env.runtime;
        using loopsim::js::testing::key_names;
        CHECK(key_names(rt.promise_constructor()->own_property_keys(rt)) ==
              std::vector<std::string>{"length", "name", "prototype", "all", "allSettled", "any",
                                       "race", "resolve", "reject", "Symbol(Symbol.species)"});
        CHECK(key_names(rt.promise_prototype()->own_property_keys(rt)) ==
              std::vector<std::string>{"constructor", "then", "catch", "finally",
                                       "Symbol(Symbol.toStringTag)"});
        CHECK(get(rt, Value(env.global), "Promise").is_same_bits(env.promise_ctor()));
        // get Promise[Symbol.species] returns its this value.
        Value species =
            rt.promise_constructor()
                ->get(rt, PropertyKey::symbol(rt.well_known_symbol(WellKnownSymbol::Species)))
                .value();
        CHECK(species.is_same_bits(env.promise_ctor()));
    }

    TEST_CASE("a million chained jobs run in bounded memory without deep C++ recursion") {
        [[maybe_unused]] const bool measured_alone = reset_peak_rss(); // unused under ASan
        Env env(false);
        Runtime& rt = env.runtime;
        g_chain = ChainState{0, 1'000'000};
        env.host.slots.resize(2);
        env.host.slots[1] = env.resolved(Value());
        Value extend = env.fn(extend_chain);
        env.host.slots[1] = env.then(env.host.slots[1], extend);
        size_t jobs = env.host.run_jobs();
        CHECK(jobs == 1'000'000);
        CHECK(g_chain.runs == 1'000'000);
        const HeapStats& stats = rt.heap().stats();
        CHECK(stats.collections > 10);
        CHECK(stats.live_bytes < size_t{2} << 20);
        CHECK(stats.peak_heap_bytes < size_t{16} << 20);
        MESSAGE("1M-job chain: collections=", stats.collections, " live_bytes=", stats.live_bytes,
                " peak_heap_bytes=", stats.peak_heap_bytes, " peak RSS KiB=", peak_rss_kib());
#if !defined(__SANITIZE_ADDRESS__)
        if (measured_alone) CHECK(peak_rss_kib() < 60 * 1024);
#endif
    }

    TEST_CASE("a chain of 100k thens built up front runs and is reclaimed") {
        Env env(false);
        Runtime& rt = env.runtime;
        g_chain = ChainState{};
        size_t slot;
        Value head = env.deferred(slot);
        Value count = env.fn(count_call);
        Value p = head;
        for (int i = 0; i < 100'000; ++i) p = env.then(p, count);
        env.call(env.host.slots[slot], {Value(1)});
        CHECK(env.host.run_jobs() == 100'000);
        CHECK(g_chain.runs == 100'000);
        env.host.slots.clear();
        rt.heap().collect();
        CHECK(rt.heap().stats().live_bytes < size_t{1} << 20);
        MESSAGE("100k chain built up front: peak_heap_bytes=", rt.heap().stats().peak_heap_bytes,
                " peak RSS KiB=", peak_rss_kib());
    }
}
