#pragma once
// AST printer: a Program or a node as an S-expression, one node per line, children indented
// by two spaces, closing parentheses at the end of the last child's line:
//   (Program
//     (ExpressionStatement
//       (BinaryExpression +
//         (Identifier a)
//         (NumberLiteral 1))))
// A node's line shows its kind and its attributes (operator, declaration kind, flags such as
// `computed`, `optional`, `async`, names and literal values; strings in double quotes with
// JSON-style escapes). An absent optional child (for-loop parts, array holes) prints as `-`.
// With a SourceFile, each line also ends in the node's range `@line:col-line:col`.
// For tests and `loopsim --dump-ast`; the format is stable within a version.
#include "model/js/syntax/ast.h"
#include "model/js/syntax/source.h"

#include <string>

namespace loopsim::js::syntax {

std::string print_ast(const Program& program, const SourceFile* positions = nullptr);
std::string print_ast(const Node* node, const SourceFile* positions = nullptr);

} // namespace loopsim::js::syntax
