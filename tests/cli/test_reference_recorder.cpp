// traces/reference/record-reference.mjs with real node, when node is installed (skipped
// otherwise): the reference trace it writes reads back, and it shows the order node really
// ran callbacks in.
#include "tools/cli/child_process.h"
#include "traces/reference_order.h"

#include <algorithm>
#include <cstdlib>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using namespace loopsim;

namespace {

// node on $PATH, or empty.
std::string find_node() {
    const char* path = std::getenv("PATH");
    std::istringstream dirs(path ? path : "");
    for (std::string dir; std::getline(dirs, dir, ':');) {
        const fs::path candidate = fs::path(dir.empty() ? "." : dir) / "node";
        if (access(candidate.c_str(), X_OK) == 0) return candidate.string();
    }
    return {};
}

struct Recorded {
    cli::ChildResult child;
    std::vector<trace::OrderedCallback> order;
    std::string stdout_text;
};

// Records `source` (written to a temporary file) with the repository's recorder.
Recorded record(const std::string& node, const std::string& name, const std::string& source) {
    const fs::path dir = fs::temp_directory_path() / "loopsim-reference-test";
    fs::create_directories(dir);
    const fs::path file = dir / name;
    std::ofstream(file) << source;
    Recorded r;
    r.child = cli::run_child(
        {node, std::string(LOOPSIM_SOURCE_DIR) + "/traces/reference/record-reference.mjs",
         file.string()},
        120);
    fs::remove_all(dir);
    auto ref = trace::parse_reference_trace(r.child.out, name);
    if (ref) {
        r.order = ref.value().order;
        r.stdout_text = ref.value().stdout_text;
    } else {
        FAIL_CHECK(ref.error().message);
    }
    return r;
}

size_t index_of(const std::vector<trace::OrderedCallback>& order, const std::string& type) {
    for (size_t i = 0; i < order.size(); ++i)
        if (order[i].type == type) return i;
    return order.size();
}

} // namespace

TEST_SUITE("cli.reference_recorder") {
    TEST_CASE("inside an fs callback, the immediate runs before the 0 ms timer") {
        const std::string node = find_node();
        if (node.empty()) {
            MESSAGE("node is not installed: skipped");
            return;
        }
        Recorded r = record(node, "fs_callback.js",
                            "const fs = require('fs');\n"
                            "fs.stat(__filename, () => {\n"
                            "  setTimeout(() => console.log('timeout'), 0);\n"
                            "  setImmediate(() => console.log('immediate'));\n"
                            "});\n");
        REQUIRE(r.child.exit_code == 0);
        CHECK(r.stdout_text == "immediate\ntimeout\n");
        const size_t fs_callback = index_of(r.order, "FSREQCALLBACK");
        const size_t immediate = index_of(r.order, "Immediate");
        const size_t timeout = index_of(r.order, "Timeout");
        REQUIRE(timeout < r.order.size());
        CHECK(fs_callback < immediate);
        CHECK(immediate < timeout);
        CHECK(r.order[immediate].printed_before.empty());
        CHECK(r.order[timeout].printed_before == "immediate");
        // console.log's afterWrite tick runs right after the immediate that printed.
        REQUIRE(immediate + 1 < r.order.size());
        CHECK(r.order[immediate + 1].type == "TickObject");
        CHECK(r.order[immediate + 1].label == "afterWriteTick");
    }

    TEST_CASE("fs.readFile is one callback, and a program's promise job is kept") {
        const std::string node = find_node();
        if (node.empty()) {
            MESSAGE("node is not installed: skipped");
            return;
        }
        // readFile is open, fstat, read and close in node: only the last, which calls the
        // program's function, is compared (loopsim shows one callback).
        Recorded r = record(node, "read_file.js",
                            "const fs = require('fs');\n"
                            "fs.readFile(__filename, () => {\n"
                            "  Promise.resolve().then(() => {});\n"
                            "  process.nextTick(() => {});\n"
                            "});\n");
        REQUIRE(r.child.exit_code == 0);
        std::vector<std::string> types;
        for (const trace::OrderedCallback& c : r.order) types.push_back(c.type);
        CHECK(types == std::vector<std::string>{"FSREQCALLBACK", "TickObject", "PROMISE"});
    }
}
