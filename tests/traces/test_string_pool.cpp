#include "traces/string_pool.h"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace loopsim::trace;

TEST_SUITE("string_pool") {

    TEST_CASE("ids are handed out in first-intern order starting at 1") {
        StringPool pool;
        CHECK(pool.intern("b") == 1);
        CHECK(pool.intern("a") == 2);
        CHECK(pool.intern("b") == 1);
        CHECK(pool.intern("c") == 3);
        CHECK(pool.size() == 4);
    }

    TEST_CASE("the empty string is id 0 and needs no storage") {
        StringPool pool;
        CHECK(pool.intern("") == kNoString);
        CHECK(pool.get(kNoString).empty());
        CHECK(pool.size() == 1);
        CHECK(pool.text_bytes() == 0);
    }

    TEST_CASE("interned text reads back exactly, including zero bytes and UTF-8") {
        StringPool pool;
        std::string with_nul("a\0b", 3);
        StringId nul = pool.intern(with_nul);
        StringId utf8 = pool.intern("é → 🙂");
        CHECK(pool.get(nul) == with_nul);
        CHECK(pool.get(utf8) == "é → 🙂");
        StringId found = 0;
        CHECK(pool.find(with_nul, found));
        CHECK(found == nul);
        CHECK_FALSE(pool.find("never interned", found));
    }

    TEST_CASE("views stay valid while many small and large strings are added") {
        StringPool pool;
        std::vector<std::string> texts;
        std::vector<std::string_view> views;
        for (int i = 0; i < 20000; ++i) {
            // Mostly short strings, with a large one every 1000 to exercise dedicated blocks.
            std::string text = i % 1000 == 7
                                   ? std::string(100000 + i, static_cast<char>('a' + i % 26))
                                   : "label " + std::to_string(i);
            StringId id = pool.intern(text);
            CHECK(id == static_cast<StringId>(i + 1));
            texts.push_back(text);
            views.push_back(pool.get(id));
        }
        for (size_t i = 0; i < texts.size(); ++i) REQUIRE(views[i] == texts[i]);
    }

    TEST_CASE("two pools fed the same strings give the same ids") {
        StringPool a, b;
        for (const char* s : {"x", "y", "x", "z", "y"}) CHECK(a.intern(s) == b.intern(s));
    }

} // TEST_SUITE
