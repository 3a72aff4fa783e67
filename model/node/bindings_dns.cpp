// require('dns'): lookup, and dns.promises.lookup (lib/dns.js). A lookup of a name is a
// slow-I/O request on the thread pool (getaddrinfo), so at most half the pool serves lookups
// at once; the simulated resolver knows what /etc/hosts holds on a stock machine: `localhost`
// is 127.0.0.1 (IPv4 only). Any other name fails with ENOTFOUND, as without a network. An IP
// literal, or an empty name, is answered on the next tick without the pool.
#include "model/js/array.h"
#include "model/js/function.h"
#include "model/js/inspect.h"
#include "model/js/promise.h"
#include "model/js/runtime.h"
#include "model/js/string.h"
#include "model/node/bindings.h"
#include "model/node/node_io.h"
#include "model/node/script_host.h"

#include <cmath>

namespace loopsim::node {

namespace {

using Args = std::span<const js::Value>;

js::Value arg(Args args, size_t i) {
    return i < args.size() ? args[i] : js::Value();
}

struct LookupOptions {
    int family = 0; // 0: any, 4, 6
    bool all = false;
};

struct LookupAnswer {
    bool found = false;
    std::string address;
    int family = 4;
};

// An IPv4 or IPv6 literal: its family, or 0.
int ip_family(std::string_view s) {
    int dots = 0, digits = 0, value = 0;
    bool v4 = !s.empty();
    for (char c : s) {
        if (c == '.') {
            if (digits == 0) v4 = false;
            ++dots;
            digits = 0;
            value = 0;
        } else if (c >= '0' && c <= '9') {
            value = value * 10 + (c - '0');
            if (++digits > 3 || value > 255) v4 = false;
        } else {
            v4 = false;
        }
    }
    if (v4 && dots == 3 && digits > 0) return 4;
    const bool v6 = s.find(':') != std::string_view::npos &&
                    s.find_first_not_of("0123456789abcdefABCDEF:.") == std::string_view::npos;
    return v6 ? 6 : 0;
}

LookupAnswer resolve(std::string_view hostname, int family) {
    std::string lower(hostname);
    for (char& c : lower)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((lower == "localhost" || lower == "localhost.") && family != 6)
        return {true, "127.0.0.1", 4};
    return {};
}

js::ThrowCompletionOr<LookupOptions> lookup_options(ScriptHost& host, js::Value options) {
    js::Runtime& rt = host.runtime();
    LookupOptions o;
    const auto check_family = [&](js::Value v,
                                  std::string_view name) -> js::ThrowCompletionOr<int> {
        if (v.is_undefined()) return 0;
        if (v.is_number() && (v.as_number() == 0 || v.as_number() == 4 || v.as_number() == 6))
            return static_cast<int>(v.as_number());
        js::Object* error =
            rt.make_error(js::ErrorType::TypeError, "The " + std::string(name) +
                                                        " must be one of: 0, 4, 6. Received " +
                                                        js::inspect(rt, v));
        error->put_direct(rt, rt.key("code"), js::Value(rt.string("ERR_INVALID_ARG_VALUE")),
                          js::attr::Default);
        return js::ThrowCompletion{js::Value(error)};
    };
    if (options.is_number()) {
        o.family = LOOPSIM_TRY(check_family(options, "argument 'family'"));
    } else if (options.is_object() && !js::Runtime::is_callable(options)) {
        js::Object& object = *options.as_object();
        o.family = LOOPSIM_TRY(check_family(LOOPSIM_TRY(object.get(rt, rt.key("family"))),
                                            "property 'options.family'"));
        js::Value all = LOOPSIM_TRY(object.get(rt, rt.key("all")));
        o.all = all.is_boolean() && all.as_bool();
    }
    return o;
}

js::Value answer_value(js::Runtime& rt, const LookupAnswer& answer, bool all) {
    if (!all) return js::Value(rt.string(answer.address));
    js::Object* entry = js::Object::create(rt, rt.object_prototype());
    entry->put_direct(rt, rt.key("address"), js::Value(rt.string(answer.address)));
    entry->put_direct(rt, rt.key("family"), js::Value(answer.family));
    js::Value items[] = {js::Value(entry)};
    return js::Value(js::Array::create_from(rt, items));
}

// Node's error for a failed getaddrinfo: "getaddrinfo ENOTFOUND host".
js::Object* not_found(ScriptHost& host, std::string_view hostname) {
    js::Runtime& rt = host.runtime();
    const std::string message = "getaddrinfo ENOTFOUND " + std::string(hostname);
    js::Object* error = rt.make_error(js::ErrorType::Error, message);
    error->put_direct(rt, rt.key("errno"), js::Value(io::errno_number(io::Errno::NotFound)));
    error->put_direct(rt, rt.key("code"), js::Value(rt.string("ENOTFOUND")));
    error->put_direct(rt, rt.key("syscall"), js::Value(rt.string("getaddrinfo")));
    error->put_direct(rt, rt.key("hostname"), js::Value(rt.string(hostname)));
    error->put_direct(
        rt, rt.key("stack"),
        js::Value(
            rt.string("Error: " + message +
                      "\n    at GetAddrInfoReqWrap.onlookup [as oncomplete] (node:dns:111:26)")),
        js::attr::Writable | js::attr::Configurable);
    return error;
}

js::Completion dns_lookup(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    ScriptHost& host = ScriptHost::from(rt);
    NodeIo* io = node_io(host);
    if (!io)
        return rt.throw_error(
            js::ErrorType::Error,
            "this process has no OS model attached (run it through run_scenario)");
    js::Value hostname = arg(args, 0);
    if (!hostname.is_string() && !hostname.is_nullish() &&
        !(hostname.is_boolean() && !hostname.as_bool()))
        return invalid_arg_type(host, "hostname", "string", hostname);
    js::Value options = arg(args, 1), callback = arg(args, 2);
    if (js::Runtime::is_callable(options)) {
        callback = options;
        options = js::Value();
    }
    if (!js::Runtime::is_callable(callback))
        return invalid_arg_type(host, "callback", "function", callback);
    LookupOptions o = LOOPSIM_TRY(lookup_options(host, options));
    const std::string name = hostname.is_string() ? hostname.as_string()->to_utf8() : std::string();
    // No name, or an IP literal: answered on the next tick, without the pool.
    if (name.empty() || ip_family(name) != 0) {
        LookupAnswer literal{true, name, name.empty() ? (o.family == 6 ? 6 : 4) : ip_family(name)};
        std::vector<js::Value> values{js::Value::null()};
        if (name.empty())
            values.push_back(o.all ? js::Value(js::Array::create(rt)) : js::Value::null());
        else
            values.push_back(answer_value(rt, literal, o.all));
        if (!o.all) values.push_back(js::Value(literal.family));
        host.env().queues().next_tick(
            host.make_task(host.function_label(callback), callback, js::Value(), values));
        return js::Value();
    }
    std::shared_ptr<IoCallback> cb = io->hold(callback, "dns.lookup " + name);
    io->charge_call();
    NodeIo* p = io;
    io->submit(uv::WorkKind::SlowIo, io::LatencyKind::DnsLookup, 0, "dns.lookup " + name,
               [p, cb, name, o] {
                   js::Runtime& r = p->host().runtime();
                   const LookupAnswer answer = resolve(name, o.family);
                   if (!answer.found) {
                       js::Value error(not_found(p->host(), name));
                       p->call_back(*cb, std::span<const js::Value>(&error, 1));
                       return;
                   }
                   std::vector<js::Value> values{js::Value::null(), answer_value(r, answer, o.all)};
                   if (!o.all) values.push_back(js::Value(answer.family));
                   p->call_back(*cb, values);
               });
    return js::Value();
}

// dns.promises.lookup: resolves { address, family } (or the array for { all: true }).
js::Completion dns_promises_lookup(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    ScriptHost& host = ScriptHost::from(rt);
    NodeIo* io = node_io(host);
    js::Object* promise = js::new_promise(rt);
    js::RootedValue root(rt.heap(), js::Value(promise));
    js::Value hostname = arg(args, 0);
    if (!hostname.is_string()) {
        js::Completion e = invalid_arg_type(host, "hostname", "string", hostname);
        js::reject_promise(rt, *promise, e.thrown_value());
        return js::Value(promise);
    }
    js::ThrowCompletionOr<LookupOptions> parsed = lookup_options(host, arg(args, 1));
    if (parsed.is_throw() || !io) {
        js::reject_promise(rt, *promise,
                           parsed.is_throw() ? parsed.thrown_value()
                                             : js::Value(rt.string("no OS model")));
        return js::Value(promise);
    }
    const LookupOptions o = parsed.value();
    const std::string name = hostname.as_string()->to_utf8();
    io->charge_call();
    NodeIo* p = io;
    io->submit(uv::WorkKind::SlowIo, io::LatencyKind::DnsLookup, 0, "dns.lookup " + name,
               [p, root, name, o] {
                   p->in_scope([&] {
                       js::Runtime& r = p->host().runtime();
                       js::Object& settled = *root.get().as_object();
                       const LookupAnswer answer = resolve(name, o.family);
                       if (!answer.found)
                           return js::reject_promise(r, settled,
                                                     js::Value(not_found(p->host(), name)));
                       if (o.all)
                           return js::resolve_promise(r, settled, answer_value(r, answer, true));
                       js::Object* result = js::Object::create(r, r.object_prototype());
                       result->put_direct(r, r.key("address"), js::Value(r.string(answer.address)));
                       result->put_direct(r, r.key("family"), js::Value(answer.family));
                       js::resolve_promise(r, settled, js::Value(result));
                   });
               });
    return js::Value(promise);
}

} // namespace

js::Completion make_dns_module(ScriptHost& host) {
    js::Runtime& rt = host.runtime();
    js::Object* dns = js::Object::create(rt, rt.object_prototype());
    js::Root<js::Object> root(rt.heap(), dns);
    static constexpr IoFunction k_lookup[] = {{"lookup", 3, dns_lookup}};
    define_io_functions(host, *dns, "dns", k_lookup);
    // util.promisify(dns.lookup) resolves { address, family }.
    js::Value names[] = {js::Value(rt.string("address")), js::Value(rt.string("family"))};
    js::OwnProperty lookup;
    if (dns->lookup_own(rt.key("lookup"), lookup) && lookup.value.is_object())
        lookup.value.as_object()->put_direct(
            rt, js::PropertyKey::symbol(custom_promisify_args_symbol(host)),
            js::Value(js::Array::create_from(rt, names)), js::attr::None);
    js::Object* promises = js::Object::create(rt, rt.object_prototype());
    static constexpr IoFunction k_promises_lookup[] = {{"lookup", 3, dns_promises_lookup}};
    define_io_functions(host, *promises, "dns.promises", k_promises_lookup);
    dns->put_direct(rt, rt.key("promises"), js::Value(promises), js::attr::Default);
    return js::Value(dns);
}

} // namespace loopsim::node
