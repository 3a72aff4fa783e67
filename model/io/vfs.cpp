// The in-memory file system. See vfs.h.
#include "model/io/vfs.h"

#include <algorithm>

namespace loopsim::io {

namespace {

// Linux's O_* bits, as Node passes them to uv_fs_open (fs.constants).
constexpr int k_o_wronly = 1;
constexpr int k_o_rdwr = 2;
constexpr int k_o_creat = 0100;
constexpr int k_o_excl = 0200;
constexpr int k_o_trunc = 01000;
constexpr int k_o_append = 02000;
constexpr int k_o_sync = 04010000;

constexpr uint32_t k_s_ifreg = 0100000;
constexpr uint32_t k_s_ifdir = 0040000;

std::vector<std::string_view> split_components(std::string_view path) {
    std::vector<std::string_view> parts;
    size_t i = 0;
    while (i < path.size()) {
        while (i < path.size() && path[i] == '/') ++i;
        size_t end = path.find('/', i);
        if (end == std::string_view::npos) end = path.size();
        if (end > i) parts.push_back(path.substr(i, end - i));
        i = end;
    }
    return parts;
}

} // namespace

int OpenFlags::bits() const {
    int b = read && write ? k_o_rdwr : (write ? k_o_wronly : 0);
    if (create) b |= k_o_creat;
    if (exclusive) b |= k_o_excl;
    if (truncate) b |= k_o_trunc;
    if (append) b |= k_o_append;
    return b;
}

OpenFlags OpenFlags::from_bits(int bits) {
    OpenFlags f;
    const int access = bits & 3;
    f.read = access == 0 || access == k_o_rdwr;
    f.write = access == k_o_wronly || access == k_o_rdwr;
    f.create = (bits & k_o_creat) != 0;
    f.exclusive = (bits & k_o_excl) != 0;
    f.truncate = (bits & k_o_trunc) != 0;
    f.append = (bits & k_o_append) != 0;
    return f;
}

std::optional<OpenFlags> OpenFlags::parse(std::string_view s) {
    // Node's stringToFlags (lib/internal/fs/utils.js): the table of accepted spellings.
    struct Entry {
        std::string_view names[2];
        int bits;
    };
    static constexpr Entry k_table[] = {
        {{"r", ""}, 0},
        {{"rs", "sr"}, k_o_sync},
        {{"r+", ""}, k_o_rdwr},
        {{"rs+", "sr+"}, k_o_rdwr | k_o_sync},
        {{"w", ""}, k_o_trunc | k_o_creat | k_o_wronly},
        {{"wx", "xw"}, k_o_trunc | k_o_creat | k_o_wronly | k_o_excl},
        {{"w+", ""}, k_o_trunc | k_o_creat | k_o_rdwr},
        {{"wx+", "xw+"}, k_o_trunc | k_o_creat | k_o_rdwr | k_o_excl},
        {{"a", ""}, k_o_append | k_o_creat | k_o_wronly},
        {{"ax", "xa"}, k_o_append | k_o_creat | k_o_wronly | k_o_excl},
        {{"as", "sa"}, k_o_append | k_o_creat | k_o_wronly | k_o_sync},
        {{"a+", ""}, k_o_append | k_o_creat | k_o_rdwr},
        {{"ax+", "xa+"}, k_o_append | k_o_creat | k_o_rdwr | k_o_excl},
        {{"as+", "sa+"}, k_o_append | k_o_creat | k_o_rdwr | k_o_sync},
    };
    for (const Entry& e : k_table)
        if (s == e.names[0] || (!e.names[1].empty() && s == e.names[1])) return from_bits(e.bits);
    return std::nullopt;
}

// --- the tree -------------------------------------------------------------------------------

struct Vfs::Node {
    NodeKind kind;
    uint64_t ino;
    std::string data;                                      // files
    std::map<std::string, std::shared_ptr<Node>> children; // directories, in strcmp order
    int64_t atime_ns = 0;
    int64_t mtime_ns = 0;
    int64_t ctime_ns = 0;
    int64_t birthtime_ns = 0;
};

struct Vfs::OpenFile {
    std::shared_ptr<Node> node; // kept alive by the descriptor even after an unlink
    std::string path;           // as resolved when opened
    OpenFlags flags;
    uint64_t position = 0;
};

struct Vfs::Lookup {
    Errno error = Errno::None;  // a component on the way was missing or not a directory
    Node* parent = nullptr;     // the directory that holds (or would hold) the last component
    std::shared_ptr<Node> node; // the node itself, if it exists
    std::string name;           // the last component ("" for the root)
};

Vfs::Vfs(VfsOptions options)
    : m_options(std::move(options)), m_next_fd(m_options.first_fd),
      m_next_ino(m_options.first_ino) {
    m_root.reset(make_node(NodeKind::Directory, 0));
    if (m_options.cwd.empty() || m_options.cwd.front() != '/') m_options.cwd = "/" + m_options.cwd;
    m_options.cwd = resolve(m_options.cwd);
}

Vfs::~Vfs() = default;
Vfs::Vfs(Vfs&&) noexcept = default;
Vfs& Vfs::operator=(Vfs&&) noexcept = default;

Vfs::Node* Vfs::make_node(NodeKind kind, int64_t time_ns) {
    auto* node = new Node{kind, m_next_ino++, {}, {}, time_ns, time_ns, time_ns, time_ns};
    return node;
}

namespace {

// An absolute path with no empty, "." or ".." component and no trailing slash resolves to
// itself (the common case: paths the bindings resolved already).
bool is_normal_absolute(std::string_view path) {
    if (path.empty() || path.front() != '/') return false;
    if (path.size() == 1) return true;
    if (path.back() == '/') return false;
    for (size_t i = 0; i < path.size(); ++i) {
        if (path[i] != '/') continue;
        const std::string_view rest = path.substr(i + 1);
        if (rest.empty() || rest.front() == '/') return false;
        if (rest == "." || rest.starts_with("./") || rest == ".." || rest.starts_with("../"))
            return false;
    }
    return true;
}

} // namespace

std::string Vfs::resolve(std::string_view path) const {
    if (is_normal_absolute(path)) return std::string(path);
    std::vector<std::string_view> stack;
    auto push_all = [&stack](std::string_view p) {
        for (std::string_view part : split_components(p)) {
            if (part == ".") continue;
            if (part == "..") {
                if (!stack.empty()) stack.pop_back();
                continue;
            }
            stack.push_back(part);
        }
    };
    if (path.empty() || path.front() != '/') push_all(m_options.cwd);
    push_all(path);
    std::string out;
    for (std::string_view part : stack) {
        out.push_back('/');
        out.append(part);
    }
    return out.empty() ? "/" : out;
}

Vfs::Lookup Vfs::lookup(std::string_view path) const {
    Lookup result;
    std::string absolute = resolve(path);
    std::vector<std::string_view> parts = split_components(absolute);
    Node* dir = m_root.get();
    if (parts.empty()) {
        result.parent = m_root.get();
        // The root is never looked up as a child; wrap it without taking ownership.
        result.node = std::shared_ptr<Node>(std::shared_ptr<Node>(), m_root.get());
        return result;
    }
    for (size_t i = 0; i + 1 < parts.size(); ++i) {
        auto it = dir->children.find(std::string(parts[i]));
        if (it == dir->children.end()) {
            result.error = Errno::NoEntry;
            return result;
        }
        if (it->second->kind != NodeKind::Directory) {
            result.error = Errno::NotDirectory;
            return result;
        }
        dir = it->second.get();
    }
    result.parent = dir;
    result.name = std::string(parts.back());
    auto it = dir->children.find(result.name);
    if (it != dir->children.end()) result.node = it->second;
    return result;
}

FileStat Vfs::stat_of(const Node& node) const {
    FileStat s;
    s.kind = node.kind;
    s.dev = m_options.dev;
    s.ino = node.ino;
    if (node.kind == NodeKind::File) {
        s.mode = k_s_ifreg | 0644;
        s.nlink = 1;
        s.size = node.data.size();
    } else {
        s.mode = k_s_ifdir | 0755;
        uint32_t subdirs = 0;
        for (const auto& [name, child] : node.children)
            if (child->kind == NodeKind::Directory) ++subdirs;
        s.nlink = 2 + subdirs;
        s.size = 4096;
    }
    s.blocks = (s.size + 4095) / 4096 * 8;
    s.atime_ns = node.atime_ns;
    s.mtime_ns = node.mtime_ns;
    s.ctime_ns = node.ctime_ns;
    s.birthtime_ns = node.birthtime_ns;
    return s;
}

// --- setting up -----------------------------------------------------------------------------

Errno Vfs::add_directory(std::string_view path, int64_t time_ns) {
    std::string absolute = resolve(path);
    Node* dir = m_root.get();
    for (std::string_view part : split_components(absolute)) {
        auto it = dir->children.find(std::string(part));
        if (it == dir->children.end()) {
            std::shared_ptr<Node> child(make_node(NodeKind::Directory, time_ns));
            it = dir->children.emplace(std::string(part), std::move(child)).first;
        } else if (it->second->kind != NodeKind::Directory) {
            return Errno::NotDirectory;
        }
        dir = it->second.get();
    }
    return Errno::None;
}

Errno Vfs::add_file(std::string_view path, std::string contents, int64_t time_ns) {
    std::string absolute = resolve(path);
    size_t slash = absolute.rfind('/');
    if (Errno e = add_directory(absolute.substr(0, slash == 0 ? 1 : slash), time_ns);
        e != Errno::None)
        return e;
    Lookup l = lookup(absolute);
    if (l.error != Errno::None) return l.error;
    if (l.name.empty()) return Errno::IsDirectory;
    if (l.node && l.node->kind == NodeKind::Directory) return Errno::IsDirectory;
    std::shared_ptr<Node> file(make_node(NodeKind::File, time_ns));
    file->data = std::move(contents);
    l.parent->children[l.name] = std::move(file);
    return Errno::None;
}

void Vfs::remove_tree(std::string_view path) {
    Lookup l = lookup(path);
    if (l.error == Errno::None && l.node && !l.name.empty()) l.parent->children.erase(l.name);
}

// --- descriptors ----------------------------------------------------------------------------

int Vfs::lowest_free_fd() const {
    return m_free_fds.empty() ? m_next_fd : *m_free_fds.begin();
}

int Vfs::take_fd() {
    if (!m_free_fds.empty()) {
        const int fd = *m_free_fds.begin();
        m_free_fds.erase(m_free_fds.begin());
        return fd;
    }
    return m_next_fd++;
}

void Vfs::release_fd(int fd) {
    if (fd == m_next_fd - 1) {
        // Shrink the high-water mark over every free descriptor at the top.
        --m_next_fd;
        while (!m_free_fds.empty() && *m_free_fds.rbegin() == m_next_fd - 1) {
            m_free_fds.erase(std::prev(m_free_fds.end()));
            --m_next_fd;
        }
    } else {
        m_free_fds.insert(fd);
    }
}

int Vfs::reserve_fd() {
    const int fd = take_fd();
    m_reserved.insert(fd);
    return fd;
}

std::string Vfs::fd_path(int fd) const {
    auto it = m_fds.find(fd);
    return it == m_fds.end() ? std::string() : it->second->path;
}

// --- system calls ---------------------------------------------------------------------------

IoResult<int> Vfs::open(std::string_view path, OpenFlags flags, int64_t now_ns) {
    Lookup l = lookup(path);
    if (l.error != Errno::None) return {l.error, -1};
    if (m_fds.size() + m_reserved.size() >= m_options.max_open_files)
        return {Errno::TooManyFiles, -1};
    std::shared_ptr<Node> node = l.node;
    if (node) {
        if (flags.create && flags.exclusive) return {Errno::Exists, -1};
        if (node->kind == NodeKind::Directory && flags.write) return {Errno::IsDirectory, -1};
        if (flags.truncate && flags.write && node->kind == NodeKind::File && !node->data.empty()) {
            node->data.clear();
            node->mtime_ns = node->ctime_ns = now_ns;
        }
    } else {
        if (!flags.create) return {Errno::NoEntry, -1};
        node = std::shared_ptr<Node>(make_node(NodeKind::File, now_ns));
        l.parent->children[l.name] = node;
        l.parent->mtime_ns = l.parent->ctime_ns = now_ns;
    }
    const int fd = take_fd();
    m_fds[fd] = std::make_shared<OpenFile>(OpenFile{std::move(node), resolve(path), flags, 0});
    return {Errno::None, fd};
}

Errno Vfs::close(int fd) {
    if (!m_fds.erase(fd)) return Errno::BadFd;
    release_fd(fd);
    return Errno::None;
}

uint64_t Vfs::readable_bytes(int fd, uint64_t length, std::optional<uint64_t> position) const {
    auto it = m_fds.find(fd);
    if (it == m_fds.end() || it->second->node->kind != NodeKind::File) return 0;
    const uint64_t size = it->second->node->data.size();
    const uint64_t at = position.value_or(it->second->position);
    return at >= size ? 0 : std::min<uint64_t>(length, size - at);
}

IoResult<std::string> Vfs::read(int fd, uint64_t length, std::optional<uint64_t> position,
                                int64_t now_ns) {
    auto it = m_fds.find(fd);
    if (it == m_fds.end()) return {Errno::BadFd, {}};
    OpenFile& file = *it->second;
    if (!file.flags.read) return {Errno::BadFd, {}};
    if (file.node->kind == NodeKind::Directory) return {Errno::IsDirectory, {}};
    const uint64_t n = readable_bytes(fd, length, position);
    const uint64_t at = position.value_or(file.position);
    std::string bytes = n ? file.node->data.substr(at, n) : std::string();
    if (!position) file.position += n;
    file.node->atime_ns = now_ns;
    return {Errno::None, std::move(bytes)};
}

IoResult<uint64_t> Vfs::write(int fd, std::string_view bytes, std::optional<uint64_t> position,
                              int64_t now_ns) {
    auto it = m_fds.find(fd);
    if (it == m_fds.end()) return {Errno::BadFd, 0};
    OpenFile& file = *it->second;
    if (!file.flags.write) return {Errno::BadFd, 0};
    std::string& data = file.node->data;
    // O_APPEND: every write goes to the end, whatever the position (Linux pwrite too).
    uint64_t at = file.flags.append ? data.size() : position.value_or(file.position);
    if (at > data.size()) data.resize(at, '\0');
    data.replace(at, std::min<uint64_t>(bytes.size(), data.size() - at), bytes);
    if (!position || file.flags.append) file.position = at + bytes.size();
    file.node->mtime_ns = file.node->ctime_ns = now_ns;
    return {Errno::None, bytes.size()};
}

IoResult<FileStat> Vfs::fstat(int fd) const {
    auto it = m_fds.find(fd);
    if (it == m_fds.end()) return {Errno::BadFd, {}};
    return {Errno::None, stat_of(*it->second->node)};
}

IoResult<FileStat> Vfs::stat(std::string_view path) const {
    Lookup l = lookup(path);
    if (l.error != Errno::None) return {l.error, {}};
    if (!l.node) return {Errno::NoEntry, {}};
    return {Errno::None, stat_of(*l.node)};
}

Errno Vfs::access(std::string_view path) const {
    return stat(path).error;
}

std::optional<uint64_t> Vfs::file_size(std::string_view path) const {
    IoResult<FileStat> s = stat(path);
    if (!s.ok() || s.value.kind != NodeKind::File) return std::nullopt;
    return s.value.size;
}

IoResult<std::vector<std::string>> Vfs::readdir(std::string_view path) const {
    Lookup l = lookup(path);
    if (l.error != Errno::None) return {l.error, {}};
    if (!l.node) return {Errno::NoEntry, {}};
    if (l.node->kind != NodeKind::Directory) return {Errno::NotDirectory, {}};
    std::vector<std::string> names;
    names.reserve(l.node->children.size());
    for (const auto& [name, child] : l.node->children) names.push_back(name);
    return {Errno::None, std::move(names)};
}

IoResult<std::string> Vfs::mkdir(std::string_view path, bool recursive, int64_t now_ns) {
    if (!recursive) {
        Lookup l = lookup(path);
        if (l.error != Errno::None) return {l.error, {}};
        if (l.node) return {Errno::Exists, {}};
        l.parent->children[l.name] = std::shared_ptr<Node>(make_node(NodeKind::Directory, now_ns));
        l.parent->mtime_ns = l.parent->ctime_ns = now_ns;
        return {Errno::None, {}};
    }
    // mkdir -p: report the first directory made (Node returns it), fail on a file in the way.
    std::string absolute = resolve(path);
    Node* dir = m_root.get();
    std::string walked;
    std::string first_made;
    for (std::string_view part : split_components(absolute)) {
        walked += "/";
        walked += part;
        auto it = dir->children.find(std::string(part));
        if (it == dir->children.end()) {
            it = dir->children
                     .emplace(std::string(part),
                              std::shared_ptr<Node>(make_node(NodeKind::Directory, now_ns)))
                     .first;
            dir->mtime_ns = dir->ctime_ns = now_ns;
            if (first_made.empty()) first_made = walked;
        } else if (it->second->kind != NodeKind::Directory) {
            return {walked == absolute ? Errno::Exists : Errno::NotDirectory, {}};
        }
        dir = it->second.get();
    }
    return {Errno::None, first_made};
}

Errno Vfs::unlink(std::string_view path, int64_t now_ns) {
    Lookup l = lookup(path);
    if (l.error != Errno::None) return l.error;
    if (!l.node) return Errno::NoEntry;
    if (l.node->kind == NodeKind::Directory) return Errno::IsDirectory;
    l.parent->children.erase(l.name);
    l.parent->mtime_ns = l.parent->ctime_ns = now_ns;
    return Errno::None;
}

Errno Vfs::rmdir(std::string_view path, int64_t now_ns) {
    Lookup l = lookup(path);
    if (l.error != Errno::None) return l.error;
    if (!l.node) return Errno::NoEntry;
    if (l.node->kind != NodeKind::Directory) return Errno::NotDirectory;
    if (l.name.empty())
        return Errno::NotPermitted; // the root (EBUSY on Linux; never reached by scenarios)
    if (!l.node->children.empty()) return Errno::NotEmpty;
    l.parent->children.erase(l.name);
    l.parent->mtime_ns = l.parent->ctime_ns = now_ns;
    return Errno::None;
}

Errno Vfs::rename(std::string_view from, std::string_view to, int64_t now_ns) {
    Lookup src = lookup(from);
    if (src.error != Errno::None) return src.error;
    if (!src.node || src.name.empty()) return Errno::NoEntry;
    Lookup dst = lookup(to);
    if (dst.error != Errno::None) return dst.error;
    if (dst.name.empty()) return Errno::Exists;
    if (dst.node == src.node) return Errno::None;
    if (src.node->kind == NodeKind::Directory) {
        // A directory cannot move inside itself.
        const std::string a = resolve(from) + "/";
        if (resolve(to).rfind(a, 0) == 0) return Errno::Invalid;
    }
    if (dst.node) {
        if (dst.node->kind == NodeKind::Directory && src.node->kind != NodeKind::Directory)
            return Errno::IsDirectory;
        if (dst.node->kind != NodeKind::Directory && src.node->kind == NodeKind::Directory)
            return Errno::NotDirectory;
        if (dst.node->kind == NodeKind::Directory && !dst.node->children.empty())
            return Errno::NotEmpty;
    }
    std::shared_ptr<Node> moving = src.node;
    src.parent->children.erase(src.name);
    dst.parent->children[dst.name] = moving;
    moving->ctime_ns = now_ns;
    src.parent->mtime_ns = dst.parent->mtime_ns = now_ns;
    return Errno::None;
}

} // namespace loopsim::io
