// The module goal (parser_module.cpp): import declarations become hoisted const declarations
// of hidden parameters, exports are kept as plain declarations or dropped, top-level await is
// allowed, and everything else a module cannot hold is rejected with a position.
#include "syntax_test_support.h"

#include <doctest/doctest.h>

using namespace loopsim::js::syntax;
using loopsim::js::syntax::testing::one_line;

namespace {

std::string module_ast(const std::string& text) {
    SourceFile source("t.mjs", text);
    ParseResult result = parse_module(source);
    if (!result.is_ok()) return "error: " + format_diagnostic(source, *result.diagnostic);
    return one_line(print_ast(result.program));
}

std::string module_error(const std::string& text) {
    SourceFile source("t.mjs", text);
    ParseResult result = parse_module(source);
    if (result.is_ok()) return "ok";
    return source.position_string(result.diagnostic->offset) + ": " + result.diagnostic->message;
}

// "specifier|imported|parameter" for each import the module records.
std::vector<std::string> imports_of(const std::string& text) {
    SourceFile source("t.mjs", text);
    ParseResult result = parse_module(source);
    REQUIRE(result.is_ok());
    std::vector<std::string> out;
    for (const ModuleImport& i : result.program.imports)
        out.push_back(std::string(i.specifier) + "|" + std::string(i.imported) + "|" +
                      std::string(i.parameter));
    return out;
}

} // namespace

TEST_SUITE("js_syntax parser_module") {

    TEST_CASE("a module is strict, and says so with its top-level await") {
        CHECK(module_ast("f();") ==
              "(Program strict module (ExpressionStatement (CallExpression (Identifier f))))");
        CHECK(module_ast("await p;") == "(Program strict module top-level-await "
                                        "(ExpressionStatement (AwaitExpression (Identifier p))))");
        // await inside an async function is not top-level await
        CHECK(module_ast("async function f() { await p; }").find("top-level-await") ==
              std::string::npos);
    }

    TEST_CASE("an import binds a const to a hidden parameter, hoisted above the body") {
        CHECK(
            module_ast("f(fs);\nimport fs from 'fs';") ==
            "(Program strict module (VariableDeclaration const (VariableDeclarator (Identifier fs) "
            "(Identifier %import0))) (ExpressionStatement (CallExpression (Identifier f) "
            "(Identifier fs))))");
        CHECK(imports_of("import fs from 'fs';") ==
              std::vector<std::string>{"fs|default|%import0"});
    }

    TEST_CASE("default, namespace, named, renamed and string-named imports") {
        CHECK(imports_of("import E, { once, on as listen } from 'events';\nimport * as t from "
                         "'node:timers';\n"
                         "import { 'promisify' as p, default as u } from 'util';") ==
              std::vector<std::string>{"events|default|%import0", "events|once|%import1",
                                       "events|on|%import2", "node:timers|*|%import3",
                                       "util|promisify|%import4", "util|default|%import5"});
        CHECK(
            module_ast("import { a as b } from 'm';") ==
            "(Program strict module (VariableDeclaration const (VariableDeclarator (Identifier b) "
            "(Identifier %import0))))");
        CHECK(module_ast("import {} from 'm';") == "(Program strict module)");
    }

    TEST_CASE(
        "an import for its effect only, and export-from, record the module and bind nothing") {
        CHECK(imports_of("import 'util';\nexport * from 'fs';\nexport * as ev from 'events';\n"
                         "export { readFile, stat as st } from 'fs';") ==
              std::vector<std::string>{"util||", "fs||", "events||", "fs|readFile|", "fs|stat|"});
        CHECK(module_ast("import 'util';") == "(Program strict module)");
    }

    TEST_CASE(
        "exported declarations stay, export lists go, export default evaluates its expression") {
        CHECK(
            module_ast("export const a = 1;") ==
            "(Program strict module (VariableDeclaration const (VariableDeclarator (Identifier a) "
            "(NumberLiteral 1))))");
        CHECK(
            module_ast("const a = 1;\nexport { a as b };") ==
            "(Program strict module (VariableDeclaration const (VariableDeclarator (Identifier a) "
            "(NumberLiteral 1))))");
        CHECK(module_ast("export default f();") ==
              "(Program strict module (ExpressionStatement (CallExpression (Identifier f))))");
        CHECK(module_ast("export default function g() {}").find("(FunctionDeclaration") !=
              std::string::npos);
        CHECK(module_ast("export default class K {}").find("(ClassDeclaration") !=
              std::string::npos);
        CHECK(module_ast("export default function () {}") ==
              "(Program strict module (EmptyStatement))");
        CHECK(module_ast("export async function h() {}").find("(FunctionDeclaration") !=
              std::string::npos);
    }

    TEST_CASE("import.meta reads the hidden parameter %meta") {
        CHECK(module_ast("import.meta.url;") ==
              "(Program strict module (ExpressionStatement (MemberExpression (Identifier %meta) "
              "(StringLiteral \"url\"))))");
    }

    TEST_CASE("what a module cannot hold is rejected where it is written") {
        CHECK(module_error("if (x) { import a from 'a'; }") ==
              "1:10: 'import' declarations may only appear at the top level of a module");
        CHECK(module_error("{ export const a = 1; }") ==
              "1:3: 'export' declarations may only appear at the top level of a module");
        CHECK(module_error("return 1;") == "1:1: 'return' is only valid inside a function");
        CHECK(module_error("function f() { await p; }") ==
              "1:16: 'await' is only valid in async functions and at the top level of a module");
        CHECK(module_error("import('fs');")
                  .starts_with("1:1: dynamic import() is not supported by loopsim; use a "
                               "static import declaration"));
        CHECK(module_error("import a from 'a' with { type: 'json' };")
                  .starts_with("1:19: import attributes"));
        CHECK(module_error("export const a = 1;\nexport { a };") ==
              "2:10: duplicate export of 'a'");
        CHECK(module_error("export default 1;\nexport default 2;") ==
              "2:8: duplicate export of 'default'");
        CHECK(module_error("export { x as default };\nexport default 1;") ==
              "2:8: duplicate export of 'default'");
        CHECK(module_error("import a from b;") ==
              "1:15: expected a module name in quotes but found identifier 'b'");
        CHECK(module_error("import { a } 'm';") == "1:14: expected 'from' but found string 'm'");
        CHECK(module_error("import { if } from 'm';") ==
              "1:13: expected 'as' and a name but found '}'");
        CHECK(
            module_error("export 1;") ==
            "1:8: expected a declaration, 'default', '{' or '*' after 'export' but found number 1");
    }

    TEST_CASE("a CommonJS script still rejects module syntax, and says how to get it") {
        using loopsim::js::syntax::testing::error;
        CHECK(error("import fs from 'fs';").find("name the file .mjs") != std::string::npos);
        CHECK(error("export const a = 1;").find("name the file .mjs") != std::string::npos);
        CHECK(error("await p;").find("name the file .mjs") != std::string::npos);
    }
}
