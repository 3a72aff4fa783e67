// Tests for model/js/string.h, atom_table.h, property_key.h and symbol.h.
#include "js_test_support.h"
#include "model/js/atom_table.h"
#include "model/js/runtime.h"
#include "model/js/string.h"

#include <doctest/doctest.h>

using namespace loopsim::js;

TEST_SUITE("string") {

    TEST_CASE("an emoji is two UTF-16 code units: a surrogate pair") {
        Runtime rt;
        String* s = rt.string("a\xF0\x9F\x98\x80z"); // "a😀z"
        CHECK(s->length() == 4);
        CHECK_FALSE(s->is_one_byte());
        CHECK(s->code_unit_at(0) == u'a');
        CHECK(s->code_unit_at(1) == 0xD83D);
        CHECK(s->code_unit_at(2) == 0xDE00);
        CHECK(s->code_unit_at(3) == u'z');
        CHECK(s->to_utf8() == "a\xF0\x9F\x98\x80z");
    }

    TEST_CASE("Latin-1 text is stored one byte per code unit and written back as UTF-8") {
        Runtime rt;
        String* s = rt.string("caf\xC3\xA9"); // "café"
        CHECK(s->is_one_byte());
        CHECK(s->length() == 4);
        CHECK(s->code_unit_at(3) == 0xE9);
        CHECK(s->to_utf8() == "caf\xC3\xA9");
    }

    TEST_CASE("a lone surrogate survives inside the string and prints as U+FFFD") {
        Runtime rt;
        std::u16string units = u"x";
        units.push_back(0xD800);
        units += u"y";
        units.push_back(0xDC00);
        String* s = String::from_utf16(rt.heap(), units);
        CHECK(s->length() == 4);
        CHECK(s->code_unit_at(1) == 0xD800);
        CHECK(s->to_utf8() == "x\xEF\xBF\xBDy\xEF\xBF\xBD");
        // A high surrogate followed by a low one, split across a rope, still pairs up.
        std::u16string high(70, u'a');
        high.push_back(0xD83D);
        std::u16string low;
        low.push_back(0xDE00);
        String* rope = String::concat(rt.heap(), String::from_utf16(rt.heap(), high),
                                      String::from_utf16(rt.heap(), low));
        CHECK(rope->is_rope());
        CHECK(rope->to_utf8() == std::string(70, 'a') + "\xF0\x9F\x98\x80");
    }

    TEST_CASE("invalid UTF-8 decodes to one U+FFFD per maximal bad subsequence, as node does") {
        Runtime rt;
        // Buffer.from([0x61,0xff,0x62,0xe2,0x82]).toString() is 'a\ufffdb\ufffd' in node.
        String* s = rt.string(std::string("a\xFF"
                                          "b\xE2\x82",
                                          5));
        CHECK(s->length() == 4);
        CHECK(s->code_unit_at(1) == 0xFFFD);
        CHECK(s->code_unit_at(3) == 0xFFFD);
        // An encoded surrogate (ED A0 80) is three bad bytes: 'x\ufffd\ufffd\ufffd' in node.
        String* t = rt.string(std::string("x\xED\xA0\x80", 4));
        CHECK(t->length() == 4);
        CHECK(t->code_unit_at(3) == 0xFFFD);
    }

    TEST_CASE("short concatenations are flat copies and long ones are ropes") {
        Runtime rt;
        String* a = rt.string("abc");
        String* b = rt.string("def");
        String* ab = String::concat(rt.heap(), a, b);
        CHECK_FALSE(ab->is_rope());
        CHECK(ab->to_utf8() == "abcdef");
        String* long_text = rt.string(std::string(100, 'x'));
        String* rope = String::concat(rt.heap(), long_text, b);
        CHECK(rope->is_rope());
        CHECK(rope->length() == 103);
        rope->flatten(rt.heap());
        CHECK_FALSE(rope->is_rope());
        CHECK(rope->code_unit_at(102) == u'f');
        CHECK(String::concat(rt.heap(), rt.empty_string(), a) == a);
    }

    TEST_CASE("a million appends build a deep rope that flattens without recursion") {
        Runtime rt;
        Root<String> s(rt.heap(), rt.string(std::string(64, '.')));
        String* piece = rt.string("ab");
        for (int i = 0; i < 1'000'000; ++i) s.set(String::concat(rt.heap(), s.get(), piece));
        CHECK(s->length() == 64 + 2'000'000);
        CHECK(s->hash() != 0);
        s->flatten(rt.heap());
        CHECK(s->code_unit_at(64) == u'a');
        CHECK(s->code_unit_at(64 + 1'999'999) == u'b');
        // The flat buffer is accounted to the heap.
        CHECK(s->heap_bytes() >= 2'000'064);
    }

    TEST_CASE("equality, hashing and ordering depend on code units only, not representation") {
        Runtime rt;
        String* flat = rt.string(std::string(80, 'q') + "z");
        String* rope = String::concat(rt.heap(), rt.string(std::string(80, 'q')), rt.string("z"));
        REQUIRE(rope->is_rope());
        CHECK(String::equals(flat, rope));
        CHECK(flat->hash() == rope->hash());
        std::u16string wide(1, u'\u00e9');
        String* two_byte_source = String::from_utf16(rt.heap(), wide);
        CHECK(two_byte_source->is_one_byte()); // canonical: fits in one byte
        CHECK(String::equals(two_byte_source, rt.string("\xC3\xA9")));
        CHECK(String::compare(rt.string("a"), rt.string("b")) < 0);
        CHECK(String::compare(rt.string("ab"), rt.string("a")) > 0);
        CHECK(String::compare(rt.string("B"), rt.string("a")) < 0);
        // Code unit order, not code point order: U+FF61 sorts after the surrogates of U+1F600.
        CHECK(String::compare(rt.string("\xEF\xBD\xA1"), rt.string("\xF0\x9F\x98\x80")) > 0);
    }

    TEST_CASE("substring copies a range of code units") {
        Runtime rt;
        String* s = rt.string("hello world");
        CHECK(s->substring(rt.heap(), 6, 11)->to_utf8() == "world");
        CHECK(s->substring(rt.heap(), 0, 0)->length() == 0);
        CHECK(s->substring(rt.heap(), 0, 11) == s);
    }

    TEST_CASE("interning returns one atom per content") {
        Runtime rt;
        String* a = rt.atoms().intern(std::string_view("name"));
        String* b = rt.atoms().intern(rt.string("na"
                                                "me"));
        CHECK(a == b);
        CHECK(a->is_atom());
        String* fresh = rt.string("fresh-key");
        CHECK(rt.atoms().intern(fresh) == fresh); // the first copy becomes the atom
        CHECK(rt.atoms().intern(std::u16string_view(u"fresh-key")) == fresh);
    }

    TEST_CASE("canonical numeric strings become index keys and everything else stays a string") {
        Runtime rt;
        CHECK(rt.key("0").is_index());
        CHECK(rt.key("42").as_index() == 42);
        CHECK(rt.key("4294967294").as_index() == 4294967294u);
        CHECK(rt.key("4294967295").is_string()); // 2^32 - 1 is not an array index
        CHECK(rt.key("07").is_string());
        CHECK(rt.key("-1").is_string());
        CHECK(rt.key("1.5").is_string());
        CHECK(rt.key("").is_string());
        CHECK(rt.key("x") == rt.key("x"));
        CHECK_FALSE(rt.key("x") == rt.key("y"));
    }

    TEST_CASE("symbols are unique by identity and well-known ones exist once") {
        Runtime rt;
        Symbol* a = rt.make_symbol(rt.string("x"));
        Symbol* b = rt.make_symbol(rt.string("x"));
        CHECK(a != b);
        CHECK_FALSE(PropertyKey::symbol(a) == PropertyKey::symbol(b));
        CHECK(a->descriptive_string() == "Symbol(x)");
        CHECK(rt.make_symbol(nullptr)->descriptive_string() == "Symbol()");
        Symbol* iterator = rt.well_known_symbol(WellKnownSymbol::Iterator);
        CHECK(iterator->descriptive_string() == "Symbol(Symbol.iterator)");
        CHECK(rt.well_known_symbol(WellKnownSymbol::ToPrimitive)->description()->to_utf8() ==
              "Symbol.toPrimitive");
        CHECK(rt.well_known_symbol(WellKnownSymbol::ToStringTag) != iterator);
        CHECK(rt.well_known_symbol(WellKnownSymbol::HasInstance)->description()->to_utf8() ==
              "Symbol.hasInstance");
        rt.heap().collect();
        CHECK(rt.well_known_symbol(WellKnownSymbol::Iterator)->description()->to_utf8() ==
              "Symbol.iterator");
    }

} // TEST_SUITE
