// require('fs').promises and require('fs/promises') (the same object): the promise API over
// the same thread-pool requests as the callback API (lib/internal/fs/promises.js). readFile is
// open, fstat, reads, close; each request is settled inside its own callback scope, so the
// awaiting code resumes in the microtask drain of the last completion, in the poll phase.
// Arguments are checked as Node's async functions check them: a bad one rejects the promise.
#include "model/js/function.h"
#include "model/js/promise.h"
#include "model/js/runtime.h"
#include "model/js/string.h"
#include "model/node/bindings.h"
#include "model/node/fs_support.h"
#include "model/node/node_io.h"
#include "model/node/script_host.h"

namespace loopsim::node {

namespace {

using Args = std::span<const js::Value>;

js::Value arg(Args args, size_t i) {
    return i < args.size() ? args[i] : js::Value();
}

// Node's own frames under an fs.promises error (node v20.20.2; the awaiting scenario frames
// V8 adds after them are not modelled).
constexpr std::string_view k_frames_open_for_read =
    "    at async open (node:internal/fs/promises:637:25)\n    at async Object.readFile "
    "(node:internal/fs/promises:1249:14)";
constexpr std::string_view k_frames_read_handle =
    "    at async readFileHandle (node:internal/fs/promises:551:24)";
constexpr std::string_view k_frames_open_for_write =
    "    at async open (node:internal/fs/promises:637:25)\n    at async Object.writeFile "
    "(node:internal/fs/promises:1219:14)";
constexpr std::string_view k_frames_open_for_append =
    "    at async open (node:internal/fs/promises:637:25)\n    at async writeFile "
    "(node:internal/fs/promises:1219:14)";

std::string frames_of(std::string_view api) {
    struct Entry {
        std::string_view api;
        std::string_view frame;
    };
    static constexpr Entry k_frames[] = {
        {"stat", "Object.stat (node:internal/fs/promises:1033:18)"},
        {"lstat", "Object.lstat (node:internal/fs/promises:1022:18)"},
        {"access", "Object.access (node:internal/fs/promises:604:10)"},
        {"readdir", "Object.readdir (node:internal/fs/promises:950:18)"},
        {"mkdir", "Object.mkdir (node:internal/fs/promises:856:10)"},
        {"unlink", "Object.unlink (node:internal/fs/promises:1067:10)"},
        {"rmdir", "Object.rmdir (node:internal/fs/promises:822:10)"},
        {"rename", "Object.rename (node:internal/fs/promises:780:10)"},
        {"open", "Object.open (node:internal/fs/promises:637:25)"},
    };
    for (const Entry& e : k_frames)
        if (e.api == api) return "    at async " + std::string(e.frame);
    return {};
}

// A pending promise kept alive until it is settled.
struct PendingPromise {
    js::RootedValue promise;
};

std::shared_ptr<PendingPromise> new_pending(js::Runtime& rt) {
    return std::make_shared<PendingPromise>(
        PendingPromise{js::RootedValue(rt.heap(), js::Value(js::new_promise(rt)))});
}

// Settles inside a callback scope of its own (FSReqPromise::Resolve / Reject).
void settle(NodeIo& io, PendingPromise& p, bool ok, js::Value value) {
    js::RootedValue keep(io.host().runtime().heap(), value);
    io.in_scope([&] {
        js::Runtime& rt = io.host().runtime();
        js::Object& promise = *p.promise.get().as_object();
        if (ok)
            js::resolve_promise(rt, promise, keep.get());
        else
            js::reject_promise(rt, promise, keep.get());
    });
}

// What an async function returns when its first statements throw: a rejected promise.
js::Completion rejected(js::Runtime& rt, js::Value reason) {
    js::Object* promise = js::new_promise(rt);
    js::reject_promise(rt, *promise, reason);
    return js::Value(promise);
}

NodeIo* io_of(js::Runtime& rt) {
    return node_io(ScriptHost::from(rt));
}

#define LOOPSIM_TRY_OR_REJECT(rt, expression)                                                      \
    ({                                                                                             \
        auto _loopsim_result = (expression);                                                       \
        if (_loopsim_result.is_throw()) return rejected(rt, _loopsim_result.thrown_value());       \
        _loopsim_result.release_value();                                                           \
    })

js::Object* error_with_frames(NodeIo& io, io::Errno e, std::string_view syscall,
                              std::string_view path, std::string_view frames,
                              std::string_view dest = {}) {
    const SyncFrames f{frames};
    return io.uv_error(e, syscall, path, dest, frames.empty() ? nullptr : &f);
}

// One thread-pool request settling a promise; `finish` performs the system call at the
// completion and returns (ok, value).
js::Completion one_request(NodeIo& io, io::LatencyKind kind, uint64_t units, std::string label,
                           std::function<std::pair<bool, js::Value>(NodeIo&)> finish) {
    js::Runtime& rt = io.host().runtime();
    std::shared_ptr<PendingPromise> pending = new_pending(rt);
    io.charge_call();
    NodeIo* p = &io;
    io.submit(uv::WorkKind::FastIo, kind, units, std::move(label),
              [p, pending, finish = std::move(finish)] {
                  auto [ok, value] = finish(*p);
                  settle(*p, *pending, ok, value);
              });
    return pending->promise.get();
}

js::Completion fsp_read_file(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    NodeIo& io = *io_of(rt);
    FileOptions options =
        LOOPSIM_TRY_OR_REJECT(rt, options_argument(io.host(), arg(args, 1), FileOptions{}));
    PathArg path = LOOPSIM_TRY_OR_REJECT(rt, path_argument(io, arg(args, 0)));
    std::shared_ptr<PendingPromise> pending = new_pending(rt);
    io.charge_call();
    NodeIo* p = &io;
    const EncodingOption encoding = options.encoding;
    read_file_requests(
        io, path, options.flags, "fs.promises.readFile " + NodeIo::label_name(path.given),
        [p, pending, encoding, path](FileOutcome outcome) {
            if (outcome.error != io::Errno::None) {
                const bool at_open = outcome.syscall == "open";
                settle(*p, *pending, false,
                       js::Value(error_with_frames(
                           *p, outcome.error, outcome.syscall, at_open ? path.given : std::string(),
                           at_open ? k_frames_open_for_read : k_frames_read_handle)));
                return;
            }
            settle(*p, *pending, true, file_contents(p->host(), outcome.bytes, encoding));
        });
    return pending->promise.get();
}

js::Completion write_or_append(js::Runtime& rt, Args args, bool append) {
    NodeIo& io = *io_of(rt);
    FileOptions defaults;
    defaults.encoding = Encoding::Utf8;
    defaults.flags = *io::OpenFlags::parse(append ? "a" : "w");
    FileOptions options =
        LOOPSIM_TRY_OR_REJECT(rt, options_argument(io.host(), arg(args, 2), defaults));
    std::string data =
        LOOPSIM_TRY_OR_REJECT(rt, data_argument(io.host(), arg(args, 1), options.encoding));
    PathArg path = LOOPSIM_TRY_OR_REJECT(rt, path_argument(io, arg(args, 0)));
    std::shared_ptr<PendingPromise> pending = new_pending(rt);
    io.charge_call();
    NodeIo* p = &io;
    write_file_requests(
        io, path, options.flags, std::move(data), FileApi::Promise,
        std::string(append ? "fs.promises.appendFile " : "fs.promises.writeFile ") +
            NodeIo::label_name(path.given),
        [p, pending, path, append](FileOutcome outcome) {
            if (outcome.error != io::Errno::None) {
                const bool at_open = outcome.syscall == "open";
                settle(*p, *pending, false,
                       js::Value(error_with_frames(
                           *p, outcome.error, outcome.syscall, at_open ? path.given : std::string(),
                           at_open ? (append ? k_frames_open_for_append : k_frames_open_for_write)
                                   : std::string_view())));
                return;
            }
            settle(*p, *pending, true, js::Value());
        });
    return pending->promise.get();
}

js::Completion fsp_write_file(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    return write_or_append(rt, args, false);
}
js::Completion fsp_append_file(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    return write_or_append(rt, args, true);
}

js::Completion stat_like(js::Runtime& rt, Args args, std::string name) {
    NodeIo& io = *io_of(rt);
    PathArg path = LOOPSIM_TRY_OR_REJECT(rt, path_argument(io, arg(args, 0)));
    return one_request(io, io::LatencyKind::FsStat, 0,
                       "fs." + name + " " + NodeIo::label_name(path.given),
                       [path, name](NodeIo& p) -> std::pair<bool, js::Value> {
                           io::IoResult<io::FileStat> s = p.vfs().stat(path.resolved);
                           if (!s.ok())
                               return {false, js::Value(error_with_frames(
                                                  p, s.error, name, path.given, frames_of(name)))};
                           return {true, make_stats(p.host(), s.value)};
                       });
}

js::Completion fsp_stat(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    return stat_like(rt, args, "stat");
}
js::Completion fsp_lstat(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    return stat_like(rt, args, "lstat");
}

js::Completion fsp_access(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    NodeIo& io = *io_of(rt);
    PathArg path = LOOPSIM_TRY_OR_REJECT(rt, path_argument(io, arg(args, 0)));
    return one_request(
        io, io::LatencyKind::FsAccess, 0, "fs.access " + NodeIo::label_name(path.given),
        [path](NodeIo& p) -> std::pair<bool, js::Value> {
            io::Errno e = p.vfs().access(path.resolved);
            if (e != io::Errno::None)
                return {false, js::Value(error_with_frames(p, e, "access", path.given,
                                                           frames_of("access")))};
            return {true, js::Value()};
        });
}

js::Completion fsp_readdir(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    NodeIo& io = *io_of(rt);
    FileOptions options = LOOPSIM_TRY_OR_REJECT(
        rt, options_argument(io.host(), arg(args, 1), FileOptions::with_encoding(Encoding::Utf8)));
    PathArg path = LOOPSIM_TRY_OR_REJECT(rt, path_argument(io, arg(args, 0)));
    const bool types = options.with_file_types;
    return one_request(
        io, io::LatencyKind::FsReaddir, io.vfs().readdir(path.resolved).value.size(),
        "fs.scandir " + NodeIo::label_name(path.given),
        [path, types](NodeIo& p) -> std::pair<bool, js::Value> {
            io::IoResult<std::vector<std::string>> names = p.vfs().readdir(path.resolved);
            if (!names.ok())
                return {false, js::Value(error_with_frames(p, names.error, "scandir", path.given,
                                                           frames_of("readdir")))};
            return {true, make_dir_listing(p, names.value, path, types)};
        });
}

js::Completion fsp_mkdir(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    NodeIo& io = *io_of(rt);
    bool recursive = false;
    if (arg(args, 1).is_object()) {
        js::Value r =
            LOOPSIM_TRY_OR_REJECT(rt, arg(args, 1).as_object()->get(rt, rt.key("recursive")));
        recursive = r.is_boolean() && r.as_bool();
    }
    PathArg path = LOOPSIM_TRY_OR_REJECT(rt, path_argument(io, arg(args, 0)));
    if (!recursive)
        return one_request(
            io, io::LatencyKind::FsMkdir, 0, "fs.mkdir " + NodeIo::label_name(path.given),
            [path](NodeIo& p) -> std::pair<bool, js::Value> {
                io::IoResult<std::string> made = p.vfs().mkdir(path.resolved, false, p.now_ns());
                if (!made.ok())
                    return {false, js::Value(error_with_frames(p, made.error, "mkdir", path.given,
                                                               frames_of("mkdir")))};
                return {true, js::Value()};
            });
    std::shared_ptr<PendingPromise> pending = new_pending(rt);
    io.charge_call();
    NodeIo* p = &io;
    mkdirp_requests(io, path, [p, pending, path](io::Errno error, std::string first) {
        if (error != io::Errno::None)
            return settle(
                *p, *pending, false,
                js::Value(error_with_frames(*p, error, "mkdir", path.given, frames_of("mkdir"))));
        settle(*p, *pending, true,
               first.empty() ? js::Value() : js::Value(p->host().runtime().string(first)));
    });
    return pending->promise.get();
}

js::Completion path_only(js::Runtime& rt, Args args, std::string name, io::LatencyKind kind,
                         io::Errno (io::Vfs::*op)(std::string_view, int64_t)) {
    NodeIo& io = *io_of(rt);
    PathArg path = LOOPSIM_TRY_OR_REJECT(rt, path_argument(io, arg(args, 0)));
    return one_request(io, kind, 0, "fs." + name + " " + NodeIo::label_name(path.given),
                       [path, name, op](NodeIo& p) -> std::pair<bool, js::Value> {
                           io::Errno e = (p.vfs().*op)(path.resolved, p.now_ns());
                           if (e != io::Errno::None)
                               return {false, js::Value(error_with_frames(p, e, name, path.given,
                                                                          frames_of(name)))};
                           return {true, js::Value()};
                       });
}

js::Completion fsp_unlink(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    return path_only(rt, args, "unlink", io::LatencyKind::FsUnlink, &io::Vfs::unlink);
}
js::Completion fsp_rmdir(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    return path_only(rt, args, "rmdir", io::LatencyKind::FsRmdir, &io::Vfs::rmdir);
}

js::Completion fsp_rename(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    NodeIo& io = *io_of(rt);
    PathArg from = LOOPSIM_TRY_OR_REJECT(rt, path_argument(io, arg(args, 0), "oldPath"));
    PathArg to = LOOPSIM_TRY_OR_REJECT(rt, path_argument(io, arg(args, 1), "newPath"));
    return one_request(
        io, io::LatencyKind::FsRename, 0, "fs.rename " + NodeIo::label_name(from.given),
        [from, to](NodeIo& p) -> std::pair<bool, js::Value> {
            io::Errno e = p.vfs().rename(from.resolved, to.resolved, p.now_ns());
            if (e != io::Errno::None)
                return {false, js::Value(error_with_frames(p, e, "rename", from.given,
                                                           frames_of("rename"), to.given))};
            return {true, js::Value()};
        });
}

// --- FileHandle (fs.promises.open) ---------------------------------------------------------------

constexpr std::string_view k_handle_prototype = "FileHandle.prototype";

js::ThrowCompletionOr<int> handle_fd(js::Runtime& rt, js::Value self) {
    if (self.is_object()) {
        js::OwnProperty fd;
        if (self.as_object()->lookup_own(rt.key("fd"), fd) && fd.value.is_number())
            return static_cast<int>(fd.value.as_number());
    }
    return rt.throw_error(js::ErrorType::TypeError, "not a FileHandle");
}

js::Completion handle_close(js::Runtime& rt, js::NativeFunction&, js::Value self, Args) {
    NodeIo& io = *io_of(rt);
    const int fd = LOOPSIM_TRY_OR_REJECT(rt, handle_fd(rt, self));
    if (fd < 0) {
        js::Object* done = js::new_promise(rt);
        js::resolve_promise(rt, *done, js::Value());
        return js::Value(done);
    }
    self.as_object()->put_direct(rt, rt.key("fd"), js::Value(-1), js::attr::Default);
    return one_request(io, io::LatencyKind::FsClose, 0,
                       "fs.close " + NodeIo::label_name(io.vfs().fd_path(fd)),
                       [fd](NodeIo& p) -> std::pair<bool, js::Value> {
                           io::Errno e = p.vfs().close(fd);
                           if (e != io::Errno::None)
                               return {false, js::Value(p.uv_error(e, "close"))};
                           return {true, js::Value()};
                       });
}

js::Completion handle_stat(js::Runtime& rt, js::NativeFunction&, js::Value self, Args) {
    NodeIo& io = *io_of(rt);
    const int fd = LOOPSIM_TRY_OR_REJECT(rt, handle_fd(rt, self));
    return one_request(io, io::LatencyKind::FsFstat, 0,
                       "fs.fstat " + NodeIo::label_name(io.vfs().fd_path(fd)),
                       [fd](NodeIo& p) -> std::pair<bool, js::Value> {
                           io::IoResult<io::FileStat> s = p.vfs().fstat(fd);
                           if (!s.ok()) return {false, js::Value(p.uv_error(s.error, "fstat"))};
                           return {true, make_stats(p.host(), s.value)};
                       });
}

js::Completion handle_read_file(js::Runtime& rt, js::NativeFunction&, js::Value self, Args args) {
    NodeIo& io = *io_of(rt);
    const int fd = LOOPSIM_TRY_OR_REJECT(rt, handle_fd(rt, self));
    FileOptions options =
        LOOPSIM_TRY_OR_REJECT(rt, options_argument(io.host(), arg(args, 0), FileOptions{}));
    std::shared_ptr<PendingPromise> pending = new_pending(rt);
    io.charge_call();
    NodeIo* p = &io;
    const EncodingOption encoding = options.encoding;
    read_fd_requests(io, fd, [p, pending, encoding](FileOutcome outcome) {
        if (outcome.error != io::Errno::None) {
            settle(*p, *pending, false, js::Value(p->uv_error(outcome.error, outcome.syscall)));
            return;
        }
        settle(*p, *pending, true, file_contents(p->host(), outcome.bytes, encoding));
    });
    return pending->promise.get();
}

js::Completion handle_write_file(js::Runtime& rt, js::NativeFunction&, js::Value self, Args args) {
    NodeIo& io = *io_of(rt);
    const int fd = LOOPSIM_TRY_OR_REJECT(rt, handle_fd(rt, self));
    std::string data =
        LOOPSIM_TRY_OR_REJECT(rt, data_argument(io.host(), arg(args, 0), Encoding::Utf8));
    std::shared_ptr<PendingPromise> pending = new_pending(rt);
    io.charge_call();
    NodeIo* p = &io;
    write_fd_requests(io, fd, std::move(data), [p, pending](FileOutcome outcome) {
        if (outcome.error != io::Errno::None) {
            settle(*p, *pending, false, js::Value(p->uv_error(outcome.error, outcome.syscall)));
            return;
        }
        settle(*p, *pending, true, js::Value());
    });
    return pending->promise.get();
}

js::Object* handle_prototype(ScriptHost& host) {
    auto& internals = host.bindings().internals;
    auto it = internals.find(std::string(k_handle_prototype));
    if (it != internals.end()) return it->second.get().as_object();
    js::Runtime& rt = host.runtime();
    js::Object* prototype = js::Object::create(rt, rt.object_prototype());
    internals.emplace(std::string(k_handle_prototype),
                      js::RootedValue(rt.heap(), js::Value(prototype)));
    js::Object* constructor =
        make_function(host, "FileHandle", 1,
                      [](js::Runtime& r, js::NativeFunction&, js::Value, Args) -> js::Completion {
                          return r.throw_error(js::ErrorType::TypeError, "Illegal constructor");
                      });
    constructor->put_direct(rt, rt.common_key(js::CommonAtom::Prototype), js::Value(prototype),
                            js::attr::None);
    prototype->put_direct(rt, rt.key("constructor"), js::Value(constructor), js::attr::Builtin);
    define_method(host, *prototype, "close", 0, handle_close);
    define_method(host, *prototype, "stat", 1, handle_stat);
    define_method(host, *prototype, "readFile", 1, handle_read_file);
    define_method(host, *prototype, "writeFile", 2, handle_write_file);
    return prototype;
}

js::Completion fsp_open(js::Runtime& rt, js::NativeFunction&, js::Value, Args args) {
    NodeIo& io = *io_of(rt);
    PathArg path = LOOPSIM_TRY_OR_REJECT(rt, path_argument(io, arg(args, 0)));
    io::OpenFlags flags =
        LOOPSIM_TRY_OR_REJECT(rt, flags_argument(io.host(), arg(args, 1), io::OpenFlags{}));
    js::RootedValue prototype(rt.heap(), js::Value(handle_prototype(io.host())));
    return one_request(
        io, io::LatencyKind::FsOpen, 0, "fs.open " + NodeIo::label_name(path.given),
        [path, flags, prototype](NodeIo& p) -> std::pair<bool, js::Value> {
            io::IoResult<int> fd = p.vfs().open(path.resolved, flags, p.now_ns());
            if (!fd.ok())
                return {false, js::Value(error_with_frames(p, fd.error, "open", path.given,
                                                           frames_of("open")))};
            js::Runtime& r = p.host().runtime();
            js::Object* handle = js::Object::create(r, prototype.get().as_object());
            handle->put_direct(r, r.key("fd"), js::Value(fd.value), js::attr::Default);
            return {true, js::Value(handle)};
        });
}

} // namespace

js::Completion make_fs_promises_module(ScriptHost& host) {
    js::Runtime& rt = host.runtime();
    auto& internals = host.bindings().internals;
    // require('fs').promises === require('fs/promises'): one object.
    if (auto it = internals.find("fs.promises"); it != internals.end()) return it->second.get();
    if (!node_io(host))
        return rt.throw_error(js::ErrorType::Error,
                              "require('fs/promises'): this process has no file system attached");
    install_buffer(host);
    js::Object* fsp = js::Object::create(rt, rt.object_prototype());
    internals.emplace("fs.promises", js::RootedValue(rt.heap(), js::Value(fsp)));
    static constexpr IoFunction k_functions[] = {
        {"access", 1, fsp_access},      {"appendFile", 3, fsp_append_file},
        {"lstat", 1, fsp_lstat},        {"mkdir", 2, fsp_mkdir},
        {"open", 3, fsp_open},          {"readdir", 2, fsp_readdir},
        {"readFile", 2, fsp_read_file}, {"rename", 2, fsp_rename},
        {"rmdir", 2, fsp_rmdir},        {"stat", 1, fsp_stat},
        {"unlink", 1, fsp_unlink},      {"writeFile", 3, fsp_write_file},
    };
    define_io_functions(host, *fsp, "fs.promises", k_functions);
    return js::Value(fsp);
}

} // namespace loopsim::node
