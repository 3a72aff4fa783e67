#pragma once
// Helpers shared by the js_syntax tests: parse a snippet and print its AST on one line, or
// parse it and return the formatted diagnostic.
#include "model/js/syntax/ast_printer.h"
#include "model/js/syntax/parser.h"

#include <string>

namespace loopsim::js::syntax::testing {

// The printer's output with each line break and its indentation collapsed to one space:
// "(Program (ExpressionStatement (Identifier a)))".
inline std::string one_line(const std::string& printed) {
    std::string out;
    bool in_break = false;
    for (char c : printed) {
        if (c == '\n') {
            in_break = true;
            continue;
        }
        if (in_break && c == ' ') continue;
        if (in_break) out += ' ';
        in_break = false;
        out += c;
    }
    return out;
}

// The one-line AST of `text`, or "error: <formatted diagnostic>".
inline std::string ast(const std::string& text) {
    SourceFile source("t.js", text);
    ParseResult result = parse_program(source);
    if (!result.is_ok()) return "error: " + format_diagnostic(source, *result.diagnostic);
    return one_line(print_ast(result.program));
}

// The one-line AST of the expression in the single statement `text`.
inline std::string expr(const std::string& text) {
    std::string program = ast(text);
    const std::string prefix = "(Program (ExpressionStatement ";
    if (program.rfind(prefix, 0) != 0) return program;
    return program.substr(prefix.size(), program.size() - prefix.size() - 2);
}

// "line:col: message" of the diagnostic for `text`, or "ok" when it parses.
inline std::string error(const std::string& text) {
    SourceFile source("t.js", text);
    ParseResult result = parse_program(source);
    if (result.is_ok()) return "ok";
    return source.position_string(result.diagnostic->offset) + ": " + result.diagnostic->message;
}

} // namespace loopsim::js::syntax::testing
