// Tests for viewer/core/recent_files: the File menu's list and where it is kept.
#include "viewer/core/recent_files.h"

#include <doctest/doctest.h>
#include <filesystem>

using loopsim::viewer::RecentFiles;

TEST_SUITE("viewer.recent_files") {
    TEST_CASE("the list is kept in the config folder, never the working directory") {
        CHECK(RecentFiles::default_path("/x/config", "/home/u") == "/x/config/loopsim/recent");
        CHECK(RecentFiles::default_path(nullptr, "/home/u") == "/home/u/.config/loopsim/recent");
        CHECK(RecentFiles::default_path("", "/home/u") == "/home/u/.config/loopsim/recent");
        CHECK(RecentFiles::default_path(nullptr, nullptr).empty());
    }

    TEST_CASE("opening a file again moves it to the top; the oldest fall off past the limit") {
        RecentFiles recent;
        recent.add("/a.json");
        recent.add("/b.json");
        recent.add("/a.json");
        CHECK(recent.entries() == std::vector<std::string>{"/a.json", "/b.json"});
        for (int i = 0; i < 20; ++i) recent.add("/f" + std::to_string(i) + ".json");
        CHECK(recent.entries().size() == RecentFiles::kMaxEntries);
        CHECK(recent.entries().front() == "/f19.json");
        recent.remove("/f19.json");
        CHECK(recent.entries().front() == "/f18.json");
    }

    TEST_CASE("the file format round-trips, ignoring blank lines, CRs and duplicates") {
        RecentFiles recent;
        recent.parse("/one.json\r\n\n/two.json\n/one.json\n");
        CHECK(recent.entries() == std::vector<std::string>{"/one.json", "/two.json"});
        RecentFiles again;
        again.parse(recent.format());
        CHECK(again.entries() == recent.entries());
    }

    TEST_CASE("save creates the folder and load reads it back; a missing file is an empty list") {
        const auto dir = std::filesystem::temp_directory_path() / "loopsim-viewer-test-recent";
        std::filesystem::remove_all(dir);
        const std::string file = (dir / "loopsim" / "recent").string();
        RecentFiles recent;
        recent.add("/t.json");
        CHECK(recent.save(file));
        RecentFiles loaded;
        loaded.load(file);
        CHECK(loaded.entries() == std::vector<std::string>{"/t.json"});
        RecentFiles missing;
        missing.load((dir / "nope").string());
        CHECK(missing.entries().empty());
        std::filesystem::remove_all(dir);
    }
}
