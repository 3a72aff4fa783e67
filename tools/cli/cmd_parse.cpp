// `loopsim parse`: checks that scenarios are inside loopsim's dialect, and can print the
// syntax tree. Diagnostics are the parser's: file:line:col, a code frame and a caret.
#include "model/js/syntax/ast_printer.h"
#include "model/js/syntax/parser.h"
#include "tools/cli/cli.h"
#include "tools/cli/commands.h"

#include <ostream>
#include <vector>

namespace loopsim::cli {

int cmd_parse(std::span<const std::string> args, std::ostream& out, std::ostream& err) {
    bool dump_ast = false;
    bool quiet = false;
    std::vector<std::string> files;
    for (const std::string& a : args) {
        if (a == "--dump-ast")
            dump_ast = true;
        else if (a == "--quiet" || a == "-q")
            quiet = true;
        else if (a.starts_with("-")) {
            err << "loopsim parse: unknown option '" << a << "' (options: --dump-ast, --quiet)\n";
            return k_exit_usage;
        } else
            files.push_back(a);
    }
    if (files.empty()) {
        err << "loopsim parse: no scenario given (usage: loopsim parse [--dump-ast] FILE...)\n";
        return k_exit_usage;
    }
    int status = k_exit_ok;
    for (const std::string& path : files) {
        std::optional<std::string> text = read_file(path, err);
        if (!text) {
            status = k_exit_failure;
            continue;
        }
        js::syntax::SourceFile source(path, std::move(*text));
        // A .mjs file is an ES module (docs/dialect.md, "ES modules").
        js::syntax::ParseResult result = path.ends_with(".mjs") ? js::syntax::parse_module(source)
                                                                : js::syntax::parse_program(source);
        if (!result.is_ok()) {
            err << js::syntax::format_diagnostic(source, *result.diagnostic);
            status = k_exit_failure;
            continue;
        }
        if (dump_ast)
            out << js::syntax::print_ast(result.program, &source);
        else if (!quiet)
            out << path << ": ok, inside loopsim's dialect\n";
    }
    return status;
}

} // namespace loopsim::cli
