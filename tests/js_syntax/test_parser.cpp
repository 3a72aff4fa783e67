#include "syntax_test_support.h"

#include <doctest/doctest.h>

using namespace loopsim::js::syntax;
using loopsim::js::syntax::testing::ast;
using loopsim::js::syntax::testing::error;
using loopsim::js::syntax::testing::expr;

TEST_SUITE("js_syntax parser") {

    TEST_CASE("the printer shows one node per line with positions when asked") {
        SourceFile source("t.js", "let x = a + 1;\nf(x)");
        ParseResult result = parse_program(source);
        REQUIRE(result.is_ok());
        CHECK(print_ast(result.program, &source) == R"((Program @1:1-2:5
  (VariableDeclaration let @1:1-1:15
    (VariableDeclarator @1:5-1:14
      (Identifier x @1:5-1:6)
      (BinaryExpression + @1:9-1:14
        (Identifier a @1:9-1:10)
        (NumberLiteral 1 @1:13-1:14))))
  (ExpressionStatement @2:1-2:5
    (CallExpression @2:1-2:5
      (Identifier f @2:1-2:2)
      (Identifier x @2:3-2:4)))))");
    }

    TEST_CASE("declarations record their kind and destructuring targets") {
        CHECK(ast("var a = 1, b; let c; const d = 2;") ==
              "(Program (VariableDeclaration var (VariableDeclarator (Identifier a) (NumberLiteral "
              "1)) "
              "(VariableDeclarator (Identifier b))) (VariableDeclaration let (VariableDeclarator "
              "(Identifier c))) "
              "(VariableDeclaration const (VariableDeclarator (Identifier d) (NumberLiteral 2))))");
        CHECK(ast("const {a, b: [c = 1, , ...d], ...e} = o;") ==
              "(Program (VariableDeclaration const (VariableDeclarator (ObjectPattern "
              "(Property init shorthand (StringLiteral \"a\") (Identifier a)) "
              "(Property init (StringLiteral \"b\") (ArrayPattern (AssignmentPattern (Identifier "
              "c) (NumberLiteral 1)) - "
              "(RestElement (Identifier d)))) (RestElement (Identifier e))) (Identifier o))))");
    }

    TEST_CASE("functions: declarations, expressions, defaults, rest and async") {
        CHECK(ast("function f(a, b = 2, ...c) { return a; }") ==
              "(Program (FunctionDeclaration (Function declaration \"f\" (Identifier a) "
              "(AssignmentPattern "
              "(Identifier b) (NumberLiteral 2)) (RestElement (Identifier c)) (BlockStatement "
              "(ReturnStatement "
              "(Identifier a))))))");
        CHECK(expr("x = async function named() { await y; }") ==
              "(AssignmentExpression = (Identifier x) (Function expression \"named\" async "
              "(BlockStatement "
              "(ExpressionStatement (AwaitExpression (Identifier y))))))");
        CHECK(expr("f(function () {})") ==
              "(CallExpression (Identifier f) (Function expression (BlockStatement)))");
    }

    TEST_CASE("arrow functions with expression and block bodies, and their static names") {
        CHECK(ast("const f = x => x * 2;") ==
              "(Program (VariableDeclaration const (VariableDeclarator (Identifier f) (Function "
              "arrow \"f\" "
              "expression-body (Identifier x) (BinaryExpression * (Identifier x) (NumberLiteral "
              "2))))))");
        CHECK(expr("g = (a, {b}, [c], d = 1, ...e) => {}") ==
              "(AssignmentExpression = (Identifier g) (Function arrow \"g\" (Identifier a) "
              "(ObjectPattern (Property "
              "init shorthand (StringLiteral \"b\") (Identifier b))) (ArrayPattern (Identifier c)) "
              "(AssignmentPattern "
              "(Identifier d) (NumberLiteral 1)) (RestElement (Identifier e)) (BlockStatement)))");
        CHECK(expr("() => ({})") ==
              "(Function arrow expression-body (ObjectExpression parenthesized))");
        CHECK(expr("async () => {}") == "(Function arrow async (BlockStatement))");
        CHECK(expr("async x => await x") == "(Function arrow async expression-body (Identifier x) "
                                            "(AwaitExpression (Identifier x)))");
        CHECK(expr("async (a, ...b) => a") == "(Function arrow async expression-body (Identifier "
                                              "a) (RestElement (Identifier b)) (Identifier a))");
    }

    TEST_CASE("an arrow and a parenthesised expression are told apart by what follows the ')'") {
        CHECK(expr("(a, b)") == "(SequenceExpression parenthesized (Identifier a) (Identifier b))");
        CHECK(expr("(a, b) => a") ==
              "(Function arrow expression-body (Identifier a) (Identifier b) (Identifier a))");
        CHECK(expr("(a)") == "(Identifier a parenthesized)");
        CHECK(expr("(a) => a") == "(Function arrow expression-body (Identifier a) (Identifier a))");
        CHECK(expr("([a, b] = c)") == "(AssignmentExpression = parenthesized (ArrayPattern "
                                      "(Identifier a) (Identifier b)) (Identifier c))");
        CHECK(expr("([a, b] = c) => a") == "(Function arrow expression-body (AssignmentPattern "
                                           "(ArrayPattern (Identifier a) (Identifier b)) "
                                           "(Identifier c)) (Identifier a))");
        CHECK(error("(a, b,)") == "1:8: expected '=>' but found end of input");
        CHECK(error("(...a)") == "1:7: expected '=>' but found end of input");
        CHECK(error("((a)) => 1") ==
              "1:3: invalid destructuring target: expected a name or a nested pattern");
        CHECK(error("(a.b) => 1") ==
              "1:2: invalid destructuring target: expected a name or a nested pattern");
        CHECK(error("(a + 1) => 1") ==
              "1:2: invalid destructuring target: expected a name or a nested pattern");
    }

    TEST_CASE("async is a keyword only where a function follows on the same line") {
        CHECK(expr("async(1, 2)") ==
              "(CallExpression (Identifier async) (NumberLiteral 1) (NumberLiteral 2))");
        CHECK(expr("async") == "(Identifier async)");
        CHECK(ast("var async = 1;") == "(Program (VariableDeclaration var (VariableDeclarator "
                                       "(Identifier async) (NumberLiteral 1))))");
        CHECK(ast("async\nfunction f() {}") == "(Program (ExpressionStatement (Identifier async)) "
                                               "(FunctionDeclaration (Function declaration \"f\" "
                                               "(BlockStatement))))");
        CHECK(expr("async.x") == "(MemberExpression (Identifier async) (StringLiteral \"x\"))");
        CHECK(error("({async: 1, async() {}, async *g() {}})")
                  .rfind("1:31: async generator functions are not", 0) == 0);
    }

    TEST_CASE("control flow statements") {
        CHECK(ast("if (a) b(); else if (c) d(); else {}") ==
              "(Program (IfStatement (Identifier a) (ExpressionStatement (CallExpression "
              "(Identifier b))) (IfStatement "
              "(Identifier c) (ExpressionStatement (CallExpression (Identifier d))) "
              "(BlockStatement))))");
        CHECK(ast("for (let i = 0; i < n; i++) {}") ==
              "(Program (ForStatement (VariableDeclaration let (VariableDeclarator (Identifier i) "
              "(NumberLiteral 0))) "
              "(BinaryExpression < (Identifier i) (Identifier n)) (UpdateExpression ++ postfix "
              "(Identifier i)) "
              "(BlockStatement)))");
        CHECK(ast("for (;;) break;") == "(Program (ForStatement - - - (BreakStatement)))");
        CHECK(ast("for (i = 0, j = 1; ; ) ;") ==
              "(Program (ForStatement (SequenceExpression (AssignmentExpression = (Identifier i) "
              "(NumberLiteral 0)) "
              "(AssignmentExpression = (Identifier j) (NumberLiteral 1))) - - (EmptyStatement)))");
        CHECK(ast("for (const [k, v] of m) continue;") ==
              "(Program (ForOfStatement (VariableDeclaration const (VariableDeclarator "
              "(ArrayPattern (Identifier k) "
              "(Identifier v)))) (Identifier m) (ContinueStatement)))");
        CHECK(ast("for (var k in o) ;") == "(Program (ForInStatement (VariableDeclaration var "
                                           "(VariableDeclarator (Identifier k))) (Identifier o) "
                                           "(EmptyStatement)))");
        CHECK(ast("for (x.y of z) ;") == "(Program (ForOfStatement (MemberExpression (Identifier "
                                         "x) (StringLiteral \"y\")) (Identifier z) "
                                         "(EmptyStatement)))");
        CHECK(ast("async function f() { for await (const x of z) ; }")
                  .find("(ForOfStatement await (VariableDeclaration const") != std::string::npos);
        CHECK(ast("for ({a} of z) ;") == "(Program (ForOfStatement (ObjectPattern (Property init "
                                         "shorthand (StringLiteral \"a\") (Identifier a))) "
                                         "(Identifier z) (EmptyStatement)))");
        CHECK(error("for (let i = 0 in o) ;") ==
              "1:14: the variable of a for-in loop cannot have an initializer");
        CHECK(ast("while (a) a--;") == "(Program (WhileStatement (Identifier a) "
                                       "(ExpressionStatement (UpdateExpression -- postfix "
                                       "(Identifier a)))))");
        CHECK(ast("do x(); while (y) z()") ==
              "(Program (DoWhileStatement (ExpressionStatement (CallExpression (Identifier x))) "
              "(Identifier y)) "
              "(ExpressionStatement (CallExpression (Identifier z))))");
    }

    TEST_CASE("the in operator is allowed inside parentheses of a for-loop initializer") {
        CHECK(ast("for (var x = ('a' in o); ;) ;") ==
              "(Program (ForStatement (VariableDeclaration var (VariableDeclarator (Identifier x) "
              "(BinaryExpression in "
              "parenthesized (StringLiteral \"a\") (Identifier o)))) - - (EmptyStatement)))");
    }

    TEST_CASE("labels, labelled break and continue, and their checks") {
        CHECK(ast("outer: for (;;) { inner: for (;;) { continue outer; } break outer; }") ==
              "(Program (LabeledStatement outer (ForStatement - - - (BlockStatement "
              "(LabeledStatement inner "
              "(ForStatement - - - (BlockStatement (ContinueStatement outer)))) (BreakStatement "
              "outer)))))");
        CHECK(ast("b: { break b; }") ==
              "(Program (LabeledStatement b (BlockStatement (BreakStatement b))))");
        CHECK(error("for (;;) { break nowhere; }") == "1:18: undefined label 'nowhere'");
        CHECK(error("b: { for (;;) continue b; }") == "1:24: 'continue b' must name a loop label");
        CHECK(error("continue;") == "1:1: 'continue' is only valid inside a loop");
        CHECK(error("for (;;) { function f() { break; } }") ==
              "1:27: 'break' is only valid inside a loop, a switch or a labelled statement");
        CHECK(error("a: a: ;") == "1:4: label 'a' has already been declared");
    }

    TEST_CASE("try, catch with and without a binding, finally, throw and switch") {
        CHECK(ast("try { a(); } catch (e) { } finally { b(); }") ==
              "(Program (TryStatement (BlockStatement (ExpressionStatement (CallExpression "
              "(Identifier a)))) "
              "(CatchClause (Identifier e) (BlockStatement)) (BlockStatement (ExpressionStatement "
              "(CallExpression "
              "(Identifier b))))))");
        CHECK(ast("try {} catch {}") ==
              "(Program (TryStatement (BlockStatement) (CatchClause (BlockStatement))))");
        CHECK(ast("try {} catch ({message}) {}") ==
              "(Program (TryStatement (BlockStatement) (CatchClause (ObjectPattern (Property init "
              "shorthand "
              "(StringLiteral \"message\") (Identifier message))) (BlockStatement))))");
        CHECK(error("try {}") == "1:7: expected 'catch' or 'finally' but found end of input");
        CHECK(
            ast("throw new Error('x');") ==
            "(Program (ThrowStatement (NewExpression (Identifier Error) (StringLiteral \"x\"))))");
        CHECK(ast("switch (x) { case 1: case 2: a(); break; default: b(); }") ==
              "(Program (SwitchStatement (Identifier x) (SwitchCase (NumberLiteral 1)) (SwitchCase "
              "(NumberLiteral 2) "
              "(ExpressionStatement (CallExpression (Identifier a))) (BreakStatement)) (SwitchCase "
              "default "
              "(ExpressionStatement (CallExpression (Identifier b))))))");
        CHECK(error("switch (x) { default: default: }") ==
              "1:23: a switch statement can have only one 'default' clause");
    }

    TEST_CASE("classes: constructor, methods, accessors, static members, fields and extends") {
        CHECK(ast("class A extends B { x = 1; static y; constructor(a) { super(a); } m() { return "
                  "super.m(); } "
                  "static s() {} get g() { return 1; } set g(v) {} async am() {} }") ==
              "(Program (ClassDeclaration (Class \"A\" (extends (Identifier B)) (ClassMember field "
              "(StringLiteral \"x\") "
              "(NumberLiteral 1)) (ClassMember field static (StringLiteral \"y\")) (ClassMember "
              "constructor "
              "(StringLiteral \"constructor\") (Function derived-constructor \"A\" (Identifier a) "
              "(BlockStatement "
              "(ExpressionStatement (CallExpression (Super) (Identifier a)))))) (ClassMember "
              "method (StringLiteral "
              "\"m\") (Function method \"m\" (BlockStatement (ReturnStatement (CallExpression "
              "(MemberExpression (Super) "
              "(StringLiteral \"m\"))))))) (ClassMember method static (StringLiteral \"s\") "
              "(Function method \"s\" "
              "(BlockStatement))) (ClassMember getter (StringLiteral \"g\") (Function getter \"g\" "
              "(BlockStatement "
              "(ReturnStatement (NumberLiteral 1))))) (ClassMember setter (StringLiteral \"g\") "
              "(Function setter \"g\" "
              "(Identifier v) (BlockStatement))) (ClassMember method (StringLiteral \"am\") "
              "(Function method \"am\" async "
              "(BlockStatement))))))");
        CHECK(expr("C = class extends Error {}") ==
              "(AssignmentExpression = (Identifier C) (Class \"C\" (extends (Identifier Error))))");
        CHECK(error("class E { static async *g() {} }")
                  .rfind("1:24: async generator functions are not", 0) == 0);
        CHECK(
            error("class A { constructor() { super(); } }") ==
            "1:27: 'super()' is only valid inside the constructor of a class that extends another");
        CHECK(error("class A { get constructor() {} }") ==
              "1:11: a class constructor cannot be a getter, a setter or async");
        CHECK(error("({ get x(a) {} })") == "1:9: a getter must not have parameters");
        CHECK(error("({ set x() {} })") == "1:9: a setter must have exactly one parameter");
    }

    TEST_CASE("super is allowed in arrows inside methods and constructors") {
        CHECK(error("class A extends B { constructor() { const f = () => super(); f(); } }") ==
              "ok");
        CHECK(error("({ m() { return () => super.x; } })") == "ok");
        CHECK(error("function f() { return () => super.x; }") ==
              "1:29: 'super' property access is only valid inside methods");
    }

    TEST_CASE("a class body is strict and so are the functions in it") {
        SourceFile source("t.js", "function a() {} class C { m() {} }");
        ParseResult result = parse_program(source);
        REQUIRE(result.is_ok());
        auto* loose = as<FunctionDeclaration>(result.program.body[0])->function;
        auto* cls = as<ClassDeclaration>(result.program.body[1])->definition;
        CHECK_FALSE(loose->is_strict);
        CHECK(as<Function>(cls->members[0]->value)->is_strict);
        CHECK_FALSE(result.program.is_strict);
    }

    TEST_CASE("a 'use strict' directive makes the program and later functions strict") {
        SourceFile source("t.js", "'use strict';\nfunction f() {}");
        ParseResult result = parse_program(source);
        REQUIRE(result.is_ok());
        CHECK(result.program.is_strict);
        CHECK(as<FunctionDeclaration>(result.program.body[1])->function->is_strict);
        SourceFile escaped("t.js", "'use\\x20strict'; 'use strict' + 1;");
        CHECK_FALSE(parse_program(escaped).program.is_strict);
        SourceFile inner("t.js", "function g() { \"use strict\"; }");
        ParseResult inner_result = parse_program(inner);
        CHECK(as<FunctionDeclaration>(inner_result.program.body[0])->function->is_strict);
        CHECK_FALSE(inner_result.program.is_strict);
    }

    TEST_CASE("object literals: shorthand, computed keys, methods, accessors, spread") {
        CHECK(expr("({a, [k]: 1, 'q': 2, 3: 4, m() {}, get g() { return 1; }, set g(v) {}, ...s, "
                   "async am() {}})") == "(ObjectExpression parenthesized (Property init shorthand "
                                         "(StringLiteral \"a\") (Identifier a)) "
                                         "(Property init computed (Identifier k) (NumberLiteral "
                                         "1)) (Property init (StringLiteral \"q\") "
                                         "(NumberLiteral 2)) (Property init (NumberLiteral 3) "
                                         "(NumberLiteral 4)) (Property method "
                                         "(StringLiteral \"m\") (Function method \"m\" "
                                         "(BlockStatement))) (Property get (StringLiteral \"g\") "
                                         "(Function getter \"g\" (BlockStatement (ReturnStatement "
                                         "(NumberLiteral 1))))) (Property set "
                                         "(StringLiteral \"g\") (Function setter \"g\" (Identifier "
                                         "v) (BlockStatement))) (SpreadElement "
                                         "(Identifier s)) (Property method (StringLiteral \"am\") "
                                         "(Function method \"am\" async (BlockStatement))))");
        CHECK(expr("({get: 1, set: 2, static: 3, new: 4, if() {}})") ==
              "(ObjectExpression parenthesized (Property init (StringLiteral \"get\") "
              "(NumberLiteral 1)) (Property init "
              "(StringLiteral \"set\") (NumberLiteral 2)) (Property init (StringLiteral "
              "\"static\") (NumberLiteral 3)) "
              "(Property init (StringLiteral \"new\") (NumberLiteral 4)) (Property method "
              "(StringLiteral \"if\") "
              "(Function method \"if\" (BlockStatement))))");
        CHECK(expr("({f: function () {}, g: () => 1})") ==
              "(ObjectExpression parenthesized (Property init (StringLiteral \"f\") (Function "
              "expression \"f\" "
              "(BlockStatement))) (Property init (StringLiteral \"g\") (Function arrow \"g\" "
              "expression-body "
              "(NumberLiteral 1))))");
    }

    TEST_CASE("a brace at statement start is a block, not an object literal") {
        CHECK(ast("{ a: 1 }") == "(Program (BlockStatement (LabeledStatement a "
                                 "(ExpressionStatement (NumberLiteral 1)))))");
        CHECK(ast("({ a: 1 })") == "(Program (ExpressionStatement (ObjectExpression parenthesized "
                                   "(Property init (StringLiteral \"a\") "
                                   "(NumberLiteral 1)))))");
        // `{ a: 1, b: 2 }` is a block holding `a: 1, b` and then a stray ':'.
        CHECK(error("{ a: 1, b: 2 }") ==
              "1:10: expected ';' or a line break after the statement but found ':'");
    }

    TEST_CASE("array literals with holes and spread") {
        CHECK(
            expr("[1, , ...a, b,]") ==
            "(ArrayExpression (NumberLiteral 1) - (SpreadElement (Identifier a)) (Identifier b))");
        CHECK(expr("[,]") == "(ArrayExpression -)");
        CHECK(expr("[]") == "(ArrayExpression)");
    }

    TEST_CASE("member access, calls, new, and spread arguments") {
        CHECK(
            expr("a.b[c](d, ...e).f") ==
            "(MemberExpression (CallExpression (MemberExpression computed (MemberExpression "
            "(Identifier a) "
            "(StringLiteral \"b\")) (Identifier c)) (Identifier d) (SpreadElement (Identifier e))) "
            "(StringLiteral \"f\"))");
        CHECK(expr("a.class.new") == "(MemberExpression (MemberExpression (Identifier a) "
                                     "(StringLiteral \"class\")) (StringLiteral \"new\"))");
        CHECK(expr("new A.B(1).c") == "(MemberExpression (NewExpression (MemberExpression "
                                      "(Identifier A) (StringLiteral \"B\")) "
                                      "(NumberLiteral 1)) (StringLiteral \"c\"))");
        CHECK(expr("new A") == "(NewExpression (Identifier A))");
        CHECK(expr("new new A()()") == "(NewExpression (NewExpression (Identifier A)))");
        CHECK(expr("new (f())()") ==
              "(NewExpression (CallExpression parenthesized (Identifier f)))");
    }

    TEST_CASE("optional chains are wrapped where the short circuit ends") {
        CHECK(expr("a?.b.c") == "(ChainExpression (MemberExpression (MemberExpression optional "
                                "(Identifier a) (StringLiteral \"b\")) "
                                "(StringLiteral \"c\")))");
        CHECK(expr("a?.[0]?.(1)") == "(ChainExpression (CallExpression optional (MemberExpression "
                                     "computed optional (Identifier a) "
                                     "(NumberLiteral 0)) (NumberLiteral 1)))");
        CHECK(expr("(a?.b).c") == "(MemberExpression (ChainExpression parenthesized "
                                  "(MemberExpression optional (Identifier a) "
                                  "(StringLiteral \"b\"))) (StringLiteral \"c\"))");
        CHECK(error("a?.b = 1") == "1:1: invalid left-hand side in assignment: expected a "
                                   "variable, a property or a destructuring pattern");
        CHECK(
            error("new a?.b()") ==
            "1:6: an optional chain cannot be the callee of 'new'; add parentheses: new (a?.b)()");
    }

    TEST_CASE("template literals keep cooked and raw pieces") {
        CHECK(expr("`a${b}c${d}`") == "(TemplateLiteral (TemplateElement \"a\") (Identifier b) "
                                      "(TemplateElement \"c\") (Identifier d) "
                                      "(TemplateElement \"\"))");
        CHECK(expr(R"(`x\ty`)") == R"((TemplateLiteral (TemplateElement "x\ty" raw "x\\ty")))");
        CHECK(expr("`${`in${1}`}`") == "(TemplateLiteral (TemplateElement \"\") (TemplateLiteral "
                                       "(TemplateElement \"in\") (NumberLiteral 1) "
                                       "(TemplateElement \"\")) (TemplateElement \"\"))");
    }

    TEST_CASE("exponent is right associative and binds tighter than unary on its right") {
        CHECK(expr("2 ** 3 ** 2") == "(BinaryExpression ** (NumberLiteral 2) (BinaryExpression ** "
                                     "(NumberLiteral 3) (NumberLiteral 2)))");
        CHECK(expr("(-2) ** 2") == "(BinaryExpression ** (UnaryExpression - parenthesized "
                                   "(NumberLiteral 2)) (NumberLiteral 2))");
        CHECK(expr("2 ** -2") ==
              "(BinaryExpression ** (NumberLiteral 2) (UnaryExpression - (NumberLiteral 2)))");
        CHECK(error("-2 ** 2") == "1:1: a unary operator directly before '**' is ambiguous; write "
                                  "(-a) ** b or -(a ** b)");
    }

    TEST_CASE("binary operators follow ECMAScript precedence and left associativity") {
        CHECK(expr("a + b * c - d") == "(BinaryExpression - (BinaryExpression + (Identifier a) "
                                       "(BinaryExpression * (Identifier b) (Identifier c))) "
                                       "(Identifier d))");
        CHECK(expr("a / b / c") == "(BinaryExpression / (BinaryExpression / (Identifier a) "
                                   "(Identifier b)) (Identifier c))");
        CHECK(expr("a < b == c") == "(BinaryExpression == (BinaryExpression < (Identifier a) "
                                    "(Identifier b)) (Identifier c))");
        CHECK(expr("a | b ^ c & d") == "(BinaryExpression | (Identifier a) (BinaryExpression ^ "
                                       "(Identifier b) (BinaryExpression & (Identifier c) "
                                       "(Identifier d))))");
        CHECK(expr("a << b + c") == "(BinaryExpression << (Identifier a) (BinaryExpression + "
                                    "(Identifier b) (Identifier c)))");
        CHECK(expr("a || b && c") == "(LogicalExpression || (Identifier a) (LogicalExpression && "
                                     "(Identifier b) (Identifier c)))");
        CHECK(expr("a ?? b ?? c") == "(LogicalExpression ?? (LogicalExpression ?? (Identifier a) "
                                     "(Identifier b)) (Identifier c))");
        CHECK(expr("a instanceof B in c") == "(BinaryExpression in (BinaryExpression instanceof "
                                             "(Identifier a) (Identifier B)) (Identifier c))");
        CHECK(expr("a ? b : c ? d : e") == "(ConditionalExpression (Identifier a) (Identifier b) "
                                           "(ConditionalExpression (Identifier c) (Identifier d) "
                                           "(Identifier e)))");
        CHECK(expr("a = b = c") == "(AssignmentExpression = (Identifier a) (AssignmentExpression = "
                                   "(Identifier b) (Identifier c)))");
        CHECK(expr("a, b = 1") == "(SequenceExpression (Identifier a) (AssignmentExpression = "
                                  "(Identifier b) (NumberLiteral 1)))");
        CHECK(expr("!a === typeof b") == "(BinaryExpression === (UnaryExpression ! (Identifier a)) "
                                         "(UnaryExpression typeof (Identifier b)))");
        CHECK(expr("void 0, delete a[b]") ==
              "(SequenceExpression (UnaryExpression void (NumberLiteral 0)) (UnaryExpression "
              "delete (MemberExpression "
              "computed (Identifier a) (Identifier b))))");
    }

    TEST_CASE("?? cannot be mixed with && or || without parentheses") {
        CHECK(error("a ?? b || c") == "1:8: '?\?' cannot be mixed with '||' without parentheses; "
                                      "write (a ?? b) || c or a ?? (b || c)");
        CHECK(error("a || b ?? c") == "1:8: '?\?' cannot be mixed with '||' without parentheses; "
                                      "write (a ?? b) || c or a ?? (b || c)");
        CHECK(error("a && b ?? c").find("'?\?' cannot be mixed with '&&'") != std::string::npos);
        CHECK(error("a ?? b && c").find("'?\?' cannot be mixed with '&&'") != std::string::npos);
        CHECK(expr("(a ?? b) || c") == "(LogicalExpression || (LogicalExpression ?? parenthesized "
                                       "(Identifier a) (Identifier b)) (Identifier c))");
        CHECK(expr("a ?? (b || c)") == "(LogicalExpression ?? (Identifier a) (LogicalExpression || "
                                       "parenthesized (Identifier b) (Identifier c)))");
    }

    TEST_CASE("every compound assignment operator, including the logical ones") {
        const char* ops[] = {"+=",   "-=", "*=", "/=", "%=",  "**=", "<<=", ">>=",
                             ">>>=", "&=", "|=", "^=", "&&=", "||=", "?\?="};
        for (const char* op : ops) {
            CAPTURE(op);
            CHECK(
                expr(std::string("a.b ") + op + " 1") ==
                std::string("(AssignmentExpression ") + op +
                    " (MemberExpression (Identifier a) (StringLiteral \"b\")) (NumberLiteral 1))");
        }
        CHECK(error("[a] += 1").find("invalid left-hand side in assignment") != std::string::npos);
    }

    TEST_CASE("prefix and postfix updates need a variable or a property") {
        CHECK(
            expr("++a.b") ==
            "(UpdateExpression ++ prefix (MemberExpression (Identifier a) (StringLiteral \"b\")))");
        CHECK(expr("a--") == "(UpdateExpression -- postfix (Identifier a))");
        CHECK(error("++f()") == "1:3: invalid operand for '++': expected a variable or a property");
        CHECK(error("1++") == "1:1: invalid operand for '++': expected a variable or a property");
    }

    TEST_CASE("destructuring assignment converts literals into patterns") {
        CHECK(expr("[a, b] = [b, a]") == "(AssignmentExpression = (ArrayPattern (Identifier a) "
                                         "(Identifier b)) (ArrayExpression (Identifier b) "
                                         "(Identifier a)))");
        CHECK(expr("({a, b: {c = 1}, ...d} = o)") ==
              "(AssignmentExpression = parenthesized (ObjectPattern (Property init shorthand "
              "(StringLiteral \"a\") "
              "(Identifier a)) (Property init (StringLiteral \"b\") (ObjectPattern (Property init "
              "shorthand "
              "(StringLiteral \"c\") (AssignmentPattern (Identifier c) (NumberLiteral 1))))) "
              "(RestElement "
              "(Identifier d))) (Identifier o))");
        CHECK(expr("[x.y, ...z[0]] = w") ==
              "(AssignmentExpression = (ArrayPattern (MemberExpression (Identifier x) "
              "(StringLiteral \"y\")) "
              "(RestElement (MemberExpression computed (Identifier z) (NumberLiteral 0)))) "
              "(Identifier w))");
        CHECK(error("[...a, b] = c") == "1:2: a rest element must be last, with no trailing comma");
        CHECK(error("[...a,] = c") == "1:2: a rest element must be last, with no trailing comma");
        CHECK(error("({a = 1})").rfind("1:3: invalid shorthand property initializer", 0) == 0);
        CHECK(error("f({a = 1})").rfind("1:4: invalid shorthand property initializer", 0) == 0);
        CHECK(error("({m() {}} = o)") == "1:3: invalid left-hand side in assignment: expected a "
                                         "variable, a property or a destructuring pattern");
    }

    TEST_CASE("this, arguments and super uses are recorded, through arrows") {
        SourceFile source(
            "t.js",
            "function f() { return () => this.x + arguments[0]; } function g(a) { return a; }");
        ParseResult result = parse_program(source);
        REQUIRE(result.is_ok());
        Function* f = as<FunctionDeclaration>(result.program.body[0])->function;
        Function* g = as<FunctionDeclaration>(result.program.body[1])->function;
        auto* arrow =
            as<Function>(as<ReturnStatement>(as<BlockStatement>(f->body)->body[0])->argument);
        CHECK(f->uses_this);
        CHECK(f->uses_arguments);
        CHECK(arrow->uses_this);
        CHECK(arrow->uses_arguments);
        CHECK_FALSE(g->uses_this);
        CHECK_FALSE(g->uses_arguments);
        CHECK(g->has_simple_params);
        CHECK_FALSE(
            as<Function>(as<VariableDeclarator>(
                             as<VariableDeclaration>(
                                 parse_program(SourceFile("t.js", "var h = (a = this) => 1;"))
                                     .program.body[0])
                                 ->declarations[0])
                             ->init)
                ->has_simple_params);
    }

    TEST_CASE("the function's range covers its whole source text") {
        SourceFile source(
            "t.js", "x = [async (a) => a, function named() {}];\nclass K { static get g() {} }");
        ParseResult result = parse_program(source);
        REQUIRE(result.is_ok());
        auto* array = as<ArrayExpression>(
            as<AssignmentExpression>(as<ExpressionStatement>(result.program.body[0])->expression)
                ->value);
        auto text = [&](const Node* node) {
            return source.text().substr(node->start, node->end - node->start);
        };
        CHECK(text(array->elements[0]) == "async (a) => a");
        CHECK(text(array->elements[1]) == "function named() {}");
        auto* member = as<ClassDeclaration>(result.program.body[1])->definition->members[0];
        CHECK(text(member->value) == "get g() {}");
        CHECK(text(member) == "static get g() {}");
    }

    TEST_CASE("CommonJS names are ordinary identifiers and top-level return is allowed") {
        CHECK(ast("module.exports = require(__dirname + '/x'); return;") ==
              "(Program (ExpressionStatement (AssignmentExpression = (MemberExpression (Identifier "
              "module) "
              "(StringLiteral \"exports\")) (CallExpression (Identifier require) (BinaryExpression "
              "+ (Identifier "
              "__dirname) (StringLiteral \"/x\"))))) (ReturnStatement))");
        CHECK(ast("#!/usr/bin/env node\nexports.a = __filename;") ==
              "(Program hashbang (ExpressionStatement (AssignmentExpression = (MemberExpression "
              "(Identifier exports) "
              "(StringLiteral \"a\")) (Identifier __filename))))");
    }

    TEST_CASE(
        "deeply nested input is rejected with a diagnostic instead of overflowing the stack") {
        std::string deep(5000, '(');
        deep += "1";
        deep += std::string(5000, ')');
        CHECK(error(deep).find("nested too deeply") != std::string::npos);
        std::string fine(100, '[');
        fine += std::string(100, ']');
        CHECK(error(fine) == "ok");
    }

    TEST_CASE("two parses of the same text print identically") {
        std::string text =
            "async function f(a, {b}) { for (const x of a) await x?.[b]; return `${a}` }";
        CHECK(ast(text) == ast(text));
        CHECK(ast(text).rfind("(Program (FunctionDeclaration", 0) == 0);
    }

} // TEST_SUITE
