#pragma once
// Diagnostic: the one error a scenario's front end reports. Parsing stops at the first error
// (so one mistake never cascades into a list of follow-on errors); the diagnostic names the
// byte offset where the problem is, a code from the catalogue in diagnostics.def, and the
// rendered message. format_diagnostic prints it GCC-style with a code frame:
//   scenarios/timers/order.js:12:17: error: expected ')' to close '(' opened at 12:9
//     setTimeout(() => log('a'), 0;
//                     ^
#include "model/js/syntax/source.h"

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

namespace loopsim::js::syntax {

enum class DiagnosticCode : uint8_t {
#define LOOPSIM_SYNTAX_ERROR(Code, message) Code,
#define LOOPSIM_UNSUPPORTED(Code, message) Code,
#include "model/js/syntax/diagnostics.def"
};

struct Diagnostic {
    uint32_t offset = 0; // byte offset in the SourceFile
    DiagnosticCode code = DiagnosticCode::Unexpected;
    std::string message; // rendered; without position or "error:"
};

// The catalogue entry: "expected {0} but found {1}".
std::string_view diagnostic_template(DiagnosticCode code);
// "Expected", "Generator": the code's name, as in diagnostics.def.
std::string_view diagnostic_code_name(DiagnosticCode code);
// True for valid JavaScript outside the dialect (LOOPSIM_UNSUPPORTED entries).
bool is_unsupported_feature(DiagnosticCode code);
// The template with {0}, {1}, ... replaced by `args`.
std::string render_diagnostic(DiagnosticCode code,
                              std::initializer_list<std::string_view> args = {});
Diagnostic make_diagnostic(uint32_t offset, DiagnosticCode code,
                           std::initializer_list<std::string_view> args = {});

// "path:line:col: error: message\n" followed by the code frame.
std::string format_diagnostic(const SourceFile& source, const Diagnostic& diagnostic);

} // namespace loopsim::js::syntax
