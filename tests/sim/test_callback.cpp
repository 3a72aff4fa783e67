#include "sim/callback.h"

#include <array>
#include <doctest/doctest.h>
#include <memory>
#include <utility>

using loopsim::sim::Callback;

TEST_SUITE("callback") {

    TEST_CASE("a small lambda is stored inline and runs") {
        int hits = 0;
        Callback fn = [&hits] { ++hits; };
        CHECK(fn.is_inline());
        fn();
        fn();
        CHECK(hits == 2);
    }

    TEST_CASE("a capture larger than the inline buffer goes to the heap and still runs") {
        std::array<int, 32> numbers{};
        numbers[31] = 7;
        int seen = 0;
        Callback fn = [numbers, &seen] { seen = numbers[31]; };
        CHECK(sizeof(numbers) > Callback::k_inline_size);
        CHECK_FALSE(fn.is_inline());
        Callback moved = std::move(fn);
        moved();
        CHECK(seen == 7);
    }

    TEST_CASE("a move-only capture is accepted and destroyed exactly once") {
        auto token = std::make_shared<int>(5);
        std::weak_ptr<int> watch = token;
        {
            auto owned = std::make_unique<std::shared_ptr<int>>(std::move(token));
            int seen = 0;
            Callback fn = [owned = std::move(owned), &seen] { seen = **owned; };
            CHECK(fn.is_inline());
            Callback second = std::move(fn);
            CHECK_FALSE(static_cast<bool>(fn));
            Callback third;
            third = std::move(second);
            third();
            CHECK(seen == 5);
            CHECK_FALSE(watch.expired());
        }
        CHECK(watch.expired());
    }

    TEST_CASE("heap-stored state is released when the Callback is destroyed or reset") {
        auto token = std::make_shared<int>(1);
        std::weak_ptr<int> watch = token;
        std::array<char, 100> padding{};
        Callback fn = [token = std::move(token), padding] { (void)padding; };
        CHECK_FALSE(fn.is_inline());
        CHECK_FALSE(watch.expired());
        fn.reset();
        CHECK_FALSE(static_cast<bool>(fn));
        CHECK(watch.expired());
    }

    TEST_CASE("assigning over a Callback destroys what it held") {
        auto first = std::make_shared<int>(1);
        std::weak_ptr<int> watch = first;
        Callback fn = [first = std::move(first)] {};
        fn = Callback([] {});
        CHECK(watch.expired());
        CHECK(static_cast<bool>(fn));
    }

} // TEST_SUITE
