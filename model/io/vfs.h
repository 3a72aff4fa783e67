#pragma once
// Vfs: the in-memory file system a scenario sees. Nothing here touches the real disk.
//
// Contract:
// - One tree of directories and regular files, rooted at "/". Paths are resolved as the
//   kernel does for a process whose working directory is `cwd`: relative paths are joined
//   to it, "." and ".." are applied, repeated slashes collapse. There are no symbolic
//   links, permissions or owners: every call a real root user could make succeeds here.
// - Every call is one system call (open, close, read, write, fstat, stat, access, scandir,
//   mkdir, unlink, rmdir, rename) with its POSIX result or error (errno.def). The caller
//   decides when the call takes effect; model/node applies a thread-pool request when its
//   completion reaches the main thread, and a *Sync call at once.
// - File descriptors are numbered as the kernel numbers them: the lowest free number, from
//   `first_fd` on (a node process started with pipes gets 17 for its first file).
// - readdir lists names in strcmp order, as libuv's scandir sorts them.
// - Times are nanoseconds of virtual time since the process started; the node layer adds
//   its epoch. A file's inode numbers, device and block counts are made up but stable.
#include "model/io/errno.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace loopsim::io {

enum class NodeKind : uint8_t {
    File,
    Directory
};

// What stat reports (uv_stat_t, the fields Node's Stats carries).
struct FileStat {
    NodeKind kind = NodeKind::File;
    uint64_t dev = 0;
    uint64_t ino = 0;
    uint32_t mode = 0; // S_IFREG | 0644, S_IFDIR | 0755
    uint32_t nlink = 1;
    uint64_t size = 0;
    uint64_t blksize = 4096;
    uint64_t blocks = 0; // 512-byte units, whole 4 KiB blocks
    int64_t atime_ns = 0;
    int64_t mtime_ns = 0;
    int64_t ctime_ns = 0;
    int64_t birthtime_ns = 0;
};

// open(2) flags, from the strings fs.open takes ('r', 'w+', 'ax', ...).
struct OpenFlags {
    bool read = true;
    bool write = false;
    bool append = false;
    bool create = false;
    bool exclusive = false;
    bool truncate = false;
    // The O_* bits Node passes to uv_fs_open for these flags (O_RDONLY = 0, ...).
    int bits() const;
    // Node's stringToFlags; nullopt for an unknown string.
    static std::optional<OpenFlags> parse(std::string_view flags);
    // From the numeric O_* bits (fs.constants), as Node accepts them too.
    static OpenFlags from_bits(int bits);
};

// A value or an error.
template <typename T> struct IoResult {
    Errno error = Errno::None;
    T value{};
    bool ok() const { return error == Errno::None; }
};

struct VfsOptions {
    std::string cwd = "/";
    int first_fd = 17;
    uint64_t dev = 2049;            // st_dev of every node
    uint64_t first_ino = 1000;      // inode numbers count up from here
    uint32_t max_open_files = 1024; // EMFILE beyond this (RLIMIT_NOFILE)
};

class Vfs {
public:
    explicit Vfs(VfsOptions options = {});
    Vfs(const Vfs&) = delete;
    Vfs& operator=(const Vfs&) = delete;
    Vfs(Vfs&&) noexcept;
    Vfs& operator=(Vfs&&) noexcept;
    ~Vfs();

    const std::string& cwd() const { return m_options.cwd; }
    // The absolute, normalised form of `path` (relative paths start at cwd).
    std::string resolve(std::string_view path) const;

    // --- setting up (the scenario header) -----------------------------------------------
    // Creates the file with its parent directories, replacing an existing file.
    Errno add_file(std::string_view path, std::string contents, int64_t time_ns = 0);
    Errno add_directory(std::string_view path, int64_t time_ns = 0); // mkdir -p
    // Removes a whole subtree (used to refresh synthetic directories such as /proc/self/task).
    void remove_tree(std::string_view path);

    // --- system calls -------------------------------------------------------------------
    IoResult<int> open(std::string_view path, OpenFlags flags, int64_t now_ns);
    Errno close(int fd);
    // Reads up to `length` bytes at `position` (nullopt: the file position, which advances).
    IoResult<std::string> read(int fd, uint64_t length, std::optional<uint64_t> position,
                               int64_t now_ns);
    // Writes at `position` (nullopt: the file position; append mode always writes at the end).
    IoResult<uint64_t> write(int fd, std::string_view bytes, std::optional<uint64_t> position,
                             int64_t now_ns);
    IoResult<FileStat> fstat(int fd) const;
    IoResult<FileStat> stat(std::string_view path) const;
    Errno access(std::string_view path) const;
    IoResult<std::vector<std::string>> readdir(std::string_view path) const;
    // mkdir; recursive: every missing parent too, and the first directory created (empty
    // when all existed) as the value.
    IoResult<std::string> mkdir(std::string_view path, bool recursive, int64_t now_ns);
    Errno unlink(std::string_view path, int64_t now_ns);
    Errno rmdir(std::string_view path, int64_t now_ns);
    Errno rename(std::string_view from, std::string_view to, int64_t now_ns);
    // Marks the lowest free descriptor as used by something outside the file system.
    int reserve_fd();

    // --- for latency and labels ----------------------------------------------------------
    bool is_open(int fd) const { return m_fds.count(fd) != 0; }
    // The path an open descriptor was opened with (resolved), or empty.
    std::string fd_path(int fd) const;
    // Bytes a read of `length` at the descriptor's position would return (0 if it fails).
    uint64_t readable_bytes(int fd, uint64_t length, std::optional<uint64_t> position) const;
    // Size of the regular file at `path`, if there is one.
    std::optional<uint64_t> file_size(std::string_view path) const;
    size_t open_count() const { return m_fds.size(); }

private:
    struct Node;
    struct OpenFile;
    struct Lookup;

    // Walks `path`; the node, its parent directory and the last component.
    Lookup lookup(std::string_view path) const;
    Node* make_node(NodeKind kind, int64_t time_ns);
    FileStat stat_of(const Node& node) const;
    int lowest_free_fd() const;
    int take_fd();
    void release_fd(int fd);

    VfsOptions m_options;
    std::unique_ptr<Node> m_root;
    std::map<int, std::shared_ptr<OpenFile>> m_fds;
    std::set<int> m_reserved; // descriptors taken by things outside the file system
    std::set<int> m_free_fds; // freed descriptors below m_next_fd
    int m_next_fd;            // every descriptor from here up is free
    uint64_t m_next_ino;
};

} // namespace loopsim::io
