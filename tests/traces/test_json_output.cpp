#include "traces/json_output.h"

#include <cstdio>
#include <doctest/doctest.h>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>

using namespace loopsim::trace;
using nlohmann::json;

namespace {

// The JSON text JsonOutput produces for one string value.
std::string encode(std::string_view text) {
    std::string out;
    {
        JsonOutput o = JsonOutput::to_string(out);
        o.string(text);
    }
    return out;
}

// What a conforming JSON parser reads back from that text.
std::string decode(const std::string& json_text) {
    return json::parse(json_text).get<std::string>();
}

const std::string kReplacement = "\xEF\xBF\xBD"; // U+FFFD

} // namespace

TEST_SUITE("json_output") {

    TEST_CASE("every control character, quote and backslash survives a parse") {
        std::string all;
        for (int c = 0; c < 0x20; ++c) all += static_cast<char>(c);
        all += "\"\\/ plain \x7f";
        std::string encoded = encode(all);
        CHECK(decode(encoded) == all);
        for (char c : encoded) CHECK(static_cast<unsigned char>(c) >= 0x20); // nothing raw
        CHECK(encode("a\nb") == "\"a\\nb\"");
        CHECK(encode(std::string("\0", 1)) == "\"\\u0000\"");
        CHECK(encode("\x1f") == "\"\\u001f\"");
    }

    TEST_CASE("well-formed UTF-8 is copied byte for byte") {
        std::string text = "é ü ß → 中文 🙂 \xF4\x8F\xBF\xBF"; // up to U+10FFFF
        CHECK(encode(text) == "\"" + text + "\"");
        CHECK(decode(encode(text)) == text);
    }

    TEST_CASE("bytes outside well-formed UTF-8 become U+FFFD one by one") {
        const std::string r = kReplacement;
        CHECK(decode(encode("a\x80"
                            "b")) == "a" + r + "b");                // lone continuation
        CHECK(decode(encode("\xC0\x80")) == r + r);                 // overlong NUL
        CHECK(decode(encode("\xED\xA0\x80")) == r + r + r);         // UTF-16 surrogate
        CHECK(decode(encode("\xF5\x80\x80\x80")) == r + r + r + r); // beyond U+10FFFF
        CHECK(decode(encode("\xF4\x90\x80\x80")) == r + r + r + r); // beyond U+10FFFF
        CHECK(decode(encode("x\xE2\x82")) == "x" + r + r);          // truncated at the end
        CHECK(decode(encode("\xE2\x82"
                            "A")) == r + r + "A"); // truncated mid-text
        CHECK(decode(encode("\xFF")) == r);
    }

    TEST_CASE("a special byte at any position of an 8-byte word is found") {
        for (char special : {'"', '\\', '\n', '\x01', '\x1f'}) {
            for (size_t pos = 0; pos < 17; ++pos) {
                std::string text(17, 'x');
                text[pos] = special;
                CAPTURE(pos);
                CHECK(decode(encode(text)) == text);
            }
        }
        for (size_t pos = 0; pos < 17; ++pos) {
            std::string text(17, 'x');
            text.replace(pos, 1, "é");
            CHECK(encode(text) == "\"" + text + "\"");
        }
    }

    TEST_CASE("strings larger than the buffer stream through intact") {
        std::string text;
        while (text.size() < 3 * JsonOutput::kBufferSize)
            text += "line \"quoted\" 🙂 tab\t and more text;";
        CHECK(decode(encode(text)) == text);
        // All escapes: every byte expands to six, far more than one buffer.
        std::string controls(JsonOutput::kBufferSize, '\x01');
        CHECK(encode(controls).size() == controls.size() * 6 + 2);
        CHECK(decode(encode(controls)) == controls);
    }

    TEST_CASE("integers are written exactly at both ends of their range") {
        std::string out;
        {
            JsonOutput o = JsonOutput::to_string(out);
            o.raw('[');
            o.integer(std::numeric_limits<int64_t>::min());
            o.raw(',');
            o.integer(std::numeric_limits<int64_t>::max());
            o.raw(',');
            o.unsigned_integer(std::numeric_limits<uint64_t>::max());
            o.raw(',');
            o.integer(0);
            o.raw(']');
        }
        CHECK(out == "[-9223372036854775808,9223372036854775807,18446744073709551615,0]");
    }

    TEST_CASE("output reaches files and descriptors only on flush or when the buffer fills") {
        std::FILE* file = std::tmpfile();
        REQUIRE(file != nullptr);
        {
            JsonOutput o = JsonOutput::to_file(file);
            o.string("to a FILE");
            CHECK(std::ftell(file) == 0); // still buffered
            CHECK(o.flush().is_ok());
            CHECK(std::ftell(file) == 11);
            o.raw(' ');
        }
        {
            JsonOutput o = JsonOutput::to_fd(fileno(file));
            o.string("to an fd");
            CHECK(o.bytes_written() == 10);
        } // the destructor flushes
        std::rewind(file);
        char read_back[64] = {};
        size_t n = std::fread(read_back, 1, sizeof read_back - 1, file);
        std::fclose(file);
        CHECK(std::string(read_back, n) == "\"to a FILE\" \"to an fd\"");
    }

    TEST_CASE("a write error is reported by flush and later output is dropped") {
        JsonOutput o = JsonOutput::to_fd(-1);
        o.raw("lost");
        auto result = o.flush();
        REQUIRE_FALSE(result.is_ok());
        CHECK(result.error().message.find("cannot write trace") != std::string::npos);
        CHECK(o.has_failed());
    }

} // TEST_SUITE
