#pragma once
// parse_program: the scenario language's parser, source text in, AST (ast.h) out.
//
// Contract.
// - The input is one CommonJS script (a scenario file), parsed as node parses a .js file:
//   sloppy mode unless a 'use strict' directive says otherwise, top-level `return` allowed,
//   `await` only inside async functions.
// - Exactly the dialect in docs/dialect.md is accepted. Everything else is rejected with
//   one Diagnostic: invalid JavaScript with a syntax error, valid JavaScript outside the
//   dialect with a message naming the feature and what to use instead (diagnostics.def).
// - The first error ends the parse; no partial Program is returned.
// - Automatic semicolon insertion follows ECMA-262 §12.10 exactly, including the restricted
//   productions (return, throw, break, continue, postfix ++/--, arrows, async).
// - Deterministic and allocation-light: one Arena per Program, no global state; two parses
//   of the same text give identical trees.
#include "model/js/syntax/ast.h"
#include "model/js/syntax/diagnostic.h"
#include "model/js/syntax/source.h"
#include "sim/result.h"

#include <optional>

namespace loopsim::js::syntax {

struct ParseResult {
    Program program;                      // empty (no body, no arena) when parsing failed
    std::optional<Diagnostic> diagnostic; // set when parsing failed

    bool is_ok() const { return !diagnostic.has_value(); }
};

ParseResult parse_program(const SourceFile& source);

// The same for an ES module (a `.mjs` main), parsed with the module goal: strict, `await`
// allowed at the top level (Program::has_top_level_await), no top-level `return`, and
// `import` / `export` declarations at the top level. Imports become hoisted const
// declarations of hidden parameters (Program::imports says which); exports are accepted and
// dropped (nothing imports a main module); `import.meta` reads the hidden parameter "%meta".
ParseResult parse_module(const SourceFile& source);

// The same, with the failure already formatted by format_diagnostic (position, message,
// code frame) as the Error message: for callers that only print it.
sim::Result<Program> parse_program_or_error(const SourceFile& source);

} // namespace loopsim::js::syntax
