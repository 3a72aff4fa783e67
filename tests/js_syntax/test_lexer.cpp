#include "model/js/syntax/lexer.h"

#include <doctest/doctest.h>
#include <limits>
#include <memory>
#include <string>
#include <vector>

using namespace loopsim::js::syntax;

namespace {

// Every token of `text` as "kind-description" strings; a lexical error ends the list with
// "error@line:col".
std::vector<std::string> kinds(const std::string& text) {
    SourceFile source("t.js", text);
    Lexer lexer(source);
    std::vector<std::string> out;
    for (;;) {
        Token token = lexer.next();
        if (token.kind == TokenKind::EndOfFile) break;
        if (token.kind == TokenKind::Error) {
            out.push_back("error@" + source.position_string(lexer.diagnostic().offset));
            break;
        }
        out.emplace_back(token_kind_description(token.kind));
    }
    return out;
}

Token single(const std::string& text, std::string* value = nullptr) {
    static std::vector<std::unique_ptr<SourceFile>> keep; // tokens point into the source
    keep.push_back(std::make_unique<SourceFile>("t.js", text));
    Lexer lexer(*keep.back());
    Token token = lexer.next();
    if (value) *value = std::string(token.value);
    return token;
}

double number(const std::string& text) {
    Token token = single(text);
    REQUIRE(token.kind == TokenKind::Number);
    return token.number;
}

std::string string_value(const std::string& text) {
    std::string value;
    Token token = single(text, &value);
    REQUIRE(token.kind == TokenKind::String);
    return value;
}

DiagnosticCode error_code(const std::string& text) {
    SourceFile source("t.js", text);
    Lexer lexer(source);
    for (;;) {
        Token token = lexer.next();
        if (token.kind == TokenKind::Error) return lexer.diagnostic().code;
        if (token.kind == TokenKind::EndOfFile) FAIL("expected a lexical error in: " << text);
    }
}

} // namespace

TEST_SUITE("js_syntax lexer") {

    TEST_CASE("punctuators take the longest match") {
        CHECK(kinds(">>>= >>> >> >= > ?.  ?? ?\?= ** **= => ...") ==
              std::vector<std::string>{"'>>>='", "'>>>'", "'>>'", "'>='", "'>'", "'?.'", "'?\?'",
                                       "'?\?='", "'**'", "'**='", "'=>'", "'...'"});
        CHECK(kinds("a&&=b||=c") ==
              std::vector<std::string>{"identifier", "'&&='", "identifier", "'||='", "identifier"});
    }

    TEST_CASE("'?.' followed by a digit is a conditional and a number") {
        CHECK(kinds("a?.5:1") ==
              std::vector<std::string>{"identifier", "'?'", "number", "':'", "number"});
    }

    TEST_CASE("reserved words are keywords and contextual words stay identifiers") {
        CHECK(kinds("function let async await of get static yield") ==
              std::vector<std::string>{"'function'", "identifier", "identifier", "identifier",
                                       "identifier", "identifier", "identifier", "identifier"});
    }

    TEST_CASE("slash is always division because regular expressions are not lexed") {
        CHECK(kinds("a / b /= c") ==
              std::vector<std::string>{"identifier", "'/'", "identifier", "'/='", "identifier"});
    }

    TEST_CASE("numeric literals in every radix, with separators and exponents") {
        CHECK(number("0") == 0);
        CHECK(number("42") == 42);
        CHECK(number("1_000_000") == 1000000);
        CHECK(number("0x1F") == 31);
        CHECK(number("0XfF") == 255);
        CHECK(number("0o17") == 15);
        CHECK(number("0b1010") == 10);
        CHECK(number("1.5e3") == 1500);
        CHECK(number("2E-2") == 0.02);
        CHECK(number(".25") == 0.25);
        CHECK(number("5.") == 5);
        CHECK(number("0.1") == 0.1);
        CHECK(number("1e400") == std::numeric_limits<double>::infinity());
        CHECK(number("9007199254740993") == 9007199254740992.0); // rounds to even, as V8 does
        CHECK(number("0x20000000000001") == 9007199254740992.0);
    }

    TEST_CASE("malformed and unsupported numeric literals are lexical errors") {
        CHECK(error_code("10n") == DiagnosticCode::BigInt);
        CHECK(error_code("017") == DiagnosticCode::LegacyOctal);
        CHECK(error_code("08") == DiagnosticCode::LeadingZero);
        CHECK(error_code("1__0") == DiagnosticCode::InvalidNumber);
        CHECK(error_code("1_") == DiagnosticCode::InvalidNumber);
        CHECK(error_code("0x") == DiagnosticCode::InvalidNumber);
        CHECK(error_code("3in x") == DiagnosticCode::IdentifierAfterNumber);
    }

    TEST_CASE("string escapes are cooked") {
        CHECK(string_value(R"('a\nb\tc')") == "a\nb\tc");
        CHECK(string_value(R"("\x41\u0042\u{43}")") == "ABC");
        CHECK(string_value(R"('\u{1F600}')") == "\xF0\x9F\x98\x80");
        CHECK(string_value(R"('\uD83D\uDE00')") == "\xF0\x9F\x98\x80"); // a pair is one code point
        CHECK(string_value(R"('\uD800')") == "\xED\xA0\x80"); // a lone surrogate stays (WTF-8)
        CHECK(string_value("'a\\\nb'") == "ab");              // line continuation
        CHECK(string_value("'a\\\r\nb'") == "ab");
        CHECK(string_value(R"('\0')") == std::string(1, '\0'));
        CHECK(string_value(R"('\'\"\\\q')") == "'\"\\q");
        CHECK(string_value("'é'") == "é");
    }

    TEST_CASE("bad escapes and octal escapes are errors") {
        CHECK(error_code(R"('\x4')") == DiagnosticCode::InvalidEscape);
        CHECK(error_code(R"('\u12')") == DiagnosticCode::InvalidEscape);
        CHECK(error_code(R"('\u{110000}')") == DiagnosticCode::InvalidEscape);
        CHECK(error_code(R"('\17')") == DiagnosticCode::OctalEscape);
        CHECK(error_code(R"('\01')") == DiagnosticCode::OctalEscape);
        CHECK(error_code(R"('\8')") == DiagnosticCode::OctalEscape);
    }

    TEST_CASE("unterminated literals and comments are reported where they start") {
        SourceFile source("t.js", "x = 1;\ny = 'abc\nz");
        Lexer lexer(source);
        while (lexer.next().kind != TokenKind::Error) {
        }
        CHECK(lexer.diagnostic().code == DiagnosticCode::UnterminatedString);
        CHECK(source.position_string(lexer.diagnostic().offset) == "2:5");
        CHECK(kinds("a /* b\n c") == std::vector<std::string>{"identifier", "error@1:3"});
        CHECK(kinds("`abc ${d} e") ==
              std::vector<std::string>{"template literal", "identifier", "error@1:1"});
    }

    TEST_CASE("a template with substitutions is lexed as head, middles and tail, nesting braces") {
        CHECK(kinds("`a${ {b: 1}.b }c${`in${x}`}d`") ==
              std::vector<std::string>{"template literal", "'{'", "identifier", "':'", "number",
                                       "'}'", "'.'", "identifier", "template literal",
                                       "template literal", "identifier", "template literal",
                                       "template literal"});
        std::string value;
        Token token = single("`line1\r\nline2`", &value);
        CHECK(token.kind == TokenKind::Template);
        CHECK(value == "line1\nline2");
    }

    TEST_CASE("newline_before records line terminators, also inside block comments") {
        SourceFile source("t.js", "a /* x */ b /* \n */ c // d\n e\xE2\x80\xA8"
                                  "f");
        Lexer lexer(source);
        std::vector<bool> flags;
        for (Token t = lexer.next(); t.kind != TokenKind::EndOfFile; t = lexer.next())
            flags.push_back(t.newline_before);
        CHECK(flags == std::vector<bool>{true, false, true, true, true});
    }

    TEST_CASE("a hashbang line is skipped only at the very start") {
        SourceFile source("t.js", "#!/usr/bin/env node\nx");
        Lexer lexer(source);
        Token token = lexer.next();
        CHECK(lexer.has_hashbang());
        CHECK(token.kind == TokenKind::Identifier);
        CHECK(source.position_string(token.start) == "2:1");
        CHECK(error_code("x\n#!foo") == DiagnosticCode::InvalidCharacter);
    }

    TEST_CASE("non-ASCII letters are identifier characters and Unicode spaces separate tokens") {
        CHECK(kinds("caf\xC3\xA9\xC2\xA0x") ==
              std::vector<std::string>{"identifier", "identifier"});
        std::string value;
        single("\xCF\x80r2", &value);
        CHECK(value == "\xCF\x80r2");
    }

    TEST_CASE("features outside the dialect are caught by the lexer") {
        CHECK(error_code("a <!-- b") == DiagnosticCode::HtmlComment);
        CHECK(error_code("x\n--> comment") == DiagnosticCode::HtmlComment);
        CHECK(kinds("x --> y") ==
              std::vector<std::string>{"identifier", "'--'", "'>'", "identifier"});
        CHECK(error_code("this.#x") == DiagnosticCode::PrivateName);
        CHECK(error_code("@dec class A {}") == DiagnosticCode::Decorator);
        CHECK(error_code("\\u0061 = 1") == DiagnosticCode::IdentifierEscape);
    }

    TEST_CASE("after an error the lexer keeps returning the same error token") {
        SourceFile source("t.js", "a ` b");
        Lexer lexer(source);
        lexer.next();
        Token first = lexer.next();
        Token second = lexer.next();
        CHECK(first.kind == TokenKind::Error);
        CHECK(second.kind == TokenKind::Error);
        CHECK(second.start == first.start);
    }

} // TEST_SUITE
