#pragma once
// The text V8 shows for an expression inside an error message: the callee of "x is not a
// function" / "x is not a constructor", the value of "Cannot destructure property 'p' of
// 'x'". V8 renders it from the AST (its CallPrinter), not from the source characters, so
// `'text'.toUpper` reads `"text".toUpper`, `(a || b)` keeps its parentheses, `new X().y`
// reads `(intermediate value).y` and numeric literals are folded first (`(1 + 2).f` reads
// `3.f`). The rules, each checked against node 20:
//   identifiers, `this`          as written
//   literals                     strings in double quotes, unescaped; numbers as JS prints them
//   a.b, a["b"], a?.b            `a.b` (a string key is never quoted), `a?.b`
//   a[expr]                      `a[` expr `]`
//   f(args)                      `f(...)`
//   new F(args), functions,      `(intermediate value)`
//     classes, await, super.x      (super.x reads `(intermediate value).x`)
//   c ? a : b                    `(intermediate value)` three times
//   unary, update                `(-a)`, `(typeof a)`, `(i++)`, `(--i)`
//   binary, logical, comma       `(a + b)`; a left-leaning chain of one operator (comparisons
//                                apart) is one list: `(a + b + c)`, `(a , b)`
//   a = b, a += b                the target alone
//   [a, , ...b]                  `[a,(intermediate value),(...b)]`
//   {a: 1, b}                    `{` one `(intermediate value)` per property `}`
//   `x${a}y${b}`                 the substitutions only: `ab`
// Folding, as V8's parser does it: -n, +n, ~n of a number literal; !literal; the arithmetic,
// bitwise and shift operators on two number literals.
#include "model/js/syntax/ast.h"

#include <string>

namespace loopsim::js {

std::string call_site_text(const syntax::Node* node);

} // namespace loopsim::js
