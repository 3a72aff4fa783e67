#include "model/js/syntax/diagnostic.h"

namespace loopsim::js::syntax {

namespace {

struct CatalogueEntry {
    std::string_view name;
    std::string_view message;
    bool unsupported;
};

constexpr CatalogueEntry catalogue[] = {
#define LOOPSIM_SYNTAX_ERROR(Code, message) {#Code, message, false},
#define LOOPSIM_UNSUPPORTED(Code, message) {#Code, message, true},
#include "model/js/syntax/diagnostics.def"
};

const CatalogueEntry& entry(DiagnosticCode code) {
    return catalogue[static_cast<size_t>(code)];
}

} // namespace

std::string_view diagnostic_template(DiagnosticCode code) {
    return entry(code).message;
}
std::string_view diagnostic_code_name(DiagnosticCode code) {
    return entry(code).name;
}
bool is_unsupported_feature(DiagnosticCode code) {
    return entry(code).unsupported;
}

std::string render_diagnostic(DiagnosticCode code, std::initializer_list<std::string_view> args) {
    std::string_view text = entry(code).message;
    std::string out;
    out.reserve(text.size() + 16);
    for (size_t i = 0; i < text.size(); ++i) {
        // "{N}" with a single digit N selects an argument; anything else is copied as is
        // (messages may show braces, as in '{a = 1}').
        if (text[i] == '{' && i + 2 < text.size() && text[i + 1] >= '0' && text[i + 1] <= '9' &&
            text[i + 2] == '}') {
            size_t index = static_cast<size_t>(text[i + 1] - '0');
            if (index < args.size()) out += *(args.begin() + index);
            i += 2;
            continue;
        }
        out += text[i];
    }
    return out;
}

Diagnostic make_diagnostic(uint32_t offset, DiagnosticCode code,
                           std::initializer_list<std::string_view> args) {
    return Diagnostic{offset, code, render_diagnostic(code, args)};
}

std::string format_diagnostic(const SourceFile& source, const Diagnostic& diagnostic) {
    std::string out = source.path();
    out += ':';
    out += source.position_string(diagnostic.offset);
    out += ": error: ";
    out += diagnostic.message;
    out += '\n';
    out += source.code_frame(diagnostic.offset);
    return out;
}

} // namespace loopsim::js::syntax
