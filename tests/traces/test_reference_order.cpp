// Callback-type order: reading real node's reference traces, deriving the same sequence from a
// loopsim trace, and finding where two sequences part ways (traces/reference_order.h).
#include "traces/recorder.h"
#include "traces/reference_order.h"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace loopsim::trace;

namespace {

std::string reference(const std::string& events) {
    return R"({"format":"loopsim-node-reference","version":1,"node":"v20.20.2","scenario":"s/a.js",)"
           R"("env":{},"exit_code":0,"stdout":"a\nb\n","stderr":"","events":[)" +
           events + "]}";
}

std::string callback(const std::string& type, bool internal, const std::string& label = "") {
    return R"({"kind":"callback","seq":0,"async_id":5,"type":")" + type +
           R"(","trigger_async_id":1,"internal":)" + (internal ? "true" : "false") +
           R"(,"step":false,"label":")" + label + R"(","creator":""})";
}

std::string write(const std::string& text) {
    return R"({"kind":"write","stream":"stdout","async_id":5,"text":")" + text + R"("})";
}

std::vector<std::string> types(const std::vector<OrderedCallback>& order) {
    std::vector<std::string> out;
    for (const OrderedCallback& c : order) out.push_back(c.type);
    return out;
}

// A loopsim trace: the main script, then callbacks created in and started from the given
// queues, with console output between them.
struct TraceBuilder {
    TraceRecorder r;
    uint64_t next = 2;
    int64_t t = 0;
    TraceEvent event(EventKind kind) {
        TraceEvent e;
        e.kind = kind;
        e.time = loopsim::sim::SimTime::ns(t++);
        return e;
    }
    void start(Queue from, ReasonCode queued = ReasonCode::None, const std::string& io = "") {
        const uint64_t id = next++;
        TraceEvent c = event(EventKind::CallbackCreated);
        c.callback = id;
        c.to_queue = from;
        c.reason.code = queued;
        r.record(c);
        TraceEvent s = event(EventKind::CallbackStart);
        s.callback = id;
        s.from_queue = from;
        s.to_queue = Queue::CallStack;
        s.label = r.intern("cb" + std::to_string(id));
        if (!io.empty()) {
            s.reason.code = ReasonCode::IoCompleted;
            s.reason.str = r.intern(io);
        }
        r.record(s);
    }
    void print(const std::string& text) {
        TraceEvent e = event(EventKind::Console);
        e.stream = Stream::Stdout;
        e.text = r.intern(text);
        r.record(e);
    }
};

} // namespace

TEST_SUITE("reference_order") {
    TEST_CASE("a reference keeps the compared types and drops Node's own callbacks") {
        const std::string text = reference(
            callback("PROMISE", true) + "," + callback("FSREQPROMISE", false) + "," +
            callback("Timeout", false, "onTimeout") + "," + write("a\\n") + "," +
            callback("TickObject", true, "afterWriteTick") + "," +
            callback("TickObject", true, "emitWarning") + "," + callback("PIPEWRAP", false) + "," +
            callback("FSREQCALLBACK", true, "ReadFileContext.readFileAfterOpen") + "," +
            callback("FSREQCALLBACK", false) + "," + write("b\\n"));
        auto r = parse_reference_trace(text, "a.ref.json");
        REQUIRE(r);
        const ReferenceTrace& ref = r.value();
        CHECK(ref.stdout_text == "a\nb\n");
        CHECK(types(ref.order) ==
              std::vector<std::string>{"Timeout", "TickObject", "FSREQCALLBACK"});
        CHECK(ref.dropped == 5);
        CHECK(ref.order[0].label == "onTimeout");
        CHECK(ref.order[0].printed_before.empty());
        CHECK(ref.order[1].printed_before == "a");
    }

    TEST_CASE("a reference with another format or version is refused with a message") {
        auto wrong = parse_reference_trace(R"({"format":"loopsim-trace","version":1,"events":[]})",
                                           "x.json");
        REQUIRE(!wrong);
        CHECK(wrong.error().message.find("x.json") != std::string::npos);
        CHECK(wrong.error().message.find("loopsim-node-reference") != std::string::npos);
        CHECK(!parse_reference_trace(
            R"({"format":"loopsim-node-reference","version":2,"events":[]})", "x.json"));
        CHECK(!parse_reference_trace("{", "x.json"));
        CHECK(!parse_reference_trace(reference(R"({"kind":"callback"})"), "x.json"));
    }

    TEST_CASE("a loopsim trace gets node's type names from its queues and reasons") {
        TraceBuilder b;
        TraceEvent main = b.event(EventKind::CallbackStart);
        main.callback = 1;
        main.to_queue = Queue::CallStack;
        b.r.record(main);
        b.print("start\n");
        b.start(Queue::NextTick);
        b.start(Queue::Microtasks, ReasonCode::ReactionJobQueued);
        b.start(Queue::Microtasks, ReasonCode::MicrotaskQueued);
        b.start(Queue::Microtasks, ReasonCode::ThenableJobQueued);
        b.start(Queue::Microtasks, ReasonCode::NodeInternal); // Node's own: left out
        b.start(Queue::Timers);
        b.print("in timer\n");
        b.start(Queue::Poll, ReasonCode::None, "fs.readFile a.txt");
        b.start(Queue::Poll, ReasonCode::None, "crypto.pbkdf2");
        b.start(Queue::Poll, ReasonCode::None, "dns.lookup localhost");
        b.start(Queue::Check);
        b.start(Queue::Close);
        const std::vector<OrderedCallback> order = loopsim_callback_order(b.r.trace());
        CHECK(types(order) == std::vector<std::string>{"TickObject", "PROMISE", "Microtask",
                                                       "PROMISE", "Timeout", "FSREQCALLBACK",
                                                       "PBKDF2REQUEST", "GETADDRINFOREQWRAP",
                                                       "Immediate", "loopsim:close"});
        CHECK(order[0].printed_before == "start");
        CHECK(order[4].printed_before == "start");
        CHECK(order[5].printed_before == "in timer");
        CHECK(order[0].label == "cb2");
    }

    TEST_CASE("the first divergence names both types and the line printed before it") {
        const std::vector<OrderedCallback> node{
            {"TickObject", "", ""}, {"Immediate", "i", "x"}, {"Timeout", "t", "y"}};
        std::vector<OrderedCallback> loopsim = node;
        CHECK(!first_order_divergence(node, loopsim));
        loopsim[0].label = "another label"; // labels are not compared, only types
        CHECK(!first_order_divergence(node, loopsim));
        std::swap(loopsim[1], loopsim[2]);
        auto d = first_order_divergence(node, loopsim);
        REQUIRE(d);
        CHECK(d->index == 1);
        CHECK(d->node->type == "Immediate");
        CHECK(d->loopsim->type == "Timeout");
        const std::string text = describe_divergence(*d, node.size(), loopsim.size());
        CHECK(text.find("callback 2 (node ran 3, loopsim 3)") != std::string::npos);
        CHECK(text.find("node ran an Immediate (i), loopsim a Timeout (t)") != std::string::npos);
        CHECK(text.find("\"x\"") != std::string::npos);
        CHECK(text.find("(in loopsim: \"y\")") != std::string::npos);

        // One side runs out: the other side's next callback is the divergence.
        auto shorter = first_order_divergence(node, std::span(node).first(2));
        REQUIRE(shorter);
        CHECK(shorter->index == 2);
        CHECK(shorter->node->type == "Timeout");
        CHECK(!shorter->loopsim);
        CHECK(describe_divergence(*shorter, 3, 2).find("loopsim no more callbacks") !=
              std::string::npos);
    }

    TEST_CASE("loopsim's I/O completions map to node's request types") {
        CHECK(io_async_type("fs.stat a.txt") == "FSREQCALLBACK");
        CHECK(io_async_type("crypto.scrypt") == "SCRYPTREQUEST");
        CHECK(io_async_type("crypto.randomBytes 8 B") == "RANDOMBYTESREQUEST");
        CHECK(io_async_type("crypto.randomFill 8 B") == "RANDOMBYTESREQUEST");
        CHECK(io_async_type("something else").empty());
    }
}
