// The virtual file system: path resolution, the system calls and their POSIX errors (each
// error checked against what node reports for the same call on Linux, see docs/io.md).
#include "model/io/vfs.h"

#include <doctest/doctest.h>

using namespace loopsim::io;

namespace {

Vfs make_vfs() {
    Vfs vfs(VfsOptions{"/work/repo", 17});
    REQUIRE(vfs.add_file("/work/repo/scenarios/io/x.js", "// hello\n") == Errno::None);
    REQUIRE(vfs.add_file("/work/repo/scenarios/io/data.txt", "0123456789") == Errno::None);
    return vfs;
}

OpenFlags flags(const char* s) {
    auto f = OpenFlags::parse(s);
    REQUIRE(f.has_value());
    return *f;
}

} // namespace

TEST_SUITE("io: vfs") {
    TEST_CASE("paths resolve against the working directory with . and .. applied") {
        Vfs vfs(VfsOptions{"/work/repo"});
        CHECK(vfs.resolve("scenarios/io/x.js") == "/work/repo/scenarios/io/x.js");
        CHECK(vfs.resolve("./a//b/../c") == "/work/repo/a/c");
        CHECK(vfs.resolve("/../../etc") == "/etc");
        CHECK(vfs.resolve("/") == "/");
        CHECK(vfs.resolve("") == "/work/repo");
    }

    TEST_CASE("node's flag strings map to open(2) bits") {
        CHECK(flags("r").bits() == 0);
        CHECK(flags("r+").bits() == 2);
        CHECK(flags("w").bits() == (01000 | 0100 | 1));
        CHECK(flags("xw").bits() == (01000 | 0100 | 1 | 0200));
        CHECK(flags("a+").bits() == (02000 | 0100 | 2));
        CHECK_FALSE(OpenFlags::parse("rw").has_value());
    }

    TEST_CASE("open, read in chunks, fstat and close; descriptors are the lowest free numbers") {
        Vfs vfs = make_vfs();
        IoResult<int> fd = vfs.open("scenarios/io/data.txt", flags("r"), 0);
        REQUIRE(fd.ok());
        CHECK(fd.value == 17);
        IoResult<int> fd2 = vfs.open("/work/repo/scenarios/io/x.js", flags("r"), 0);
        CHECK(fd2.value == 18);
        CHECK(vfs.fstat(fd.value).value.size == 10);
        CHECK(vfs.read(fd.value, 4, std::nullopt, 0).value == "0123");
        CHECK(vfs.read(fd.value, 100, std::nullopt, 0).value == "456789");
        CHECK(vfs.read(fd.value, 100, std::nullopt, 0).value.empty()); // end of file
        CHECK(vfs.read(fd.value, 3, uint64_t{2}, 0).value == "234");   // pread keeps the position
        CHECK(vfs.close(fd.value) == Errno::None);
        CHECK(vfs.close(fd.value) == Errno::BadFd);
        CHECK(vfs.open("scenarios/io/data.txt", flags("r"), 0).value == 17); // reused
        CHECK(vfs.reserve_fd() == 19);
        CHECK(vfs.open("scenarios/io/data.txt", flags("r"), 0).value == 20);
    }

    TEST_CASE("the errors node reports for common mistakes") {
        Vfs vfs = make_vfs();
        CHECK(vfs.open("missing.txt", flags("r"), 0).error == Errno::NoEntry);
        CHECK(vfs.open("scenarios/io/data.txt", flags("wx"), 0).error == Errno::Exists);
        CHECK(vfs.open("nodir/x", flags("w"), 0).error == Errno::NoEntry);
        CHECK(vfs.open("scenarios/io/data.txt/x", flags("r"), 0).error == Errno::NotDirectory);
        CHECK(vfs.open("scenarios", flags("w"), 0).error == Errno::IsDirectory);
        // A directory opens for reading; reading it fails with EISDIR (readFile of a folder).
        IoResult<int> dir = vfs.open("scenarios", flags("r"), 0);
        REQUIRE(dir.ok());
        CHECK(vfs.read(dir.value, 10, std::nullopt, 0).error == Errno::IsDirectory);
        CHECK(vfs.stat("scenarios/io/data.txt/x").error == Errno::NotDirectory);
        CHECK(vfs.readdir("scenarios/io/data.txt").error == Errno::NotDirectory);
        CHECK(vfs.mkdir("scenarios", false, 0).error == Errno::Exists);
        CHECK(vfs.rmdir("scenarios", 0) == Errno::NotEmpty);
        CHECK(vfs.unlink("scenarios", 0) == Errno::IsDirectory);
        CHECK(vfs.unlink("nope", 0) == Errno::NoEntry);
        CHECK(vfs.access("nope") == Errno::NoEntry);
        CHECK(vfs.rename("nope", "x", 0) == Errno::NoEntry);
        CHECK(vfs.close(999) == Errno::BadFd);
    }

    TEST_CASE("writes stay in memory: truncate, append, positional writes") {
        Vfs vfs = make_vfs();
        IoResult<int> w = vfs.open("out.txt", flags("w"), 5);
        REQUIRE(w.ok());
        CHECK(vfs.write(w.value, "hello", std::nullopt, 6).value == 5);
        CHECK(vfs.write(w.value, " world", std::nullopt, 7).value == 6);
        vfs.close(w.value);
        CHECK(vfs.file_size("out.txt") == 11);
        IoResult<int> a = vfs.open("out.txt", flags("a"), 8);
        vfs.write(a.value, "!", uint64_t{0}, 8); // O_APPEND ignores the position
        vfs.close(a.value);
        IoResult<int> r = vfs.open("out.txt", flags("r"), 9);
        CHECK(vfs.read(r.value, 100, std::nullopt, 9).value == "hello world!");
        IoResult<int> t = vfs.open("out.txt", flags("w"), 10);
        CHECK(vfs.fstat(t.value).value.size == 0);
        // The descriptor opened before the truncation sees the same (now empty) file.
        CHECK(vfs.read(r.value, 100, uint64_t{0}, 10).value.empty());
        CHECK(vfs.stat("out.txt").value.mtime_ns == 10);
    }

    TEST_CASE("directories: mkdir -p reports the first one made, readdir sorts like scandir") {
        Vfs vfs = make_vfs();
        IoResult<std::string> made = vfs.mkdir("a/b/c", true, 0);
        REQUIRE(made.ok());
        CHECK(made.value == "/work/repo/a");
        CHECK(vfs.mkdir("a/b", true, 0).value.empty());
        CHECK(vfs.mkdir("scenarios/io/data.txt", true, 0).error == Errno::Exists);
        CHECK(vfs.mkdir("scenarios/io/data.txt/z", true, 0).error == Errno::NotDirectory);
        vfs.add_file("d/b.txt", "");
        vfs.add_file("d/B.txt", "");
        vfs.add_file("d/a.txt", "");
        vfs.add_file("d/_x", "");
        IoResult<std::vector<std::string>> names = vfs.readdir("d");
        REQUIRE(names.ok());
        CHECK(names.value == std::vector<std::string>{"B.txt", "_x", "a.txt", "b.txt"});
        CHECK(vfs.stat("a").value.nlink == 3);
        CHECK(vfs.rmdir("a/b/c", 0) == Errno::None);
        CHECK(vfs.stat("a/b/c").error == Errno::NoEntry);
    }

    TEST_CASE("stat reports a regular file or a directory with Linux's mode bits and blocks") {
        Vfs vfs = make_vfs();
        FileStat f = vfs.stat("scenarios/io/data.txt").value;
        CHECK(f.kind == NodeKind::File);
        CHECK(f.mode == 0100644);
        CHECK(f.size == 10);
        CHECK(f.blocks == 8);
        FileStat d = vfs.stat("scenarios").value;
        CHECK(d.kind == NodeKind::Directory);
        CHECK(d.mode == 040755);
        CHECK(f.ino != d.ino);
    }

    TEST_CASE("unlink of an open file keeps its data for the descriptor; rename moves it") {
        Vfs vfs = make_vfs();
        IoResult<int> fd = vfs.open("scenarios/io/data.txt", flags("r"), 0);
        CHECK(vfs.unlink("scenarios/io/data.txt", 1) == Errno::None);
        CHECK(vfs.stat("scenarios/io/data.txt").error == Errno::NoEntry);
        CHECK(vfs.read(fd.value, 3, std::nullopt, 2).value == "012");
        CHECK(vfs.rename("scenarios/io/x.js", "moved.js", 3) == Errno::None);
        CHECK(vfs.file_size("moved.js") == 9);
        CHECK(vfs.rename("scenarios", "scenarios/inner", 3) == Errno::Invalid);
    }
}
