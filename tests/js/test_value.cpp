// Tests for model/js/value.h: the NaN-boxed encoding.
#include "model/js/heap.h"
#include "model/js/value.h"

#include <cmath>
#include <doctest/doctest.h>
#include <limits>

using namespace loopsim::js;

namespace {
struct Leaf final : Cell {
    Leaf() : Cell(CellKind::Internal) {}
};
} // namespace

TEST_SUITE("value") {

    TEST_CASE("a value is eight bytes and defaults to undefined") {
        CHECK(sizeof(Value) == 8);
        Value v;
        CHECK(v.is_undefined());
        CHECK_FALSE(v.is_null());
        CHECK(v.is_nullish());
        CHECK_FALSE(v.is_number());
    }

    TEST_CASE("each tag answers only its own predicate") {
        Value values[] = {Value(),  Value::null(), Value(true),   Value(false),
                          Value(7), Value(2.5),    Value::empty()};
        int numbers = 0, booleans = 0, nullish = 0, empties = 0;
        for (Value v : values) {
            numbers += v.is_number();
            booleans += v.is_boolean();
            nullish += v.is_nullish();
            empties += v.is_empty();
            CHECK_FALSE(v.is_cell());
        }
        CHECK(numbers == 2);
        CHECK(booleans == 2);
        CHECK(nullish == 2);
        CHECK(empties == 1);
        CHECK(Value(true).as_bool());
        CHECK_FALSE(Value(false).as_bool());
    }

    TEST_CASE("int32 values keep their full range") {
        for (int32_t i : {0, 1, -1, 42, std::numeric_limits<int32_t>::max(),
                          std::numeric_limits<int32_t>::min()}) {
            Value v(i);
            CHECK(v.is_int32());
            CHECK(v.is_number());
            CHECK(v.as_int32() == i);
            CHECK(v.as_number() == static_cast<double>(i));
        }
    }

    TEST_CASE("doubles round-trip bit for bit, including infinities, -0 and subnormals") {
        double samples[] = {0.0,
                            -0.0,
                            0.1,
                            -1e308,
                            5e-324,
                            std::numeric_limits<double>::infinity(),
                            -std::numeric_limits<double>::infinity(),
                            1.7976931348623157e308};
        for (double d : samples) {
            Value v(d);
            REQUIRE(v.is_double());
            CHECK(std::signbit(v.as_double()) == std::signbit(d));
            CHECK(v.as_double() == d);
        }
    }

    TEST_CASE("every NaN, whatever its payload or sign, becomes one ordinary NaN number") {
        double negative_nan = std::bit_cast<double>(uint64_t{0xFFFF'FFFF'FFFF'FFFF});
        double payload_nan = std::bit_cast<double>(uint64_t{0x7FF0'0000'0000'0001});
        for (double d : {negative_nan, payload_nan, std::nan("")}) {
            Value v(d);
            CHECK(v.is_double());
            CHECK(v.is_number());
            CHECK_FALSE(v.is_cell());
            CHECK(std::isnan(v.as_number()));
        }
        CHECK(Value(negative_nan).is_same_bits(Value(payload_nan)));
    }

    TEST_CASE("Value::number picks int32 for integral values except -0") {
        CHECK(Value::number(3.0).is_int32());
        CHECK(Value::number(-2147483648.0).is_int32());
        CHECK(Value::number(2147483648.0).is_double());
        CHECK(Value::number(0.5).is_double());
        CHECK(Value::number(-0.0).is_double());
        CHECK(std::signbit(Value::number(-0.0).as_number()));
        CHECK(Value::number(0.0).is_int32());
    }

    TEST_CASE("a cell pointer survives boxing and is not a number") {
        Heap heap;
        Leaf* leaf = heap.allocate<Leaf>();
        Value v(leaf);
        CHECK(v.is_cell());
        CHECK_FALSE(v.is_number());
        CHECK_FALSE(v.is_double());
        CHECK(v.as_cell() == leaf);
        CHECK_FALSE(v.is_object());
        CHECK_FALSE(v.is_string());
    }

} // TEST_SUITE
