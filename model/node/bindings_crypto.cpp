// require('crypto'): the thread-pool jobs (pbkdf2, scrypt, randomBytes, randomFill) and their
// *Sync forms, plus randomUUID (lib/internal/crypto/*.js). The asynchronous forms are CPU
// jobs on the thread pool whose time comes from the latency model (per iteration, per N*r*p,
// per byte); the synchronous forms block the main thread for the same time.
//
// The bytes: random bytes come from a seeded stream of their own (the same run gives the same
// bytes); derived keys have the right length but are not the real PBKDF2 / scrypt values
// (scenarios print lengths, docs/io.md).
#include "model/js/conversions.h"
#include "model/js/function.h"
#include "model/js/inspect.h"
#include "model/js/runtime.h"
#include "model/js/string.h"
#include "model/node/bindings.h"
#include "model/node/buffer.h"
#include "model/node/node_io.h"
#include "model/node/script_host.h"

#include <cmath>

namespace loopsim::node {

namespace {

using Args = std::span<const js::Value>;

js::Value arg(Args args, size_t i) {
    return i < args.size() ? args[i] : js::Value();
}

js::ThrowCompletion coded_error(ScriptHost& host, js::ErrorType type, std::string message,
                                std::string_view code) {
    js::Runtime& rt = host.runtime();
    js::Object* error = rt.make_error(type, message);
    error->put_direct(rt, rt.key("code"), js::Value(rt.string(code)), js::attr::Default);
    return js::ThrowCompletion{js::Value(error)};
}

js::ThrowCompletionOr<NodeIo*> io_of(js::Runtime& rt) {
    NodeIo* io = node_io(ScriptHost::from(rt));
    if (!io)
        return rt.throw_error(
            js::ErrorType::Error,
            "this process has no OS model attached (run it through run_scenario)");
    return io;
}

js::ThrowCompletionOr<js::Value> callback_arg(ScriptHost& host, js::Value v) {
    if (js::Runtime::is_callable(v)) return v;
    return invalid_arg_type(host, "callback", "function", v);
}

// A password or salt: a string (UTF-8) or a Buffer.
js::ThrowCompletionOr<std::string> key_material(ScriptHost& host, js::Value v,
                                                std::string_view name) {
    if (v.is_string()) return v.as_string()->to_utf8();
    if (is_buffer(host, v)) return buffer_bytes(*v.as_object());
    return invalid_arg_type(
        host, name, "string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView", v);
}

// validateInt32 / validateUint32 with Node's ERR_OUT_OF_RANGE message.
js::ThrowCompletionOr<int64_t> int_arg(ScriptHost& host, js::Value v, std::string_view name,
                                       int64_t min, int64_t max) {
    if (!v.is_number()) return invalid_arg_type(host, name, "number", v);
    const double d = v.as_number();
    if (d != std::trunc(d))
        return coded_error(host, js::ErrorType::RangeError,
                           "The value of \"" + std::string(name) +
                               "\" is out of range. It must be an integer. Received " +
                               js::number_to_string(d),
                           "ERR_OUT_OF_RANGE");
    if (d < static_cast<double>(min) || d > static_cast<double>(max))
        return coded_error(host, js::ErrorType::RangeError,
                           "The value of \"" + std::string(name) +
                               "\" is out of range. It must be >= " + std::to_string(min) +
                               " && <= " + std::to_string(max) + ". Received " +
                               js::number_to_string(d),
                           "ERR_OUT_OF_RANGE");
    return static_cast<int64_t>(d);
}

// A digest: its output length and its cost per iteration relative to SHA-256 (in percent,
// measured with pbkdf2Sync on the reference machine, docs/io.md).
struct Digest {
    std::string_view name;
    uint32_t length;
    uint32_t cost_percent;
};
constexpr Digest k_digests[] = {
    {"sha1", 20, 93},    {"sha224", 28, 100}, {"sha256", 32, 100},     {"sha384", 48, 365},
    {"sha512", 64, 365}, {"md5", 16, 80},     {"sha512-256", 32, 365},
};

const Digest* find_digest(std::string name) {
    for (char& c : name)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    for (const Digest& d : k_digests)
        if (d.name == name) return &d;
    return nullptr;
}

// Bytes standing in for a derived key: a deterministic function of the inputs.
std::string derived_bytes(std::string_view a, std::string_view b, uint64_t cost, uint64_t length) {
    uint64_t state = 1469598103934665603ull ^ cost;
    for (unsigned char c : a) state = (state ^ c) * 1099511628211ull;
    state ^= 0x9E3779B97F4A7C15ull;
    for (unsigned char c : b) state = (state ^ c) * 1099511628211ull;
    std::string out;
    out.reserve(length);
    while (out.size() < length) {
        uint64_t v = sim::splitmix64(state);
        for (int i = 0; i < 8 && out.size() < length; ++i)
            out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
    }
    return out;
}

std::string random_bytes(NodeIo& io, uint64_t n) {
    std::string out;
    out.reserve(n);
    while (out.size() < n) {
        uint64_t v = io.random().next_u64();
        for (int i = 0; i < 8 && out.size() < n; ++i)
            out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
    }
    return out;
}

// A CPU job on the pool whose completion calls `callback(null, make())`.
void cpu_job(NodeIo& io, io::LatencyKind kind, uint64_t units, std::string label,
             js::Value callback, std::function<js::Value(NodeIo&)> make) {
    std::shared_ptr<IoCallback> cb = io.hold(callback, label);
    io.charge_call();
    NodeIo* p = &io;
    io.submit(uv::WorkKind::Cpu, kind, units, std::move(label), [p, cb, make = std::move(make)] {
        js::Value args[] = {js::Value::null(), make(*p)};
        p->call_back(*cb, args);
    });
}

struct Pbkdf2Args {
    std::string password, salt;
    int64_t iterations = 0, keylen = 0;
    const Digest* digest = nullptr;
    uint64_t units() const {
        const uint64_t blocks =
            (static_cast<uint64_t>(keylen) + digest->length - 1) / digest->length;
        return static_cast<uint64_t>(iterations) * std::max<uint64_t>(blocks, 1) *
               digest->cost_percent / 100;
    }
};

js::ThrowCompletionOr<Pbkdf2Args> pbkdf2_args(ScriptHost& host, Args args) {
    Pbkdf2Args a;
    a.password = LOOPSIM_TRY(key_material(host, arg(args, 0), "password"));
    a.salt = LOOPSIM_TRY(key_material(host, arg(args, 1), "salt"));
    a.iterations = LOOPSIM_TRY(int_arg(host, arg(args, 2), "iterations", 1, 2147483647));
    a.keylen = LOOPSIM_TRY(int_arg(host, arg(args, 3), "keylen", 0, 2147483647));
    js::Value digest = arg(args, 4);
    if (!digest.is_string()) return invalid_arg_type(host, "digest", "string", digest);
    a.digest = find_digest(digest.as_string()->to_utf8());
    if (!a.digest)
        return coded_error(host, js::ErrorType::TypeError,
                           "Invalid digest: " + digest.as_string()->to_utf8(),
                           "ERR_CRYPTO_INVALID_DIGEST");
    return a;
}

js::Completion crypto_pbkdf2(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    ScriptHost& host = ScriptHost::from(rt);
    js::Value callback = LOOPSIM_TRY(callback_arg(host, arg(args, 5)));
    Pbkdf2Args a = LOOPSIM_TRY(pbkdf2_args(host, args));
    NodeIo& io = *LOOPSIM_TRY(io_of(rt));
    cpu_job(io, io::LatencyKind::CryptoPbkdf2, a.units(), "crypto.pbkdf2", callback,
            [a](NodeIo& p) {
                return js::Value(make_buffer(
                    p.host(), derived_bytes(a.password, a.salt, static_cast<uint64_t>(a.iterations),
                                            static_cast<uint64_t>(a.keylen))));
            });
    return js::Value();
}

js::Completion crypto_pbkdf2_sync(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    ScriptHost& host = ScriptHost::from(rt);
    Pbkdf2Args a = LOOPSIM_TRY(pbkdf2_args(host, args));
    NodeIo& io = *LOOPSIM_TRY(io_of(rt));
    io.charge_sync(io::LatencyKind::CryptoPbkdf2, a.units());
    return js::Value(
        make_buffer(host, derived_bytes(a.password, a.salt, static_cast<uint64_t>(a.iterations),
                                        static_cast<uint64_t>(a.keylen))));
}

struct ScryptArgs {
    std::string password, salt;
    int64_t keylen = 0;
    uint64_t n = 16384, r = 8, p = 1;
    uint64_t units() const { return n * r * p; }
};

js::ThrowCompletionOr<ScryptArgs> scrypt_args(ScriptHost& host, Args args, bool async) {
    js::Runtime& rt = host.runtime();
    ScryptArgs a;
    a.password = LOOPSIM_TRY(key_material(host, arg(args, 0), "password"));
    a.salt = LOOPSIM_TRY(key_material(host, arg(args, 1), "salt"));
    a.keylen = LOOPSIM_TRY(int_arg(host, arg(args, 2), "keylen", 0, 2147483647));
    js::Value options = arg(args, 3);
    if (options.is_object() && !(async && js::Runtime::is_callable(options))) {
        const auto read = [&](std::initializer_list<const char*> names,
                              uint64_t& out) -> js::ThrowCompletionOr<void> {
            for (const char* name : names) {
                js::Value v = LOOPSIM_TRY(options.as_object()->get(rt, rt.key(name)));
                if (v.is_number() && v.as_number() >= 1) out = static_cast<uint64_t>(v.as_number());
            }
            return {};
        };
        LOOPSIM_TRY(read({"N", "cost"}, a.n));
        LOOPSIM_TRY(read({"r", "blockSize"}, a.r));
        LOOPSIM_TRY(read({"p", "parallelization"}, a.p));
        if (a.n < 2 || (a.n & (a.n - 1)) != 0)
            return coded_error(host, js::ErrorType::RangeError,
                               "Invalid scrypt params: N must be a power of 2 greater than 1",
                               "ERR_CRYPTO_INVALID_SCRYPT_PARAMS");
    }
    return a;
}

js::Completion crypto_scrypt(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    ScriptHost& host = ScriptHost::from(rt);
    js::Value callback = js::Runtime::is_callable(arg(args, 3)) ? arg(args, 3) : arg(args, 4);
    callback = LOOPSIM_TRY(callback_arg(host, callback));
    ScryptArgs a = LOOPSIM_TRY(scrypt_args(host, args, true));
    NodeIo& io = *LOOPSIM_TRY(io_of(rt));
    cpu_job(
        io, io::LatencyKind::CryptoScrypt, a.units(), "crypto.scrypt", callback, [a](NodeIo& p) {
            return js::Value(make_buffer(p.host(), derived_bytes(a.password, a.salt, a.units(),
                                                                 static_cast<uint64_t>(a.keylen))));
        });
    return js::Value();
}

js::Completion crypto_scrypt_sync(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    ScriptHost& host = ScriptHost::from(rt);
    ScryptArgs a = LOOPSIM_TRY(scrypt_args(host, args, false));
    NodeIo& io = *LOOPSIM_TRY(io_of(rt));
    io.charge_sync(io::LatencyKind::CryptoScrypt, a.units());
    return js::Value(make_buffer(
        host, derived_bytes(a.password, a.salt, a.units(), static_cast<uint64_t>(a.keylen))));
}

js::Completion crypto_random_bytes(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    ScriptHost& host = ScriptHost::from(rt);
    const int64_t size = LOOPSIM_TRY(int_arg(host, arg(args, 0), "size", 0, 2147483647));
    js::Value callback = arg(args, 1);
    if (!callback.is_undefined()) callback = LOOPSIM_TRY(callback_arg(host, callback));
    NodeIo& io = *LOOPSIM_TRY(io_of(rt));
    const auto n = static_cast<uint64_t>(size);
    if (callback.is_undefined()) {
        io.charge_sync(io::LatencyKind::CryptoRandom, n);
        return js::Value(make_buffer(host, random_bytes(io, n)));
    }
    cpu_job(io, io::LatencyKind::CryptoRandom, n, "crypto.randomBytes " + std::to_string(n) + " B",
            callback,
            [n](NodeIo& p) { return js::Value(make_buffer(p.host(), random_bytes(p, n))); });
    return js::Value();
}

// randomFill(buffer, [offset], [size], callback) and randomFillSync(buffer, [offset], [size]).
struct FillArgs {
    js::Value buffer;
    uint64_t offset = 0, size = 0;
};

js::ThrowCompletionOr<FillArgs> fill_args(ScriptHost& host, Args args, size_t count) {
    FillArgs f;
    f.buffer = arg(args, 0);
    if (!is_buffer(host, f.buffer))
        return invalid_arg_type(host, "buf", "an instance of ArrayBuffer or ArrayBufferView",
                                f.buffer);
    const uint64_t length = f.buffer.as_object()->elements().end_index();
    if (count > 1)
        f.offset = static_cast<uint64_t>(
            LOOPSIM_TRY(int_arg(host, arg(args, 1), "offset", 0, static_cast<int64_t>(length))));
    f.size = length - f.offset;
    if (count > 2)
        f.size = static_cast<uint64_t>(LOOPSIM_TRY(
            int_arg(host, arg(args, 2), "size", 0, static_cast<int64_t>(length - f.offset))));
    return f;
}

void fill(NodeIo& io, js::Object& buffer, uint64_t offset, uint64_t size) {
    js::Runtime& rt = io.host().runtime();
    std::string bytes = random_bytes(io, size);
    for (uint64_t i = 0; i < size; ++i)
        buffer.put_direct(rt, js::PropertyKey::index(static_cast<uint32_t>(offset + i)),
                          js::Value(static_cast<int32_t>(static_cast<uint8_t>(bytes[i]))));
}

js::Completion crypto_random_fill(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    ScriptHost& host = ScriptHost::from(rt);
    size_t count = args.size();
    while (count > 0 && !js::Runtime::is_callable(args[count - 1])) --count;
    js::Value callback = LOOPSIM_TRY(callback_arg(host, count > 0 ? args[count - 1] : js::Value()));
    FillArgs f = LOOPSIM_TRY(fill_args(host, args, count - 1));
    NodeIo& io = *LOOPSIM_TRY(io_of(rt));
    js::RootedValue buffer(rt.heap(), f.buffer);
    cpu_job(io, io::LatencyKind::CryptoRandom, f.size,
            "crypto.randomFill " + std::to_string(f.size) + " B", callback, [f, buffer](NodeIo& p) {
                fill(p, *buffer.get().as_object(), f.offset, f.size);
                return buffer.get();
            });
    return js::Value();
}

js::Completion crypto_random_fill_sync(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    ScriptHost& host = ScriptHost::from(rt);
    FillArgs f = LOOPSIM_TRY(fill_args(host, args, args.size()));
    NodeIo& io = *LOOPSIM_TRY(io_of(rt));
    io.charge_sync(io::LatencyKind::CryptoRandom, f.size);
    fill(io, *f.buffer.as_object(), f.offset, f.size);
    return f.buffer;
}

js::Completion crypto_random_uuid(js::Runtime& rt, js::NativeFunction&, js::Value, Args) {
    NodeIo& io = *LOOPSIM_TRY(io_of(rt));
    std::string b = random_bytes(io, 16);
    b[6] = static_cast<char>((b[6] & 0x0F) | 0x40); // version 4
    b[8] = static_cast<char>((b[8] & 0x3F) | 0x80); // RFC 4122 variant
    static constexpr char k_hex[] = "0123456789abcdef";
    std::string out;
    for (size_t i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
        out.push_back(k_hex[(static_cast<uint8_t>(b[i]) >> 4) & 15]);
        out.push_back(k_hex[static_cast<uint8_t>(b[i]) & 15]);
    }
    return js::Value(rt.string(out));
}

} // namespace

js::Completion make_crypto_module(ScriptHost& host) {
    js::Runtime& rt = host.runtime();
    if (!node_io(host))
        return rt.throw_error(js::ErrorType::Error,
                              "require('crypto'): this process has no OS model attached");
    install_buffer(host);
    js::Object* crypto = js::Object::create(rt, rt.object_prototype());
    js::Root<js::Object> root(rt.heap(), crypto);
    static constexpr IoFunction k_functions[] = {
        {"pbkdf2", 6, crypto_pbkdf2},
        {"pbkdf2Sync", 5, crypto_pbkdf2_sync},
        {"scrypt", 5, crypto_scrypt},
        {"scryptSync", 4, crypto_scrypt_sync},
        {"randomBytes", 2, crypto_random_bytes},
        {"randomFill", 4, crypto_random_fill},
        {"randomFillSync", 3, crypto_random_fill_sync},
        {"randomUUID", 1, crypto_random_uuid},
    };
    define_io_functions(host, *crypto, "crypto", k_functions);
    return js::Value(crypto);
}

js::Completion make_buffer_module(ScriptHost& host) {
    js::Runtime& rt = host.runtime();
    install_buffer(host);
    js::Object* module = js::Object::create(rt, rt.object_prototype());
    module->put_direct(rt, rt.key("Buffer"), host.interpreter().get_global("Buffer"),
                       js::attr::Default);
    js::Object* constants = js::Object::create(rt, rt.object_prototype());
    constants->put_direct(rt, rt.key("MAX_LENGTH"), js::Value(0x7FFFFFFF), js::attr::Default);
    module->put_direct(rt, rt.key("constants"), js::Value(constants), js::attr::Default);
    return js::Value(module);
}

} // namespace loopsim::node
