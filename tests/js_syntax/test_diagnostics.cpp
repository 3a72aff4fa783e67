// Diagnostics: the corpus of programs outside the dialect (unsupported/*.js, each with its
// expected first line in a sibling .expected file), the shape of the formatted message, and
// positions of plain syntax errors (checked against what `node --check` reports).
#include "syntax_test_support.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace loopsim::js::syntax;
using loopsim::js::syntax::testing::error;

namespace {

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

std::string first_line(const std::string& text) {
    return text.substr(0, text.find('\n'));
}

} // namespace

TEST_SUITE("js_syntax diagnostics") {

    TEST_CASE("every program in the unsupported corpus is rejected with its expected diagnostic") {
        std::filesystem::path folder =
            std::filesystem::path(LOOPSIM_SOURCE_DIR) / "tests/js_syntax/unsupported";
        std::vector<std::filesystem::path> files;
        for (const auto& entry : std::filesystem::directory_iterator(folder))
            if (entry.path().extension() == ".js") files.push_back(entry.path());
        std::sort(files.begin(), files.end()); // directory order is not deterministic
        CHECK(files.size() >= 30);
        size_t unsupported_features = 0;
        for (const auto& file : files) {
            CAPTURE(file.filename().string());
            SourceFile source(file.filename().string(), read_file(file));
            ParseResult result = parse_program(source);
            REQUIRE_FALSE(result.is_ok());
            std::string formatted = format_diagnostic(source, *result.diagnostic);
            std::filesystem::path expected_path = file;
            expected_path.replace_extension(".expected");
            REQUIRE(std::filesystem::exists(expected_path));
            CHECK(first_line(formatted) == first_line(read_file(expected_path)));
            // The code frame is the offending line and a caret.
            std::string frame = formatted.substr(formatted.find('\n') + 1);
            CHECK(frame.find('^') != std::string::npos);
            if (is_unsupported_feature(result.diagnostic->code)) ++unsupported_features;
        }
        CHECK(unsupported_features >= 30);
    }

    TEST_CASE("the message for an unsupported feature names it and says what to use instead") {
        for (int code = 0; code <= static_cast<int>(DiagnosticCode::IdentifierEscape); ++code) {
            auto c = static_cast<DiagnosticCode>(code);
            if (!is_unsupported_feature(c)) continue;
            CAPTURE(diagnostic_code_name(c));
            std::string message = render_diagnostic(c, {"x", "y"});
            // "not supported by loopsim", or for module syntax "not supported in a CommonJS
            // scenario (.js)": either way it says the feature is out, not that the code is wrong.
            CHECK((message.find("not supported by loopsim") != std::string::npos ||
                   message.find("not supported in a CommonJS scenario") != std::string::npos));
            bool suggests = message.find("instead") != std::string::npos ||
                            message.find("write") != std::string::npos ||
                            message.find("declare") != std::string::npos ||
                            message.find("remove") != std::string::npos;
            CHECK(suggests);
        }
    }

    TEST_CASE("the formatted diagnostic has the position, the line and a caret under the column") {
        SourceFile source("scenarios/timers/order.js",
                          "const log = console.log;\n  setTimeout(() => log('a'), 0;\n");
        ParseResult result = parse_program(source);
        REQUIRE_FALSE(result.is_ok());
        CHECK(format_diagnostic(source, *result.diagnostic) ==
              "scenarios/timers/order.js:2:31: error: expected ')' to close '(' opened at 2:13\n"
              "    setTimeout(() => log('a'), 0;\n"
              "                                ^\n");
        auto formatted = parse_program_or_error(source);
        REQUIRE_FALSE(formatted.is_ok());
        CHECK(formatted.error().message.rfind("scenarios/timers/order.js:2:31: error: expected ')'",
                                              0) == 0);
    }

    TEST_CASE("the unsupported-feature example from the dialect documentation") {
        SourceFile source("x.js", "const a = 1;\n\nfunction* gen() {}\n");
        ParseResult result = parse_program(source);
        REQUIRE_FALSE(result.is_ok());
        CHECK(format_diagnostic(source, *result.diagnostic) ==
              "x.js:3:1: error: generator functions are not supported by loopsim; use an async "
              "function or a callback "
              "instead\n"
              "  function* gen() {}\n"
              "  ^\n");
    }

    TEST_CASE("only the first error is reported") {
        SourceFile source("t.js", "let a = ;\nlet b = ;\n");
        ParseResult result = parse_program(source);
        REQUIRE_FALSE(result.is_ok());
        CHECK(source.position_string(result.diagnostic->offset) == "1:9");
        CHECK(result.program.body.empty());
        CHECK(result.program.arena == nullptr);
    }

    TEST_CASE("an unclosed bracket names where it was opened") {
        CHECK(error("f(a, b") == "1:7: expected ')' to close '(' opened at 1:2");
        CHECK(error("x = [1, 2") == "1:10: expected ']' to close '[' opened at 1:5");
        CHECK(error("x = {a: 1") == "1:10: expected '}' to close '{' opened at 1:5");
        CHECK(error("if (a) {\n  b();\n") == "2:7: expected '}' to close '{' opened at 1:8");
        CHECK(error("x = a[1;") == "1:8: expected ']' to close '[' opened at 1:6");
    }

    TEST_CASE("syntax error positions agree with node --check") {
        // Each position below is where `node --check` (Node 20) puts its caret.
        CHECK(error("let a = 1 2") ==
              "1:11: expected ';' or a line break after the statement but found number 2");
        CHECK(error("a ?? b || c").rfind("1:8: ", 0) == 0);
        CHECK(error("1 = 2").rfind("1:1: invalid left-hand side in assignment", 0) == 0);
        CHECK(error("if (a { }") == "1:7: expected ')' to close '(' opened at 1:4");
        CHECK(error("const x;") == "1:7: missing initializer in const declaration");
        CHECK(error("let [a];") == "1:5: missing initializer in destructuring declaration");
        CHECK(error("break;").rfind("1:1: 'break' is only valid", 0) == 0);
        CHECK(error("(a, b)\n=> 1") == "2:1: a line break is not allowed before '=>'");
        CHECK(error("x = 1__0") == "1:7: invalid number literal: '_' must sit between two digits");
        CHECK(error("class A { constructor() {} constructor() {} }") ==
              "1:28: a class can have only one constructor");
        CHECK(error("function f() { super.x }") ==
              "1:16: 'super' property access is only valid inside methods");
        CHECK(error("-2 ** 2").rfind("1:1: a unary operator", 0) == 0);
        CHECK(error("x = {a = 1}").rfind("1:6: invalid shorthand property initializer", 0) == 0);
        CHECK(error("let x = 'abc").rfind("1:9: unterminated string literal", 0) == 0);
        CHECK(error("/* abc").rfind("1:1: unterminated comment", 0) == 0);
    }

    TEST_CASE("unexpected tokens say what was expected and what was found") {
        CHECK(error("var 1 = 2") ==
              "1:5: expected a variable name or a destructuring pattern but found number 1");
        CHECK(error("var class = 2") ==
              "1:5: 'class' is a reserved word and cannot be used as a name");
        CHECK(error("x = ;") == "1:5: expected an expression but found ';'");
        CHECK(error("a.1") ==
              "1:2: expected ';' or a line break after the statement but found number .1");
        CHECK(error("a.;") == "1:3: expected a property name but found ';'");
        CHECK(error("x = )") == "1:5: expected an expression but found ')'");
        CHECK(error("function () {}") == "1:10: expected a function name but found '('");
        CHECK(error("enum E {}") == "1:1: 'enum' is a reserved word and cannot be used as a name");
        CHECK(error("x = 'a' 'b'") ==
              "1:9: expected ';' or a line break after the statement but found string 'b'");
        // A long literal is cut at 40 bytes, never inside a UTF-8 sequence.
        std::string found = error("x = 1 '" + std::string(38, 'a') + "\xC3\xA9\xC3\xA9'");
        CHECK(found == "1:7: expected ';' or a line break after the statement but found string '" +
                           std::string(38, 'a') + "...");
    }

    TEST_CASE("features outside the dialect are named even in the middle of valid code") {
        CHECK(error("const f = () => {\n  for await (const x of y) {}\n};")
                  .rfind("2:7: 'for await' is only valid in async functions", 0) == 0);
        CHECK(error("const f = async () => {\n  for await (const x in y) {}\n};")
                  .rfind("2:22: 'for await' needs 'of'", 0) == 0);
        CHECK(error("x = class { static #n = 1 }").rfind("1:20: private class members ('#n')", 0) ==
              0);
        CHECK(error("x = a.b`t`").rfind("1:8: tagged templates", 0) == 0);
        CHECK(error("x = import.meta").rfind("1:5: 'import.meta'", 0) == 0);
        CHECK(error("if (a) import('x')").rfind("1:8: dynamic import()", 0) == 0);
        CHECK(error("({ *g() {} })").rfind("1:4: generator methods", 0) == 0);
        CHECK(error("x = 0.5n").rfind("1:8: a number literal must not be followed directly", 0) ==
              0);
    }

    TEST_CASE("every prefix and every one-byte corruption of a program parses or yields an "
              "in-range diagnostic") {
        const std::string program = R"JS(#!/usr/bin/env node
'use strict';
const { a, b: [c = 1, , ...d], ...e } = require('x');
async function main(x = 1, ...ys) {
  const v = await fetch(`a${x}b${`n${1}`}`);
  for (const [k, w] of Object.entries(o)) { if (k in o) continue; }
  outer: for (let i = 0; i < 10; i++) { do i++; while (i < 5) break outer; }
  try { throw new Error('x\n\u{41}'); } catch { } finally { }
  switch (x) { case 1: y(); break; default: z?.(); }
  return a?.b?.[c] ?? (e || 0x1F) ** 2;
}
class A extends EventEmitter { x = 1; static y = 2; constructor() { super(); this.q = super.f; }
  get z() { return 1; } set z(v) {} static m() {} async n() {} }
const f = (p, q) => p + q, g = async r => r * 2, h = async (s) => { await s; };
[m, n] = [n, m]; ({ m, n = 3 } = o); x ||= 1; y &&= 2; z ??= 3;
o = { m, [k]: 1, t() {}, get g() { return 1 }, ...s, 'str': 2, 3: 4.5e-3 };
)JS";
        // Deterministic corruptions: replace one byte with characters that matter to the grammar.
        const std::string replacements = "({[)}]`'\"/;,=>\n\\*#@0";
        size_t checked = 0;
        auto check = [&](const std::string& text) {
            SourceFile source("fuzz.js", text);
            ParseResult result = parse_program(source);
            if (!result.is_ok()) {
                CHECK(result.diagnostic->offset <= text.size());
                CHECK_FALSE(result.diagnostic->message.empty());
            }
            ++checked;
        };
        for (size_t n = 0; n <= program.size(); ++n) check(program.substr(0, n));
        for (size_t i = 0; i < program.size(); i += 3) {
            std::string corrupted = program;
            corrupted[i] = replacements[i % replacements.size()];
            check(corrupted);
        }
        CHECK(checked > program.size());
        SourceFile whole("whole.js", program);
        CHECK(parse_program(whole).is_ok());
    }

} // TEST_SUITE
