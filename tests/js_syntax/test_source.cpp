#include "model/js/syntax/diagnostic.h"
#include "model/js/syntax/source.h"

#include <doctest/doctest.h>

using namespace loopsim::js::syntax;

TEST_SUITE("js_syntax source") {

    TEST_CASE("line and column are 1-based and the column counts code points") {
        SourceFile source("a.js", "ab\ncé d\n");
        CHECK(source.line_column(0).line == 1);
        CHECK(source.line_column(0).column == 1);
        CHECK(source.line_column(1).column == 2);
        // "cé d": 'c' at byte 3, 'é' bytes 4-5, ' ' byte 6, 'd' byte 7.
        CHECK(source.position_string(3) == "2:1");
        CHECK(source.position_string(6) == "2:3");
        CHECK(source.position_string(7) == "2:4");
    }

    TEST_CASE("CR LF, lone CR, U+2028 and U+2029 each end a line") {
        SourceFile source("a.js", "a\r\nb\rc\xE2\x80\xA8"
                                  "d\xE2\x80\xA9"
                                  "e");
        CHECK(source.line_count() == 5);
        CHECK(source.line_text(1) == "a");
        CHECK(source.line_text(2) == "b");
        CHECK(source.line_text(3) == "c");
        CHECK(source.line_text(4) == "d");
        CHECK(source.line_text(5) == "e");
        CHECK(source.position_string(static_cast<uint32_t>(source.text().find('e'))) == "5:1");
    }

    TEST_CASE("an offset at or past the end maps to just after the last character") {
        SourceFile source("a.js", "ab");
        CHECK(source.position_string(2) == "1:3");
        CHECK(source.position_string(99) == "1:3");
        SourceFile empty("e.js", "");
        CHECK(empty.position_string(0) == "1:1");
        CHECK(empty.code_frame(0) == "  \n  ^\n");
    }

    TEST_CASE("the code frame keeps the caret under the column when the line has tabs") {
        SourceFile source("a.js", "x\n\t\tfoo(1;\n");
        uint32_t semicolon = static_cast<uint32_t>(source.text().find(';'));
        CHECK(source.code_frame(semicolon) == "  \t\tfoo(1;\n  \t\t     ^\n");
    }

    TEST_CASE("the code frame counts a multi-byte character as one caret column") {
        SourceFile source("a.js", "s = 'é'; x(");
        uint32_t paren = static_cast<uint32_t>(source.text().find('('));
        CHECK(source.code_frame(paren) == "  s = 'é'; x(\n            ^\n");
    }

    TEST_CASE("a diagnostic is formatted GCC-style with the code frame") {
        SourceFile source("scenarios/timers/order.js", "\n\n  setTimeout(() => log('a'), 0;\n");
        uint32_t offset = static_cast<uint32_t>(source.text().find(';'));
        Diagnostic diagnostic =
            make_diagnostic(offset, DiagnosticCode::ExpectedClosing, {")", "(", "3:13"});
        CHECK(format_diagnostic(source, diagnostic) ==
              "scenarios/timers/order.js:3:31: error: expected ')' to close '(' opened at 3:13\n"
              "    setTimeout(() => log('a'), 0;\n"
              "                                ^\n");
    }

    TEST_CASE("catalogue templates substitute numbered arguments and leave other braces alone") {
        CHECK(render_diagnostic(DiagnosticCode::Expected, {"')'", "';'"}) ==
              "expected ')' but found ';'");
        CHECK(render_diagnostic(DiagnosticCode::PrivateName, {"x"}).find("'#x'") !=
              std::string::npos);
        CHECK(render_diagnostic(DiagnosticCode::InvalidShorthandInitializer).find("'{a = 1}'") !=
              std::string::npos);
        CHECK(is_unsupported_feature(DiagnosticCode::Generator));
        CHECK_FALSE(is_unsupported_feature(DiagnosticCode::Expected));
        CHECK(diagnostic_code_name(DiagnosticCode::RegularExpression) == "RegularExpression");
    }

} // TEST_SUITE
