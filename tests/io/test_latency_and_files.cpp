// The latency model (defaults, overrides, seeded jitter) and the @file directive.
#include "model/io/file_spec.h"
#include "model/io/latency_model.h"

#include <doctest/doctest.h>

using namespace loopsim;
using namespace loopsim::io;

TEST_SUITE("io: latency model") {
    TEST_CASE("durations parse with ns, us, ms and s") {
        CHECK(parse_duration_ns("800ns").value() == 800);
        CHECK(parse_duration_ns("20us").value() == 20'000);
        CHECK(parse_duration_ns("1.5ms").value() == 1'500'000);
        CHECK(parse_duration_ns(" 2s ").value() == 2'000'000'000);
        CHECK_FALSE(parse_duration_ns("2").is_ok());
        CHECK_FALSE(parse_duration_ns("2 hours").is_ok());
        CHECK_FALSE(parse_duration_ns("-1ms").is_ok());
    }

    TEST_CASE("a request costs its base plus its units") {
        LatencyModel m;
        m.set_entry(LatencyKind::FsRead, LatencyEntry{10'000, 500}); // 10 us + 0.5 ns/B
        CHECK(m.nominal(LatencyKind::FsRead, 0) == sim::SimTime::us(10));
        CHECK(m.nominal(LatencyKind::FsRead, 2000) == sim::SimTime::us(11));
    }

    TEST_CASE("@latency overrides one key, a group, a rate, or the jitter") {
        LatencyModel m;
        REQUIRE(m.apply("fs.read 2ms").is_ok());
        CHECK(m.nominal(LatencyKind::FsRead, 1 << 20) == sim::SimTime::ms(2));
        REQUIRE(m.apply("fs 1ms").is_ok());
        CHECK(m.nominal(LatencyKind::FsOpen) == sim::SimTime::ms(1));
        CHECK(m.nominal(LatencyKind::FsClose) == sim::SimTime::ms(1));
        CHECK(m.nominal(LatencyKind::DnsLookup) != sim::SimTime::ms(1));
        REQUIRE(m.apply("fs.read 20us + 1ns/B").is_ok());
        CHECK(m.nominal(LatencyKind::FsRead, 1000) == sim::SimTime::us(21));
        REQUIRE(m.apply("crypto.pbkdf2 0ns + 2us/iteration").is_ok());
        CHECK(m.nominal(LatencyKind::CryptoPbkdf2, 1000) == sim::SimTime::ms(2));
        REQUIRE(m.apply("jitter 0%").is_ok());
        CHECK(m.jitter() == 0.0);
    }

    TEST_CASE("bad @latency directives say what is accepted") {
        LatencyModel m;
        auto bad_key = m.apply("disk.read 2ms");
        REQUIRE_FALSE(bad_key.is_ok());
        CHECK(bad_key.error().message.find("unknown @latency key 'disk.read'") !=
              std::string::npos);
        CHECK(bad_key.error().message.find("fs.read") != std::string::npos);
        CHECK_FALSE(m.apply("fs.read").is_ok());
        CHECK_FALSE(m.apply("fs.read 2 parsecs").is_ok());
        auto bad_unit = m.apply("fs.read 1us + 1ns/iteration");
        REQUIRE_FALSE(bad_unit.is_ok());
        CHECK(bad_unit.error().message.find("per 'B'") != std::string::npos);
        CHECK_FALSE(m.apply("jitter 150%").is_ok());
    }

    TEST_CASE("jitter stays within its fraction and repeats with the seed") {
        LatencyModel m;
        m.set_entry(LatencyKind::FsStat, LatencyEntry{100'000, 0});
        m.set_jitter(0.10);
        sim::Rng a(7), b(7);
        bool varied = false;
        for (int i = 0; i < 200; ++i) {
            const sim::SimTime x = m.sample(LatencyKind::FsStat, 0, a);
            CHECK(x == m.sample(LatencyKind::FsStat, 0, b));
            CHECK(x >= sim::SimTime::us(90));
            CHECK(x <= sim::SimTime::us(110));
            varied = varied || x != sim::SimTime::us(100);
        }
        CHECK(varied);
        m.set_jitter(0);
        CHECK(m.sample(LatencyKind::FsStat, 0, a) == sim::SimTime::us(100));
    }
}

TEST_SUITE("io: @file") {
    TEST_CASE("SIZE files repeat the 37-byte line, as scripts/record-expected.mjs writes them") {
        auto spec = parse_file_spec("data.txt 40B");
        REQUIRE(spec.is_ok());
        CHECK(spec.value().name == "data.txt");
        CHECK(spec.value().contents == "abcdefghijklmnopqrstuvwxyz0123456789\nabc");
        auto big = parse_file_spec("big.txt 2MiB");
        REQUIRE(big.is_ok());
        CHECK(big.value().contents.size() == 2 * 1024 * 1024);
        CHECK(big.value().contents.substr(37 * 1000, 5) == "abcde");
        CHECK(parse_file_spec("k 4KiB").value().contents.size() == 4096);
        CHECK(parse_file_spec("e 0B").value().contents.empty());
    }

    TEST_CASE("TEXT files decode a JSON string to UTF-8") {
        CHECK(parse_file_spec(R"(c.json "{\"name\": \"loopsim\"}")").value().contents ==
              R"({"name": "loopsim"})");
        CHECK(parse_file_spec(R"(n.txt "line one\nline two\n")").value().contents ==
              "line one\nline two\n");
        CHECK(parse_file_spec(R"(u.txt "caf\u00e9 \ud83d\ude00")").value().contents ==
              "caf\xC3\xA9 \xF0\x9F\x98\x80");
        CHECK(parse_file_spec(R"(s.txt "\ud800")").value().contents == "\xEF\xBF\xBD");
        CHECK(parse_file_spec(R"(empty.txt "")").value().contents.empty());
    }

    TEST_CASE("bad @file directives are errors that show the accepted forms") {
        CHECK_FALSE(parse_file_spec("lonely").is_ok());
        auto unit = parse_file_spec("x.txt 10KB");
        REQUIRE_FALSE(unit.is_ok());
        CHECK(unit.error().message.find("100B, 64KiB, 2MiB") != std::string::npos);
        CHECK_FALSE(parse_file_spec("x.txt 1024MiB").is_ok());
        CHECK_FALSE(parse_file_spec(R"(x.txt "unterminated)").is_ok());
        CHECK_FALSE(parse_file_spec(R"(x.txt "bad \q escape")").is_ok());
    }
}
