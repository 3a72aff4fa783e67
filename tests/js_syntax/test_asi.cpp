// Automatic semicolon insertion, ECMA-262 §12.10: the three rules, the restricted
// productions, and the places where no semicolon is inserted.
#include "syntax_test_support.h"

#include <doctest/doctest.h>

using loopsim::js::syntax::testing::ast;
using loopsim::js::syntax::testing::error;

TEST_SUITE("js_syntax automatic semicolon insertion") {

    TEST_CASE("a line break ends a statement that cannot continue") {
        CHECK(ast("let a = 1\nlet b = 2") ==
              "(Program (VariableDeclaration let (VariableDeclarator (Identifier a) (NumberLiteral "
              "1))) "
              "(VariableDeclaration let (VariableDeclarator (Identifier b) (NumberLiteral 2))))");
        CHECK(
            ast("a\nb") ==
            "(Program (ExpressionStatement (Identifier a)) (ExpressionStatement (Identifier b)))");
    }

    TEST_CASE("a semicolon is inserted before '}' and at the end of input") {
        CHECK(ast("{ a }") == "(Program (BlockStatement (ExpressionStatement (Identifier a))))");
        CHECK(ast("a") == "(Program (ExpressionStatement (Identifier a)))");
        CHECK(ast("function f() { return 1 }") ==
              "(Program (FunctionDeclaration (Function declaration \"f\" (BlockStatement "
              "(ReturnStatement "
              "(NumberLiteral 1))))))");
    }

    TEST_CASE("without a line break there is no insertion") {
        CHECK(error("a b") ==
              "1:3: expected ';' or a line break after the statement but found identifier 'b'");
        CHECK(error("let x = 1 let y = 2") ==
              "1:11: expected ';' or a line break after the statement but found identifier 'let'");
    }

    TEST_CASE("no semicolon is inserted before '(' or '[' on the next line") {
        CHECK(ast("a = b\n(c)") == "(Program (ExpressionStatement (AssignmentExpression = "
                                   "(Identifier a) (CallExpression (Identifier b) "
                                   "(Identifier c)))))");
        CHECK(ast("a = b\n[c]") == "(Program (ExpressionStatement (AssignmentExpression = "
                                   "(Identifier a) (MemberExpression computed "
                                   "(Identifier b) (Identifier c)))))");
        CHECK(error("a = b\n`t`").rfind("2:1: tagged templates are not supported by loopsim", 0) ==
              0);
        CHECK(ast("a\n+b") ==
              "(Program (ExpressionStatement (BinaryExpression + (Identifier a) (Identifier b))))");
    }

    TEST_CASE("return, break and continue end at a line break") {
        CHECK(ast("function f() { return\n1 }") ==
              "(Program (FunctionDeclaration (Function declaration \"f\" (BlockStatement "
              "(ReturnStatement) "
              "(ExpressionStatement (NumberLiteral 1))))))");
        CHECK(ast("l: for (;;) { break\nl }") ==
              "(Program (LabeledStatement l (ForStatement - - - (BlockStatement (BreakStatement) "
              "(ExpressionStatement "
              "(Identifier l))))))");
        CHECK(ast("l: for (;;) { continue\nl }") ==
              "(Program (LabeledStatement l (ForStatement - - - (BlockStatement "
              "(ContinueStatement) (ExpressionStatement "
              "(Identifier l))))))");
    }

    TEST_CASE("a line break after throw is an error, not an insertion") {
        CHECK(error("throw\nnew Error('x')") ==
              "2:1: a line break is not allowed between 'throw' and its expression");
    }

    TEST_CASE("postfix ++ and -- must be on the operand's line, otherwise they start the next "
              "statement") {
        CHECK(ast("a\n++b") == "(Program (ExpressionStatement (Identifier a)) (ExpressionStatement "
                               "(UpdateExpression ++ prefix "
                               "(Identifier b))))");
        CHECK(ast("a++\nb") == "(Program (ExpressionStatement (UpdateExpression ++ postfix "
                               "(Identifier a))) (ExpressionStatement "
                               "(Identifier b)))");
        CHECK(error("a\n++\n") == "2:3: expected an expression but found end of input");
    }

    TEST_CASE("an arrow's '=>' must be on the parameters' line") {
        CHECK(error("(a)\n=> a") == "2:1: a line break is not allowed before '=>'");
        CHECK(error("a\n=> a") == "2:1: a line break is not allowed before '=>'");
    }

    TEST_CASE("async followed by a line break is an identifier") {
        CHECK(ast("async\nx => x") == "(Program (ExpressionStatement (Identifier async)) "
                                      "(ExpressionStatement (Function arrow expression-body "
                                      "(Identifier x) (Identifier x))))");
    }

    TEST_CASE("the semicolon after do-while is optional even on the same line") {
        CHECK(ast("do ; while (a) b") == "(Program (DoWhileStatement (EmptyStatement) (Identifier "
                                         "a)) (ExpressionStatement (Identifier b)))");
    }

    TEST_CASE("no semicolon is inserted inside a for header or to make an empty statement") {
        CHECK(error("for (a\nb;;) ;") == "2:1: expected ';' but found identifier 'b'");
        CHECK(error("if (a)\n") == "1:7: expected an expression but found end of input");
    }

    TEST_CASE("an arrow body ends the expression so the next line starts a statement") {
        CHECK(ast("f = () => {}\n(g)") ==
              "(Program (ExpressionStatement (AssignmentExpression = (Identifier f) (Function "
              "arrow \"f\" "
              "(BlockStatement)))) (ExpressionStatement (Identifier g parenthesized)))");
    }

} // TEST_SUITE
