// Arguments, Stats and Dirent objects, and the readFile / writeFile request sequences. See
// fs_support.h.
#include "model/node/fs_support.h"

#include "model/js/array.h"
#include "model/js/conversions.h"
#include "model/js/function.h"
#include "model/js/inspect.h"
#include "model/js/runtime.h"
#include "model/js/string.h"
#include "model/node/bindings.h"
#include "model/node/node_io.h"
#include "model/node/script_host.h"

#include <algorithm>
#include <cmath>
#include <memory>

namespace loopsim::node {

namespace {

constexpr uint64_t k_read_chunk = 512 * 1024;        // kReadFileBufferLength
constexpr uint64_t k_unknown_read_chunk = 64 * 1024; // kReadFileUnknownBufferLength
constexpr uint64_t k_write_chunk = 512 * 1024;       // kWriteFileMaxChunkSize

js::ThrowCompletion type_error_with_code(ScriptHost& host, std::string message,
                                         std::string_view code) {
    js::Runtime& rt = host.runtime();
    js::Object* error = rt.make_error(js::ErrorType::TypeError, message);
    error->put_direct(rt, rt.key("code"), js::Value(rt.string(code)), js::attr::Default);
    return js::ThrowCompletion{js::Value(error)};
}

// "Received ..." as Node's ERR_INVALID_ARG_TYPE writes it (for the messages made here).
std::string received_text(js::Runtime& rt, js::Value v) {
    if (v.is_undefined()) return "undefined";
    if (v.is_null()) return "null";
    if (v.is_object()) {
        if (js::Runtime::is_callable(v)) {
            std::string name;
            js::Completion n = v.as_object()->get(rt, rt.common_key(js::CommonAtom::Name));
            if (!n.is_throw() && n.value().is_string()) name = n.value().as_string()->to_utf8();
            return "function " + name;
        }
        return "an instance of Object";
    }
    return "type " + std::string(js::typeof_string(v)) + " (" + js::inspect(rt, v) + ")";
}

// The file type of a Stats (its mode) or of a Dirent (its [Symbol(type)]): 1 file, 2 dir.
uint32_t file_type_of(ScriptHost& host, js::Value self) {
    js::Runtime& rt = host.runtime();
    if (!self.is_object()) return 0;
    js::Completion mode = self.as_object()->get(rt, rt.key("mode"));
    if (!mode.is_throw() && mode.value().is_number()) {
        const uint32_t m = static_cast<uint32_t>(mode.value().as_number()) & 0170000;
        return m == 0100000 ? 1 : m == 0040000 ? 2 : 0;
    }
    auto it = host.bindings().internals.find("Dirent.type");
    if (it == host.bindings().internals.end()) return 0;
    js::Completion type = self.as_object()->get(
        rt, js::PropertyKey::symbol(static_cast<js::Symbol*>(it->second.get().as_cell())));
    return !type.is_throw() && type.value().is_number()
               ? static_cast<uint32_t>(type.value().as_number())
               : 0;
}

js::Completion is_file(js::Runtime& rt, js::NativeFunction&, js::Value self,
                       std::span<const js::Value>) {
    return js::Value(file_type_of(ScriptHost::from(rt), self) == 1);
}
js::Completion is_directory(js::Runtime& rt, js::NativeFunction&, js::Value self,
                            std::span<const js::Value>) {
    return js::Value(file_type_of(ScriptHost::from(rt), self) == 2);
}
js::Completion is_other(js::Runtime&, js::NativeFunction&, js::Value, std::span<const js::Value>) {
    return js::Value(false); // no links, FIFOs, sockets or devices in the VFS
}

void define_type_predicates(ScriptHost& host, js::Object& prototype) {
    define_method(host, prototype, "isDirectory", 0, is_directory);
    define_method(host, prototype, "isFile", 0, is_file);
    define_method(host, prototype, "isBlockDevice", 0, is_other);
    define_method(host, prototype, "isCharacterDevice", 0, is_other);
    define_method(host, prototype, "isSymbolicLink", 0, is_other);
    define_method(host, prototype, "isFIFO", 0, is_other);
    define_method(host, prototype, "isSocket", 0, is_other);
}

js::Object* internal_object(ScriptHost& host, const std::string& key,
                            const std::function<js::Value()>& make) {
    auto& internals = host.bindings().internals;
    auto it = internals.find(key);
    if (it == internals.end())
        it = internals.emplace(key, js::RootedValue(host.runtime().heap(), make())).first;
    return it->second.get().as_object();
}

} // namespace

// --- arguments --------------------------------------------------------------------------------

js::ThrowCompletion invalid_arg_value(ScriptHost& host, std::string_view name, js::Value received,
                                      std::string_view reason) {
    js::Runtime& rt = host.runtime();
    return type_error_with_code(host,
                                "The argument '" + std::string(name) + "' " + std::string(reason) +
                                    ". Received " + js::inspect(rt, received),
                                "ERR_INVALID_ARG_VALUE");
}

js::ThrowCompletionOr<PathArg> path_argument(NodeIo& io, js::Value value, std::string_view name) {
    ScriptHost& host = io.host();
    std::string given;
    if (value.is_string()) {
        given = value.as_string()->to_utf8();
    } else if (is_buffer(host, value)) {
        given = buffer_bytes(*value.as_object());
    } else {
        return type_error_with_code(
            host,
            "The \"" + std::string(name) +
                "\" argument must be of type string or an instance of Buffer or URL. Received " +
                received_text(host.runtime(), value),
            "ERR_INVALID_ARG_TYPE");
    }
    if (given.find('\0') != std::string::npos)
        return type_error_with_code(
            host,
            "The argument '" + std::string(name) +
                "' must be a string, Uint8Array, or URL without null bytes. Received " +
                js::inspect(host.runtime(), value),
            "ERR_INVALID_ARG_VALUE");
    PathArg path{given, io.vfs().resolve(given)};
    io.refresh_proc(path.resolved);
    return path;
}

js::ThrowCompletionOr<int> fd_argument(ScriptHost& host, js::Value value) {
    if (!value.is_number())
        return type_error_with_code(host,
                                    "The \"fd\" argument must be of type number. Received " +
                                        received_text(host.runtime(), value),
                                    "ERR_INVALID_ARG_TYPE");
    const double d = value.as_number();
    if (d != std::trunc(d) || d < 0 || d > 2147483647) {
        js::Runtime& rt = host.runtime();
        js::Object* error = rt.make_error(
            js::ErrorType::RangeError,
            "The value of \"fd\" is out of range. It must be " +
                std::string(d != std::trunc(d) ? "an integer" : ">= 0 && <= 2147483647") +
                ". Received " + js::number_to_string(d));
        error->put_direct(rt, rt.key("code"), js::Value(rt.string("ERR_OUT_OF_RANGE")),
                          js::attr::Default);
        return js::ThrowCompletion{js::Value(error)};
    }
    return static_cast<int>(d);
}

js::ThrowCompletionOr<js::Value> callback_argument(ScriptHost& host, js::Value value) {
    if (js::Runtime::is_callable(value)) return value;
    return type_error_with_code(host,
                                "The \"cb\" argument must be of type function. Received " +
                                    received_text(host.runtime(), value),
                                "ERR_INVALID_ARG_TYPE");
}

js::ThrowCompletionOr<io::OpenFlags> flags_argument(ScriptHost& host, js::Value value,
                                                    io::OpenFlags fallback) {
    if (value.is_nullish()) return fallback;
    if (value.is_number()) return io::OpenFlags::from_bits(static_cast<int>(value.as_number()));
    if (value.is_string()) {
        if (auto f = io::OpenFlags::parse(value.as_string()->to_utf8())) return *f;
        return invalid_arg_value(host, "flags", value);
    }
    return invalid_arg_value(host, "flags", value);
}

js::ThrowCompletionOr<FileOptions> options_argument(ScriptHost& host, js::Value value,
                                                    FileOptions defaults) {
    js::Runtime& rt = host.runtime();
    FileOptions options = defaults;
    auto read_encoding = [&](js::Value enc) -> js::ThrowCompletionOr<void> {
        if (enc.is_nullish()) return {};
        if (enc.is_string()) {
            std::string name = enc.as_string()->to_utf8();
            if (name == "buffer") {
                options.encoding.reset();
                return {};
            }
            if (auto e = parse_encoding(name)) {
                options.encoding = *e;
                return {};
            }
        }
        return invalid_arg_value(host, "encoding", enc, "is invalid encoding");
    };
    if (value.is_nullish() || js::Runtime::is_callable(value)) return options;
    if (value.is_string()) {
        LOOPSIM_TRY(read_encoding(value));
        return options;
    }
    if (!value.is_object())
        return type_error_with_code(
            host,
            "The \"options\" argument must be one of type string or object. Received " +
                received_text(rt, value),
            "ERR_INVALID_ARG_TYPE");
    js::Object& object = *value.as_object();
    LOOPSIM_TRY(read_encoding(LOOPSIM_TRY(object.get(rt, rt.key("encoding")))));
    js::Value flag = LOOPSIM_TRY(object.get(rt, rt.key("flag")));
    options.flags = LOOPSIM_TRY(flags_argument(host, flag, defaults.flags));
    options.recursive = js::to_boolean(LOOPSIM_TRY(object.get(rt, rt.key("recursive"))));
    options.with_file_types = js::to_boolean(LOOPSIM_TRY(object.get(rt, rt.key("withFileTypes"))));
    return options;
}

js::ThrowCompletionOr<std::string> data_argument(ScriptHost& host, js::Value value,
                                                 EncodingOption encoding) {
    if (value.is_string())
        return encode_string(*value.as_string(), encoding.value_or(Encoding::Utf8));
    if (is_buffer(host, value)) return buffer_bytes(*value.as_object());
    return type_error_with_code(
        host,
        "The \"data\" argument must be of type string or an instance of Buffer, TypedArray, or "
        "DataView. Received " +
            received_text(host.runtime(), value),
        "ERR_INVALID_ARG_TYPE");
}

// --- results ----------------------------------------------------------------------------------

js::Value file_contents(ScriptHost& host, std::string_view bytes, EncodingOption encoding) {
    if (encoding) return decode_bytes(host, bytes, *encoding);
    return js::Value(make_buffer(host, bytes));
}

js::Value make_stats(ScriptHost& host, const io::FileStat& s) {
    js::Runtime& rt = host.runtime();
    js::Object* prototype = internal_object(host, "Stats.prototype", [&host] {
        js::Object* base = make_class(host, "StatsBase", nullptr);
        define_type_predicates(host, *base);
        js::Object* stats = make_class(host, "Stats", base);
        define_method(host, *stats, "isFile", 0, is_file);
        return js::Value(stats);
    });
    js::Object* stats = js::Object::create(rt, prototype);
    const auto number = [](double d) { return js::Value::number(d); };
    const auto ms = [](int64_t ns) { return NodeIo::epoch_ms() + static_cast<double>(ns) / 1e6; };
    // Own properties in the order Node's Stats constructor sets them.
    stats->put_direct(rt, rt.key("dev"), number(static_cast<double>(s.dev)));
    stats->put_direct(rt, rt.key("mode"), number(s.mode));
    stats->put_direct(rt, rt.key("nlink"), number(s.nlink));
    stats->put_direct(rt, rt.key("uid"), number(0));
    stats->put_direct(rt, rt.key("gid"), number(0));
    stats->put_direct(rt, rt.key("rdev"), number(0));
    stats->put_direct(rt, rt.key("blksize"), number(static_cast<double>(s.blksize)));
    stats->put_direct(rt, rt.key("ino"), number(static_cast<double>(s.ino)));
    stats->put_direct(rt, rt.key("size"), number(static_cast<double>(s.size)));
    stats->put_direct(rt, rt.key("blocks"), number(static_cast<double>(s.blocks)));
    stats->put_direct(rt, rt.key("atimeMs"), number(ms(s.atime_ns)));
    stats->put_direct(rt, rt.key("mtimeMs"), number(ms(s.mtime_ns)));
    stats->put_direct(rt, rt.key("ctimeMs"), number(ms(s.ctime_ns)));
    stats->put_direct(rt, rt.key("birthtimeMs"), number(ms(s.birthtime_ns)));
    return js::Value(stats);
}

js::Value make_dir_listing(NodeIo& io, const std::vector<std::string>& names, const PathArg& dir,
                           bool with_file_types) {
    ScriptHost& host = io.host();
    js::Runtime& rt = host.runtime();
    std::vector<js::Value> items;
    items.reserve(names.size());
    // Allocation never collects (model/js/heap.h), so the items need no roots until returned.
    if (!with_file_types) {
        for (const std::string& name : names) items.push_back(js::Value(rt.string(name)));
        return js::Value(js::Array::create_from(rt, items));
    }
    js::Object* prototype = internal_object(host, "Dirent.prototype", [&host] {
        js::Object* dirent = make_class(host, "Dirent", nullptr);
        define_type_predicates(host, *dirent);
        return js::Value(dirent);
    });
    auto& internals = host.bindings().internals;
    auto type_entry = internals.find("Dirent.type");
    if (type_entry == internals.end())
        type_entry =
            internals
                .emplace("Dirent.type",
                         js::RootedValue(rt.heap(), js::Value(rt.make_symbol(rt.string("type")))))
                .first;
    auto* type_symbol = static_cast<js::Symbol*>(type_entry->second.get().as_cell());
    for (const std::string& name : names) {
        js::Object* dirent = js::Object::create(rt, prototype);
        io::IoResult<io::FileStat> st = io.vfs().stat(dir.resolved + "/" + name);
        const int type = !st.ok() ? 0 : st.value.kind == io::NodeKind::Directory ? 2 : 1;
        dirent->put_direct(rt, rt.key("name"), js::Value(rt.string(name)));
        dirent->put_direct(rt, rt.key("parentPath"), js::Value(rt.string(dir.given)));
        dirent->put_direct(rt, rt.key("path"), js::Value(rt.string(dir.given)));
        dirent->put_direct(rt, js::PropertyKey::symbol(type_symbol), js::Value(type));
        items.push_back(js::Value(dirent));
    }
    return js::Value(js::Array::create_from(rt, items));
}

// --- readFile ---------------------------------------------------------------------------------

namespace {

struct ReadFileContext {
    NodeIo& io;
    PathArg path;
    io::OpenFlags flags;
    std::string name; // for labels
    std::function<void(FileOutcome)> done;
    int fd = -1;
    uint64_t size = 0; // 0: unknown (not a regular file): read until a read returns nothing
    std::string bytes;
    FileOutcome failure; // set when a step after open failed; reported after the close
    bool own_fd = true;  // opened here, so closed here (false: a FileHandle's descriptor)
};

void finish_read(const std::shared_ptr<ReadFileContext>& c) {
    FileOutcome outcome = std::move(c->failure);
    if (outcome.error == io::Errno::None) outcome.bytes = std::move(c->bytes);
    c->done(std::move(outcome));
}

void read_step(const std::shared_ptr<ReadFileContext>& c);

void close_step(const std::shared_ptr<ReadFileContext>& c) {
    if (!c->own_fd) return finish_read(c);
    c->io.submit(uv::WorkKind::FastIo, io::LatencyKind::FsClose, 0, "fs.close " + c->name, [c] {
        const io::Errno closed = c->io.vfs().close(c->fd);
        FileOutcome outcome = std::move(c->failure);
        if (outcome.error == io::Errno::None && closed != io::Errno::None) {
            outcome.error = closed;
            outcome.syscall = "close";
            outcome.error_has_path = false;
        }
        if (outcome.error == io::Errno::None) outcome.bytes = std::move(c->bytes);
        c->done(std::move(outcome));
    });
}

void fail_then_close(const std::shared_ptr<ReadFileContext>& c, io::Errno error,
                     std::string syscall) {
    c->failure = FileOutcome{error, std::move(syscall), false, {}};
    if (!c->own_fd) return finish_read(c);
    c->io.between_steps("readFile step after an error", [&] { close_step(c); });
}

void read_step(const std::shared_ptr<ReadFileContext>& c) {
    const uint64_t length =
        c->size == 0 ? k_unknown_read_chunk : std::min(k_read_chunk, c->size - c->bytes.size());
    const uint64_t expected = c->io.vfs().readable_bytes(c->fd, length, std::nullopt);
    c->io.submit(
        uv::WorkKind::FastIo, io::LatencyKind::FsRead, expected, "fs.read " + c->name, [c, length] {
            io::IoResult<std::string> r =
                c->io.vfs().read(c->fd, length, std::nullopt, c->io.now_ns());
            if (!r.ok()) return fail_then_close(c, r.error, "read");
            const bool at_end =
                r.value.empty() || (c->size != 0 && c->bytes.size() + r.value.size() >= c->size);
            c->bytes += r.value;
            if (at_end && !c->own_fd) return finish_read(c);
            c->io.between_steps("readFile step after read",
                                [&] { at_end ? close_step(c) : read_step(c); });
        });
}

struct WriteFileContext {
    NodeIo& io;
    PathArg path;
    io::OpenFlags flags;
    std::string name;
    std::string data;
    FileApi api;
    std::function<void(FileOutcome)> done;
    int fd = -1;
    uint64_t written = 0;
    FileOutcome failure;
    bool own_fd = true;
};

void write_close_step(const std::shared_ptr<WriteFileContext>& c) {
    if (!c->own_fd) return c->done(std::move(c->failure));
    c->io.submit(uv::WorkKind::FastIo, io::LatencyKind::FsClose, 0, "fs.close " + c->name, [c] {
        const io::Errno closed = c->io.vfs().close(c->fd);
        FileOutcome outcome = std::move(c->failure);
        if (outcome.error == io::Errno::None && closed != io::Errno::None)
            outcome = FileOutcome{closed, "close", false, {}};
        c->done(std::move(outcome));
    });
}

void write_step(const std::shared_ptr<WriteFileContext>& c) {
    const uint64_t remaining = c->data.size() - c->written;
    const uint64_t length =
        c->api == FileApi::Promise ? std::min(k_write_chunk, remaining) : remaining;
    c->io.submit(
        uv::WorkKind::FastIo, io::LatencyKind::FsWrite, length, "fs.write " + c->name, [c, length] {
            io::IoResult<uint64_t> w =
                c->io.vfs().write(c->fd, std::string_view(c->data).substr(c->written, length),
                                  std::nullopt, c->io.now_ns());
            if (!w.ok()) c->failure = FileOutcome{w.error, "write", false, {}};
            c->written += w.value;
            const bool more = w.ok() && c->written < c->data.size();
            if (!more && !c->own_fd) return write_close_step(c);
            c->io.between_steps("writeFile step after write",
                                [&] { more ? write_step(c) : write_close_step(c); });
        });
}

void fstat_step(const std::shared_ptr<ReadFileContext>& c) {
    c->io.submit(uv::WorkKind::FastIo, io::LatencyKind::FsFstat, 0, "fs.fstat " + c->name, [c] {
        io::IoResult<io::FileStat> st = c->io.vfs().fstat(c->fd);
        if (!st.ok()) return fail_then_close(c, st.error, "fstat");
        c->size = st.value.kind == io::NodeKind::File ? st.value.size : 0;
        c->io.between_steps("readFile step after fstat", [&] { read_step(c); });
    });
}

} // namespace

void read_fd_requests(NodeIo& io, int fd, std::function<void(FileOutcome)> done) {
    auto c =
        std::make_shared<ReadFileContext>(ReadFileContext{io,
                                                          PathArg{},
                                                          io::OpenFlags{},
                                                          NodeIo::label_name(io.vfs().fd_path(fd)),
                                                          std::move(done),
                                                          fd,
                                                          0,
                                                          {},
                                                          {},
                                                          false});
    fstat_step(c);
}

void write_fd_requests(NodeIo& io, int fd, std::string data,
                       std::function<void(FileOutcome)> done) {
    auto c = std::make_shared<WriteFileContext>(
        WriteFileContext{io,
                         PathArg{},
                         io::OpenFlags{},
                         NodeIo::label_name(io.vfs().fd_path(fd)),
                         std::move(data),
                         FileApi::Promise,
                         std::move(done),
                         fd,
                         0,
                         {},
                         false});
    if (c->data.empty()) return c->done(FileOutcome{});
    write_step(c);
}

namespace {

// The parent as MKDirp computes it: the text before the last '/', or the path itself.
std::string parent_of(const std::string& path) {
    const size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(0, slash);
}

struct MkdirpState {
    NodeIo& io;
    std::vector<std::string> stack; // paths still to make, top last
    std::string first;              // the first directory made
    std::function<void(io::Errno, std::string)> done;
};

// One step of MKDirp: the outcome of mkdir(path) or of the stat after an EEXIST. Returns the
// next system call to make ("mkdir" or "stat" of `path`), or nothing when finished.
enum class MkdirpNext : uint8_t {
    Mkdir,
    Stat,
    Done
};

MkdirpNext after_mkdir(MkdirpState& s, const std::string& path, io::Errno e, io::Errno& result) {
    switch (e) {
    case io::Errno::None:
        if (s.first.empty()) s.first = path;
        if (s.stack.empty()) return MkdirpNext::Done;
        return MkdirpNext::Mkdir;
    case io::Errno::NoEntry: {
        std::string dirname = parent_of(path);
        if (dirname != path && !dirname.empty()) {
            s.stack.push_back(path);
            s.stack.push_back(dirname);
            return MkdirpNext::Mkdir;
        }
        if (s.stack.empty()) {
            result = io::Errno::Exists;
            return MkdirpNext::Done;
        }
        return MkdirpNext::Mkdir;
    }
    case io::Errno::Exists:
        return MkdirpNext::Stat;
    default:
        result = e;
        return MkdirpNext::Done;
    }
}

MkdirpNext after_stat(MkdirpState& s, const io::IoResult<io::FileStat>& st, io::Errno& result) {
    if (!st.ok()) {
        result = st.error;
        return MkdirpNext::Done;
    }
    if (st.value.kind != io::NodeKind::Directory) {
        result = s.stack.empty() ? io::Errno::Exists : io::Errno::NotDirectory;
        return MkdirpNext::Done;
    }
    return s.stack.empty() ? MkdirpNext::Done : MkdirpNext::Mkdir;
}

void mkdirp_step(const std::shared_ptr<MkdirpState>& s) {
    std::string path = std::move(s->stack.back());
    s->stack.pop_back();
    s->io.submit(
        uv::WorkKind::FastIo, io::LatencyKind::FsMkdir, 0, "fs.mkdir " + NodeIo::label_name(path),
        [s, path] {
            io::Errno result = io::Errno::None;
            const io::Errno e =
                s->io.vfs().mkdir(s->io.vfs().resolve(path), false, s->io.now_ns()).error;
            switch (after_mkdir(*s, path, e, result)) {
            case MkdirpNext::Mkdir:
                return mkdirp_step(s);
            case MkdirpNext::Done:
                return s->done(result, result == io::Errno::None ? s->first : std::string());
            case MkdirpNext::Stat:
                break;
            }
            s->io.submit(uv::WorkKind::FastIo, io::LatencyKind::FsStat, 0,
                         "fs.stat " + NodeIo::label_name(path), [s, path] {
                             io::Errno after = io::Errno::None;
                             if (after_stat(*s, s->io.vfs().stat(s->io.vfs().resolve(path)),
                                            after) == MkdirpNext::Mkdir)
                                 return mkdirp_step(s);
                             s->done(after, after == io::Errno::None ? s->first : std::string());
                         });
        });
}

} // namespace

void mkdirp_requests(NodeIo& io, const PathArg& path,
                     std::function<void(io::Errno, std::string)> done) {
    auto s = std::make_shared<MkdirpState>(MkdirpState{io, {path.given}, {}, std::move(done)});
    mkdirp_step(s);
}

std::pair<io::Errno, std::string> mkdirp_sync(NodeIo& io, const PathArg& path) {
    MkdirpState s{io, {path.given}, {}, {}};
    io::Errno result = io::Errno::None;
    while (!s.stack.empty()) {
        std::string next = std::move(s.stack.back());
        s.stack.pop_back();
        io.charge_sync(io::LatencyKind::FsMkdir);
        const io::Errno e = io.vfs().mkdir(io.vfs().resolve(next), false, io.now_ns()).error;
        MkdirpNext step = after_mkdir(s, next, e, result);
        if (step == MkdirpNext::Stat) {
            io.charge_sync(io::LatencyKind::FsStat);
            step = after_stat(s, io.vfs().stat(io.vfs().resolve(next)), result);
        }
        if (step == MkdirpNext::Done) break;
    }
    return {result, result == io::Errno::None ? s.first : std::string()};
}

void read_file_requests(NodeIo& io, const PathArg& path, io::OpenFlags flags, std::string what,
                        std::function<void(FileOutcome)> done) {
    (void)what;
    auto c = std::make_shared<ReadFileContext>(ReadFileContext{
        io, path, flags, NodeIo::label_name(path.given), std::move(done), -1, 0, {}, {}});
    io.submit(uv::WorkKind::FastIo, io::LatencyKind::FsOpen, 0, "fs.open " + c->name, [c] {
        io::IoResult<int> opened = c->io.vfs().open(c->path.resolved, c->flags, c->io.now_ns());
        if (!opened.ok()) return c->done(FileOutcome{opened.error, "open", true, {}});
        c->fd = opened.value;
        c->io.between_steps("readFile step after open", [&] { fstat_step(c); });
    });
}

void write_file_requests(NodeIo& io, const PathArg& path, io::OpenFlags flags, std::string data,
                         FileApi api, std::string what, std::function<void(FileOutcome)> done) {
    (void)what;
    auto c = std::make_shared<WriteFileContext>(WriteFileContext{io,
                                                                 path,
                                                                 flags,
                                                                 NodeIo::label_name(path.given),
                                                                 std::move(data),
                                                                 api,
                                                                 std::move(done),
                                                                 -1,
                                                                 0,
                                                                 {}});
    io.submit(uv::WorkKind::FastIo, io::LatencyKind::FsOpen, 0, "fs.open " + c->name, [c] {
        io::IoResult<int> opened = c->io.vfs().open(c->path.resolved, c->flags, c->io.now_ns());
        if (!opened.ok()) return c->done(FileOutcome{opened.error, "open", true, {}});
        c->fd = opened.value;
        c->io.between_steps("writeFile step after open", [&] {
            c->api == FileApi::Promise && c->data.empty() ? write_close_step(c) : write_step(c);
        });
    });
}

} // namespace loopsim::node
