#pragma once
// What the fs bindings share: reading their arguments as Node's lib/fs.js validates them
// (with Node's error codes and messages), the Stats and Dirent objects, and the request
// sequences of readFile and writeFile (Node's ReadFileContext / writeAll for the callback
// API, readFileHandle / writeFileHandle for fs.promises).
#include "model/io/vfs.h"
#include "model/js/completion.h"
#include "model/node/buffer.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace loopsim::node {

class ScriptHost;
class NodeIo;

// A path argument: as the scenario wrote it (for messages) and resolved (for the VFS).
struct PathArg {
    std::string given;
    std::string resolved;
};

// An encoding option: a string encoding, or none (a Buffer).
using EncodingOption = std::optional<Encoding>;

struct FileOptions {
    EncodingOption encoding;
    io::OpenFlags flags;
    bool recursive = false;       // mkdir
    bool with_file_types = false; // readdir

    static FileOptions with_encoding(Encoding encoding) {
        FileOptions o;
        o.encoding = encoding;
        return o;
    }
};

// getValidatedPath: a string or a Buffer, else ERR_INVALID_ARG_TYPE.
js::ThrowCompletionOr<PathArg> path_argument(NodeIo& io, js::Value value,
                                             std::string_view name = "path");
// A file descriptor argument: an int32 >= 0, else ERR_INVALID_ARG_TYPE / ERR_OUT_OF_RANGE.
js::ThrowCompletionOr<int> fd_argument(ScriptHost& host, js::Value value);
// maybeCallback: a function, else `The "cb" argument must be of type function`.
js::ThrowCompletionOr<js::Value> callback_argument(ScriptHost& host, js::Value value);
// getOptions: undefined, null or a function -> defaults; a string -> the encoding; an object
// -> its encoding, flag, recursive, withFileTypes; anything else -> ERR_INVALID_ARG_TYPE.
js::ThrowCompletionOr<FileOptions> options_argument(ScriptHost& host, js::Value value,
                                                    FileOptions defaults);
// Data for writeFile: a string (in `encoding`) or a Buffer.
js::ThrowCompletionOr<std::string> data_argument(ScriptHost& host, js::Value value,
                                                 EncodingOption encoding);
// A flags argument ('r', 'w+', a number); ERR_INVALID_ARG_VALUE for an unknown string.
js::ThrowCompletionOr<io::OpenFlags> flags_argument(ScriptHost& host, js::Value value,
                                                    io::OpenFlags fallback);

// ERR_INVALID_ARG_VALUE: "The argument 'NAME' is invalid REASON. Received 'x'".
js::ThrowCompletion invalid_arg_value(ScriptHost& host, std::string_view name, js::Value received,
                                      std::string_view reason = "is invalid");

// The data a read produced, as the callback receives it: a Buffer or a string.
js::Value file_contents(ScriptHost& host, std::string_view bytes, EncodingOption encoding);
// A Stats object (fs.Stats) for a stat result.
js::Value make_stats(ScriptHost& host, const io::FileStat& stat);
// readdir's result: names, or Dirent objects for { withFileTypes: true }.
js::Value make_dir_listing(NodeIo& io, const std::vector<std::string>& names, const PathArg& dir,
                           bool with_file_types);

// --- request sequences ------------------------------------------------------------------------

struct FileOutcome {
    io::Errno error = io::Errno::None;
    std::string syscall;        // the system call that failed
    bool error_has_path = true; // open errors name the path; read/fstat/close errors do not
    std::string bytes;          // what was read
};

enum class FileApi : uint8_t {
    Callback,
    Promise
};

// readFile: open, fstat, read (512 KiB chunks for a regular file, 64 KiB reads until the end
// otherwise), close; each a thread-pool request submitted from the previous one's completion.
// An open failure ends it at once; a later failure still closes the file first.
void read_file_requests(NodeIo& io, const PathArg& path, io::OpenFlags flags, std::string what,
                        std::function<void(FileOutcome)> done);
// The reads of a FileHandle's readFile (or fs.readFile of a descriptor): fstat and reads on an
// open descriptor, which stays open.
void read_fd_requests(NodeIo& io, int fd, std::function<void(FileOutcome)> done);
// A FileHandle's writeFile: the 512 KiB writes only; `done` at once (no request) for no data.
void write_fd_requests(NodeIo& io, int fd, std::string data, std::function<void(FileOutcome)> done);
// mkdir { recursive: true }: Node's MKDirpAsync, one pool request per system call: mkdir of
// the path; ENOENT -> mkdir of its parent first, then again; EEXIST -> a stat to see whether
// it is a directory. `done` gets the error and the first directory made (as given, "" if none).
void mkdirp_requests(NodeIo& io, const PathArg& path,
                     std::function<void(io::Errno, std::string)> done);
// The same system calls made at once on the main thread (MKDirpSync), each charged.
std::pair<io::Errno, std::string> mkdirp_sync(NodeIo& io, const PathArg& path);
// writeFile / appendFile: open, write (the callback API makes one write even of 0 bytes;
// fs.promises writes 512 KiB chunks and none for empty data), close.
void write_file_requests(NodeIo& io, const PathArg& path, io::OpenFlags flags, std::string data,
                         FileApi api, std::string what, std::function<void(FileOutcome)> done);

} // namespace loopsim::node
