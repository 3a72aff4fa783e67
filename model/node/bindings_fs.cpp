// require('fs'): the callback API and the *Sync API over the virtual file system (lib/fs.js).
// Each asynchronous call is one thread-pool request (readFile, writeFile and appendFile are
// several in a row, see fs_support.h); each *Sync call makes the same system calls on the
// main thread. docs/io.md lists what is modelled.
#include "model/js/array.h"
#include "model/js/conversions.h"
#include "model/js/function.h"
#include "model/js/runtime.h"
#include "model/js/string.h"
#include "model/node/bindings.h"
#include "model/node/fs_support.h"
#include "model/node/node_io.h"
#include "model/node/script_host.h"

#include <cmath>

namespace loopsim::node {

namespace {

using Args = std::span<const js::Value>;

js::Value arg(Args args, size_t i) {
    return i < args.size() ? args[i] : js::Value();
}

// `fs.x(first, [options], callback)`: the options and the callback, whichever was given.
struct OptionalThenCallback {
    js::Value options;
    js::Value callback;
};
OptionalThenCallback split_callback(Args args, size_t options_index) {
    if (js::Runtime::is_callable(arg(args, options_index)))
        return {js::Value(), arg(args, options_index)};
    return {arg(args, options_index), arg(args, options_index + 1)};
}

js::ThrowCompletionOr<NodeIo*> io_of(js::Runtime& rt) {
    NodeIo* io = node_io(ScriptHost::from(rt));
    if (!io)
        return rt.throw_error(
            js::ErrorType::Error,
            "this process has no file system attached (run it through run_scenario)");
    return io;
}

const SyncFrames k_sync_frames{};

js::ThrowCompletion throw_sync(NodeIo& io, io::Errno error, std::string_view syscall,
                               std::string_view path = {}, std::string_view dest = {}) {
    return js::ThrowCompletion{js::Value(io.uv_error(error, syscall, path, dest, &k_sync_frames))};
}

js::Value null_value() {
    return js::Value::null();
}

// One thread-pool request whose completion makes the callback's arguments.
void one_request(NodeIo& io, io::LatencyKind kind, uint64_t units, std::string label,
                 js::Value callback, std::string what,
                 std::function<std::vector<js::Value>(NodeIo&)> finish) {
    std::shared_ptr<IoCallback> cb = io.hold(callback, std::move(what));
    io.charge_call();
    NodeIo* p = &io;
    io.submit(uv::WorkKind::FastIo, kind, units, std::move(label),
              [p, cb, finish = std::move(finish)] {
                  std::vector<js::Value> args = finish(*p);
                  p->call_back(*cb, args);
              });
}

std::string short_what(std::string_view api, const PathArg& path) {
    return "fs." + std::string(api) + " " + NodeIo::label_name(path.given);
}

// --- readFile, writeFile, appendFile -------------------------------------------------------------

js::Completion fs_read_file(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    NodeIo& io = *LOOPSIM_TRY(io_of(rt));
    ScriptHost& host = io.host();
    auto [opts, cb_value] = split_callback(args, 1);
    js::Value callback = LOOPSIM_TRY(callback_argument(host, cb_value));
    FileOptions options = LOOPSIM_TRY(options_argument(host, opts, FileOptions{}));
    if (arg(args, 0).is_number())
        return rt.throw_error(
            js::ErrorType::Error,
            "loopsim models fs.readFile of a path, not of a file descriptor; see docs/io.md");
    PathArg path = LOOPSIM_TRY(path_argument(io, arg(args, 0)));
    std::shared_ptr<IoCallback> cb = io.hold(callback, short_what("readFile", path));
    io.charge_call();
    NodeIo* p = &io;
    const EncodingOption encoding = options.encoding;
    const std::string given = path.given;
    read_file_requests(
        io, path, options.flags, cb->what, [p, cb, encoding, given](FileOutcome outcome) {
            if (outcome.error != io::Errno::None) {
                js::Value error(p->uv_error(outcome.error, outcome.syscall,
                                            outcome.error_has_path ? given : std::string()));
                p->call_back(*cb, std::span<const js::Value>(&error, 1));
                return;
            }
            js::Value result[] = {null_value(), file_contents(p->host(), outcome.bytes, encoding)};
            p->call_back(*cb, result);
        });
    return js::Value();
}

js::Completion write_or_append(js::Runtime& rt, Args args, bool append) {
    NodeIo& io = *LOOPSIM_TRY(io_of(rt));
    ScriptHost& host = io.host();
    auto [opts, cb_value] = split_callback(args, 2);
    js::Value callback = LOOPSIM_TRY(callback_argument(host, cb_value));
    FileOptions defaults;
    defaults.encoding = Encoding::Utf8;
    defaults.flags = *io::OpenFlags::parse(append ? "a" : "w");
    FileOptions options = LOOPSIM_TRY(options_argument(host, opts, defaults));
    std::string data = LOOPSIM_TRY(data_argument(host, arg(args, 1), options.encoding));
    PathArg path = LOOPSIM_TRY(path_argument(io, arg(args, 0)));
    std::shared_ptr<IoCallback> cb =
        io.hold(callback, short_what(append ? "appendFile" : "writeFile", path));
    io.charge_call();
    NodeIo* p = &io;
    const std::string given = path.given;
    write_file_requests(
        io, path, options.flags, std::move(data), FileApi::Callback, cb->what,
        [p, cb, given](FileOutcome outcome) {
            js::Value result =
                outcome.error == io::Errno::None
                    ? null_value()
                    : js::Value(p->uv_error(outcome.error, outcome.syscall,
                                            outcome.error_has_path ? given : std::string()));
            p->call_back(*cb, std::span<const js::Value>(&result, 1));
        });
    return js::Value();
}

js::Completion fs_write_file(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    return write_or_append(rt, args, false);
}
js::Completion fs_append_file(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    return write_or_append(rt, args, true);
}

// --- one-request calls ---------------------------------------------------------------------------

js::Completion stat_like(js::Runtime& rt, Args args, std::string_view syscall) {
    NodeIo& io = *LOOPSIM_TRY(io_of(rt));
    auto [opts, cb_value] = split_callback(args, 1);
    js::Value callback = LOOPSIM_TRY(callback_argument(io.host(), cb_value));
    PathArg path = LOOPSIM_TRY(path_argument(io, arg(args, 0)));
    const std::string name(syscall);
    one_request(io, io::LatencyKind::FsStat, 0, "fs." + name + " " + NodeIo::label_name(path.given),
                callback, short_what(name, path),
                [path, name](NodeIo& p) -> std::vector<js::Value> {
                    io::IoResult<io::FileStat> s = p.vfs().stat(path.resolved);
                    if (!s.ok()) return {js::Value(p.uv_error(s.error, name, path.given))};
                    return {null_value(), make_stats(p.host(), s.value)};
                });
    return js::Value();
}

js::Completion fs_stat(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    return stat_like(rt, args, "stat");
}
js::Completion fs_lstat(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    return stat_like(rt, args, "lstat");
}

js::Completion fs_fstat(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    NodeIo& io = *LOOPSIM_TRY(io_of(rt));
    auto [opts, cb_value] = split_callback(args, 1);
    js::Value callback = LOOPSIM_TRY(callback_argument(io.host(), cb_value));
    const int fd = LOOPSIM_TRY(fd_argument(io.host(), arg(args, 0)));
    one_request(io, io::LatencyKind::FsFstat, 0,
                "fs.fstat " + NodeIo::label_name(io.vfs().fd_path(fd)), callback,
                "fs.fstat " + std::to_string(fd), [fd](NodeIo& p) -> std::vector<js::Value> {
                    io::IoResult<io::FileStat> s = p.vfs().fstat(fd);
                    if (!s.ok()) return {js::Value(p.uv_error(s.error, "fstat"))};
                    return {null_value(), make_stats(p.host(), s.value)};
                });
    return js::Value();
}

js::Completion fs_access(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    NodeIo& io = *LOOPSIM_TRY(io_of(rt));
    auto [mode, cb_value] = split_callback(args, 1);
    PathArg path = LOOPSIM_TRY(path_argument(io, arg(args, 0)));
    js::Value callback = LOOPSIM_TRY(callback_argument(io.host(), cb_value));
    one_request(io, io::LatencyKind::FsAccess, 0, "fs.access " + NodeIo::label_name(path.given),
                callback, short_what("access", path), [path](NodeIo& p) -> std::vector<js::Value> {
                    io::Errno e = p.vfs().access(path.resolved);
                    if (e != io::Errno::None)
                        return {js::Value(p.uv_error(e, "access", path.given))};
                    return {null_value()};
                });
    return js::Value();
}

js::Completion fs_exists(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    NodeIo& io = *LOOPSIM_TRY(io_of(rt));
    js::Value callback = LOOPSIM_TRY(callback_argument(io.host(), arg(args, 1)));
    PathArg path{"", ""};
    auto valid = path_argument(io, arg(args, 0));
    if (valid.is_throw()) {
        // fs.exists answers false for an invalid path, on the next tick.
        io.host().env().queues().next_tick(io.host().make_task(
            io.host().function_label(callback), callback, js::Value(), {js::Value(false)}));
        return js::Value();
    }
    path = valid.release_value();
    one_request(io, io::LatencyKind::FsAccess, 0, "fs.access " + NodeIo::label_name(path.given),
                callback, short_what("exists", path), [path](NodeIo& p) -> std::vector<js::Value> {
                    return {js::Value(p.vfs().access(path.resolved) == io::Errno::None)};
                });
    return js::Value();
}

js::Completion fs_open(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    NodeIo& io = *LOOPSIM_TRY(io_of(rt));
    ScriptHost& host = io.host();
    js::Value flags_value, callback_value;
    if (js::Runtime::is_callable(arg(args, 1))) {
        callback_value = arg(args, 1);
    } else if (js::Runtime::is_callable(arg(args, 2))) {
        flags_value = arg(args, 1);
        callback_value = arg(args, 2);
    } else {
        flags_value = arg(args, 1);
        callback_value = arg(args, 3);
    }
    PathArg path = LOOPSIM_TRY(path_argument(io, arg(args, 0)));
    io::OpenFlags flags = LOOPSIM_TRY(flags_argument(host, flags_value, io::OpenFlags{}));
    js::Value callback = LOOPSIM_TRY(callback_argument(host, callback_value));
    one_request(io, io::LatencyKind::FsOpen, 0, "fs.open " + NodeIo::label_name(path.given),
                callback, short_what("open", path),
                [path, flags](NodeIo& p) -> std::vector<js::Value> {
                    io::IoResult<int> fd = p.vfs().open(path.resolved, flags, p.now_ns());
                    if (!fd.ok()) return {js::Value(p.uv_error(fd.error, "open", path.given))};
                    return {null_value(), js::Value(fd.value)};
                });
    return js::Value();
}

js::Completion fs_close(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    NodeIo& io = *LOOPSIM_TRY(io_of(rt));
    const int fd = LOOPSIM_TRY(fd_argument(io.host(), arg(args, 0)));
    js::Value callback = arg(args, 1);
    if (callback.is_undefined()) {
        // fs.close(fd) without a callback: Node supplies a no-op.
        callback = js::Value(make_function(io.host(), "defaultCloseCallback", 1,
                                           [](js::Runtime&, js::NativeFunction&, js::Value,
                                              Args) -> js::Completion { return js::Value(); }));
    }
    callback = LOOPSIM_TRY(callback_argument(io.host(), callback));
    one_request(io, io::LatencyKind::FsClose, 0,
                "fs.close " + NodeIo::label_name(io.vfs().fd_path(fd)), callback,
                "fs.close " + std::to_string(fd), [fd](NodeIo& p) -> std::vector<js::Value> {
                    io::Errno e = p.vfs().close(fd);
                    if (e != io::Errno::None) return {js::Value(p.uv_error(e, "close"))};
                    return {null_value()};
                });
    return js::Value();
}

// Writes `bytes` into a Buffer at `offset`.
void copy_into_buffer(ScriptHost& host, js::Object& buffer, size_t offset, std::string_view bytes) {
    js::Runtime& rt = host.runtime();
    for (size_t i = 0; i < bytes.size(); ++i)
        buffer.put_direct(rt, js::PropertyKey::index(static_cast<uint32_t>(offset + i)),
                          js::Value(static_cast<int32_t>(static_cast<uint8_t>(bytes[i]))));
}

struct ReadArgs {
    int fd = -1;
    js::Value buffer;
    size_t offset = 0;
    size_t length = 0;
    std::optional<uint64_t> position;
    js::Value callback;
};

js::ThrowCompletionOr<ReadArgs> read_arguments(NodeIo& io, Args args, bool with_callback) {
    ScriptHost& host = io.host();
    ReadArgs r;
    r.fd = LOOPSIM_TRY(fd_argument(host, arg(args, 0)));
    r.buffer = arg(args, 1);
    if (!is_buffer(host, r.buffer))
        return invalid_arg_type(host, "buffer", "an instance of Buffer, TypedArray, or DataView",
                                r.buffer);
    const size_t size = r.buffer.as_object()->elements().end_index();
    size_t next = 2;
    if (with_callback && js::Runtime::is_callable(arg(args, 2))) {
        r.length = size;
        r.callback = arg(args, 2);
        return r;
    }
    const auto integer = [&](js::Value v, double fallback) {
        return v.is_number() ? std::trunc(v.as_number()) : fallback;
    };
    r.offset = static_cast<size_t>(
        std::clamp(integer(arg(args, next), 0), 0.0, static_cast<double>(size)));
    r.length = static_cast<size_t>(
        std::clamp(integer(arg(args, next + 1), static_cast<double>(size - r.offset)), 0.0,
                   static_cast<double>(size - r.offset)));
    js::Value position = arg(args, next + 2);
    if (position.is_number() && position.as_number() >= 0)
        r.position = static_cast<uint64_t>(position.as_number());
    r.callback = arg(args, next + 3);
    return r;
}

js::Completion fs_read(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    NodeIo& io = *LOOPSIM_TRY(io_of(rt));
    ReadArgs r = LOOPSIM_TRY(read_arguments(io, args, true));
    js::Value callback = LOOPSIM_TRY(callback_argument(io.host(), r.callback));
    js::RootedValue buffer(rt.heap(), r.buffer);
    const uint64_t units = io.vfs().readable_bytes(r.fd, r.length, r.position);
    one_request(
        io, io::LatencyKind::FsRead, units, "fs.read " + NodeIo::label_name(io.vfs().fd_path(r.fd)),
        callback, "fs.read " + std::to_string(r.fd),
        [r, buffer](NodeIo& p) -> std::vector<js::Value> {
            io::IoResult<std::string> got = p.vfs().read(r.fd, r.length, r.position, p.now_ns());
            if (!got.ok()) return {js::Value(p.uv_error(got.error, "read"))};
            copy_into_buffer(p.host(), *buffer.get().as_object(), r.offset, got.value);
            return {null_value(), js::Value::number(static_cast<double>(got.value.size())),
                    buffer.get()};
        });
    return js::Value();
}

struct WriteArgs {
    int fd = -1;
    std::string bytes;
    std::optional<uint64_t> position;
    js::Value data; // echoed to the callback
    js::Value callback;
};

js::ThrowCompletionOr<WriteArgs> write_arguments(NodeIo& io, Args args) {
    ScriptHost& host = io.host();
    WriteArgs w;
    w.fd = LOOPSIM_TRY(fd_argument(host, arg(args, 0)));
    w.data = arg(args, 1);
    // The callback is the last function argument.
    size_t last = args.size();
    while (last > 2 && !js::Runtime::is_callable(args[last - 1])) --last;
    if (last > 2) w.callback = args[last - 1];
    const size_t extra_end = last > 2 ? last - 1 : args.size();
    if (is_buffer(host, w.data)) {
        std::string all = buffer_bytes(*w.data.as_object());
        const auto integer = [&](size_t i, double fallback) {
            return i < extra_end && args[i].is_number() ? std::trunc(args[i].as_number())
                                                        : fallback;
        };
        const double offset = std::clamp(integer(2, 0), 0.0, static_cast<double>(all.size()));
        const double length = std::clamp(integer(3, all.size() - offset), 0.0, all.size() - offset);
        w.bytes = all.substr(static_cast<size_t>(offset), static_cast<size_t>(length));
        if (4 < extra_end && args[4].is_number() && args[4].as_number() >= 0)
            w.position = static_cast<uint64_t>(args[4].as_number());
    } else if (w.data.is_string()) {
        EncodingOption enc = Encoding::Utf8;
        if (3 < extra_end && args[3].is_string())
            enc = parse_encoding(args[3].as_string()->to_utf8()).value_or(Encoding::Utf8);
        w.bytes = encode_string(*w.data.as_string(), *enc);
        if (2 < extra_end && args[2].is_number() && args[2].as_number() >= 0)
            w.position = static_cast<uint64_t>(args[2].as_number());
    } else {
        return invalid_arg_type(host, "buffer",
                                "string or an instance of Buffer, TypedArray, or DataView", w.data);
    }
    return w;
}

js::Completion fs_write(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    NodeIo& io = *LOOPSIM_TRY(io_of(rt));
    WriteArgs w = LOOPSIM_TRY(write_arguments(io, args));
    js::Value callback = LOOPSIM_TRY(callback_argument(io.host(), w.callback));
    js::RootedValue data(rt.heap(), w.data);
    const uint64_t units = w.bytes.size();
    one_request(
        io, io::LatencyKind::FsWrite, units,
        "fs.write " + NodeIo::label_name(io.vfs().fd_path(w.fd)), callback,
        "fs.write " + std::to_string(w.fd), [w, data](NodeIo& p) -> std::vector<js::Value> {
            io::IoResult<uint64_t> n = p.vfs().write(w.fd, w.bytes, w.position, p.now_ns());
            if (!n.ok()) return {js::Value(p.uv_error(n.error, "write"))};
            return {null_value(), js::Value::number(static_cast<double>(n.value)), data.get()};
        });
    return js::Value();
}

js::Completion fs_readdir(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    NodeIo& io = *LOOPSIM_TRY(io_of(rt));
    auto [opts, cb_value] = split_callback(args, 1);
    js::Value callback = LOOPSIM_TRY(callback_argument(io.host(), cb_value));
    FileOptions options =
        LOOPSIM_TRY(options_argument(io.host(), opts, FileOptions::with_encoding(Encoding::Utf8)));
    PathArg path = LOOPSIM_TRY(path_argument(io, arg(args, 0)));
    io::IoResult<std::vector<std::string>> peek = io.vfs().readdir(path.resolved);
    const bool types = options.with_file_types;
    one_request(io, io::LatencyKind::FsReaddir, peek.value.size(),
                "fs.scandir " + NodeIo::label_name(path.given), callback,
                short_what("readdir", path), [path, types](NodeIo& p) -> std::vector<js::Value> {
                    io::IoResult<std::vector<std::string>> names = p.vfs().readdir(path.resolved);
                    if (!names.ok())
                        return {js::Value(p.uv_error(names.error, "scandir", path.given))};
                    return {null_value(), make_dir_listing(p, names.value, path, types)};
                });
    return js::Value();
}

js::ThrowCompletionOr<bool> mkdir_recursive_option(ScriptHost& host, js::Value options) {
    js::Runtime& rt = host.runtime();
    if (!options.is_object() || js::Runtime::is_callable(options)) return false;
    return js::to_boolean(LOOPSIM_TRY(options.as_object()->get(rt, rt.key("recursive"))));
}

js::Completion fs_mkdir(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    NodeIo& io = *LOOPSIM_TRY(io_of(rt));
    auto [opts, cb_value] = split_callback(args, 1);
    const bool recursive = LOOPSIM_TRY(mkdir_recursive_option(io.host(), opts));
    PathArg path = LOOPSIM_TRY(path_argument(io, arg(args, 0)));
    js::Value callback = LOOPSIM_TRY(callback_argument(io.host(), cb_value));
    if (!recursive) {
        one_request(
            io, io::LatencyKind::FsMkdir, 0, "fs.mkdir " + NodeIo::label_name(path.given), callback,
            short_what("mkdir", path), [path](NodeIo& p) -> std::vector<js::Value> {
                io::IoResult<std::string> made = p.vfs().mkdir(path.resolved, false, p.now_ns());
                if (!made.ok()) return {js::Value(p.uv_error(made.error, "mkdir", path.given))};
                return {null_value()};
            });
        return js::Value();
    }
    std::shared_ptr<IoCallback> cb = io.hold(callback, short_what("mkdir", path));
    io.charge_call();
    NodeIo* p = &io;
    mkdirp_requests(io, path, [p, cb, path](io::Errno error, std::string first) {
        if (error != io::Errno::None) {
            js::Value e(p->uv_error(error, "mkdir", path.given));
            return p->call_back(*cb, std::span<const js::Value>(&e, 1));
        }
        js::Value result[] = {null_value(), first.empty()
                                                ? js::Value()
                                                : js::Value(p->host().runtime().string(first))};
        p->call_back(*cb, result);
    });
    return js::Value();
}

js::Completion path_only(js::Runtime& rt, Args args, std::string_view syscall, io::LatencyKind kind,
                         io::Errno (io::Vfs::*op)(std::string_view, int64_t)) {
    NodeIo& io = *LOOPSIM_TRY(io_of(rt));
    PathArg path = LOOPSIM_TRY(path_argument(io, arg(args, 0)));
    auto [opts, cb_value] = split_callback(args, 1);
    js::Value callback = LOOPSIM_TRY(callback_argument(io.host(), cb_value));
    const std::string name(syscall);
    one_request(io, kind, 0, "fs." + name + " " + NodeIo::label_name(path.given), callback,
                short_what(name, path), [path, name, op](NodeIo& p) -> std::vector<js::Value> {
                    io::Errno e = (p.vfs().*op)(path.resolved, p.now_ns());
                    if (e != io::Errno::None) return {js::Value(p.uv_error(e, name, path.given))};
                    return {null_value()};
                });
    return js::Value();
}

js::Completion fs_unlink(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    return path_only(rt, args, "unlink", io::LatencyKind::FsUnlink, &io::Vfs::unlink);
}
js::Completion fs_rmdir(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    return path_only(rt, args, "rmdir", io::LatencyKind::FsRmdir, &io::Vfs::rmdir);
}

js::Completion fs_rename(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    NodeIo& io = *LOOPSIM_TRY(io_of(rt));
    PathArg from = LOOPSIM_TRY(path_argument(io, arg(args, 0), "oldPath"));
    PathArg to = LOOPSIM_TRY(path_argument(io, arg(args, 1), "newPath"));
    js::Value callback = LOOPSIM_TRY(callback_argument(io.host(), arg(args, 2)));
    one_request(io, io::LatencyKind::FsRename, 0, "fs.rename " + NodeIo::label_name(from.given),
                callback, short_what("rename", from),
                [from, to](NodeIo& p) -> std::vector<js::Value> {
                    io::Errno e = p.vfs().rename(from.resolved, to.resolved, p.now_ns());
                    if (e != io::Errno::None)
                        return {js::Value(p.uv_error(e, "rename", from.given, to.given))};
                    return {null_value()};
                });
    return js::Value();
}

// --- *Sync
// ----------------------------------------------------------------------------------------

js::ThrowCompletionOr<std::string> read_file_sync(NodeIo& io, const PathArg& path,
                                                  io::OpenFlags flags) {
    io.charge_sync(io::LatencyKind::FsOpen);
    io::IoResult<int> fd = io.vfs().open(path.resolved, flags, io.now_ns());
    if (!fd.ok()) return throw_sync(io, fd.error, "open", path.given);
    io.charge_sync(io::LatencyKind::FsFstat);
    io::IoResult<io::FileStat> st = io.vfs().fstat(fd.value);
    const uint64_t size = st.ok() && st.value.kind == io::NodeKind::File ? st.value.size : 0;
    std::string bytes;
    for (;;) {
        const uint64_t length = size == 0 ? 64 * 1024 : size - bytes.size();
        io.charge_sync(io::LatencyKind::FsRead,
                       io.vfs().readable_bytes(fd.value, length, std::nullopt));
        io::IoResult<std::string> r = io.vfs().read(fd.value, length, std::nullopt, io.now_ns());
        if (!r.ok()) {
            io.charge_sync(io::LatencyKind::FsClose);
            (void)io.vfs().close(fd.value);
            return throw_sync(io, r.error, "read");
        }
        bytes += r.value;
        if (r.value.empty() || (size != 0 && bytes.size() >= size)) break;
    }
    io.charge_sync(io::LatencyKind::FsClose);
    (void)io.vfs().close(fd.value);
    return bytes;
}

js::Completion fs_read_file_sync(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    NodeIo& io = *LOOPSIM_TRY(io_of(rt));
    FileOptions options = LOOPSIM_TRY(options_argument(io.host(), arg(args, 1), FileOptions{}));
    PathArg path = LOOPSIM_TRY(path_argument(io, arg(args, 0)));
    std::string bytes = LOOPSIM_TRY(read_file_sync(io, path, options.flags));
    return file_contents(io.host(), bytes, options.encoding);
}

js::Completion write_file_sync(js::Runtime& rt, Args args, bool append) {
    NodeIo& io = *LOOPSIM_TRY(io_of(rt));
    FileOptions defaults;
    defaults.encoding = Encoding::Utf8;
    defaults.flags = *io::OpenFlags::parse(append ? "a" : "w");
    FileOptions options = LOOPSIM_TRY(options_argument(io.host(), arg(args, 2), defaults));
    std::string data = LOOPSIM_TRY(data_argument(io.host(), arg(args, 1), options.encoding));
    PathArg path = LOOPSIM_TRY(path_argument(io, arg(args, 0)));
    io.charge_sync(io::LatencyKind::FsOpen);
    io::IoResult<int> fd = io.vfs().open(path.resolved, options.flags, io.now_ns());
    if (!fd.ok()) return throw_sync(io, fd.error, "open", path.given);
    io.charge_sync(io::LatencyKind::FsWrite, data.size());
    io::IoResult<uint64_t> written = io.vfs().write(fd.value, data, std::nullopt, io.now_ns());
    io.charge_sync(io::LatencyKind::FsClose);
    (void)io.vfs().close(fd.value);
    if (!written.ok()) return throw_sync(io, written.error, "write");
    return js::Value();
}

js::Completion fs_write_file_sync(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    return write_file_sync(rt, args, false);
}
js::Completion fs_append_file_sync(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    return write_file_sync(rt, args, true);
}

js::Completion stat_sync(js::Runtime& rt, Args args, std::string_view syscall) {
    NodeIo& io = *LOOPSIM_TRY(io_of(rt));
    PathArg path = LOOPSIM_TRY(path_argument(io, arg(args, 0)));
    io.charge_sync(io::LatencyKind::FsStat);
    io::IoResult<io::FileStat> s = io.vfs().stat(path.resolved);
    if (!s.ok()) {
        // { throwIfNoEntry: false } returns undefined instead of throwing ENOENT.
        js::Value options = arg(args, 1);
        if (s.error == io::Errno::NoEntry && options.is_object()) {
            js::Value flag = LOOPSIM_TRY(options.as_object()->get(rt, rt.key("throwIfNoEntry")));
            if (flag.is_boolean() && !flag.as_bool()) return js::Value();
        }
        return throw_sync(io, s.error, syscall, path.given);
    }
    return make_stats(io.host(), s.value);
}

js::Completion fs_stat_sync(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    return stat_sync(rt, args, "stat");
}
js::Completion fs_lstat_sync(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    return stat_sync(rt, args, "lstat");
}

js::Completion fs_fstat_sync(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    NodeIo& io = *LOOPSIM_TRY(io_of(rt));
    const int fd = LOOPSIM_TRY(fd_argument(io.host(), arg(args, 0)));
    io.charge_sync(io::LatencyKind::FsFstat);
    io::IoResult<io::FileStat> s = io.vfs().fstat(fd);
    if (!s.ok()) return throw_sync(io, s.error, "fstat");
    return make_stats(io.host(), s.value);
}

js::Completion fs_access_sync(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    NodeIo& io = *LOOPSIM_TRY(io_of(rt));
    PathArg path = LOOPSIM_TRY(path_argument(io, arg(args, 0)));
    io.charge_sync(io::LatencyKind::FsAccess);
    if (io::Errno e = io.vfs().access(path.resolved); e != io::Errno::None)
        return throw_sync(io, e, "access", path.given);
    return js::Value();
}

js::Completion fs_exists_sync(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    NodeIo& io = *LOOPSIM_TRY(io_of(rt));
    auto path = path_argument(io, arg(args, 0));
    if (path.is_throw()) return js::Value(false);
    io.charge_sync(io::LatencyKind::FsAccess);
    return js::Value(io.vfs().access(path.value().resolved) == io::Errno::None);
}

js::Completion fs_open_sync(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    NodeIo& io = *LOOPSIM_TRY(io_of(rt));
    PathArg path = LOOPSIM_TRY(path_argument(io, arg(args, 0)));
    io::OpenFlags flags = LOOPSIM_TRY(flags_argument(io.host(), arg(args, 1), io::OpenFlags{}));
    io.charge_sync(io::LatencyKind::FsOpen);
    io::IoResult<int> fd = io.vfs().open(path.resolved, flags, io.now_ns());
    if (!fd.ok()) return throw_sync(io, fd.error, "open", path.given);
    return js::Value(fd.value);
}

js::Completion fs_close_sync(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    NodeIo& io = *LOOPSIM_TRY(io_of(rt));
    const int fd = LOOPSIM_TRY(fd_argument(io.host(), arg(args, 0)));
    io.charge_sync(io::LatencyKind::FsClose);
    if (io::Errno e = io.vfs().close(fd); e != io::Errno::None) return throw_sync(io, e, "close");
    return js::Value();
}

js::Completion fs_read_sync(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    NodeIo& io = *LOOPSIM_TRY(io_of(rt));
    ReadArgs r = LOOPSIM_TRY(read_arguments(io, args, false));
    io.charge_sync(io::LatencyKind::FsRead, io.vfs().readable_bytes(r.fd, r.length, r.position));
    io::IoResult<std::string> got = io.vfs().read(r.fd, r.length, r.position, io.now_ns());
    if (!got.ok()) return throw_sync(io, got.error, "read");
    copy_into_buffer(io.host(), *r.buffer.as_object(), r.offset, got.value);
    return js::Value::number(static_cast<double>(got.value.size()));
}

js::Completion fs_write_sync(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    NodeIo& io = *LOOPSIM_TRY(io_of(rt));
    WriteArgs w = LOOPSIM_TRY(write_arguments(io, args));
    io.charge_sync(io::LatencyKind::FsWrite, w.bytes.size());
    io::IoResult<uint64_t> n = io.vfs().write(w.fd, w.bytes, w.position, io.now_ns());
    if (!n.ok()) return throw_sync(io, n.error, "write");
    return js::Value::number(static_cast<double>(n.value));
}

js::Completion fs_readdir_sync(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    NodeIo& io = *LOOPSIM_TRY(io_of(rt));
    FileOptions options = LOOPSIM_TRY(
        options_argument(io.host(), arg(args, 1), FileOptions::with_encoding(Encoding::Utf8)));
    PathArg path = LOOPSIM_TRY(path_argument(io, arg(args, 0)));
    io::IoResult<std::vector<std::string>> names = io.vfs().readdir(path.resolved);
    io.charge_sync(io::LatencyKind::FsReaddir, names.value.size());
    if (!names.ok()) return throw_sync(io, names.error, "scandir", path.given);
    return make_dir_listing(io, names.value, path, options.with_file_types);
}

js::Completion fs_mkdir_sync(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    NodeIo& io = *LOOPSIM_TRY(io_of(rt));
    const bool recursive = LOOPSIM_TRY(mkdir_recursive_option(io.host(), arg(args, 1)));
    PathArg path = LOOPSIM_TRY(path_argument(io, arg(args, 0)));
    if (!recursive) {
        io.charge_sync(io::LatencyKind::FsMkdir);
        io::IoResult<std::string> made = io.vfs().mkdir(path.resolved, false, io.now_ns());
        if (!made.ok()) return throw_sync(io, made.error, "mkdir", path.given);
        return js::Value();
    }
    auto [error, first] = mkdirp_sync(io, path);
    if (error != io::Errno::None) return throw_sync(io, error, "mkdir", path.given);
    return first.empty() ? js::Value() : js::Value(rt.string(first));
}

js::Completion path_only_sync(js::Runtime& rt, Args args, std::string_view syscall,
                              io::LatencyKind kind,
                              io::Errno (io::Vfs::*op)(std::string_view, int64_t)) {
    NodeIo& io = *LOOPSIM_TRY(io_of(rt));
    PathArg path = LOOPSIM_TRY(path_argument(io, arg(args, 0)));
    io.charge_sync(kind);
    if (io::Errno e = (io.vfs().*op)(path.resolved, io.now_ns()); e != io::Errno::None)
        return throw_sync(io, e, syscall, path.given);
    return js::Value();
}

js::Completion fs_unlink_sync(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    return path_only_sync(rt, args, "unlink", io::LatencyKind::FsUnlink, &io::Vfs::unlink);
}
js::Completion fs_rmdir_sync(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    return path_only_sync(rt, args, "rmdir", io::LatencyKind::FsRmdir, &io::Vfs::rmdir);
}

js::Completion fs_rename_sync(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    NodeIo& io = *LOOPSIM_TRY(io_of(rt));
    PathArg from = LOOPSIM_TRY(path_argument(io, arg(args, 0), "oldPath"));
    PathArg to = LOOPSIM_TRY(path_argument(io, arg(args, 1), "newPath"));
    io.charge_sync(io::LatencyKind::FsRename);
    if (io::Errno e = io.vfs().rename(from.resolved, to.resolved, io.now_ns());
        e != io::Errno::None)
        return throw_sync(io, e, "rename", from.given, to.given);
    return js::Value();
}

} // namespace

js::Completion make_fs_module(ScriptHost& host) {
    js::Runtime& rt = host.runtime();
    if (!node_io(host))
        return rt.throw_error(js::ErrorType::Error,
                              "require('fs'): this process has no file system attached");
    install_buffer(host);
    js::Object* fs = js::Object::create(rt, rt.object_prototype());
    js::Root<js::Object> root(rt.heap(), fs);
    static constexpr IoFunction k_functions[] = {
        {"access", 3, fs_access},
        {"accessSync", 2, fs_access_sync},
        {"appendFile", 4, fs_append_file},
        {"appendFileSync", 3, fs_append_file_sync},
        {"close", 2, fs_close},
        {"closeSync", 1, fs_close_sync},
        {"exists", 2, fs_exists},
        {"existsSync", 1, fs_exists_sync},
        {"fstat", 3, fs_fstat},
        {"fstatSync", 2, fs_fstat_sync},
        {"lstat", 3, fs_lstat},
        {"lstatSync", 2, fs_lstat_sync},
        {"mkdir", 3, fs_mkdir},
        {"mkdirSync", 2, fs_mkdir_sync},
        {"open", 4, fs_open},
        {"openSync", 3, fs_open_sync},
        {"read", 6, fs_read},
        {"readSync", 5, fs_read_sync},
        {"readdir", 3, fs_readdir},
        {"readdirSync", 2, fs_readdir_sync},
        {"readFile", 3, fs_read_file},
        {"readFileSync", 2, fs_read_file_sync},
        {"rename", 3, fs_rename},
        {"renameSync", 2, fs_rename_sync},
        {"rmdir", 3, fs_rmdir},
        {"rmdirSync", 2, fs_rmdir_sync},
        {"stat", 3, fs_stat},
        {"statSync", 2, fs_stat_sync},
        {"unlink", 2, fs_unlink},
        {"unlinkSync", 1, fs_unlink_sync},
        {"write", 6, fs_write},
        {"writeSync", 5, fs_write_sync},
        {"writeFile", 4, fs_write_file},
        {"writeFileSync", 3, fs_write_file_sync},
    };
    define_io_functions(host, *fs, "fs", k_functions);
    // util.promisify(fs.read) resolves { bytesRead, buffer }, fs.write { bytesWritten, buffer }.
    const auto promisify_names = [&](const char* fn, std::initializer_list<const char*> names) {
        std::vector<js::Value> values;
        for (const char* n : names) values.push_back(js::Value(rt.string(n)));
        js::OwnProperty target;
        if (fs->lookup_own(rt.key(fn), target) && target.value.is_object())
            target.value.as_object()->put_direct(
                rt, js::PropertyKey::symbol(custom_promisify_args_symbol(host)),
                js::Value(js::Array::create_from(rt, values)), js::attr::None);
    };
    promisify_names("read", {"bytesRead", "buffer"});
    promisify_names("write", {"bytesWritten", "buffer"});
    js::Object* constants = js::Object::create(rt, rt.object_prototype());
    for (auto [name, value] : {std::pair<const char*, int>{"F_OK", 0},
                               {"R_OK", 4},
                               {"W_OK", 2},
                               {"X_OK", 1},
                               {"O_RDONLY", 0},
                               {"O_WRONLY", 1},
                               {"O_RDWR", 2},
                               {"O_CREAT", 0100},
                               {"O_EXCL", 0200},
                               {"O_TRUNC", 01000},
                               {"O_APPEND", 02000},
                               {"S_IFMT", 0170000},
                               {"S_IFREG", 0100000},
                               {"S_IFDIR", 0040000}})
        constants->put_direct(rt, rt.key(name), js::Value(value), js::attr::Default);
    fs->put_direct(rt, rt.key("constants"), js::Value(constants), js::attr::Default);
    for (auto [name, value] :
         {std::pair<const char*, int>{"F_OK", 0}, {"R_OK", 4}, {"W_OK", 2}, {"X_OK", 1}})
        fs->put_direct(rt, rt.key(name), js::Value(value), js::attr::Default);
    js::Completion promises = make_fs_promises_module(host);
    if (promises.is_throw()) return promises;
    fs->put_direct(rt, rt.key("promises"), promises.value(), js::attr::Default);
    return js::Value(fs);
}

} // namespace loopsim::node
